"""Events and figures: events F1 and kind accuracy (../shared/eval/score.py) on the shared
development pages and on examples/, facts found, and the events stage's throughput on one core.

usage: python benchmarks/bench_events.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sugia import extract
from sugia.evaluate import evaluation_sets, score
from sugia.events import Events

ROOT = Path(__file__).resolve().parent.parent


def quality(name: str, pages: Path, gold: Path, scorer: Path) -> list:
    extracted = [p for p in extract([str(pages)]) if p.ok]
    result = score([p.to_dict() for p in extracted], gold, pages, scorer)
    events = result["events"]
    print(f"{name} ({len(extracted)} pages): events P {events['p']:.3f} R {events['r']:.3f} F1 {events['f1']:.3f}"
          f" (target >= 0.85), kind accuracy {result['event_kind_acc']:.3f} (target >= 0.9),"
          f" {sum(len(p.events) for p in extracted)} events, {sum(len(p.facts) for p in extracted)} figures")
    return extracted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    scorer = args.shared / "eval" / "score.py"
    if not scorer.exists():
        sys.exit(f"{scorer} not found: the scorer ships with ../shared")
    pages = [p for name, folder, gold in evaluation_sets(args.shared) for p in quality(name, folder, gold, scorer)]
    stage, rounds = Events(), 20
    start = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            stage(page)
    rate = rounds * len(pages) / (time.perf_counter() - start)
    print(f"events stage, one core: {rate:.1f} pages/s over {rounds * len(pages)} pages")


if __name__ == "__main__":
    main()
