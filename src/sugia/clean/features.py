"""Features of a page's lines for the learned line classifier.

Each line is described by what it looks like (length, punctuation, case, digits), where it
stands (before/after the headline, after a furniture header), and how it relates to the rest
of the page (repeats the headline, is repeated, is a doubled headline, sits between prose).
The weights are learned (see `train.py`); nothing here names a site or an article.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..data import rows
from ..meta.dates import is_date_line
from ..text import fold, match_key, vietnamese_ratio

Features = dict[str, float]
_END_PUNCT = tuple('.!?:;"”’»…')  # not ")": headlines end "(Hàn Quốc)", sentences ")."
# Structural flags that mean something different on a full sentence: a teaser after a
# related headline or below a furniture header is prose, yet out. Each gets a "&prose" twin.
_PROSE_CONJUNCTS = ("after_headline_pair", "after_section_text", "after_section_main", "after_section_not_main",
                    "doubled", "repeated", "title_echo", "before_title")
_SCHEDULE = re.compile(r"^\d{1,2}[:h]\d{2}\s*\S")
_URL = re.compile(r"https?://|www\.|\.(?:vn|com|net|org)\b/")
_CREDIT_IN_LINE = re.compile(r"[(\[]?\s*(?:ảnh|nguồn|photo|video|clip)\s*:", re.I)


@cache
def _cues() -> dict[str, tuple[tuple[str, str], ...]]:
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for kind, label in rows("page_cues.tsv"):
        by_kind.setdefault(kind, []).append((fold(label), label))
    return {k: tuple(v) for k, v in by_kind.items()}


def cue(line: str, kind: str) -> bool:
    """The line is a furniture label of this kind, or starts with one."""
    folded = fold(line).strip(" -–|•*:")
    for label, _ in _cues()[kind]:
        if folded == label or (folded.startswith(label) and (kind != "section" or len(folded) < len(label) + 25)):
            return True
    return False


def words_of(line: str) -> list[str]:
    return re.findall(r"\w+", line)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def single(line: str) -> str | None:
    """'Headline Headline' -> 'Headline': a related-news widget prints a headline twice on
    one line (link text and title attribute). None when the line is not doubled."""
    text = line.strip()
    half = len(text) // 2
    for cut in (half, half + 1, half - 1):
        left, right = text[:cut].strip(), text[cut:].strip()
        if len(left) > 15 and match_key(left) == match_key(right):
            return left
    return None


def is_doubled(line: str) -> bool:
    return single(line) is not None


@dataclass(slots=True)
class LineView:
    """What the classifier sees of one non-empty line."""

    index: int  # position among the page's lines
    text: str
    key: str
    words: int
    in_main: bool | None = None


def prose(view: LineView | None) -> bool:
    return bool(view and view.words >= 15 and view.text.rstrip().endswith(_END_PUNCT))


def page_features(views: list[LineView], title_at: int | None) -> list[Features]:
    """Features of every line of a page; `title_at` is the headline's position in `views`."""
    counts = Counter(v.key for v in views)
    title_words = set(views[title_at].key.split()) if title_at is not None else set()
    out: list[Features] = []
    seen_section = False
    n = len(views)
    for i, v in enumerate(views):
        half = single(v.text)
        text = half or v.text.strip()  # a doubled headline is described by one copy
        n_words = len(words_of(text))
        prev = views[i - 1] if i > 0 else None
        nxt = views[i + 1] if i + 1 < n else None
        f: Features = {"bias": 1.0}
        f["log_words"] = math.log1p(n_words) / 4
        f[f"words_{min(n_words, 40) // 5 * 5}"] = 1.0
        if text.endswith(_END_PUNCT):
            f["end_punct"] = 1.0
        if text.endswith(("...", "…")):
            f["end_ellipsis"] = 1.0
        if text.endswith("?"):
            f["question"] = 1.0
        if text[:1] in "-–—•+*":
            f["dash_start"] = 1.0
        f["commas"] = min(text.count(",") / 4, 1.0)
        letters = [c for c in text if c.isalpha()]
        if letters:
            upper = sum(c.isupper() for c in letters) / len(letters)
            if upper > 0.8:
                f["all_caps_short" if n_words <= 5 else "all_caps"] = 1.0
            if n_words >= 4 and vietnamese_ratio(text) == 0 and text.isascii():
                f["no_diacritics"] = 1.0
        if len(letters) < 0.5 * len(text):
            f["few_letters"] = 1.0
        if _SCHEDULE.match(text):
            f["schedule"] = 1.0
        if _URL.search(text):
            f["url"] = 1.0
        if _CREDIT_IN_LINE.search(text) and not cue(text, "credit"):
            f["inline_credit"] = 1.0
        if n_words <= 12 and is_date_line(text):
            f["date_line"] = 1.0
        for kind in ("section", "widget", "media", "credit"):
            if cue(text, kind):
                f[f"cue_{kind}"] = 1.0
        if cue(text, "section") and n_words <= 8:
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
            if i == title_at:
                f["is_title"] = 1.0
            elif i < title_at:
                f["before_title"] = 1.0
            else:
                f[f"after_title_{min(i - title_at, 4)}"] = 1.0
            if i != title_at:
                sim = jaccard(set(v.key.split()), title_words)
                if sim >= 0.9:
                    f["title_repeat"] = 1.0
                elif sim >= 0.4:
                    f["title_echo"] = 1.0
        f["rel_pos"] = i / max(n - 1, 1)
        if half:
            f["doubled"] = 1.0
        if counts[v.key] >= 2:
            f["repeated"] = 1.0
        if counts[v.key] >= 3:
            f["repeated3"] = 1.0
        if nxt and nxt.key == v.key:
            f["next_same"] = 1.0
        if prev and (prev.key == v.key):
            f["prev_same"] = 1.0
        if prev and (is_doubled(prev.text) or (i > 1 and views[i - 2].key == prev.key)):
            f["after_headline_pair"] = 1.0
        if prose(prev):
            f["prev_prose"] = 1.0
        if prose(nxt):
            f["next_prose"] = 1.0
        if prose(prev) and prose(nxt):
            f["between_prose"] = 1.0
        if v.in_main is True:
            f["in_main"] = 1.0
        elif v.in_main is False:
            f["not_in_main"] = 1.0
        if n_words >= 15 and text.endswith(_END_PUNCT):
            f.update({f"{name}&prose": 1.0 for name in _PROSE_CONJUNCTS if name in f})
        out.append(f)
    return out


