"""People in general news (not diplomacy): sugia beside underthesea.ner on the same sentences.

The sentences are the project's own (benchmarks/general_news/sentences.tsv, written for it):
honorific + given name ("chị Lan"), bare full names, occupations ("bác sĩ", "ca sĩ"), foreign
names, given names that are also places ("ông Đức"). Scored as exact person names, set per
sentence; precision, recall and F1 for both taggers, in one run.

usage: python benchmarks/bench_general_news.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from sugia.entities import extract_entities
from sugia.entities.tagger import load
from sugia.lang.text import match_key

HERE = Path(__file__).resolve().parent
SENTENCES = HERE / "general_news" / "sentences.tsv"


def cases() -> list[tuple[str, set[str]]]:
    rows = [line.rstrip("\n").split("\t") for line in SENTENCES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(text, {match_key(n) for n in names.split("|") if n}) for text, names in rows]


def sugia_people(text: str) -> set[str]:
    return {match_key(p.name) for p in extract_entities({"body": text}, load())[0]}


def underthesea_people(text: str) -> set[str]:
    from underthesea import ner

    found, current = set(), []
    for word, _pos, _chunk, tag in [*ner(text), ("", "", "", "O")]:
        if current and tag != "I-PER":
            found.add(match_key(" ".join(current)))
            current = []
        if tag in ("B-PER", "I-PER"):
            current.append(word)
    return found


def prf(results: list[tuple[set[str], set[str]]]) -> tuple[float, float, float]:
    tp = sum(len(found & gold) for found, gold in results)
    predicted, expected = sum(len(f) for f, _ in results), sum(len(g) for _, g in results)
    p, r = tp / predicted if predicted else 0.0, tp / expected if expected else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    data = cases()
    ours = [(sugia_people(text), gold) for text, gold in data]
    try:
        theirs = [(underthesea_people(text), gold) for text, gold in data]
    except ImportError:
        theirs = None
        print("underthesea is not installed: sugia's figures only", file=sys.stderr)
    print(f"general-news people, {len(data)} sentences written for sugia (exact names)")
    for name, results in (("sugia", ours), ("underthesea", theirs)):
        if results is not None:
            p, r, f = prf(results)
            print(f"  {name:12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for (text, gold), (found, _) in zip(data, ours):
        if found != gold:
            print(f"  sugia differs: {text[:60]!r}: found {sorted(found)}, expected {sorted(gold)}")


if __name__ == "__main__":
    main()
