"""A learned sequence tagger over the rules: it reads each line's tokens with what the rules
and gazetteers say of them and labels names of people (PER), organisations (ORG) and places
(LOC) in BIO form. The rules stay the candidate generators — their verdicts are features —
and the tagger adds what they were not written for: names before their posts, people with no
post, organisations and places no list holds.

The model is a linear-chain CRF trained by `python -m sugia.entities.train` (python-crfsuite,
a development dependency) and shipped as weights in `data/entity_tagger.tsv`; decoding here is
plain Viterbi over those weights, so the runtime needs no CRF library.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import numpy as np

from ..data import path
from ..lang.gazetteer import family_names, organizations, places, posts
from ..lang.text import match_key
from ..lang.tokens import Token, token_at, vietnamese_syllable

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
MODEL = "entity_tagger.tsv"


def _shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if not text[0].isalnum():
        return "p"
    if text.isupper() and len(text) > 1:
        return "XX"
    return "Xx" if text[0].isupper() else "x"


def _gazetteer_marks(tokens: list[Token]) -> list[list[str]]:
    """For each token, which listed names (places, organisations, posts) cover it, as B/I
    attributes ("g=B-place")."""
    marks: list[list[str]] = [[] for _ in tokens]
    for name, gazetteer in (("place", places()), ("org", organizations()), ("post", posts())):
        heads, end = gazetteer.index, 0  # most tokens open no listed name: only those that do are tried
        for i in [i for i, t in enumerate(tokens) if t.key in heads and t.word]:
            if i < end or not (hit := gazetteer.match(tokens, i)):
                continue  # inside the previous match, or no entry here
            kind = hit[1].kind if name == "post" else name
            marks[i].append(f"g=B-{kind}")
            for j in range(i + 1, hit[0]):
                marks[j].append(f"g=I-{kind}")
            end = hit[0]
    return marks


OFFSETS = (-2, -1, 1, 2)  # neighbours whose attributes a token sees (words: next door only)


def own_attributes(tokens: list[Token], rule_labels: Sequence[str]) -> list[list[str]]:
    """Each token's own attributes: its word (first), shape, the rules' label, gazetteer marks,
    family name, and whether it is no Vietnamese syllable ("Tokayev")."""
    marks = _gazetteer_marks(tokens)
    out = []
    for t, rule, mark in zip(tokens, rule_labels, marks):
        word, shape, *more = _word_attributes(t.key, t.text, t.word)
        out.append([word, shape, _RULES.get(rule) or f"r={rule}", *mark, *more])
    return out


_RULES = {label: f"r={label}" for label in LABELS}


@lru_cache(maxsize=1 << 16)
def _word_attributes(key: str, text: str, word: bool) -> tuple[str, ...]:
    """What a token says by itself (word, shape, family name, foreign), kept for the words
    that come again and again."""
    foreign = word and not vietnamese_syllable(text)
    return (f"w={key}", f"s={_shape(text)}", *(["fam"] if key in family_names() else []),
            *(["foreign"] if foreign else []))


def seen(own: list[str], offset: int) -> list[str]:
    """What a token shows a neighbour `offset` away: all of it next door, no word further off."""
    return own if abs(offset) == 1 else own[1:]


def features(tokens: list[Token], rule_labels: Sequence[str]) -> list[list[str]]:
    """Each token's attributes as the CRF is trained on them: its own, and its neighbours'
    prefixed by their offset (an edge where there is none)."""
    own = own_attributes(tokens, rule_labels)
    out = []
    for i, attrs in enumerate(own):
        row = ["bias", *attrs]
        for offset in OFFSETS:
            j = i + offset
            row += [f"{offset}:{a}" for a in seen(own[j], offset)] if 0 <= j < len(own) else [f"{offset}:edge"]
        out.append(row)
    return out


class Tagger:
    """Viterbi over the shipped weights: a row of label weights per attribute and transition
    weights per (label, label), in numpy. A token's scores are the sum of its own attributes'
    rows and its neighbours' rows for their offset — the same sum as over `features`' strings,
    without writing them."""

    def __init__(self, state: dict[str, list[tuple[int, float]]], transitions: list[list[float]]):
        self.weights = np.zeros((len(state) + 1, len(LABELS)))  # the last row: attributes never seen
        ids = {attr: n for n, attr in enumerate(state)}
        for attr, pairs in state.items():
            for label, weight in pairs:
                self.weights[ids[attr], label] += weight
        unseen = self.weights[len(state)]
        self.bias = self.weights[ids["bias"]] if "bias" in ids else unseen
        by_view = {0: {a: n for a, n in ids.items() if ":" not in a or a.split(":", 1)[0] not in _PREFIXES}}
        for offset in OFFSETS:
            prefix = f"{offset}:"
            by_view[offset] = {a[len(prefix):]: n for a, n in ids.items() if a.startswith(prefix)}
        self.edges = {o: self.weights[ids[f"{o}:edge"]] if f"{o}:edge" in ids else unseen for o in OFFSETS}
        self.transitions = np.array(transitions, dtype=float)
        self._into = self.transitions.T.tolist()  # [to label][from label], for `tag`
        # An attribute's weight row for each view (itself, then OFFSETS), in one table: one dict
        # lookup per attribute, not five; the table's last line is the never-seen attribute's.
        known = sorted(set().union(*by_view.values()))
        self.attributes = {a: n for n, a in enumerate(known)}
        self.views = np.array([[by_view[o].get(a, len(state)) for o in VIEWS] for a in known]
                              + [[len(state)] * len(VIEWS)], dtype=np.intp)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> Tagger:
        index = {label: n for n, label in enumerate(LABELS)}
        state: dict[str, list[tuple[int, float]]] = {}
        transitions = [[0.0] * len(LABELS) for _ in LABELS]
        for kind, a, b, weight in rows:
            if kind == "trans":
                transitions[index[a]][index[b]] = float(weight)
            else:
                state.setdefault(a, []).append((index[b], float(weight)))
        return cls(state, transitions)

    def scores(self, own: list[list[str]]) -> np.ndarray:
        """Each token's label scores from its own attributes and its neighbours': every
        attribute's rows gathered at once and summed per token and view, each view's sums
        then added to the token that sees them."""
        n, counts = len(own), [len(attrs) for attrs in own]
        get, unseen = self.attributes.get, len(self.attributes)
        ids = self.views[[get(a, unseen) for attrs in own for a in attrs]]
        words = np.cumsum(counts) - counts  # each token's first attribute, its word: seen next door only
        for k, offset in enumerate(VIEWS):
            if abs(offset) > 1:
                ids[words, k] = self.views[unseen, k]
        sums = np.add.reduceat(self.weights[ids], words, axis=0)  # [token, view, label]
        total = sums[:, 0] + self.bias
        for k, offset in enumerate(OFFSETS, start=1):  # token i sees token i + offset, an edge where there is none
            lo, hi = max(0, -offset), min(n, n - offset)
            if lo < hi:
                total[lo:hi] += sums[lo + offset:hi + offset, k]
            total[:lo] += self.edges[offset]
            total[max(hi, lo):] += self.edges[offset]
        return total

    def tag(self, own: list[list[str]]) -> list[str]:
        """The best labels of a line, given each token's own attributes (`own_attributes`).
        Viterbi in plain floats: over a handful of labels, numpy's calls per token cost more
        than the sums (the first best label wins a tie, as numpy's argmax)."""
        if not own:
            return []
        scores = self.scores(own).tolist()
        best, back, labels = scores[0], [], range(len(LABELS))
        for row in scores[1:]:
            came, now = [], []
            for column, score in zip(self._into, row):
                top, arg = best[0] + column[0], 0
                for i in labels[1:]:
                    if (value := best[i] + column[i]) > top:
                        top, arg = value, i
                came.append(arg)
                now.append(top + score)
            back.append(came)
            best = now
        path_ = [max(labels, key=best.__getitem__)]
        for previous in reversed(back):
            path_.append(previous[path_[-1]])
        return [LABELS[i] for i in reversed(path_)]


_PREFIXES = {str(o) for o in OFFSETS}
VIEWS = (0, *OFFSETS)


@cache
def load() -> Tagger | None:
    """The shipped tagger, or None when no model has been trained (`make train`)."""
    try:
        with open(path(MODEL), encoding="utf-8") as handle:
            rows = [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]
    except FileNotFoundError:
        return None
    return Tagger.from_rows(rows[1:])  # the first row names the columns


def spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) of each labelled name."""
    out: list[tuple[int, int, str]] = []
    for i, label in enumerate(labels):
        if label.startswith("B-") or (label.startswith("I-") and (i == 0 or labels[i - 1][2:] != label[2:])):
            out.append((i, i + 1, label[2:]))
        elif label.startswith("I-") and out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1, out[-1][2])
    return out


# Names of meetings and ceremonies, which the events stage reads: never an organisation.
MEETING_HEADS = frozenset(match_key(words) for words in (
    "hội nghị", "thượng đỉnh", "hội thảo", "cuộc họp", "phiên họp", "kỳ họp", "khóa họp", "lễ", "tọa đàm", "hội đàm",
    "đối thoại", "tuần lễ", "hội chợ", "triển lãm"))


def is_meeting(name: str) -> bool:
    words = match_key(name).split()
    return " ".join(words[:2]) in MEETING_HEADS or (bool(words) and words[0] in MEETING_HEADS)


def rule_labels(tokens: Sequence[Token], found: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO labels of the names the rules found ((start, end) in characters, type)."""
    labels = ["O"] * len(tokens)
    for start, end, kind in sorted(found, key=lambda f: (f[0], -f[1])):
        inside = [i for i in range(token_at(tokens, start), token_at(tokens, end)) if labels[i] == "O"]
        for n, i in enumerate(inside):
            labels[i] = ("B-" if n == 0 else "I-") + kind
    return labels


def lines_of(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(first, end) token ranges of each line: a line is one sequence for the tagger."""
    out, first = [], 0
    for i, token in enumerate(tokens):
        if token.text == "\n":
            if i > first:
                out.append((first, i))
            first = i + 1
    if first < len(tokens):
        out.append((first, len(tokens)))
    return out


def tag_names(tagger: Tagger, text: str, tokens: list[Token], rules: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) in characters of every name the tagger reads in a field."""
    out = []
    for first, end in lines_of(tokens):
        if not any(t.cap for t in tokens[first:end]):
            continue  # a line with no capital holds no name
        labels = tagger.tag(own_attributes(tokens[first:end], rules[first:end]))
        out += [(tokens[first + a].start, tokens[first + b - 1].end, kind) for a, b, kind in spans(labels)]
    return out
