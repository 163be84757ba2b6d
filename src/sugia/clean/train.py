"""Learn the line classifier from annotated pages: `python -m sugia.clean.train examples/`
(`--cv` prints the leave-one-page-out sweep behind the constants below).

Reads every page under DIR/pages with its gold under DIR/gold (GOLD_FORMAT.md), labels each
line title/body/out from the gold, fits two L2-regularised logistic regressions (headline,
body) by gradient descent, counts body/out transitions, and writes `data/line_model.tsv`.
Standard library only, so training runs wherever sugia does.
"""
from __future__ import annotations

import json
import math
import os
import random
import sys
from dataclasses import replace

from ..page import Page
from ..read import read
from . import Decode, page_views
from .features import TITLE_WINDOW, Features, page_features, title_features
from .model import LinearModel, LineModel, model_path, sigmoid

# Chosen by leave-one-page-out over examples/ (`--cv`), word-weighted body F1:
# L2 0.003 / 0.001 / 0.0003 gave 0.981 / 0.986 / 0.988; 0.001 keeps weights moderate.
L2 = 0.001
EPOCHS = 400  # the loss is flat from ~300 epochs on
RATE = 0.5
# Smoothing: transition log-probabilities are scaled by this before Viterbi, because the
# line features already see their neighbours. 0 / 0.3 / 0.6 / 1.0 gave 0.986 / 0.986 /
# 0.985 / 0.981 at L2 0.001; 0.3 keeps lone captions in without gluing in furniture.
SMOOTHING = 0.3
# Augmented copies of each page (furniture from other pages inserted mid-article).
AUGMENT_COPIES = 4


def fit(samples: list[tuple[Features, int]], l2: float = L2, epochs: int = EPOCHS) -> LinearModel:
    """Batch gradient descent with AdaGrad steps on the logistic loss."""
    weights: dict[str, float] = {}
    grad_sq: dict[str, float] = {}
    n = len(samples)
    positives = sum(y for _, y in samples) or 1
    # Balance the classes so a page full of furniture does not drown the few body lines.
    w_pos, w_neg = n / (2 * positives), n / (2 * max(n - positives, 1))
    for _ in range(epochs):
        grad: dict[str, float] = {}
        for f, y in samples:
            p = sigmoid(sum(weights.get(k, 0.0) * v for k, v in f.items()))
            err = (p - y) * (w_pos if y else w_neg)
            for k, v in f.items():
                grad[k] = grad.get(k, 0.0) + err * v
        for k, g in grad.items():
            g = g / n + l2 * weights.get(k, 0.0)
            grad_sq[k] = grad_sq.get(k, 0.0) + g * g
            weights[k] = weights.get(k, 0.0) - RATE * g / (math.sqrt(grad_sq[k]) + 1e-8)
    return LinearModel({k: v for k, v in weights.items() if abs(v) > 1e-4})


def labelled_pages(folder: str) -> list[tuple[Page, dict]]:
    """Decoded pages with their gold, from FOLDER/pages and FOLDER/gold."""
    out = []
    decode = Decode()
    for page in read([os.path.join(folder, "pages")]):
        name = os.path.basename(page.source)
        gold_file = os.path.join(folder, "gold", os.path.splitext(name)[0] + ".json")
        if page.ok and os.path.exists(gold_file):
            with open(gold_file, encoding="utf-8") as handle:
                out.append((decode(page), json.load(handle)))
    return out


def line_labels(page: Page, gold: dict) -> tuple[list, int | None, list[int]]:
    """Views of a page, the headline's position and body flags, from its gold."""
    from ..lang.text import match_key

    raw_lines = page.text.split("\n")
    body_keys = {match_key(raw_lines[i - 1]) for i in gold.get("body_lines", []) if 0 < i <= len(raw_lines)}
    views = page_views(page)
    title_key = match_key(gold.get("title") or "")
    title_at = next((i for i, v in enumerate(views) if v.key == title_key), None)
    return views, title_at, [int(v.key in body_keys) for v in views]


def furniture_blocks(pages: list[tuple[list, int | None, list[int]]]) -> list[list]:
    """Runs of 1-3 consecutive out-lines after the headline: the furniture a site may drop
    anywhere in an article (related headlines and teasers, image titles, widgets)."""
    blocks = []
    for views, title_at, flags in pages:
        start = (title_at or 0) + 1
        for i in range(start, len(views)):
            if not flags[i] and (i == start or flags[i - 1]):
                run = [views[j] for j in range(i, min(i + 3, len(views))) if not flags[j]]
                blocks.append(run)
    return blocks


