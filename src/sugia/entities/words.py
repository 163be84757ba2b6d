"""Names cut at a lower-case syllable made whole again. Vietnamese capitalises only the first
syllable of each word of a name, so a reader of capitals stops inside a word: "Ban Tổ" (chức),
"Hội đồng An" (ninh), "Cục Lãnh" (sự), "Bộ Văn" (hóa). A capitalised syllable and the
lower-case one after it are one word when the page itself writes that pair in lower case
("tổ chức", "an ninh"), a listed name holds it ("Tổ chức Thương mại Thế giới") or the
language's two-syllable words do (`lang.lexicon`).
"""
from __future__ import annotations

from functools import cache

from ..lang.gazetteer import domains, organizations, places, posts
from ..lang.lexicon import FUNCTION_WORDS, common_pairs
from ..lang.text import match_key
from ..lang.tokens import Token, token_at, tokenize


def _pairs(tokens: list[Token], listed: bool) -> set[tuple[str, str]]:
    return {(a.key, b.key) for a, b in zip(tokens, tokens[1:])
            if a.word and b.word and not b.cap and (listed and a.cap or not a.cap) and b.end > a.end
            and a.key not in FUNCTION_WORDS and b.key not in FUNCTION_WORDS}


@cache
def listed_pairs() -> frozenset[tuple[str, str]]:
    """(capitalised syllable, lower-case syllable) pairs inside the listed names."""
    pairs: set[tuple[str, str]] = set()
    for gazetteer in (organizations(), posts(), places(), domains()):
        for entry in gazetteer.entries():
            for name in (entry.name, *entry.aliases):
                pairs |= _pairs(tokenize(name), listed=True)
    return frozenset(pairs)


def page_words(tokens: list[Token]) -> set[tuple[str, str]]:
    """Two-syllable words the page writes in lower case."""
    return _pairs(tokens, listed=False)


def one_word(a: Token, b: Token, words: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset()) -> bool:
    """Two syllables that are one word: the page writes them so in lower case (`words`), a
    listed name holds them, or the language's lexicon does ("lãnh đạo", "Xã hội", "Y tế")."""
    pair = (a.key, b.key)
    return a.word and b.word and (pair in words or pair in listed_pairs() or pair in common_pairs())


def whole_end(tokens: list[Token], end: int, words: set[tuple[str, str]]) -> int:
    """The end (in characters) of a name ending at `end` on a capitalised syllable, with the
    lower-case syllable that finishes its word."""
    n = token_at(tokens, end) - 1  # the token that ends at `end`, if one does
    if n < 0 or tokens[n].end != end or n + 1 >= len(tokens):
        return end
    last, nxt = tokens[n], tokens[n + 1]
    if last.cap and not last.acronym and nxt.word and not nxt.cap and nxt.start == last.end + 1 \
            and one_word(last, nxt, words):
        return nxt.end
    return end


# The Party, the State, the Government... named together ("Đảng và Nhà nước", "Đảng và Chính
# phủ Việt Nam") are a phrase of the language, not the name of one organisation.
_AND = f" {match_key('và')} "
GENERIC_BODIES = frozenset(match_key(w) for w in ("Đảng", "Nhà nước", "Chính phủ", "Quốc hội", "Nhà", "Đảng ta"))


def is_coordination(name: str) -> bool:
    """"Đảng và Nhà nước ...": generic bodies joined by "và", not one organisation's name."""
    first, sep, _ = match_key(name).partition(_AND)
    return bool(sep) and first in GENERIC_BODIES
