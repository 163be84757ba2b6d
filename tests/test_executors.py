"""Executors: a process pool and a Dask LocalCluster give the records one process gives, in
the same order, with every worker's counts added up."""
from __future__ import annotations

import pytest
from conftest import EXAMPLES

from sugia import default_pipeline
from sugia.executors import InProcess, OnDask, ProcessPool, executor
from sugia.read import read


def records(run) -> list[dict]:
    return [page.to_dict() for page in run(read([str(EXAMPLES / "pages"), "missing-file.txt"]))]


@pytest.fixture(scope="module")
def one_process():
    run = InProcess(default_pipeline())
    return records(run), run.stats


def test_executors_process_pool_matches_one_process(one_process):
    expected, stats = one_process
    pool = ProcessPool(default_pipeline(), workers=2)
    assert records(pool) == expected
    assert pool.stats.read.failed == stats.read.failed == 1
    assert {name: s.pages for name, s in pool.stats.stages.items()} == {name: s.pages for name, s in stats.stages.items()}


@pytest.mark.slow
def test_executors_dask_local_cluster_matches_one_process(one_process):
    pytest.importorskip("dask.distributed", reason="Dask is not installed: pip install -e '.[dask]'")
    expected, stats = one_process
    run = OnDask(default_pipeline(), "local", workers=2)
    assert records(run) == expected
    assert run.stats.stage("entities").pages == stats.stage("entities").pages


def test_executors_choice_follows_the_options():
    pipeline = default_pipeline()
    assert isinstance(executor(pipeline, 1), InProcess)
    assert isinstance(executor(pipeline, 2), ProcessPool) and isinstance(executor(pipeline), ProcessPool)
    assert isinstance(executor(pipeline, 2, "local"), OnDask)


# A caller that starts a pool's workers, prints their process ids and waits to be killed.
CALLER = """
import os, sys, time, multiprocessing
from concurrent.futures import ProcessPoolExecutor
from sugia.executors import _start_worker
from sugia.pipeline import Pipeline
pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
                           initargs=(Pipeline([]), None))
print(*sorted({pool.submit(os.getpid).result() for _ in range(8)} | {os.getpid()}), flush=True)
time.sleep(60)
"""


def test_executors_workers_end_when_their_caller_is_killed():
    """`kill -9` of an ingest must not leave its workers waiting for tasks for ever."""
    import os
    import signal
    import subprocess
    import sys
    import time

    caller = subprocess.Popen([sys.executable, "-c", CALLER], stdout=subprocess.PIPE, text=True)
    try:
        ids = [int(n) for n in caller.stdout.readline().split()]
        workers = [pid for pid in ids if pid != caller.pid]
        assert workers and all(alive(pid) for pid in workers)
    finally:
        os.kill(caller.pid, signal.SIGKILL)
        caller.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} outlived their caller"


def alive(pid: int) -> bool:
    """The process runs (a zombie waiting to be reaped has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
