"""Longest-match lookup of known names (places, organisations, posts) over tokens.

Keys are token keys (case-folded, tone placement normalised), so "Hoà Bình" finds "Hòa Bình".
The first letter's case must agree with the listed name, so "anh" (a pronoun) does not find
the country "Anh" and "Bà" opens a name only where the list says so.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..data import rows
from .tokens import Token, tokenize


@dataclass(frozen=True, slots=True)
class Entry:
    name: str  # canonical
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass
class Gazetteer:
    """alias key sequence -> Entry, indexed by first token for longest match."""

    index: dict[str, list[tuple[tuple[str, ...], bool, Entry]]] = field(default_factory=dict)
    longest: int = 1

    def add(self, alias: str, entry: Entry) -> None:
        toks = tokenize(alias)
        if not toks:
            return
        keys = tuple(t.key for t in toks)
        self.index.setdefault(keys[0], []).append((keys, toks[0].cap, entry))
        self.longest = max(self.longest, len(keys))

    def match(self, tokens: list[Token], i: int) -> tuple[int, Entry] | None:
        """The longest entry starting at tokens[i]: (end index, entry)."""
        best = None
        for keys, cap, entry in self.index.get(tokens[i].key, ()):
            j = i + len(keys)
            if j <= len(tokens) and tokens[i].cap == cap and all(tokens[i + k].key == key for k, key in enumerate(keys)):
                if best is None or j > best[0]:
                    best = (j, entry)
        return best

    def scan(self, tokens: list[Token]) -> list[tuple[int, int, Entry]]:
        """Every longest, non-overlapping match left to right: (start, end, entry)."""
        out, i = [], 0
        while i < len(tokens):
            hit = self.match(tokens, i)
            if hit:
                out.append((i, hit[0], hit[1]))
                i = hit[0]
            else:
                i += 1
        return out


def _build(rows_: tuple[tuple[str, ...], ...], make) -> Gazetteer:
    gaz = Gazetteer()
    for row in rows_:
        entry = make(row)
        for alias in (entry.name, *entry.aliases):
            gaz.add(alias, entry)
    return gaz


def _split(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


@cache
def places() -> Gazetteer:
    return _build(rows("places.tsv"), lambda r: Entry(r[0], r[1], _split(r[2]) if len(r) > 2 else (),
                                                      (r[3] or None) if len(r) > 3 else None))


@cache
def organizations() -> Gazetteer:
    return _build(rows("organizations.tsv"), lambda r: Entry(r[0], r[2] if len(r) > 2 else "org",
                                                             _split(r[1]) if len(r) > 1 else ()))


@cache
def posts() -> Gazetteer:
    return _build(rows("posts.tsv"), lambda r: Entry(r[0], r[1]))


@cache
def family_names() -> frozenset[str]:
    from ..data import path

    with open(path("family_names.txt"), encoding="utf-8") as handle:
        words = [w for line in handle if not line.startswith("#") for w in line.split()]
    return frozenset(t.key for w in words for t in tokenize(w))
