"""Shared fixtures: the project's example pages with their gold, and ../shared when present."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


def example_golds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((EXAMPLES / "gold").glob("*.json"))]


def example_base(db: str) -> str:
    """Store every example page in the knowledge base `db` (a path or URL); returns `db`."""
    from sugia import extract
    from sugia.ingest import ingest
    from sugia.store import open_store

    store = open_store(db)
    report = ingest(extract([str(EXAMPLES / "pages")]), store)
    store.close()
    assert report.new == report.pages == 27
    return db


@pytest.fixture(scope="session")
def extracted_examples() -> dict[str, object]:
    """Every example page through the default pipeline, by file name."""
    from sugia import extract

    return {os.path.basename(p.source): p for p in extract([str(EXAMPLES / "pages")])}


@pytest.fixture
def shared_samples() -> Path:
    samples = SHARED / "samples"
    if not samples.is_dir():
        pytest.skip("../shared/samples is not here (the development pages ship beside the repo)")
    return samples


BACKENDS = ["sqlite", "postgresql"]


def plans(store, call) -> list[str]:
    """SQLite's query plans of the statements `call()` reads rows with on `store`."""
    details = []
    originals = {"rows": store.rows, "tuples": store.tuples}

    def explaining(read):
        def explained(sql, args=()):
            details.extend(r["detail"] for r in originals["rows"]("EXPLAIN QUERY PLAN " + sql, args))
            return read(sql, args)
        return explained

    for name, read in originals.items():
        setattr(store, name, explaining(read))
    try:
        call()
    finally:
        for name, read in originals.items():
            setattr(store, name, read)
    return details


def new_db(backend: str, request, tmp_path) -> str:
    """Where a new, empty knowledge base goes: a file path or a database URL."""
    if backend == "postgresql":
        return request.getfixturevalue("postgres").new_database()
    return str(tmp_path / f"kb-{len(list(tmp_path.iterdir()))}.db")


@pytest.fixture(scope="module", params=BACKENDS)
def base(request, tmp_path_factory):
    """The read side of a base holding every example page, on each backend."""
    from sugia.store import Queries, open_store

    return Queries(open_store(example_base(new_db(request.param, request, tmp_path_factory.mktemp("kb")))))


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster (see pgcluster.py); skips, saying why, where none can start."""
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install -e '.[dev]'")
    from pgcluster import Cluster, Unavailable

    try:
        cluster = Cluster()
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server for the PostgreSQL tests: {exc}")
    yield cluster
    cluster.stop()
