"""Features of a page's lines for the learned line classifier.

Each line is described by what it looks like (length, punctuation, case, digits), where it
stands (before/after the headline, after a furniture header), and how it relates to the rest
of the page (repeats the headline, is repeated, is a doubled headline, sits between prose).
The weights are learned (see `train.py`); nothing here names a site or an article.
What a line is made of is computed once per page (`line_facts`) and shared by the headline
picker and the body scorer.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..data import rows
from ..lang.dates import is_date_line
from ..lang.text import fold

Features = dict[str, float]
_END_PUNCT = tuple('.!?:;"”’»…')  # not ")": headlines end "(Hàn Quốc)", sentences ")."
# Structural flags that mean something different on a full sentence: a teaser after a
# related headline or below a furniture header is prose, yet out. Each gets a "&prose" twin.
_PROSE_CONJUNCTS = ("after_headline_pair", "after_section_text", "after_section_main", "after_section_not_main",
                    "doubled", "repeated", "title_echo", "before_title")
_SCHEDULE = re.compile(r"^\d{1,2}[:h]\d{2}\s*\S")
_URL = re.compile(r"https?://|www\.|\.(?:vn|com|net|org)\b/")
_LETTER = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"\w+")
_CRUMB = re.compile(r"[>»›]|\s/\s")
CREDIT_IN_LINE = re.compile(r"[(\[]?\s*(?:ảnh|nguồn|photo|video|clip)\s*:", re.I)
CUE_KINDS = ("section", "widget", "media", "credit")
# A section header may carry a short tail ("Tin liên quan:", "Đọc nhiều nhất tuần").
SECTION_TAIL = 25
# Headline echoes (image titles re-wording the headline) share at least this share of words
# with it; the image titles of real pages sit at 0.45-0.6, distinct headlines below 0.3.
ECHO_JACCARD = 0.4


@cache
def _cues() -> dict[str, re.Pattern[str]]:
    by_kind: dict[str, list[str]] = {}
    for kind, label in rows("page_cues.tsv"):
        by_kind.setdefault(kind, []).append(re.escape(fold(label)))
    return {k: re.compile("(?:%s)" % "|".join(sorted(v, key=len, reverse=True))) for k, v in by_kind.items()}


def cue(line: str, kind: str, folded: str | None = None) -> bool:
    """The line is a furniture label of this kind, or starts with one (`folded`: the line
    already folded, when the caller has it)."""
    folded = (folded if folded is not None else fold(line)).strip(" -–|•*:")
    match = _cues()[kind].match(folded)
    return bool(match) and (kind != "section" or len(folded) < match.end() + SECTION_TAIL)


def words_of(line: str) -> list[str]:
    return _WORDS.findall(line)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def single(line: str) -> str | None:
    """'Headline Headline' -> 'Headline': a related-news widget prints a headline twice on
    one line (link text and title attribute). None when the line is not doubled."""
    text = line.strip()
    half = len(text) // 2
    for cut in (half, half + 1, half - 1):
        left, right = text[:cut].strip(), text[cut:].strip()
        # The same string printed twice: plain equality, no tone-placement variants to fear.
        if len(left) > 15 and left.casefold() == right.casefold():
            return left
    return None


@dataclass(slots=True)
class LineView:
    """What the classifier sees of one non-empty line."""

    index: int  # position among the page's lines
    text: str
    key: str
    words: int
    in_main: bool | None = None


@dataclass(slots=True)
class Facts:
    """What one line is made of, computed once per page."""

    text: str  # the line, or one copy of a doubled headline
    doubled: bool
    folded: str
    n_words: int
    end_punct: bool
    date_line: bool
    cues: frozenset[str]
    word_set: frozenset[str]

    @property
    def prose(self) -> bool:
        return self.n_words >= 15 and self.end_punct


def line_facts(views: list[LineView]) -> list[Facts]:
    out = []
    for v in views:
        half = single(v.text)
        text = half or v.text.strip()  # a doubled headline is described by one copy
        folded = fold(text)
        n_words = len(words_of(text)) if half else v.words
        out.append(Facts(
            text, half is not None, folded, n_words, text.endswith(_END_PUNCT),
            n_words <= 12 and is_date_line(text),
            frozenset(kind for kind in CUE_KINDS if cue(text, kind, folded)),
            frozenset(v.key.split()),
        ))
    return out


def page_features(views: list[LineView], title_at: int | None, facts: list[Facts] | None = None) -> list[Features]:
    """Features of every line of a page; `title_at` is the headline's position in `views`."""
    facts = facts or line_facts(views)
    counts = Counter(v.key for v in views)
    title_words = facts[title_at].word_set if title_at is not None else frozenset()
    out: list[Features] = []
    seen_section = False
    for i, (v, x) in enumerate(zip(views, facts)):
        f = _own_features(x)
        if "section" in x.cues and x.n_words <= 8:
            # Menus above the headline use the same words; only a header below it opens
            # the furniture that follows an article.
            seen_section = seen_section or title_at is None or i > title_at
            f["cue_section_header"] = 1.0
        elif seen_section:
            # In a text dump nothing after a furniture header is article; in HTML an inline
            # related box may sit inside the article, which the main-content flag tells.
            where = "text" if v.in_main is None else ("main" if v.in_main else "not_main")
            f[f"after_section_{where}"] = 1.0
        if title_at is not None:
            _title_features(f, i, title_at, x, title_words)
        _neighbour_features(f, i, views, facts, counts)
        if x.prose:
            f.update({f"{name}&prose": 1.0 for name in _PROSE_CONJUNCTS if name in f})
        out.append(f)
    return out


