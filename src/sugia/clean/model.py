"""The learned line classifier: logistic scores per line, smoothed along the page by Viterbi.

Weights and label transitions are data (`data/line_model.tsv`), written by `train.py` from
the project's annotated pages. A page is read top to bottom as a two-state chain
(body / out): a caption between paragraphs stays in, a lone sentence in a list stays out.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

from ..data import path, rows
from .features import Features

MODEL_FILE = "line_model.tsv"


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x > -35 else 0.0


@dataclass
class LinearModel:
    weights: dict[str, float] = field(default_factory=dict)

    def score(self, f: Features) -> float:
        w = self.weights
        return sum(w.get(k, 0.0) * v for k, v in f.items())

    def proba(self, f: Features) -> float:
        return sigmoid(self.score(f))


@dataclass
class LineModel:
    """Headline picker, body/out line scorer, and the chain's transition log-probabilities."""

    title: LinearModel
    body: LinearModel
    transitions: dict[tuple[str, str], float]  # (previous, next) -> log P(next | previous)
    prior_body: float = 0.5

    def label(self, feats: list[Features]) -> tuple[list[str], list[float]]:
        """Viterbi over body/out with emissions P(label | line) / P(label)."""
        probs = [self.body.proba(f) for f in feats]
        if not probs:
            return [], []
        states = ("body", "out")
        prior = {"body": self.prior_body, "out": 1 - self.prior_body}

        def emit(p: float, s: str) -> float:
            q = p if s == "body" else 1 - p
            return math.log(max(q, 1e-9)) - math.log(prior[s])

        best = {s: emit(probs[0], s) + math.log(prior[s]) for s in states}
        back: list[dict[str, str]] = []
        for p in probs[1:]:
            step, new = {}, {}
            for s in states:
                prev = max(states, key=lambda r: best[r] + self.transitions[(r, s)])
                step[s] = prev
                new[s] = best[prev] + self.transitions[(prev, s)] + emit(p, s)
            back.append(step)
            best = new
        state = max(states, key=best.get)
        labels = [state]
        for step in reversed(back):
            state = step[state]
            labels.append(state)
        return labels[::-1], probs

    def save(self, file: str, source: str) -> None:
        with open(file, "w", encoding="utf-8") as out:
            out.write(
                "# Line classifier of sugia.clean, learned by `python -m sugia.clean.train`\n"
                f"# from {source} (pages and gold written for the project). Do not edit by hand.\n"
                "# part\tname\tvalue\n"
            )
            out.write(f"prior\tbody\t{self.prior_body:.6f}\n")
            for (a, b), v in sorted(self.transitions.items()):
                out.write(f"transition\t{a}>{b}\t{v:.6f}\n")
            for part, model in (("title", self.title), ("body", self.body)):
                for name, v in sorted(model.weights.items()):
                    out.write(f"{part}\t{name}\t{v:.6f}\n")


@cache
def load(name: str = MODEL_FILE) -> LineModel:
    title, body, trans = LinearModel(), LinearModel(), {}
    prior = 0.5
    for part, name_, value in rows(name):
        v = float(value)
        if part == "prior":
            prior = v
        elif part == "transition":
            a, b = name_.split(">")
            trans[(a, b)] = v
        else:
            (title if part == "title" else body).weights[name_] = v
    return LineModel(title, body, trans, prior)


def model_path() -> str:
    return path(MODEL_FILE)
