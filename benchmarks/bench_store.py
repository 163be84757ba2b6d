"""Knowledge base: ingest throughput, size per 1,000 pages, and search latency p50/p95 on a
generated base (default 100,000 pages) — SQLite.

usage: python benchmarks/bench_store.py [--pages 100000] [--queries 200] [--db PATH]
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from corpus import ROOT, base_pages, variants

from sugia import Page, default_pipeline
from sugia.store import open_store

QUERIES = ["Dang Hoang Giang", "hoà bình", '"Hội nghị cấp cao"', "ASEAN AND Lào", "Nhat Ban OR Han Quoc",
           "Bo Ngoai giao", "APEC NOT Peru", "hợp tác kinh tế", "ngoai*", '"Đối tác Chiến lược Toàn diện"',
           "Kazakhstan", "thương mại AND USD", "Viêng Chăn", "Thứ trưởng Ngoại giao", "Liên hợp quốc"]


def ingest_throughput(folders: list[Path], path: Path, rounds: int = 10) -> float:
    """Full pipeline + store, pages/s, over the real pages repeated with distinct sources."""
    raws = [(f.read_bytes(), f.name) for folder in folders for f in sorted(folder.iterdir())]
    store, pipeline = open_store(str(path)), default_pipeline()
    start = time.perf_counter()
    for r in range(rounds):
        for raw, name in raws:
            kind = "html" if name.endswith(".html") else "text"
            store.add(pipeline.process(Page(source=f"round{r}/{name}", raw=raw + b" " * r, kind=kind)))
    return rounds * len(raws) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", type=Path, help="where to build the base (default: a temporary file)")
    args = parser.parse_args()
    folders = [ROOT / "examples" / "pages"]
    shared = ROOT.parent / "shared" / "samples"
    if shared.is_dir():
        folders.append(shared)
    with tempfile.TemporaryDirectory() as tmp:
        rate = ingest_throughput(folders, Path(tmp, "ingest.db"))
        print(f"ingest (read+pipeline+store), one process: {rate:.1f} pages/s")
        path = args.db or Path(tmp, "big.db")
        if path.exists():
            os.remove(path)
        store = open_store(str(path))
        start = time.perf_counter()
        for n, page in enumerate(variants(base_pages(folders), args.pages), start=1):
            store.add(page)
            if n % 10_000 == 0:
                print(f"  stored {n} pages, {n / (time.perf_counter() - start):.0f} pages/s", flush=True)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size
        print(f"base: {args.pages} pages, {size / 1e6:.1f} MB, {size / args.pages * 1000 / 1e6:.2f} MB per 1,000 pages")
        latencies = []
        for q in range(args.queries):
            query = QUERIES[q % len(QUERIES)]
            t = time.perf_counter()
            store.search(query, limit=20)
            latencies.append((time.perf_counter() - t) * 1000)
        latencies.sort()
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        print(f"search over {args.pages} pages, {args.queries} queries: p50 {statistics.median(latencies):.1f} ms,"
              f" p95 {p95:.1f} ms (target p95 <= 50 ms)")


if __name__ == "__main__":
    main()