def _own_features(x: Facts) -> Features:
    """What a line is by itself: length, punctuation, case, marks, cues, dates, links."""
    text, n_words = x.text, x.n_words
    f: Features = {"bias": 1.0, "log_words": math.log1p(n_words) / 4, f"words_{min(n_words, 40) // 5 * 5}": 1.0}
    if x.end_punct:
        f["end_punct"] = 1.0
    if text.endswith(("...", "…")):
        f["end_ellipsis"] = 1.0
    if text.endswith("?"):
        f["question"] = 1.0
    if text[:1] in "-–—•+*":
        f["dash_start"] = 1.0
    f["commas"] = min(text.count(",") / 4, 1.0)
    if text.isupper():
        f["all_caps_short" if n_words <= 5 else "all_caps"] = 1.0
    if n_words >= 4 and text.isascii():  # Vietnamese prose without a single mark
        f["no_diacritics"] = 1.0
    if len(_LETTER.findall(text)) < 0.5 * len(text):
        f["few_letters"] = 1.0
    if _SCHEDULE.match(text):
        f["schedule"] = 1.0
    if _URL.search(text):
        f["url"] = 1.0
    if CREDIT_IN_LINE.search(text) and "credit" not in x.cues:
        f["inline_credit"] = 1.0
    if x.date_line:
        f["date_line"] = 1.0
    for kind in x.cues:
        f[f"cue_{kind}"] = 1.0
    return f


def _title_features(f: Features, i: int, title_at: int, x: Facts, title_words: frozenset[str]) -> None:
    """Where the line stands from the headline, and whether it repeats or echoes it."""
    if i == title_at:
        f["is_title"] = 1.0
    elif i < title_at:
        f["before_title"] = 1.0
    else:
        f[f"after_title_{min(i - title_at, 4)}"] = 1.0
    if i != title_at:
        sim = jaccard(x.word_set, title_words)
        if sim >= 0.9:
            f["title_repeat"] = 1.0
        elif sim >= ECHO_JACCARD:
            f["title_echo"] = 1.0


def _neighbour_features(f: Features, i: int, views: list[LineView], facts: list[Facts], counts: Counter[str]) -> None:
    """The line among the others: repeated, next to its double, between prose, in the main content."""
    v, x = views[i], facts[i]
    prev = facts[i - 1] if i > 0 else None
    nxt = facts[i + 1] if i + 1 < len(views) else None
    if x.doubled:
        f["doubled"] = 1.0
    if counts[v.key] >= 2:
        f["repeated"] = 1.0
    if counts[v.key] >= 3:
        f["repeated3"] = 1.0
    if nxt and views[i + 1].key == v.key:
        f["next_same"] = 1.0
    if prev and views[i - 1].key == v.key:
        f["prev_same"] = 1.0
    if prev and (prev.doubled or (i > 1 and views[i - 2].key == views[i - 1].key)):
        f["after_headline_pair"] = 1.0
    if prev and prev.prose:
        f["prev_prose"] = 1.0
    if nxt and nxt.prose:
        f["next_prose"] = 1.0
        if prev and prev.prose:
            f["between_prose"] = 1.0
    if v.in_main is True:
        f["in_main"] = 1.0
    elif v.in_main is False:
        f["not_in_main"] = 1.0


def _echoed(facts: list[Facts], limit: int) -> list[bool]:
    """For each of the first `limit` lines: does another line share half its words? An
    inverted index keeps this linear in the page's words."""
    postings: dict[str, list[int]] = {}
    for j, x in enumerate(facts):
        for word in x.word_set:
            postings.setdefault(word, []).append(j)
    out = []
    for i, x in enumerate(facts[:limit]):
        shared = Counter(j for word in x.word_set for j in postings[word] if j != i)
        out.append(any(s / (len(x.word_set) + len(facts[j].word_set) - s) >= 0.5 for j, s in shared.items()))
    return out


# Headline candidates: menus of some sites run to dozens of lines above the headline.
TITLE_WINDOW = 40


def title_features(views: list[LineView], limit: int = TITLE_WINDOW, facts: list[Facts] | None = None) -> list[Features]:
    """Features of the first `limit` lines as headline candidates."""
    facts = facts or line_facts(views)
    echoed = _echoed(facts, limit)
    out: list[Features] = []
    for i, (v, x) in enumerate(zip(views[:limit], facts)):
        f: Features = {"bias": 1.0, f"rank_{min(i, 6)}": 1.0, f"words_{min(v.words, 40) // 5 * 5}": 1.0}
        if x.end_punct:
            f["end_punct"] = 1.0
        if x.date_line:
            f["date_line"] = 1.0
        if any(facts[j].date_line for j in (i - 1, i + 1) if 0 <= j < len(facts)):
            f["next_to_date"] = 1.0
        for kind in x.cues:
            f[f"cue_{kind}"] = 1.0
        if _CRUMB.search(v.text):
            f["crumb_marks"] = 1.0
        if x.doubled:
            f["doubled"] = 1.0
        if echoed[i]:
            f["echoed"] = 1.0
        if v.text.isupper():
            f["all_caps"] = 1.0
        if v.in_main is True:
            f["in_main"] = 1.0
        if i + 1 < len(facts) and facts[i + 1].prose:
            f["next_prose"] = 1.0
        out.append(f)
    return out
