"""Longest-match lookup of known names (places, organisations, posts) over tokens.

Keys are token keys (case-folded, tone placement normalised), so "Hoà Bình" finds "Hòa Bình".
The first letter's case must agree with the listed name, so "anh" (a pronoun) does not find
the country "Anh" and "Bà" opens a name only where the list says so.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from ..data import rows
from .text import fold
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

    # Entries by first key, then length (longest first), then every key: a lookup is one probe
    # per length, not a comparison per entry ("Bộ" opens hundreds).
    index: dict[str, list[tuple[int, dict[tuple[str, ...], list[tuple[Token, Entry, tuple[bool, ...]]]]]]] = \
        field(default_factory=dict)
    any_case: bool = False  # words like "Thường trực" / "thường trực" complete a post either way

    def add(self, alias: str, entry: Entry) -> None:
        toks = tokenize(alias)
        if toks:
            keys, caps = tuple(t.key for t in toks), tuple(t.cap for t in toks)
            lengths = self.index.setdefault(toks[0].key, [])
            if not any(n == len(keys) for n, _ in lengths):
                lengths.append((len(keys), {}))
                lengths.sort(key=lambda length: -length[0])
            same = next(entries for n, entries in lengths if n == len(keys))
            same.setdefault(keys, []).append((toks[0], entry, caps))

    def entries(self) -> Iterator[Entry]:
        """Every entry, once per alias."""
        for lengths in self.index.values():
            for _, by_keys in lengths:
                for found in by_keys.values():
                    yield from (entry for _, entry, _ in found)

    def match(self, tokens: list[Token], i: int, any_case: bool = False,
              as_listed: bool = False) -> tuple[int, Entry] | None:
        """The longest entry starting at tokens[i]: (end index, entry). An acronym matches
        only as written ("NAM" is not "Nam"); `any_case`: the first letter's case may differ
        (a post after "Phó" is often written small: "Phó bí thư"); `as_listed`: every later
        syllable's case must be the listed one ("hòa bình", peace, is not "Hòa Bình")."""
        if i >= len(tokens):  # a phrase that ends the text has nothing after it to match
            return None
        first = tokens[i]
        lengths = self.index.get(first.key)
        if not lengths:  # a third of the calls: nothing listed opens with this word
            return None
        keys = tuple([t.key for t in tokens[i:i + lengths[0][0]]])
        for length, entries in lengths:
            j = i + length
            if j > len(tokens):
                continue
            for head, entry, caps in entries.get(keys[:length], ()):
                if head.acronym and first.text != head.text:
                    continue
                if not (self.any_case or any_case) and first.cap != head.cap:
                    continue
                if as_listed and any(tokens[i + k].cap != cap for k, cap in enumerate(caps) if k):
                    continue
                return j, entry
        return None

    def lookup(self, name: str) -> Entry | None:
        """The entry `name` spells as a whole ("Hoa Kỳ", "Vientiane", "LHQ"), or None."""
        tokens = tokenize(name)
        hit = self.match(tokens, 0) if tokens else None
        return hit[1] if hit and hit[0] == len(tokens) else None

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


# Head words that open an organisation's name (Vietnamese puts the kind first).
ORG_HEADS = ("Bộ", "Ban", "Ủy ban", "Uỷ ban", "Hội đồng", "Văn phòng", "Đại sứ quán", "Tổng Lãnh sự quán",
             "Lãnh sự quán", "Phái đoàn", "Tổ chức", "Liên đoàn", "Liên minh", "Hiệp hội", "Nhóm", "Viện",
             "Học viện", "Quỹ", "Ngân hàng", "Công ty", "Tập đoàn", "Hãng", "Cơ quan", "Mặt trận", "Phong trào",
             "Ủy hội", "Uỷ hội", "Tòa án", "Toà án", "Đảng", "Hội", "Liên hiệp", "Thông tấn xã", "Tổng cục", "Cục",
             "Vụ", "Sở", "Nghị viện", "Quốc hội", "Chính phủ", "Đại học", "Trường Đại học", "Câu lạc bộ", "Phòng")
# Not "Diễn đàn" or "Hội nghị": a forum held on a day is an event ("Diễn đàn doanh nghiệp ...");
# the forums that are bodies (APEC, ARF) are in the shipped list.


def phrase_index(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """First token key -> key sequences of the phrases, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        keys = tuple(t.key for t in tokenize(phrase))
        index.setdefault(keys[0], []).append(keys)
    return {k: sorted(v, key=len, reverse=True) for k, v in index.items()}


def phrase_at(tokens: list[Token], i: int, index: dict[str, list[tuple[str, ...]]]) -> int | None:
    """End of the longest indexed phrase starting at tokens[i]."""
    for keys in index.get(tokens[i].key, ()):
        j = i + len(keys)
        if j <= len(tokens) and all(tokens[i + k].key == key for k, key in enumerate(keys)):
            return j
    return None


@cache
def _heads() -> dict[str, list[tuple[str, ...]]]:
    return phrase_index(ORG_HEADS)


def org_head(tokens: list[Token], i: int) -> int | None:
    """End of an organisation head word at i ("Ủy ban", "Bộ"), written with a capital."""
    if not tokens[i].cap or (tokens[i].text.isupper() and len(tokens[i].text) > 1):
        return None  # an all-capitals heading is not a name
    return phrase_at(tokens, i, _heads())


def starts_name(tokens: list[Token], j: int) -> bool:
    """A Vietnamese family name followed by a capitalised word: a person's name begins."""
    return tokens[j].cap and tokens[j].key in family_names() and j + 1 < len(tokens) and tokens[j + 1].cap \
        and tokens[j + 1].word


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
def domains() -> Gazetteer:
    """Words that complete a post ("Thứ trưởng Ngoại giao", "Phó Thủ tướng Thường trực")."""
    gaz = Gazetteer(any_case=True)
    for name, kind in rows("posts.tsv"):
        if kind == "domain":
            gaz.add(name, Entry(name, kind))
    return gaz


@cache
def family_names() -> frozenset[str]:
    from ..data import path

    with open(path("family_names.txt"), encoding="utf-8") as handle:
        words = [w for line in handle if not line.startswith("#") for w in line.split()]
    return frozenset(t.key for w in words for t in tokenize(w))


def spellings(name: str) -> list[str]:
    """Every folded spelling the gazetteers know for a name ("Hoa Kỳ" -> my, hoa ky, ...;
    "LHQ" -> lien hop quoc, ...); the name itself when they know none."""
    found = {fold(name)}
    for gazetteer in (places(), organizations()):
        if entry := gazetteer.lookup(name):
            found |= {fold(n) for n in (entry.name, *entry.aliases)}
    return sorted(found)
