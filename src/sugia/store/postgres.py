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
from .filters import SearchFilters, page_conditions
from .schema import POSTGRES

# As in SQLite, a query matching more pages than this is ranked among its most recent matches;
# smaller than SQLite's because ts_rank reads each page's whole tsvector (on 30,000 pages, a
# common word took 31 ms with 5,000 and 12 ms with 2,000).
RANK_WINDOW = 2_000
PIPELINE_ROWS = 8


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
            # prepare_threshold=None: no server-side prepared statements, whose generic plans cannot
            # see the tsquery and so cannot choose between the GIN index and a backward key scan.
            self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row, prepare_threshold=None)
        except psycopg.OperationalError as exc:
            raise UsageError(f"cannot connect to {url}: {str(exc).strip()}") from exc
        super().__init__(url)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.db.execute(_placeholders(sql), tuple(args))

    def tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        from psycopg.rows import tuple_row

        with self.db.cursor(row_factory=tuple_row) as cursor:
            return cursor.execute(_placeholders(sql), tuple(args)).fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        # psycopg's executemany opens a pipeline and syncs it; for the few rows a page has
        # (aliases, posts, figures) that cost more than one statement each (storing 144 ->
        # 127 pages/s), so short batches go one by one.
        if len(rows) > PIPELINE_ROWS:
            with self.db.cursor() as cursor:
                cursor.executemany(_placeholders(sql), rows)
            return
        for row in rows:
            self.execute(sql, row)

    def transaction(self) -> AbstractContextManager[Any]:
        return self.db.transaction()

    def lock_schema(self) -> None:
        self.db.execute("SELECT pg_advisory_xact_lock(hashtext('sugia_schema'))")

    def lock_source(self, source: str) -> None:
        self.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (f"page:{source}",))

    def lock_linking(self) -> None:
        self.db.execute("SELECT pg_advisory_xact_lock(hashtext('sugia_link'))")

    def schema_version(self) -> int:
        if self.value("SELECT to_regclass('sugia_schema')") is None:
            return 0
        return self.value("SELECT version FROM sugia_schema")

    def set_schema_version(self, number: int) -> None:
        self.execute("UPDATE sugia_schema SET version = ?", (number,))

    def ranked(self, query: Query, chosen: SearchFilters, limit: int) -> list[dict[str, Any]]:
        filters, args = page_conditions(chosen)
        # The tsquery is written into both places (not a CTE) so the planner sees it: for a
        # common word it walks the primary key backwards and stops after RANK_WINDOW matches;
        # for a rare one it takes the GIN index. With filters every match passing them is ranked.
        window = "" if filters else f"ORDER BY p.id DESC LIMIT {RANK_WINDOW}"
        if pairs := query.tsquery_pairs():  # a phrase: its pairs' short GIN lists first, positions after
            filters, args = ["AND p.pairs @@ to_tsquery('simple', ?)", *filters], [pairs, *args]
        sql = ("SELECT h.id, ts_rank(h.tsv, to_tsquery('simple', ?)) AS score FROM"
               f" (SELECT p.id, p.tsv, p.published FROM pages p WHERE p.tsv @@ to_tsquery('simple', ?) {' '.join(filters)}"
               f" {window}) AS h ORDER BY score DESC, h.published DESC NULLS LAST LIMIT ?")
        text = query.tsquery()
        try:
            return self.rows(sql, [text, text, *args, limit])
        except self._errors as exc:
            raise UsageError(f"malformed query {text!r}: {str(exc).strip()}") from exc

    def close(self) -> None:
        self.db.close()