def augment(page: tuple[list, int | None, list[int]], blocks: list[list], rng: random.Random) -> tuple:
    """The page with one furniture block from another page inserted inside its body."""
    views, title_at, flags = page
    body_at = [i for i, y in enumerate(flags) if y]
    if len(body_at) < 2 or not blocks:
        return page
    at = rng.choice(body_at[1:])
    block = [replace(v, in_main=views[at].in_main if v.in_main is not None else None) for v in rng.choice(blocks)]
    new_views = views[:at] + block + views[at:]
    new_flags = flags[:at] + [0] * len(block) + flags[at:]
    new_title = title_at if title_at is None or title_at < at else title_at + len(block)
    return new_views, new_title, new_flags


Labelled = tuple[list, int | None, list[int]]


def train(folder: str) -> LineModel:
    return train_pages([line_labels(page, gold) for page, gold in labelled_pages(folder)])


def train_pages(pages: list[Labelled], l2: float = L2, smoothing: float = SMOOTHING,
                copies: int = AUGMENT_COPIES, seed: int = 0) -> LineModel:
    title_samples: list[tuple[Features, int]] = []
    body_samples: list[tuple[Features, int]] = []
    counts = {(a, b): 1.0 for a in ("body", "out") for b in ("body", "out")}
    for views, title_at, _ in pages:
        if title_at is not None and title_at < TITLE_WINDOW:
            title_samples += [(f, int(i == title_at)) for i, f in enumerate(title_features(views))]
    rng = random.Random(seed)
    blocks = furniture_blocks(pages)
    for original in pages:
        variants = [original] + [augment(original, blocks, rng) for _ in range(copies)]
        for views, title_at, flags in variants:
            _add_page(views, title_at, flags, body_samples)
    for _, title_at, flags in pages:  # transitions from real pages only
        states = ["body" if y else "out" for i, y in enumerate(flags) if i != title_at]
        for a, b in zip(states, states[1:]):
            counts[(a, b)] += 1
    totals = {a: counts[(a, "body")] + counts[(a, "out")] for a in ("body", "out")}
    transitions = {(a, b): smoothing * math.log(c / totals[a]) for (a, b), c in counts.items()}
    # fit() balances the classes, so its probabilities are calibrated to a prior of 0.5.
    return LineModel(fit(title_samples, l2), fit(body_samples, l2), transitions, 0.5)


def cross_validate(folder: str, l2: float = L2, smoothing: float = SMOOTHING) -> tuple[float, float, float]:
    """Leave-one-page-out word-weighted body precision, recall, F1 over `folder`."""
    pages = [line_labels(page, gold) for page, gold in labelled_pages(folder)]
    tp = n_pred = n_gold = 0
    for k, (views, title_at, flags) in enumerate(pages):
        model = train_pages(pages[:k] + pages[k + 1 :], l2, smoothing)
        labels, _ = model.label(page_features(views, title_at))
        for i, (view, label, y) in enumerate(zip(views, labels, flags)):
            if i != title_at:
                tp += view.words * (label == "body" and y)
                n_pred += view.words * (label == "body")
                n_gold += view.words * y
    p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def _add_page(views: list, title_at: int | None, flags: list[int], samples: list[tuple[Features, int]]) -> None:
    for i, (f, y) in enumerate(zip(page_features(views, title_at), flags)):
        if i != title_at:
            samples.append((f, y))


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    folder = args[0] if args else "examples"
    if "--cv" in argv:
        for l2 in (0.003, 0.001, 0.0003):
            for smoothing in (0.0, 0.3, 0.6, 1.0):
                p, r, f = cross_validate(folder, l2, smoothing)
                print(f"l2={l2} smoothing={smoothing}: leave-one-page-out body P={p:.3f} R={r:.3f} F1={f:.3f}")
        return
    model = train(folder)
    model.save(model_path(), f"{folder}/pages + {folder}/gold")
    print(f"wrote {model_path()}: {len(model.body.weights)} body and {len(model.title.weights)} title weights")


if __name__ == "__main__":
    main(sys.argv[1:])
