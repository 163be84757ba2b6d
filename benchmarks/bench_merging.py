"""Cross-article merging: pairwise precision and recall of person and event identity on the
project's labelled set (benchmarks/merging: pages from several "outlets" reporting the same
people and events, with near-misses — namesakes one mark apart, two receptions on one day,
two summits in one city on one day). Target >= 0.9 each.

usage: python benchmarks/bench_merging.py [--db DB]   (default: a temporary SQLite file)
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from sugia import extract
from sugia.evaluate import merging
from sugia.ingest import ingest
from sugia.store import open_store

HERE = Path(__file__).resolve().parent / "merging"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="an empty base to build in (a SQLite path or a postgresql:// URL)")
    args = parser.parse_args()
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.db or str(Path(tmp, "merging.db")))
        ingest(extract([str(HERE / "pages")]), store)
        for what, s in merging(store, labels).items():
            print(f"{what} merging: precision {s['precision']:.3f}, recall {s['recall']:.3f}"
                  f" over {s['pairs']} same-identity pairs; {s['found']}/{s['labelled']} labelled items in the base"
                  " (target >= 0.9 each)")


if __name__ == "__main__":
    main()
