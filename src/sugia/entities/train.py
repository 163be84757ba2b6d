"""Train the entity tagger (`make train`): pages with gold become token sequences labelled in
BIO form — each gold name found in its page — beside the rules' own labels, and a linear-chain
CRF (python-crfsuite, a development dependency) learns from them. The weights go to
`data/entity_tagger.tsv`, which `tagger.Tagger` decodes without the library.

usage: python -m sugia.entities.train [--shared ../shared] [--out PATH]
Training data: the project's examples/ (pages written for it) and ../shared/real (120 real
pages; their gold turned into spans here). Cross-validated figures: benchmarks/bench_tagger.py.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..clean import Clean, Decode
from ..lang.text import match_key
from ..lang.tokens import Token, tokenize
from ..meta import Metadata
from ..page import Page
from ..pipeline import Pipeline
from ..read import read
from . import extract_entities
from .tagger import LABELS, MODEL, features, lines_of, rule_labels

ROOT = Path(__file__).resolve().parents[3]
# L1 and L2 weights and passes: swept on 5-fold cross-validation of the real pages
# (benchmarks/bench_tagger.py); L1 keeps the shipped file small.
C1, C2, ITERATIONS = 0.1, 0.01, 150


@dataclass
class Example:
    """One page ready for the tagger: its fields, and per field the tokens, the rules' labels
    and the gold labels."""

    page: Page
    fields: dict[str, tuple[list[Token], list[str], list[str]]]


def gold_names(gold: dict) -> list[tuple[str, str]]:
    """(name, type) of every name the gold lists, each alias of an organisation or place."""
    names = [(p["name"], "PER") for p in gold.get("people", [])]
    for key, kind in (("organizations", "ORG"), ("locations", "LOC")):
        for group in gold.get(key, []):
            names += [(alias, kind) for alias in (group if isinstance(group, list) else [group]) if alias]
    return names


def gold_labels(tokens: list[Token], names: list[tuple[str, str]]) -> list[str]:
    """BIO labels of every occurrence of the gold names, longest names first."""
    labels = ["O"] * len(tokens)
    keyed = sorted(((match_key(n).split(), kind) for n, kind in names), key=lambda x: -len(x[0]))
    keys = [t.key for t in tokens]
    for words, kind in keyed:
        size = len(words)
        for i in range(len(tokens) - size + 1):
            if size and keys[i : i + size] == words and all(label == "O" for label in labels[i : i + size]):
                labels[i : i + size] = [f"B-{kind}"] + [f"I-{kind}"] * (size - 1)
    return labels


def examples(pages_dir: Path, gold_dir: Path) -> Iterator[Example]:
    """The pages of a set through decode, clean and meta, with rules' and gold labels."""
    pipeline = Pipeline([Decode(), Clean(), Metadata()])
    for page in pipeline.run(read([str(pages_dir)])):
        gold_file = gold_dir / (Path(page.source).stem + ".json")
        if not page.ok or not gold_file.exists():
            continue
        names = gold_names(json.loads(gold_file.read_text(encoding="utf-8")))
        fields = {"title": page.meta.title or "", "body": page.body}
        people, orgs, places = extract_entities(fields)
        out = {}
        for field_, text in fields.items():
            tokens = tokenize(text)
            found = [(m.start, m.end, kind) for kind, records in (("PER", people), ("ORG", orgs), ("LOC", places))
                     for r in records for m in r.mentions if m.field == field_]
            out[field_] = (tokens, rule_labels(tokens, found), gold_labels(tokens, names))
        yield Example(page, out)


def sequences(items: Iterable[Example]) -> Iterator[tuple[list[list[str]], list[str]]]:
    for item in items:
        for tokens, rules, gold in item.fields.values():
            for first, end in lines_of(tokens):
                yield features(tokens[first:end], rules[first:end]), gold[first:end]


def train(items: Iterable[Example]) -> list[tuple[str, str, str, str]]:
    """Weight rows ("state", attribute, label, weight) and ("trans", from, to, weight)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for attrs, labels in sequences(items):
        trainer.append(attrs, labels)
    trainer.set_params({"c1": C1, "c2": C2, "max_iterations": ITERATIONS,
                        "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        model = str(Path(tmp, "model.crfsuite"))
        trainer.train(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        info = tagger.info()
    rows = [("trans", a, b, f"{w:.5f}") for (a, b), w in info.transitions.items() if a in LABELS and b in LABELS]
    rows += [("state", attr, label, f"{w:.5f}") for (attr, label), w in info.state_features.items() if abs(w) > 1e-4]
    return rows


HEADER = """# Entity tagger weights (linear-chain CRF) for sugia.entities.tagger: state weights per
# (attribute, label) and transition weights per (label, label).
# Trained by `python -m sugia.entities.train` (`make train`) with python-crfsuite on the
# project's examples/ (pages written for sugia, gold in examples/gold) and ../shared/real
# (120 real Vietnamese news pages; their gold names turned into token spans by the script).
# Cross-validated figures: python benchmarks/bench_tagger.py.
"""


def write(rows: list[tuple[str, str, str, str]], out: Path) -> None:
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(HEADER)
        handle.write("kind\tfrom_or_attribute\tto_or_label\tweight\n")
        for row in sorted(rows):
            handle.write("\t".join(row) + "\n")


def training_sets(shared: Path) -> list[tuple[Path, Path]]:
    sets = [(ROOT / "examples" / "pages", ROOT / "examples" / "gold")]
    if (shared / "real" / "gold").is_dir():
        sets.append((shared / "real" / "pages", shared / "real" / "gold"))
    return sets


def main() -> None:
    from ..data import path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=Path(path(MODEL)))
    args = parser.parse_args()
    items = [item for pages, gold in training_sets(args.shared) for item in examples(pages, gold)]
    rows = train(items)
    write(rows, args.out)
    print(f"trained on {len(items)} pages: {len(rows)} weights -> {args.out}")


if __name__ == "__main__":
    main()
