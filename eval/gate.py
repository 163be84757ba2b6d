"""Evaluation gate: extract the shared development pages (../shared/samples and the 120 real
pages of ../shared/real), score them with ../shared/eval/score.py, print every score, and fail
when one drops below the floor recorded in eval/floors.json. Floors only move up
(`--raise-floors`). The project's examples/ train the line model, so they are not scored here.

usage: python eval/gate.py [--raise-floors] [--shared DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from sugia import extract
from sugia.evaluate import evaluation_sets, score

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FLOORS = os.path.join(HERE, "floors.json")


def flatten(scores: dict) -> dict[str, float]:
    """score.py's summary as name -> number (F1 for the P/R/F1 groups)."""
    flat = {}
    for key, value in scores.items():
        if isinstance(value, dict):
            flat[key] = value["f1"]
        elif key not in ("pages", "missing_outputs"):
            flat[key] = value
    return flat


def run_set(name: str, pages_dir: str, gold_dir: str, scorer: str) -> dict[str, float]:
    """Extract every page of a set and score it; failed pages are reported."""
    records = []
    for page in extract([pages_dir]):
        if page.ok:
            records.append(page.to_dict())
        else:
            print(f"  {name}: {page.source}: {page.failure}", file=sys.stderr)
    return flatten(score(records, Path(gold_dir), Path(pages_dir), Path(scorer)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--raise-floors", action="store_true", help="record current scores where they beat the floors")
    args = parser.parse_args()
    scorer = os.path.join(args.shared, "eval", "score.py")
    if not os.path.exists(scorer):
        print(f"eval gate skipped: {scorer} not found (the scorer ships with ../shared)")
        return 0
    sets = {name: (str(pages), str(gold)) for name, pages, gold in evaluation_sets(Path(args.shared))}
    floors = json.load(open(FLOORS, encoding="utf-8")) if os.path.exists(FLOORS) else {}
    failures = []
    for name, (pages, gold) in sets.items():
        scores = run_set(name, pages, gold, scorer)
        floor = floors.setdefault(name, {})
        print(f"{name}:" + (" (people, posts, organisations and places are in-sample: the entity tagger trains on"
                             " these pages; cross-validated figures: python benchmarks/bench_tagger.py)"
                             if name == "real" else ""))
        for key, value in scores.items():
            low = floor.get(key, 0.0)
            mark = "BELOW FLOOR" if value < low - 1e-9 else ""
            print(f"  {key:16} {value:6.3f}   floor {low:6.3f} {mark}")
            if mark:
                failures.append(f"{name} {key} {value:.3f} < {low:.3f}")
            if args.raise_floors and value > low:
                floor[key] = round(value, 3)
    if args.raise_floors:
        with open(FLOORS, "w", encoding="utf-8") as handle:
            json.dump(floors, handle, indent=1, sort_keys=True)
            handle.write("\n")
    if failures:
        print("eval gate FAILED: " + "; ".join(failures))
        return 1
    print("eval gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
