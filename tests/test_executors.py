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
