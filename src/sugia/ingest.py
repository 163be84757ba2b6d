"""The ingest service: processed pages into a knowledge base, one page per transaction, by a
single writer that stores each page's rows and links it across articles. The CLI calls
`ingest`; the API and the web form start `Jobs`, which call it in the background.
"""
from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from .link import link_entities, link_events
from .link.reprints import bands_due, group, index_missing_bands, settle_bands
from .page import Failure, Page
from .read import read_bytes
from .store import Store
from .store.write import clear_failure, delete_page, insert_facts, insert_page, record_failure, status


class Writer:
    """Stores processed pages in one base (the reprint index lives in the base: nothing is
    built in memory when it opens)."""

    def __init__(self, store: Store):
        self.store = store
        self._banded = False
        self._unindexed: list[int] | None = None  # pages a batch stored, indexed at its end
        self._linked = False  # a batch linked pages: their reprint bands may be due to settle

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for many `add`s or links, their pages put in the full-text index at
        its end, outside their savepoints (FTS5 writes its pending terms out at every savepoint,
        so indexed within its own savepoint each page became an index segment of its own, to be
        merged again and again: 30,000 documents cost 0.19 ms each so, 0.08 in batches); then the
        recent reprint bands settled when due (`link.reprints.settle_bands`), in a transaction
        that only moves rows (`Store.moving`)."""
        self._unindexed, self._linked = [], False
        try:
            with self.store.transaction():
                yield
                self._index_stored()
                due = self._linked and bands_due(self.store)
        finally:
            self._unindexed = None
        if due:  # a transaction of its own, which only moves rows (`Store.moving`)
            with self.store.moving():
                self.store.lock_linking()  # as every write of bands: two linkers would both move them
                settle_bands(self.store)

    def _index_stored(self) -> None:
        """Index the pages this batch has stored so far."""
        if self._unindexed:
            self.store.index(self._unindexed)
            self._unindexed.clear()

    def _bands(self) -> None:
        """Band the signatures an older sugia stored without bands, once per writer."""
        if not self._banded:
            index_missing_bands(self.store)
            self._banded = True

    def add(self, page: Page, link: bool = True) -> str:
        """Store a processed page; returns 'new', 'unchanged', 'changed' or 'failed'. Storing
        the same page again changes nothing; a failed page keeps its reason in `failures`.
        Without `link` the page waits in `unlinked` for `link_pending` (`sugia link`): writers
        that only store can run side by side."""
        if link:
            self._bands()
        with self.store.transaction():  # the status is read under the write lock: concurrent ingesters serialise
            self.store.lock_source(page.source)
            state = status(self.store, page) if page.ok else "failed"
            if state == "unchanged":
                return state
            if state == "foreign":  # only a re-read of the same input replaces a page
                stored = self.store.value("SELECT origin FROM pages WHERE source = ?", (page.source,))
                page.failure, state = Failure("store", f"already stored from {stored}: not replaced by "
                                                       f"{page.origin}"), "failed"
            if not page.ok:
                record_failure(self.store, page)
                return state
            clear_failure(self.store, page.source)
            if state == "changed":
                self._index_stored()  # the page may be one this batch stored: its index entry is taken out
                delete_page(self.store, page.source)
            page_id = insert_page(self.store, page, index=self._unindexed is None)
            if self._unindexed is not None:
                self._unindexed.append(page_id)
            insert_facts(self.store, page_id, page.facts)
            if link:
                self.link(page_id, page)
            else:
                self.store.execute("INSERT INTO unlinked VALUES (?)", (page_id,))
        return state

    def link(self, page_id: int, page: Page) -> None:
        """Link a stored page across articles: its reprint group, entities and events."""
        self.store.lock_linking()
        self._linked = True
        group(self.store, page_id, page.body, page.signature)
        link_events(self.store, page_id, page, link_entities(self.store, page_id, page))

    def link_pending(self, progress: Callable[[int], None] | None = None) -> int:
        """Link every page stored without linking, oldest first, a batch per transaction;
        returns how many. Safe to run while writers store, and to rerun after an interruption."""
        self._bands()
        linked = 0
        with self.store.checkpoints_aside():
            while True:
                with self.batch():
                    self.store.lock_linking()  # another linker's batch is done before this one is read
                    rows = self.store.rows("SELECT u.page_id, p.record FROM unlinked u JOIN pages p ON p.id = u.page_id"
                                           f" ORDER BY u.page_id LIMIT {BATCH_PAGES}")
                    for row in rows:
                        self.link(row["page_id"], Page.from_dict(json.loads(row["record"])))
                        self.store.execute("DELETE FROM unlinked WHERE page_id = ?", (row["page_id"],))
                if not rows:
                    return linked
                linked += len(rows)
                if progress is not None:
                    progress(len(rows))


@dataclass
class IngestReport:
    """What an ingest did: pages by state, and every failed page with its stage and reason."""

    pages: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)

    def count(self, page: Page, state: str) -> None:
        self.pages += 1
        if state == "failed":
            assert page.failure is not None
            self.failed.append({"source": page.source, "stage": page.failure.stage, "reason": page.failure.reason})
        else:
            setattr(self, state, getattr(self, state) + 1)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        return (f"pages: {self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed")


# Pages committed together: a commit per page was a quarter of the storing time, and at 100,000
# pages batches of 1,000 stored a page in 2.1 ms where batches of 200 took 2.6 (index pages
# written once per batch); at a million, 3,000 stored one in 1.96 ms where 1,000 took 2.13 (6,000:
# 1.98). A batch is read before the write lock is taken and holds it about as long as it took
# to read, or, from a reader faster than the writer (a bulk load), some seconds (other writers
# wait; readers never do).
BATCH_SECONDS = 2.0
BATCH_PAGES = 3000


def ingest(pages: Iterable[Page], store: Store, progress: Callable[[Page, str], None] | None = None,
           report: IngestReport | None = None, link: bool = True) -> IngestReport:
    """Store every processed page of `pages` in `store`; `progress(page, state)` is told of
    each page as it is stored. Failed pages are counted and kept, and the batch goes on.
    Pages are committed a batch at a time, each page whole (a savepoint within the batch);
    without `link` they wait for `sugia link` (see `Writer.add`)."""
    writer = Writer(store)
    report = report if report is not None else IngestReport()
    told: list[tuple[Page, str]] = []
    with store.checkpoints_aside():
        for batch in _batches(iter(pages)):
            with writer.batch():
                for page in batch:
                    state = writer.add(page, link)
                    report.count(page, state)
                    told.append((page, state))
            if progress is not None:  # told once committed
                for page, state in told:
                    progress(page, state)
            told.clear()
    return report


def _batches(pages: Iterator[Page]) -> Iterator[list[Page]]:
    """Pages as they come, in lists of at most BATCH_PAGES or BATCH_SECONDS' worth of reading."""
    batch: list[Page] = []
    deadline = time.monotonic() + BATCH_SECONDS
    for page in pages:
        batch.append(page)
        if len(batch) >= BATCH_PAGES or time.monotonic() >= deadline:
            yield batch
            batch, deadline = [], time.monotonic() + BATCH_SECONDS
    if batch:
        yield batch


