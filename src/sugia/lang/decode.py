"""Bytes -> Unicode NFC, whatever the page was saved in.

Order of evidence: a byte-order mark; UTF-16 without one (NUL bytes in every other
position); valid UTF-8; otherwise the Vietnamese 8-bit encodings (Windows-1258, TCVN3, VNI)
scored by how Vietnamese the result reads. UTF-8 text that still carries TCVN3 or VNI glyphs
(a legacy page re-saved as UTF-8) is converted the same way.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import PageError
from .legacy import tcvn3_to_unicode, vni_to_unicode
from .text import TONE_MARKS, VIETNAMESE_LETTERS, nfc, without_controls

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Characters that are never part of Vietnamese prose but are what legacy glyphs look like.
_ALLOWED_NON_ASCII = set("“”‘’–—…•·«»°€£¥©®™×÷±§¶\u00a0\u200b\ufeff")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# A legacy candidate must beat the raw reading by this many marked letters per 100 letters:
# swept 2..20 on the project's TCVN3/VNI pages and real UTF-8 pages; 5 separated them all.
MIN_GAIN_PER_100 = 5.0


# Vowel clusters a Vietnamese syllable may have (tones removed), from the standard
# description of Vietnamese orthography (e.g. Đoàn Thiện Thuật, Ngữ âm tiếng Việt).
_NUCLEI = frozenset(
    "a ă â e ê i y o ô ơ u ư ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi "
    "ưu ươ yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu uêu".split()
)
_VOWEL_RUN = re.compile("[aăâeêioôơuưy]+")
_GI_QU = re.compile("^(g)i(?=[aăâeêoôơuưy])|^(?:(q)u)")
_TONED = frozenset(c for c in VIETNAMESE_LETTERS if any(m in unicodedata.normalize("NFD", c) for m in TONE_MARKS))
_WORD = re.compile(r"[^\W\d_]+")


def plausibility(text: str) -> float:
    """Marked Vietnamese letters minus three times the signs of a wrong reading, per 100
    letters: glyphs no Vietnamese text uses, a syllable with two tone marks, a capital after a
    small letter inside a word. Right decodings score high, wrong ones low or negative."""
    letters = good = bad = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch.lower() in VIETNAMESE_LETTERS:
                good += 1
            elif ord(ch) > 127:
                bad += 1
        elif ord(ch) > 127 and ch not in _ALLOWED_NON_ASCII and not ch.isspace():
            bad += 1
    for word in _WORD.findall(text):
        if len(word) > 1 and not word.isascii():
            low = word.lower()
            bad += sum(c in _TONED for c in low) > 1
            bad += any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))
            bare = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", low) if c not in TONE_MARKS))
            bare = _GI_QU.sub(r"\1", bare)  # "gi", "qu" are initials: giữa, quốc
            bad += any(run not in _NUCLEI for run in _VOWEL_RUN.findall(bare))
    return 100.0 * (good - 3 * bad) / max(letters, 1)


def _legacy_candidates(text: str) -> list[tuple[str, str]]:
    return [("tcvn3", tcvn3_to_unicode(text)), ("vni", vni_to_unicode(text))]


# Latin-1 glyphs that TCVN3 and VNI text is made of but Vietnamese Unicode never uses.
_LEGACY_GLYPH = re.compile("[%s]" % re.escape("".join(
    c for c in map(chr, range(0xA1, 0x100)) if c.lower() not in VIETNAMESE_LETTERS and c not in "°×÷")))
BOMS_ALL = tuple(bom for bom, _ in BOMS)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
SAMPLE_CHARS = 20_000  # detection reads this much of a page: enough letters to decide


def repair_legacy(text: str, encoding: str) -> tuple[str, str]:
    """Convert Unicode text that still holds TCVN3/VNI glyphs; leave real Unicode alone."""
    sample = text[:SAMPLE_CHARS]
    if len(_LEGACY_GLYPH.findall(sample)) < 3:  # the common case: real Unicode, one regex pass
        return text, encoding
    base = plausibility(sample)
    if base > 15:  # ordinary Vietnamese prose: nothing to repair
        return text, encoding
    name, _ = max(_legacy_candidates(sample), key=lambda c: plausibility(c[1]))
    converted = dict(_legacy_candidates(text))[name]
    if plausibility(converted[:SAMPLE_CHARS]) - base >= MIN_GAIN_PER_100:
        return nfc(converted), f"{encoding}+{name}"
    return text, encoding


def _looks_utf16(raw: bytes) -> str | None:
    sample = raw[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _declared(raw: bytes) -> str | None:
    match = _CHARSET.search(raw[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode(raw: bytes) -> tuple[str, str]:
    """Return (text NFC without stray control characters, encoding name). Raises PageError
    for empty or binary input."""
    text, encoding, _ = decode_noted(raw)
    return text, encoding


# A page keeps a few stray bytes: a NUL or a byte UTF-8 cannot read is replaced and noted, up to
# this share of the page; beyond it the page is binary or in another encoding.
STRAY_SHARE = 0.001


def decode_noted(raw: bytes) -> tuple[str, str, list[str]]:
    """`decode`, with notes on what was repaired (stray NUL bytes, bytes UTF-8 cannot read)."""
    notes = []
    nuls = raw.count(b"\x00")
    if nuls and nuls <= max(3, STRAY_SHARE * len(raw)) and not _looks_utf16(raw) and not raw.startswith(BOMS_ALL):
        raw = raw.replace(b"\x00", b"")
        notes.append(f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed")
    repaired = raw.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    if 0 < bad <= max(3, STRAY_SHARE * len(raw)) and not raw.startswith(BOMS_ALL) and not _looks_utf16(raw):
        text, encoding = repair_legacy(nfc(repaired), "utf-8")  # UTF-8 with a stray byte, not another encoding
        notes.append(f"{bad} byte{'s' if bad > 1 else ''} that UTF-8 cannot read replaced by U+FFFD")
    else:
        text, encoding = _decode(raw)
    return without_controls(text), encoding, notes


def _decode(raw: bytes) -> tuple[str, str]:
    if not raw.strip():
        raise PageError("empty page: no text in it")
    for bom, name in BOMS:
        if raw.startswith(bom):
            try:
                return nfc(raw.decode(name)), name
            except UnicodeDecodeError as exc:
                raise PageError(f"undecodable bytes: byte-order mark says {name} but {exc.reason} at byte {exc.start}") from exc
    utf16 = _looks_utf16(raw)
    if utf16:
        try:
            return nfc(raw.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    head = raw[:65536]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if b"\x00" in head or controls > 0.01 * len(head):
        raise PageError("binary content: not a text or HTML page (NUL or control bytes)")
    try:
        return repair_legacy(nfc(raw.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared(raw)
    candidates: list[tuple[str, str]] = []
    if declared and declared not in ("utf-8", "cp1258", "cp1252", "latin-1"):
        try:
            candidates.append((declared, raw.decode(declared)))
        except (UnicodeDecodeError, LookupError):
            pass
    candidates.append(("cp1258", raw.decode("cp1258", errors="replace")))
    latin = raw.decode("latin-1")
    candidates += [(name, text) for name, text in _legacy_candidates(latin)]
    name, text = max(candidates, key=lambda c: plausibility(nfc(c[1][:SAMPLE_CHARS])))
    text = nfc(text)
    if plausibility(text[:SAMPLE_CHARS]) < 0 or text.count("\ufffd") > 0.01 * len(text):
        raise PageError("undecodable bytes: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text")
    return text, name
