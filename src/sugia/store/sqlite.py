"""The embedded default: one SQLite file (WAL, foreign keys, numbered migrations) with an
FTS5 index over the folded text, so Datasette and sqlite-utils open it as it is."""
from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..lang.text import fold
from ..search import Query, index_pairs, index_words
from .base import Store
from .checkpoints import Checkpointer
from .filters import SearchFilters, key_expression, only_dates_and_outlet, page_conditions
from .schema import SEARCH_COLUMNS, SEARCH_VALUES, SQLITE

# A query matching more pages than this is answered from its most recent matches, not ranked
# by bm25 (see `ranked`). At 100,000 pages bm25 over 70,000 matches took ~110 ms; at 1M a
# common word's idf alone took 70 ms.
RANK_WINDOW = 5_000


def _dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict[str, Any]:
    return {column[0]: value for column, value in zip(cursor.description, row)}


BUSY_SECONDS = 120.0
CACHE_KIB = 256 * 1024
WAL_AUTOCHECKPOINT = 1000  # SQLite's default: the writer checkpoints once the log holds this many pages
WAL_PAGES = 128 * 1024  # with checkpoints aside, the log's length (~512 MB) from which the writer waits for them

log = logging.getLogger(__name__)


class SQLiteStore(Store):
    """Knowledge base in one SQLite file."""

    MIGRATIONS = SQLITE

    def __init__(self, path: str | Path):
        # Another writer of the same file holds its lock for one page (or one migration) at a
        # time: wait for it rather than fail ("database is locked" with the 5 s default).
        self.db = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_SECONDS)
        self.db.row_factory = _dict_row
        self.db.create_function("fold", 1, lambda text: fold(text or ""), deterministic=True)  # for migrations
        for name, words in (("search_words", index_words), ("search_pairs", index_pairs)):  # for pages_search
            self.db.create_function(name, 1, lambda text, words=words: words(text or ""), deterministic=True)
        self._wal()
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # A page is stored within a savepoint, and SQLite keeps the pages it changes as they were
        # before it in a sub-journal, a temporary file once past 64 KB: ~110 writes of a page's
        # 120 were to it. In memory, storing into a new base costs 0.55 ms a page, 0.62 so.
        self.db.execute("PRAGMA temp_store=MEMORY")
        # A writer of a large base touches index pages all over (reprint bands, names): the
        # default 2 MB cache made storing at 1M pages read them again and again. An upper bound,
        # used only as pages are read.
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self._checkpointer: Checkpointer | None = None
        super().__init__(str(path))

    def _wal(self) -> None:
        """Switch the file to WAL. The switch needs the file to itself and SQLite answers
        "database is locked" at once, without waiting, while another process opens or migrates
        it (two `sugia ingest` of one new file): wait for it as for any lock."""
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, args)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.db.executemany(sql, rows)

    def tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        cursor = self.db.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, args).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: a page is stored whole or not.
        Inside another transaction, a savepoint (as psycopg nests them)."""
        nested, changes = self.db.in_transaction, self.db.total_changes
        self.db.execute("SAVEPOINT page" if nested else "BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK TO page" if nested else "ROLLBACK")
            if nested:
                self.db.execute("RELEASE page")
            raise
        self.db.execute("RELEASE page" if nested else "COMMIT")
        # A transaction that changed nothing left nothing to copy: counted as a commit, it made the
        # writer wait for the last commit's copy (~0.4 s a batch at 1M, when bands were counted apart).
        if not nested and self._checkpointer is not None and self.db.total_changes != changes:
            self._committed(self._checkpointer)

    @contextmanager
    def moving(self) -> Iterator[None]:
        """Foreign keys unchecked: moving the reprint index's middle level (2.1 million band rows)
        to the last at a million pages took 10-12 s with each row's page looked up, 3.5-4 without.
        The pragma holds only outside a transaction; within one, keys are checked as there."""
        if self.db.in_transaction:
            with self.transaction():
                yield
            return
        self.db.execute("PRAGMA foreign_keys=OFF")
        try:
            with self.transaction():
                yield
        finally:
            self.db.execute("PRAGMA foreign_keys=ON")

    @contextmanager
    def checkpoints_aside(self) -> Iterator[None]:
        """Commits only append to the log while a thread copies them into the base
        (`checkpoints.Checkpointer`): at 1.5 million pages storing a page cost 1.02-1.06 ms so,
        1.12-1.17 with the writer checkpointing (0.53 against 0.57 into a new base)."""
        if self._checkpointer is not None:  # within another ingest's
            yield
            return
        checkpointer = self._checkpointer = Checkpointer(self.path, BUSY_SECONDS)
        self.db.execute("PRAGMA wal_autocheckpoint=0")
        try:
            yield
        finally:
            checkpointer.stop()
            if self._checkpointer is checkpointer:  # not already given up (`_committed`)
                self._own_checkpoints()

    def _committed(self, checkpointer: Checkpointer) -> None:
        if checkpointer.failure is not None:
            self._own_checkpoints()
            return
        checkpointer.nudge()
        # The log starts again from its beginning only once every page in it is copied: should
        # the writer outpace the thread (a commit's copy still undone at the next, or the log as
        # long as WAL_PAGES at the last checkpoint: the file keeps its largest size), it waits.
        if checkpointer.behind() > 1 or checkpointer.log_pages >= WAL_PAGES:
            checkpointer.wait()

    def _own_checkpoints(self) -> None:
        """The writer checkpoints again (after the thread's work, or its failure)."""
        checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None and checkpointer.failure is not None:
            log.warning("checkpoints beside the writer stopped (%s): the writer checkpoints itself",
                        checkpointer.failure)
        self.db.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT}")

    def schema_version(self) -> int:
        return self.value("PRAGMA user_version")

    def set_schema_version(self, number: int) -> None:
        self.db.execute(f"PRAGMA user_version={int(number)}")

    def index(self, page_ids: Sequence[int]) -> None:
        # One statement per index, in rowid order: FTS5 writes its pending terms out at every
        # savepoint, SQLite opens one for each INSERT ... SELECT (and FTS5 again whenever a
        # rowid goes back), so a statement per page made every page an index segment of its
        # own, merged again and again (at a million pages 12 index pages written per page).
        ids = json.dumps(sorted(page_ids))
        chosen = "FROM pages WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"
        self.db.execute("INSERT INTO pages_fts(rowid, title_folded, body_folded, search_keys)"
                        f" SELECT id, title_folded, body_folded, search_keys {chosen}", (ids,))
        self.db.execute(f"INSERT INTO pages_search({SEARCH_COLUMNS}) SELECT {SEARCH_VALUES} {chosen}", (ids,))

    def unindex(self, page_id: int) -> None:
        self.db.execute("INSERT INTO pages_fts(pages_fts, rowid, title_folded, body_folded, search_keys)"
                        " SELECT 'delete', id, title_folded, body_folded, search_keys FROM pages WHERE id = ?", (page_id,))
        self.db.execute(f"INSERT INTO pages_search(pages_search, {SEARCH_COLUMNS}) SELECT 'delete', {SEARCH_VALUES}"
                        " FROM pages WHERE id = ?", (page_id,))

    def ranked(self, query: Query, chosen: SearchFilters, limit: int) -> list[dict[str, Any]]:
        # Searches read pages_search (words, word pairs, date and outlet keys; schema.py), so a
        # phrase is its pairs and a date/outlet filter is more index words. bm25 reads every
        # match of every term once per query (its idf): at 1M pages a common word cost 70 ms
        # before a single page was ranked. So a query matching more than RANK_WINDOW pages is
        # answered from its RANK_WINDOW most recently stored matches (the window's lower rowid
        # found by walking the index backwards), those with every term in the title first,
        # newest first; fewer matches are ranked by bm25. A query filtered by dates and outlet
        # alone is one intersection inside the index, windowed the same way, and answered
        # newest first whenever its words alone match more than RANK_WINDOW pages.
        filters, args = page_conditions(chosen)
        keys = self._keys(chosen) if chosen else None
        within = f" AND keys : ({keys})" if keys else ""
        words = "(" + query.fts5("{title body}", "{title_pairs body_pairs}") + ")"
        expression = words + within
        by_index = not chosen or (keys is not None and only_dates_and_outlet(chosen))
        try:
            floor = self._floor(expression) if by_index else None
            if floor is None and by_index and within and self._floor(words) is not None:
                floor = 0  # common words, a narrow filter: all its matches, newest first (bm25's idf would read all)
            if floor is not None:
                in_title = "(" + query.fts5("{title}", "{title_pairs}") + ")" + within
                return self._recent(expression, in_title, floor, filters, args, limit)
            pool = "" if filters else f"LIMIT {max(limit * 5, 100)}"  # filtered: every ranked match is checked
            sql = ("SELECT p.id, -hits.score AS score FROM (SELECT rowid, bm25(pages_search, 1.0, 1.0, 1.0, 1.0, 0.0)"
                   f" AS score FROM pages_search WHERE pages_search MATCH ? ORDER BY score {pool}) AS hits"
                   " JOIN pages p ON p.id = hits.rowid WHERE 1=1 " + " ".join(filters) +
                   " ORDER BY round(hits.score, 6), p.published DESC LIMIT ?")
            return self.rows(sql, [expression, *args, limit])
        except sqlite3.OperationalError as exc:
            raise UsageError(f"malformed query {query.fts5()!r}: {exc}") from exc

    def _floor(self, expression: str) -> int | None:
        """The lowest rowid of the window when more than RANK_WINDOW pages match, else None
        (found walking the index backwards, which stops after RANK_WINDOW matches)."""
        floor = self.value(f"SELECT rowid FROM pages_search WHERE pages_search MATCH ? ORDER BY rowid DESC LIMIT 1"
                           f" OFFSET {RANK_WINDOW}", (expression,))
        return None if floor is None else int(floor)

    def _recent(self, expression: str, in_title: str, floor: int, filters: list[str], args: list[Any],
                limit: int) -> list[dict[str, Any]]:
        """The window's pages with the query in their title (score 2), then the others (score
        1), newest stored first."""
        # The window's matches are read in rowid order, then sorted: walking the index backwards
        # FTS5 does not stop at the lower bound (56 ms for no title match at 1M pages; 2 ms so).
        sql = ("WITH f AS MATERIALIZED (SELECT rowid FROM pages_search WHERE pages_search MATCH ? AND rowid > ?)"
               " SELECT p.id, ? AS score FROM f JOIN pages p ON p.id = f.rowid WHERE 1=1 " + " ".join(filters) +
               " ORDER BY f.rowid DESC LIMIT ?")
        titled = self.rows(sql, [in_title, floor, 2.0, *args, limit])
        if len(titled) == limit:
            return titled
        seen = {r["id"] for r in titled}
        rest = self.rows(sql, [expression, floor, 1.0, *args, limit + len(titled)])
        return titled + [r for r in rest if r["id"] not in seen][:limit - len(titled)]

    def _keys(self, chosen: SearchFilters) -> str | None:
        first = last = None
        if bool(chosen.date_from) != bool(chosen.date_to):  # an open range ends at the base's first or last page
            first = self.value("SELECT min(published) FROM pages")
            last = self.value("SELECT max(published) FROM pages")
        return key_expression(chosen, first, last)

    def close(self) -> None:
        self.db.close()
