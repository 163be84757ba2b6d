"""Whole-process `sugia extract` throughput on every core: the real pages of ../shared (the
120 annotated and the 500 unlabeled ones, named `--copies` times), run as a user runs it,
`--workers 1` and `--workers 2` taking turns `--repeat` times (this machine's speed drifts by
10% from minute to minute: alternating keeps the ratio honest). Prints every run, the median
pages/s of each, and the ratio of the medians. Targets: ≥ 250 pages/s with 2 workers, ≥ 1.7×.

usage: python benchmarks/bench_extract.py [--shared ../shared] [--copies 3] [--repeat 3]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(inputs: list[str], workers: int) -> tuple[float, int]:
    """Seconds a `sugia extract` takes, whole process, and the records it wrote."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sugia.cli", "extract", *inputs, "--workers", str(workers)],
                          capture_output=True, check=True)
    return time.perf_counter() - start, done.stdout.count(b"\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    real = args.shared / "real"
    pages = sorted(str(p) for folder in (real / "unlabeled", real / "pages") for p in folder.iterdir()
                   if not p.name.endswith(".jsonl"))  # meta_*.jsonl / meta.jsonl describe the pages: not pages
    inputs = pages * args.copies
    rates: dict[int, list[float]] = {w: [] for w in args.workers}
    for n in range(args.repeat):
        for workers in args.workers:
            seconds, pages = run(inputs, workers)
            rates[workers].append(pages / seconds)
            print(f"  run {n + 1}, --workers {workers}: {pages} pages in {seconds:.2f} s, {pages / seconds:.0f} pages/s",
                  flush=True)
    medians = {w: statistics.median(r) for w, r in rates.items()}
    for workers, median in medians.items():
        print(f"--workers {workers}: median {median:.0f} pages/s (runs {min(rates[workers]):.0f}-{max(rates[workers]):.0f})")
    first, *rest = args.workers
    for workers in rest:
        print(f"--workers {workers} / --workers {first}: {medians[workers] / medians[first]:.2f}x")


if __name__ == "__main__":
    main()
