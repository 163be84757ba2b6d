"""Knowledge base: ingest throughput, size per 1,000 pages, and search latency p50/p95 on a
generated base (default 100,000 pages), for SQLite and PostgreSQL in the same run.

usage: python benchmarks/bench_store.py [--pages 100000] [--queries 200] [--db PATH]
           [--backends sqlite,postgresql] [--pg-url postgresql://...]
PostgreSQL runs in a throwaway cluster (tests/pgcluster.py) unless --pg-url names a database.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from corpus import ROOT, base_pages, variants

from sugia import Page, default_pipeline
from sugia.ingest import Writer
from sugia.store import Queries, open_store

QUERIES = ["Dang Hoang Giang", "hoà bình", '"Hội nghị cấp cao"', "ASEAN AND Lào", "Nhat Ban OR Han Quoc",
           "Bo Ngoai giao", "APEC NOT Peru", "hợp tác kinh tế", "ngoai*", '"Đối tác Chiến lược Toàn diện"',
           "Kazakhstan", "thương mại AND USD", "Viêng Chăn", "Thứ trưởng Ngoại giao", "Liên hợp quốc"]


def ingest_throughput(folders: list[Path], db: str, rounds: int = 10) -> float:
    """Full pipeline + store, pages/s, over the real pages repeated with distinct sources."""
    raws = [(f.read_bytes(), f.name) for folder in folders for f in sorted(folder.iterdir())]
    store, pipeline = open_store(db), default_pipeline()
    writer = Writer(store)
    start = time.perf_counter()
    for r in range(rounds):
        for raw, name in raws:
            kind = "html" if name.endswith(".html") else "text"
            writer.add(pipeline.process(Page(source=f"round{r}/{name}", raw=raw + b" " * r, kind=kind)))
    return rounds * len(raws) / (time.perf_counter() - start)


def size_bytes(store, db: str) -> int:
    if db.startswith("postgresql://"):
        return store.value("SELECT pg_database_size(current_database())")
    store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Path(db).stat().st_size


def bench(backend: str, folders: list[Path], fresh_db, pages: int, queries: int) -> None:
    print(f"--- {backend}")
    rate = ingest_throughput(folders, fresh_db())
    print(f"ingest (read+pipeline+store), one process: {rate:.1f} pages/s")
    db = fresh_db()
    store = open_store(db)
    writer = Writer(store)
    start = time.perf_counter()
    for n, page in enumerate(variants(base_pages(folders), pages), start=1):
        writer.add(page)
        if n % 10_000 == 0:
            print(f"  stored {n} pages, {n / (time.perf_counter() - start):.0f} pages/s", flush=True)
    print(f"storing extracted pages: {pages / (time.perf_counter() - start):.0f} pages/s")
    size = size_bytes(store, db)
    print(f"base: {pages} pages, {size / 1e6:.1f} MB, {size / pages * 1000 / 1e6:.2f} MB per 1,000 pages")
    latencies = []
    for q in range(queries):
        query = QUERIES[q % len(QUERIES)]
        t = time.perf_counter()
        Queries(store).search(query, limit=20)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"search over {pages} pages, {queries} queries: p50 {statistics.median(latencies):.1f} ms,"
          f" p95 {p95:.1f} ms (target p95 <= 50 ms)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", type=Path, help="SQLite: where to build the big base (default: a temporary file)")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-url", help="PostgreSQL: an empty database to use (for both runs) instead of a throwaway cluster")
    args = parser.parse_args()
    folders = [ROOT / "examples" / "pages"]
    shared = ROOT.parent / "shared" / "samples"
    if shared.is_dir():
        folders.append(shared)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                paths = iter([Path(tmp, "ingest.db"), args.db or Path(tmp, "big.db")])

                def fresh_db() -> str:
                    path = next(paths)
                    path.unlink(missing_ok=True)
                    return str(path)

                bench(backend, folders, fresh_db, args.pages, args.queries)
            elif args.pg_url:
                bench(backend, folders, lambda: args.pg_url, args.pages, args.queries)
            else:
                sys.path.insert(0, str(ROOT / "tests"))
                from pgcluster import Cluster

                cluster = Cluster()
                stack.callback(cluster.stop)
                bench(backend, folders, cluster.new_database, args.pages, args.queries)


if __name__ == "__main__":
    main()