@dataclass(frozen=True)
class StoreOnWorker:
    """Where the pipeline runs, store its pages there too, not linked (`executors`' `then`):
    every worker a writer of one PostgreSQL base; `sugia link` links them after. Returns each
    page's state with the page stripped to what a report needs."""

    db: str

    def __call__(self, pages: list[Page]) -> list[tuple[Page, str]]:
        store = _worker_store(self.db)
        writer = Writer(store)
        with writer.batch():
            states = [writer.add(page, link=False) for page in pages]
        return [(Page(page.source, origin=page.origin, failure=page.failure, notes=page.notes), state)
                for page, state in zip(pages, states)]


_stores: dict[str, Store] = {}


def _worker_store(db: str) -> Store:
    """A worker process's connection to the base, opened by its first batch and kept."""
    from .store import open_store

    if db not in _stores:
        _stores[db] = open_store(db)
    return _stores[db]


@dataclass
class Job(IngestReport):
    """An ingest running in the background (started over HTTP), with its progress."""

    id: str = ""  # unguessable: the web's job page is reached by it alone
    total: int = 0  # files given; a JSON Lines or WARC file may hold many pages
    files_read: int = 0
    state: str = "running"  # running, finished, error
    error: str | None = None


class Jobs:
    """A server's ingest jobs, by id: each runs the pipeline over uploaded or fetched files in
    a thread of its own, with its own store connection (the single writer of its pages)."""

    def __init__(self, db: str):
        self.db = db
        self.jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def start(self, files: list[tuple[str, bytes]]) -> Job:
        """Ingest (source, bytes) pairs: an upload's file names, or fetched URLs."""
        with self._lock:
            job = Job(id=secrets.token_urlsafe(16), total=len(files))
            self.jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, files), daemon=True).start()
        return job

    def _run(self, job: Job, files: list[tuple[str, bytes]]) -> None:
        from . import default_pipeline
        from .store import open_store

        def pages() -> Iterator[Page]:
            for source, data in files:
                yield from read_bytes(data, source)
                job.files_read += 1

        store = open_store(self.db)
        try:
            ingest(default_pipeline().run(pages()), store, report=job)
            job.state = "finished"
        except Exception as exc:  # the job reports it; the server goes on
            # the reader's words, not Python's: "the base is locked", not "OperationalError: ..."
            job.state, job.error = "error", str(exc) or type(exc).__name__
            logging.getLogger("sugia").exception("ingest job %s stopped", job.id)
        finally:
            store.close()