def title_features(views: list[LineView], limit: int = 15) -> list[Features]:
    """Features of the first `limit` lines as headline candidates."""
    out: list[Features] = []
    keys = [set(v.key.split()) for v in views]
    for i, v in enumerate(views[:limit]):
        text = v.text.strip()
        f: Features = {"bias": 1.0, f"rank_{min(i, 6)}": 1.0}
        f[f"words_{min(v.words, 40) // 5 * 5}"] = 1.0
        if text.endswith(_END_PUNCT):
            f["end_punct"] = 1.0
        if is_date_line(text):
            f["date_line"] = 1.0
        if any(is_date_line(views[j].text) for j in (i - 1, i + 1) if 0 <= j < len(views)):
            f["next_to_date"] = 1.0
        for kind in ("section", "widget", "media", "credit"):
            if cue(text, kind):
                f[f"cue_{kind}"] = 1.0
        if re.search(r"[>»›]|\s/\s", text):
            f["crumb_marks"] = 1.0
        if is_doubled(text):
            f["doubled"] = 1.0
        echoes = sum(jaccard(keys[i], k) >= 0.5 for j, k in enumerate(keys) if j != i)
        if echoes:
            f["echoed"] = 1.0
        letters = [c for c in text if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
            f["all_caps"] = 1.0
        if v.in_main is True:
            f["in_main"] = 1.0
        if prose(views[i + 1] if i + 1 < len(views) else None):
            f["next_prose"] = 1.0
        out.append(f)
    return out
