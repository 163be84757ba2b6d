"""Ingest jobs started over HTTP: each runs the pipeline over uploaded or fetched pages in a
thread of its own, with its own store connection, and reports progress while it runs."""
from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from .. import default_pipeline
from ..page import Page
from ..read import read_bytes
from ..store import open_store


@dataclass
class Job:
    id: int
    total: int  # files given; a JSON Lines or WARC file may hold many pages
    files_read: int = 0
    pages: int = 0
    new: int = 0
    unchanged: int = 0
    changed: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    state: str = "running"  # running, finished, error
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Jobs:
    """The server's ingest jobs, by id."""

    def __init__(self, db: str):
        self.db = db
        self.jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def get(self, job_id: int) -> Job | None:
        return self.jobs.get(job_id)

    def start(self, files: list[tuple[str, bytes]]) -> Job:
        """Ingest (source, bytes) pairs: an upload's file names, or fetched URLs."""
        with self._lock:
            job = Job(id=next(self._ids), total=len(files))
            self.jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, files), daemon=True).start()
        return job

    def _pages(self, job: Job, files: list[tuple[str, bytes]]) -> Iterator[Page]:
        for source, data in files:
            yield from read_bytes(data, source)
            job.files_read += 1

    def _run(self, job: Job, files: list[tuple[str, bytes]]) -> None:
        store = open_store(self.db)
        try:
            for page in default_pipeline().run(self._pages(job, files)):
                state = store.add(page)
                if state == "failed":
                    job.failed.append({"source": page.source, "stage": page.failure.stage, "reason": page.failure.reason})
                else:
                    setattr(job, state, getattr(job, state) + 1)
                job.pages += 1
            job.state = "finished"
        except Exception as exc:  # the job reports it; the server goes on
            job.state, job.error = "error", f"{type(exc).__name__}: {exc}"
        finally:
            store.close()
