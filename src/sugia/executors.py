"""Where a pipeline runs. Stages say what to do with a page; an executor says where pages are
processed and gathers the per-batch counts (`Stats`) into one. Every executor yields the
pages in their input order, with the same records one process makes:

- `InProcess`: lazily, in this process;
- `ProcessPool`: batches of pages on N worker processes (every core by default);
- `OnDask`: batches as tasks of a Dask cluster — a running scheduler by address, or a
  LocalCluster started here ("local").

Reading stays in the calling process (it is I/O and yields pages in order); processing, the
costly part, is spread; storing stays with the caller's single writer.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from .page import Page
from .pipeline import Pipeline, Stats

BATCH = 16  # pages per task: large enough to outweigh shipping, small enough to keep order cheap


class InProcess:
    """Run a pipeline lazily in this process: `for page in InProcess(pipeline)(pages)`; the
    counts of everything run so far are in `.stats`."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline
        self.stats = Stats()

    def __call__(self, pages: Iterable[Page]) -> Iterator[Page]:
        return self.pipeline.run(pages, self.stats)


def _batches(pages: Iterable[Page], size: int) -> Iterator[list[Page]]:
    it = iter(pages)
    while batch := list(islice(it, size)):
        yield batch


def _in_order(submit: Callable[[list[Page]], Any], result: Callable[[Any], tuple[list[Page], Stats]],
              pages: Iterable[Page], stats: Stats, window: int) -> Iterator[Page]:
    """Submit batches, keeping at most `window` in flight, and yield their pages in order."""
    pending: deque[Any] = deque()
    for batch in _batches(pages, BATCH):
        pending.append(submit(batch))
        if len(pending) >= window:
            done, counts = result(pending.popleft())
            stats += counts
            yield from done
    while pending:
        done, counts = result(pending.popleft())
        stats += counts
        yield from done


Then = Callable[[list[Page]], list[Any]]  # what a worker does with its processed pages (default: send them back)
_worker: tuple[Pipeline, Then | None] | None = None


def _start_worker(pipeline: Pipeline, then: Then | None) -> None:
    global _worker
    _worker = (pipeline, then)
    threading.Thread(target=_end_with_caller, name="sugia-caller-watch", daemon=True).start()


def _end_with_caller() -> None:
    """End this worker when the process that started it dies (`kill -9`, out of memory): the
    pool's task queue never closes under a worker, which holds both ends of its pipe, so the
    worker would wait for tasks for ever."""
    caller = multiprocessing.parent_process()
    if caller is not None:
        multiprocessing.connection.wait([caller.sentinel])
        os._exit(1)


def _run_batch(batch: list[Page]) -> tuple[list[Any], Stats]:
    assert _worker is not None
    return _pipeline_batch(*_worker, batch)


class ProcessPool:
    """Run a pipeline on `workers` processes (default: every core); pages come back in order
    (or what `then` made of each batch on the worker) and `.stats` adds up every worker's counts."""

    def __init__(self, pipeline: Pipeline, workers: int | None = None, then: Then | None = None):
        self.pipeline, self.then = pipeline, then
        self.workers = workers or os.cpu_count() or 1
        self.stats = Stats()

    def __call__(self, pages: Iterable[Page]) -> Iterator[Any]:
        if self.workers == 1 and self.then is None:
            yield from self.pipeline.run(pages, self.stats)
            return
        # "spawn": a worker must not inherit the caller's open files — a forked one kept the base's
        # connection alive after its parent was killed, and the rerun waited on its locks forever.
        with ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_start_worker, initargs=(self.pipeline, self.then)) as pool:
            yield from _in_order(lambda batch: pool.submit(_run_batch, batch), _result, pages, self.stats,
                                 window=self.workers * 4)


def _result(future: Future) -> tuple[list[Page], Stats]:
    return future.result()


class OnDask:
    """Run a pipeline as Dask tasks: `address` is a running scheduler ("tcp://host:8786") or
    "local" for a LocalCluster of `workers` processes started here and stopped after; `then`
    as for `ProcessPool`."""

    def __init__(self, pipeline: Pipeline, address: str, workers: int | None = None, then: Then | None = None):
        self.pipeline, self.address, self.then = pipeline, address, then
        self.workers = workers or os.cpu_count() or 1
        self.stats = Stats()

    def __call__(self, pages: Iterable[Page]) -> Iterator[Any]:
        from dask.distributed import Client, LocalCluster  # only this path needs Dask

        cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None) if self.address == "local" else None
        client = Client(cluster if cluster is not None else self.address)
        try:
            remote = client.scatter(self.pipeline, broadcast=True)
            yield from _in_order(lambda batch: client.submit(_pipeline_batch, remote, self.then, batch, pure=False),
                                 lambda future: future.result(), pages, self.stats,
                                 window=max(2, len(client.scheduler_info()["workers"]) * 4))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _pipeline_batch(pipeline: Pipeline, then: Then | None, batch: list[Page]) -> tuple[list[Any], Stats]:
    pages, stats = pipeline.batch(batch)
    return (pages if then is None else then(pages)), stats


def executor(pipeline: Pipeline, workers: int | None = None, dask: str | None = None,
             then: Then | None = None) -> InProcess | ProcessPool | OnDask:
    """The executor the CLI's --workers and --dask ask for; `then` runs on the workers after
    the pipeline (storing there), so it needs a pool or a cluster."""
    if dask:
        return OnDask(pipeline, dask, workers, then)
    if workers == 1 and then is None:
        return InProcess(pipeline)
    return ProcessPool(pipeline, workers, then)

