"""Entities: quality and speed of sugia beside underthesea.ner (the only Vietnamese NER that
ships offline), on the same clean bodies, one run.

1. F1 of people, people+posts, organisations, locations (../shared/eval/score.py) on the
   shared development pages and on examples/. underthesea gets sugia's clean title and body;
   its PER/ORG/LOC spans become people (without posts), organisations and places.
2. Entity-stage throughput on one core over texts of about 10,000 characters (bodies of the
   same pages joined), beside underthesea.ner on the same texts.

usage: python benchmarks/bench_entities.py [--shared ../shared] [--texts 200]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from sugia import extract
from sugia.entities import extract_entities
from sugia.evaluate import evaluation_sets, score

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"PER": "people", "ORG": "organizations", "LOC": "locations"}
FIGURES = ("people", "titles", "organizations", "locations")


def underthesea_entities(text: str) -> dict[str, list[dict]]:
    from underthesea import ner

    found: dict[str, list[dict]] = {k: [] for k in KINDS.values()}
    for paragraph in text.split("\n"):
        current, words = None, []
        for word, _pos, _chunk, tag in [*ner(paragraph), ("", "", "", "O")] if paragraph.strip() else []:
            kind = tag[2:] if tag != "O" else None
            if current and (tag.startswith("B-") or kind != current):
                found[KINDS[current]].append({"name": " ".join(words), "titles": []})
                current, words = None, []
            if kind in KINDS:
                current = kind
                words.append(word)
    return found


def quality(name: str, pages: Path, gold: Path, scorer: Path) -> list[str]:
    extracted = [p for p in extract([str(pages)]) if p.ok]
    ours = [p.to_dict() for p in extracted]
    theirs = [{"source": p.source, **underthesea_entities(f"{p.meta.title or ''}\n{p.body}")} for p in extracted]
    a, b = score(ours, gold, pages, scorer), score(theirs, gold, pages, scorer)
    note = " (sugia in-sample: its tagger trains on these pages; see bench_tagger.py)" if name == "real" else ""
    print(f"\n{name} ({len(extracted)} pages): F1, sugia vs underthesea.ner{note}")
    for figure in FIGURES:
        print(f"  {figure:14} sugia {a[figure]['f1']:.3f}   underthesea {b[figure]['f1']:.3f}")
    return [p.body for p in extracted]


def throughput(bodies: list[str], n: int) -> None:
    texts, current = [], ""
    while len(texts) < n:
        for body in bodies:
            current += body + "\n"
            if len(current) >= 10_000:
                texts.append(current)
                current = ""
    texts = texts[:n]
    start = time.perf_counter()
    for text in texts:
        extract_entities({"body": text})
    ours = len(texts) / (time.perf_counter() - start)
    from underthesea import ner

    sample = texts[: max(3, n // 50)]
    start = time.perf_counter()
    for text in sample:
        for paragraph in text.split("\n"):
            if paragraph.strip():
                ner(paragraph)
    theirs = len(sample) / (time.perf_counter() - start)
    size = sum(map(len, texts)) // len(texts)
    print(f"\nentity stage throughput, one core, texts of {size} characters:")
    print(f"  sugia          {ours:8.1f} pages/s over {len(texts)} texts (target >= 20)")
    print(f"  underthesea    {theirs:8.2f} pages/s over {len(sample)} texts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--texts", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    scorer = args.shared / "eval" / "score.py"
    if not scorer.exists():
        sys.exit(f"{scorer} not found: the scorer ships with ../shared")
    bodies = [b for name, pages, gold in evaluation_sets(args.shared) for b in quality(name, pages, gold, scorer)]
    throughput(bodies, args.texts)


if __name__ == "__main__":
    main()
