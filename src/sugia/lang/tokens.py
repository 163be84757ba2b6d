"""Tokens with character offsets into the body, so every mention can be highlighted."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from .text import tone_key

# Words (abbreviations like "TP.HCM" kept whole), single punctuation marks, and line breaks,
# so no name runs from one paragraph into the next. Hyphens are tokens: "Việt Nam-Kazakhstan"
# must show both places; names rejoin them ("Kassym-Jomart").
_VIETNAMESE_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}"
    r"(?:ng|nh|ch|[cmnpt]|[iyou])?$"
)
ROMAN = re.compile(r"^[IVXLC]+$")
_TOKEN = re.compile(r"\w+(?:['’.]\w+)*|[^\w\s]|\n")


class Token(NamedTuple):
    """A token and where it stands (a named tuple: a page makes hundreds of thousands, and a
    tuple is built several times faster than a frozen dataclass)."""

    text: str
    start: int
    end: int
    key: str  # case-folded, tone placement normalised
    word: bool  # a word, not punctuation or a line break
    cap: bool  # starts with a capital letter (names, posts, proper nouns)
    acronym: bool  # all capitals, two letters or more; a roman numeral ("XIII") is not one


def _token(text: str, start: int) -> Token:
    return Token(text, start, start + len(text), *_described(text))


@lru_cache(maxsize=1 << 16)
def _described(text: str) -> tuple[str, bool, bool, bool]:
    """What a token's text says of it (key, word, capital, acronym): the same words come again
    and again."""
    acronym = text.isupper() and _acronym(text)  # most words have a small letter: no need to look
    return tone_key(text), text[0].isalnum(), text[0].isupper(), acronym


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not ROMAN.match(text)


def keys(*words: str) -> frozenset[str]:
    """Token keys of plain words, for comparing with `Token.key`."""
    return frozenset(tone_key(w) for w in words)


def glued(tokens: list[Token], i: int) -> bool:
    """tokens[i] touches tokens[i - 1] with no space between ("Kassym-Jomart")."""
    return i > 0 and tokens[i - 1].end == tokens[i].start


# "giao.Tại": a sentence glued to the next by a lost space (a small letter, a full stop, a
# capital); "TP.HCM", "Đ.Mét-vê-đét" and "S.E" keep their dot.
_GLUED_SENTENCE = re.compile(r"(?<=[^\W\d_]{2})\.(?=[^\W\d_])")


def _pieces(word: str, start: int) -> list[Token]:
    """A matched word, split where a sentence was glued to the next one."""
    cut = _GLUED_SENTENCE.search(word) if "." in word else None
    if not cut or not (word[cut.start() - 1].islower() and word[cut.end()].isupper()):
        return [_token(word, start)]
    return [_token(word[: cut.start()], start), _token(".", start + cut.start()),
            *_pieces(word[cut.end():], start + cut.end())]


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        if "." in (word := m.group()):
            out += _pieces(word, m.start())
        else:
            out.append(_token(word, m.start()))
    return out


def token_at(tokens: Sequence[Token], char: int) -> int:
    """Index of the first token starting at or after character `char` (tokens are in order)."""
    return bisect_left(tokens, char, key=lambda t: t.start)


def covered(tokens: list[Token], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that start inside any of the character spans."""
    return {n for s, e in spans for n in range(token_at(tokens, s), token_at(tokens, e))}


def span_text(text: str, tokens: list[Token], i: int, j: int) -> str:
    """The body text covered by tokens[i:j]."""
    return text[tokens[i].start : tokens[j - 1].end]


def lower_run(tokens: list[Token], j: int, most: int) -> int:
    """End of the run of at most `most` lower-case words from j ("tư vấn kinh doanh" inside
    "Hội đồng tư vấn kinh doanh APEC"); what closes the run decides whether it belongs."""
    run = j
    while run < len(tokens) and run - j < most and tokens[run].word and not tokens[run].cap:
        run += 1
    return run


def in_caps_run(tokens: list[Token], i: int) -> bool:
    """tokens[i] sits in an all-capitals heading ("HAI LẦN VIỆT NAM ĐĂNG CAI"), where an
    acronym or a capitalised name means nothing."""
    def caps(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].word and len(tokens[k].text) > 1 and tokens[k].text.isupper()

    return caps(i) and (caps(i - 1) or caps(i + 1)) and (caps(i - 1) + caps(i + 1) + caps(i - 2) + caps(i + 2)) >= 2


def vietnamese_word(token: Token) -> bool:
    """The token is a valid Vietnamese syllable (initial, vowel cluster, final): "Tokayev" is not."""
    return vietnamese_syllable(token.text)


def vietnamese_syllable(text: str) -> bool:
    return bool(_VIETNAMESE_SYLLABLE.match(text.lower()))
