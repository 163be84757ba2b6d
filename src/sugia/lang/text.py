"""Vietnamese text normalisation shared by every stage.

Stored text keeps the article's own spelling; matching uses keys that make the old and new
tone-mark placements equal ("hoà" = "hòa", "Uỷ" = "Ủy") and, for search, drop every mark.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The five Vietnamese tone marks as combining characters (NFD).
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
WORD = re.compile(r"\w+")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


# Letters of other scripts that pages use for Vietnamese ones they look like (Latin "Ð" U+00D0
# for "Đ" U+0110, Cyrillic "а" for "a"...): matched as the letter they imitate, stored as written.
LOOKALIKES = str.maketrans({
    "\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110", "\u0256": "\u0111",
    **dict(zip("АВЕКМНОРСТХаеорсхуіјѕԁ", "ABEKMHOPCTXaeopcxyijsd")),
    **dict(zip("ΑΒΕΗΙΚΜΝΟΡΤΧΥΖαοιν", "ABEHIKMNOPTXYZaoiv")),
})
_LOOKALIKE_CHARS = re.compile("[" + "".join(map(chr, LOOKALIKES)) + "]")
# Control characters legacy encodings leave in decoded text (line breaks and tabs stay).
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\ufeff\ufffe]")


def without_controls(text: str) -> str:
    return CONTROLS.sub("", text)


def nfc(text: str) -> str:
    """Compose decomposed marks (NFC) so equal letters are equal strings."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1 << 17)  # every token and name word goes through here; words come again and again
def tone_key(word: str) -> str:
    """A case-folded word with its tone mark moved to the end: 'hoà' and 'hòa' give one key."""
    tone = ""
    kept = []
    for ch in unicodedata.normalize("NFD", word.translate(LOOKALIKES).casefold()):
        if ch in TONE_MARKS:
            tone = ch
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


@lru_cache(maxsize=1 << 14)  # names are keyed again and again: 118,000 calls for 8,000 texts on 620 pages
def match_key(text: str) -> str:
    """Key for comparing names and lines: words only, case-folded, tone placement ignored."""
    if _LOOKALIKE_CHARS.search(text):
        text = text.translate(LOOKALIKES)
    return " ".join(tone_key(w) for w in WORD.findall(nfc(text)))


def _fold_table() -> dict[int, str | None]:
    """Every Latin letter with marks -> its base letter; combining marks -> nothing."""
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "d"}
    table |= {code: "d" if to in "Đđ" else to.lower() for code, to in LOOKALIKES.items()}
    for code in range(0xC0, 0x2000):
        ch = chr(code)
        if unicodedata.combining(ch):
            table[code] = None
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base != ch and base.isascii():
            table[code] = base.lower()
    return table


def _by_code_point(table: dict[int, str | None]) -> list[str | None]:
    """The table as a list indexed by code point: `str.translate` reads a list about twice as
    fast as a dict (folding was ~5% of extraction). Characters past its end stay as they are."""
    return [table.get(code, chr(code)) for code in range(max(0x10000, max(table) + 1))]


_FOLD = _by_code_point(_fold_table())


def fold(text: str) -> str:
    """Drop every diacritic, 'đ' included, and case: 'Đặng' -> 'dang'. For search."""
    return text.casefold().translate(_FOLD)


def squash_spaces(text: str) -> str:
    """Collapse runs of spaces (incl. no-break and zero-width ones) to one space."""
    return SPACES.sub(" ", text).strip()


VIETNAMESE_LETTERS = frozenset(
    nfc(c)
    for c in "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
)
