"""What a database must do to hold the knowledge base: run statements written once with `?`
placeholders, give transactions, apply numbered migrations, and rank full-text matches. The
backends (`sqlite.py`, `postgres.py`) supply these; writing rows is `write.py`, reading is
`queries.py`, and linking pages across articles is `sugia.link`.

Names that are looked up by spelling keep a folded copy (`*_folded` columns: no marks,
"đ" -> "d"), so the same SQL serves both databases.
"""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from ..search import Query
from .filters import SearchFilters


class Store:
    """The knowledge base's database over a DB-API connection; subclasses name the database."""

    MIGRATIONS: tuple[str, ...] = ()
    # Columns for the database's own use (folded copies, index words, an event's span class for
    # finding its reports), kept out of what readers and exports show.
    HIDDEN_COLUMNS = {"raw", "record", "title_folded", "body_folded", "outlet_folded", "name_folded", "alias_folded",
                      "country_folded", "forum_folded", "tsv", "search_keys", "pairs", "span"}

    def __init__(self, path: str):
        self.path = path
        self.migrate()

    # ---- what a backend supplies ---------------------------------------------------------

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement written with `?` placeholders; rows come back as dicts."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def moving(self) -> AbstractContextManager[Any]:
        """A transaction that only moves rows within the base (`link.reprints.settle_bands`):
        they were checked when stored, and a backend may skip checking them again."""
        return self.transaction()

    def lock_schema(self) -> None:
        """Keep other processes from migrating at the same time (inside the migration's transaction)."""

    def lock_source(self, source: str) -> None:
        """Keep other writers off one page's rows until this transaction ends (SQLite's BEGIN
        IMMEDIATE already holds the whole base)."""

    def lock_linking(self) -> None:
        """Keep other writers from linking pages until this transaction ends: linking reads and
        writes shared rows (entities, events), so it is done by one writer at a time (SQLite's
        BEGIN IMMEDIATE already is that lock)."""

    def schema_version(self) -> int:
        raise NotImplementedError

    def set_schema_version(self, number: int) -> None:
        raise NotImplementedError

    def ranked(self, query: Query, chosen: SearchFilters, limit: int) -> list[dict[str, Any]]:
        """Pages matching `query` and passing `chosen` (`filters.page_conditions`), best first:
        rows with the page's id and a score (higher is better)."""
        raise NotImplementedError

    def index(self, page_ids: Sequence[int]) -> None:
        """Add stored pages to the full-text index (nothing to do where the index is a column)."""

    def unindex(self, page_id: int) -> None:
        """Take a page out of the full-text index before it is deleted."""

    def checkpoints_aside(self) -> AbstractContextManager[Any]:
        """Many commits to come (an ingest): what the database can do beside the writer, it
        does (SQLite copies the log into the base in a thread; PostgreSQL's own processes do)."""
        return nullcontext()

    def close(self) -> None:
        raise NotImplementedError

    # ---- shared plumbing -----------------------------------------------------------------

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return list(self.execute(sql, args))

    def tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        """Rows as plain tuples, for a lookup that reads many: a dict a row cost a reprint lookup
        14 of its ~200 us for ~30 candidates."""
        raise NotImplementedError

    def value(self, sql: str, args: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, args).fetchone()
        return None if row is None else next(iter(row.values()))

    def migrate(self) -> None:
        """Apply the migrations not yet applied, all in one transaction, under the schema lock
        (SQLite's BEGIN IMMEDIATE is that lock), so two processes opening a new base do not both create it."""
        with self.transaction():
            self.lock_schema()
            version = self.schema_version()
            for number, sql in enumerate(self.MIGRATIONS[version:], start=version + 1):
                for statement in _statements(sql):
                    self.execute(statement)
                self.set_schema_version(number)

    def by_ids(self, sql: str, ids: Sequence[int], column: str = "id") -> list[dict[str, Any]]:
        """Rows of `sql` whose `column` is one of `ids` (none for no ids)."""
        if not ids:
            return []
        return self.rows(f"{sql} WHERE {column} IN ({','.join('?' * len(ids))})", list(ids))


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";\n") if s.strip()]
