"""Legacy Vietnamese 8-bit encodings still found in older pages: TCVN3 (ABC) and VNI.

Both were font encodings, so their text arrives as Windows-1252/Latin-1 characters. Tables
are written from TCVN 5712:1993 (VN3, the "ABC" fonts .VnTime...) and the VNI-Windows font
layout (VNI-Times...): VNI writes a base letter followed by a mark glyph ("Vieät" = "Việt"),
TCVN3 gives each marked letter its own byte ("ViÖt" = "Việt"). TCVN3 has no marked capitals
(headings used an all-capitals font), so those decode as lower case.
"""
from __future__ import annotations

import re

# TCVN3: byte (read as Latin-1) -> letter.
_TCVN3_ROWS = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
    "\xb5": "à", "\xb6": "ả", "\xb7": "ã", "\xb8": "á", "\xb9": "ạ",
    "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ", "\xbe": "ắ", "\xc6": "ặ",
    "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ", "\xca": "ấ", "\xcb": "ậ",
    "\xcc": "è", "\xce": "ẻ", "\xcf": "ẽ", "\xd0": "é", "\xd1": "ẹ",
    "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế", "\xd6": "ệ",
    "\xd7": "ì", "\xd8": "ỉ", "\xdc": "ĩ", "\xdd": "í", "\xde": "ị",
    "\xdf": "ò", "\xe1": "ỏ", "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ",
    "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ", "\xe8": "ố", "\xe9": "ộ",
    "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ", "\xee": "ợ",
    "\xef": "ù", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú", "\xf4": "ụ",
    "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ",
}
TCVN3_TABLE = str.maketrans(_TCVN3_ROWS)

# VNI: mark glyphs after a base vowel. Lower-case marks; upper-case ones are their capitals.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
            "ã": "\u0302\u0303", "ä": "\u0302\u0323"}  # circumflex (+ tone) on a, e, o
_VNI_BREVE = {"ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309",
              "ü": "\u0306\u0303", "ë": "\u0306\u0323"}  # breve (+ tone) on a
# Letters VNI writes as one glyph.
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ó": "ĩ", "ò": "ị", "æ": "ỉ", "î": "ỵ",
               "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Ó": "Ĩ", "Ò": "Ị", "Æ": "Ỉ", "Î": "Ỵ"}


def _vni_pairs() -> dict[str, str]:
    import unicodedata

    pairs: dict[str, str] = {}

    def add(base: str, glyph: str, marks: str) -> None:
        for b, g in ((base, glyph), (base.upper(), glyph.upper())):
            pairs[b + g] = unicodedata.normalize("NFC", b + marks)

    for base in "aeouy":
        for glyph, mark in _VNI_TONES.items():
            add(base, glyph, mark)
    for base in "aeo":
        for glyph, marks in _VNI_HAT.items():
            add(base, glyph, marks)
    for glyph, marks in _VNI_BREVE.items():
        add("a", glyph, marks)
    for glyph, letter in (("ô", "ơ"), ("ö", "ư")):  # ơ and ư with a tone
        for tone_glyph, mark in _VNI_TONES.items():
            for g, l, t in ((glyph, letter, tone_glyph), (glyph.upper(), letter.upper(), tone_glyph.upper())):
                pairs[g + t] = unicodedata.normalize("NFC", l + mark)
    return pairs


VNI_PAIRS = _vni_pairs()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, {**VNI_PAIRS, **_VNI_SINGLE}), key=len, reverse=True)))
_VNI_ALL = {**_VNI_SINGLE, **VNI_PAIRS}


def tcvn3_to_unicode(text: str) -> str:
    """Convert text whose characters are TCVN3 glyphs read as Latin-1."""
    return text.translate(TCVN3_TABLE)


def vni_to_unicode(text: str) -> str:
    """Convert text whose characters are VNI glyphs read as Windows-1252."""
    return _VNI_PATTERN.sub(lambda m: _VNI_ALL[m.group(0)], text)


def unicode_to_tcvn3(text: str) -> str:
    """Inverse of `tcvn3_to_unicode` (for tests and for writing legacy test pages)."""
    inverse = {v: k for k, v in _TCVN3_ROWS.items()}
    return "".join(inverse.get(c, inverse.get(c.lower(), c)) for c in text)


def unicode_to_vni(text: str) -> str:
    """Inverse of `vni_to_unicode` (for tests and for writing legacy test pages)."""
    inverse = {v: k for k, v in _VNI_ALL.items()}
    return "".join(inverse.get(c, c) for c in text)


def unicode_to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258, which writes tones as combining marks after the letter."""
    import unicodedata

    from .text import TONE_MARKS

    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258", errors="replace")
