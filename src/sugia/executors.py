"""Where a pipeline runs. Stages say what to do with a page; an executor says where pages
are processed and gathers the per-batch counts (`Stats`) into one. In one process for now;
a process pool and Dask are executors of the same shape."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .page import Page
from .pipeline import Pipeline, Stats


class InProcess:
    """Run a pipeline lazily in this process: `for page in InProcess(pipeline)(pages)`; the
    counts of everything run so far are in `.stats`."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline
        self.stats = Stats()

    def __call__(self, pages: Iterable[Page]) -> Iterator[Page]:
        return self.pipeline.run(pages, self.stats)
