"""The entity tagger, judged honestly: 5-fold cross-validation by page on ../shared/real (train
on four fifths plus the project's examples, extract the held-out fifth, score every held-out
page with ../shared/eval/score.py), beside the rules alone; and the entity stage's speed with
and without the tagger, one core.

usage: python benchmarks/bench_tagger.py [--shared ../shared] [--folds 5]
"""
from __future__ import annotations

import argparse
import copy
import json
import time
from pathlib import Path

from sugia.entities import extract_entities
from sugia.entities.tagger import Tagger
from sugia.entities.train import examples, train
from sugia.evaluate import score
from sugia.events import Events

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ("people", "titles", "organizations", "locations", "events", "participants")


def record(item, tagger: Tagger | None) -> dict:
    page = copy.copy(item.page)
    fields = {"title": page.meta.title or "", "body": page.body}
    page.people, page.organizations, page.locations = extract_entities(fields, tagger)
    return Events()(page).to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dump", type=Path, help="write the held-out records (rules + tagger) here, as JSON Lines")
    args = parser.parse_args()
    real = args.shared / "real"
    own = list(examples(ROOT / "examples" / "pages", ROOT / "examples" / "gold"))
    items = sorted(examples(real / "pages", real / "gold"), key=lambda item: item.page.source)
    tagged, rules = [], []
    for fold in range(args.folds):
        held = [item for n, item in enumerate(items) if n % args.folds == fold]
        rest = [item for n, item in enumerate(items) if n % args.folds != fold]
        tagger = Tagger.from_rows(train(own + rest))
        tagged += [record(item, tagger) for item in held]
        rules += [record(item, None) for item in held]
        print(f"  fold {fold + 1}/{args.folds}: trained on {len(own) + len(rest)} pages, held out {len(held)}", flush=True)
    if args.dump:
        args.dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in tagged), encoding="utf-8")
    scorer = args.shared / "eval" / "score.py"
    print(f"shared/real, {args.folds}-fold cross-validated by page (F1):")
    results = {name: score(recs, real / "gold", real / "pages", scorer) for name, recs in
               (("rules", rules), ("rules + tagger", tagged))}
    for figure in FIGURES:
        print(f"  {figure:14}" + "".join(f"  {name} {r[figure]['f1']:.3f} (P {r[figure]['p']:.3f} R {r[figure]['r']:.3f})"
                                         for name, r in results.items()))
    tagger = Tagger.from_rows(train(own + items))
    fields = [{"title": item.page.meta.title or "", "body": item.page.body} for item in items]
    for name, which in (("rules", None), ("rules + tagger", tagger)):
        start = time.perf_counter()
        for f in fields:
            extract_entities(f, which)
        print(f"entity stage, {name}: {len(fields) / (time.perf_counter() - start):.1f} pages/s over {len(fields)} real pages")


if __name__ == "__main__":
    main()
