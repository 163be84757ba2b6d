"""Scoring, for the evaluation gate and the benchmarks: extraction records with the shared
scorer (../shared/eval/score.py; it reads pages as UTF-8, so pages in legacy encodings are
decoded into a temporary copy first), and a knowledge base's cross-article merging against
labelled identities (`merging`)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .lang.decode import decode
from .lang.text import fold, match_key

if TYPE_CHECKING:
    from .store import Store


def score(records: list[dict[str, Any]], gold: Path, pages: Path, scorer: Path) -> dict[str, Any]:
    """score.py's JSON summary of `records` (dicts with at least "source") against `gold`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "out.jsonl")
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        utf8 = Path(tmp, "pages")
        utf8.mkdir()
        for file in Path(pages).iterdir():
            Path(utf8, file.name).write_text(decode(file.read_bytes())[0], encoding="utf-8")
        run = subprocess.run([sys.executable, str(scorer), str(gold), str(out), "--pages", str(utf8), "--json"],
                             capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def evaluation_sets(shared: Path) -> list[tuple[str, Path, Path]]:
    """(name, pages, gold) of the pages extraction is judged on: the shared development
    samples and the shared real pages, when ../shared is there. The project's own examples
    train the line model (`make train`), so they never judge it."""
    sets = [("samples", shared / "samples", shared / "eval" / "dev" / "gold"),
            ("real", shared / "real" / "pages", shared / "real" / "gold")]
    return [(name, pages, gold) for name, pages, gold in sets if pages.is_dir() and gold.is_dir()]


def merging(store: Store, labels: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Pairwise precision and recall of cross-article identity, for people and events: over
    every two labelled items the base holds, are they one entity (event) exactly when the
    labels say they are one? Items the extraction never produced do not count as merging
    errors; `found` says how many of the labelled items the base holds."""
    people = [(cluster, _person_id(store, page, name))
              for cluster, items in labels["people"].items() for page, name in items]
    events = [(cluster, _event_id(store, page, kind, start, words))
              for cluster, items in labels["events"].items() for page, kind, start, words in items]
    out = {}
    for what, items in (("people", people), ("events", events)):
        held = [(cluster, found) for cluster, found in items if found is not None]
        same = [(a[0] == b[0], a[1] == b[1]) for a, b in combinations(held, 2)]
        hits = sum(gold and merged for gold, merged in same)
        merged, gold = sum(m for _, m in same), sum(g for g, _ in same)
        out[what] = {"precision": hits / merged if merged else 1.0, "recall": hits / gold if gold else 1.0,
                     "pairs": gold, "found": len(held), "labelled": len(items)}
    return out


def _person_id(store: Store, page: str, name: str) -> int | None:
    """The person entity named `name` that has a mention on `page`."""
    for row in store.execute(
            "SELECT DISTINCT e.id, a.alias FROM mentions m JOIN pages p ON p.id = m.page_id"
            " JOIN entities e ON e.id = m.entity_id JOIN aliases a ON a.entity_id = e.id"
            " WHERE e.type = 'person' AND p.source LIKE ? ORDER BY e.id", (f"%{page}",)):
        if match_key(row["alias"]) == match_key(name):
            return row["id"]
    return None


def _event_id(store: Store, page: str, kind: str, start: str, words: str | None) -> int | None:
    """The event of `kind` taking place on `start` that `page` reports (the one whose name
    carries `words`, when several do)."""
    for row in store.execute(
            "SELECT e.id, s.name FROM event_sources s JOIN events e ON e.id = s.event_id JOIN pages p ON p.id = s.page_id"
            ' WHERE p.source LIKE ? AND e.kind = ? AND e.start <= ? AND e."end" >= ? ORDER BY e.id',
            (f"%{page}", kind, start, start)):
        if words is None or f" {fold(words)} " in " " + " ".join(re.findall(r"\w+", fold(row["name"]))) + " ":
            return row["id"]
    return None
