"""Which line is the headline, and its words alone.

The line classifier ranks the first lines of a page as headline candidates; real pages put
lines there that are never a headline, however well they score: a byline or date stamp
("Phóng viên A (Báo B)-Thứ sáu, ngày 22/07/2016 20:05"), a photo caption with its credit
("... Ảnh: TTXVN"), a stray counter ("452"), a place or section name of two words. The best
candidate that is none of these is the headline. Its text loses a date printed before or after
it ("date 2025-10-27 Headline", "Headline (28/04/2014)", "Headline 26/01/2026 19:34") and a
repetition of itself.
"""
from __future__ import annotations

import re

from ..lang.dates import STAMP_WORDS, stamps_in, words_beside
from ..lang.gazetteer import domains, posts
from ..lang.tokens import tokenize
from .features import CREDIT_IN_LINE

# A headline has at least this many words; fewer is a section, a place, a counter. More than
# MAX_WORDS, or two sentences, is a paragraph.
MIN_WORDS = 3
MAX_WORDS = 40
_SENTENCES = re.compile(r"[a-zà-ỹđ]{2,}[.!?]\s+[A-ZÀ-ỸĐ]")  # not "TP. Hồ Chí Minh"
# A photo or source credit, or an outlet's credit before a stamp ("(VTV4)-Thứ sáu, ...").
_CREDIT = re.compile(CREDIT_IN_LINE.pattern + r"|\((?:[^\W\d_]{2,8}\d?)\)\s*[-–]", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_LABEL = re.compile(r"^\s*(?:date|ngày|cập nhật|published)?\s*[:|\-–]?\s*$", re.I)
_EDGE = re.compile(r"^[\s|,\-–—:(\[]+|[\s|,\-–—:(\[]+$")


def is_headline(text: str, cues: frozenset[str] = frozenset()) -> bool:
    """Could this line be a headline at all? Not with a furniture cue (a menu's "Trang chủ",
    a "Tin liên quan" header: `cues` of clean.features), a credit, too few or too many words."""
    words = _WORD.findall(text)
    if cues or len(words) < MIN_WORDS or len(words) > MAX_WORDS or _CREDIT.search(text) or _SENTENCES.search(text):
        return False
    return not is_stamp_line(text) and not is_person_caption(text)


def is_person_caption(text: str) -> bool:
    """A person's posts and name and nothing else ("Thứ trưởng Quốc phòng, Thượng tướng
    Nguyễn Văn A", an author box "Nguyễn Văn A Ủy viên Trung ương Đảng"): a headline says
    what happened, so it has a word that is neither a name nor part of a post."""
    if text.isupper():  # capitals throughout: names and words look alike
        return False
    tokens = tokenize(text)
    i, found_post = 0, False
    while i < len(tokens):
        hit = posts().match(tokens, i) or domains().match(tokens, i)
        if hit:
            found_post, i = True, hit[0]
        elif tokens[i].cap or not tokens[i].word:
            i += 1
        else:
            return False
    return found_post


def is_stamp_line(text: str) -> bool:
    """A date stamp and a few words around it (a byline, a section, "Theo TTXVN"): never the
    headline, never the article's body."""
    found = stamps_in(text)
    if not found:
        return False
    return len(words_beside(text, found)) <= STAMP_WORDS or bool(_CREDIT.search(text))


def headline_text(text: str) -> str:
    """The headline without a date printed before or after it, nor a repetition of itself."""
    found = stamps_in(text)
    if found and _LABEL.match(text[: found[0].start]):  # "date 2025-10-27 Headline"
        text = text[found[0].end :]
        text = re.sub(r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?", "", text)
    found = stamps_in(text)
    if found and not re.search(r"[^\W\d_]", text[found[-1].end :]):  # "Headline 26/01/2026 19:34"
        text = text[: found[-1].start]
    text = _EDGE.sub("", text)
    if text.endswith((")", "]")) and text.count("(") + text.count("[") < text.count(")") + text.count("]"):
        text = text[:-1].rstrip()
    half = len(text) // 2
    if len(text) > 20 and text[:half].strip() == text[half:].strip():  # printed twice on one line
        text = text[:half].strip()
    return text
