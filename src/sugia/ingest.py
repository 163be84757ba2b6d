"""The ingest service: processed pages into a knowledge base, one page per transaction, by a
single writer that stores each page's rows and links it across articles. The CLI calls
`ingest`; the API and the web form start `Jobs`, which call it in the background.
"""
from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from .link import link_entities, link_events
from .link.reprints import group, index_missing_bands
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

    def _bands(self) -> None:
        """Band the signatures an older sugia stored without bands, once per writer."""
        if not self._banded:
            index_missing_bands(self.store)
            self._banded = True

    def add(self, page: Page) -> str:
        """Store a processed page; returns 'new', 'unchanged', 'changed' or 'failed'. Storing
        the same page again changes nothing; a failed page keeps its reason in `failures`."""
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
                delete_page(self.store, page.source)
            page_id = insert_page(self.store, page)
            group(self.store, page_id, page.body)
            link_events(self.store, page_id, page, link_entities(self.store, page_id, page))
            insert_facts(self.store, page_id, page.facts)
        return state


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


# Pages committed together: a commit per page was a quarter of the storing time. A batch
# holds the base's write lock at most this long (other writers wait; readers never do).
BATCH_SECONDS = 0.5
BATCH_PAGES = 200


def ingest(pages: Iterable[Page], store: Store, progress: Callable[[Page, str], None] | None = None,
           report: IngestReport | None = None) -> IngestReport:
    """Store every processed page of `pages` in `store`; `progress(page, state)` is told of
    each page as it is stored. Failed pages are counted and kept, and the batch goes on.
    Pages are committed a batch at a time, each page whole (a savepoint within the batch)."""
    writer = Writer(store)
    report = report if report is not None else IngestReport()
    told: list[tuple[Page, str]] = []
    for batch in _batches(iter(pages)):
        with store.transaction():
            for page in batch:
                state = writer.add(page)
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
