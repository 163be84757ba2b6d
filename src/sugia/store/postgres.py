"""PostgreSQL for teams: the same tables and queries as the SQLite file, full-text search in a
generated tsvector column over the folded text (GIN index), ranked by ts_rank. Needs psycopg
(`pip install 'sugia[postgresql]'`)."""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from ..errors import UsageError
from ..search import Query
from .base import Store
from .schema import POSTGRES

# As in SQLite: a query matching more pages than this is ranked among its most recent matches.
RANK_WINDOW = 5_000


def _placeholders(sql: str) -> str:
    """The shared SQL's `?` placeholders as psycopg's `%s` (a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(Store):
    """Knowledge base in a PostgreSQL database, given by a postgresql:// URL."""

    MIGRATIONS = POSTGRES

    def __init__(self, url: str):
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise UsageError("the PostgreSQL backend needs psycopg: pip install 'sugia[postgresql]'") from exc
        self._errors = psycopg.Error
        try:
            self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.OperationalError as exc:
            raise UsageError(f"cannot connect to {url}: {str(exc).strip()}") from exc
        super().__init__(url)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.db.execute(_placeholders(sql), tuple(args))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.db.cursor() as cursor:
                cursor.executemany(_placeholders(sql), rows)

    def transaction(self) -> AbstractContextManager[Any]:
        return self.db.transaction()

    def schema_version(self) -> int:
        self.db.execute("SELECT pg_advisory_xact_lock(hashtext('sugia_schema'))")  # one migrator at a time
        if self.value("SELECT to_regclass('sugia_schema')") is None:
            return 0
        return self.value("SELECT version FROM sugia_schema")

    def set_schema_version(self, number: int) -> None:
        self.execute("UPDATE sugia_schema SET version = ?", (number,))

    def ranked(self, query: Query, filters: list[str], args: list[Any], limit: int) -> list[dict[str, Any]]:
        # With no filter the GIN match is cut to the most recent RANK_WINDOW pages before
        # ts_rank reads their vectors; with filters every match that passes them is ranked.
        window = "" if filters else f"ORDER BY p.id DESC LIMIT {RANK_WINDOW}"
        sql = ("WITH q AS (SELECT to_tsquery('simple', ?) AS q),"
               f" hits AS (SELECT p.id, p.tsv FROM pages p, q WHERE p.tsv @@ q.q {' '.join(filters)} {window})"
               " SELECT p.id, ts_rank(hits.tsv, q.q) AS score"
               " FROM hits JOIN pages p ON p.id = hits.id, q ORDER BY score DESC, p.published DESC NULLS LAST LIMIT ?")
        try:
            return self.rows(sql, [query.tsquery(), *args, limit])
        except self._errors as exc:
            raise UsageError(f"malformed query {query.tsquery()!r}: {str(exc).strip()}") from exc

    def close(self) -> None:
        self.db.close()
