"""Credits and chrome inside an article's text: who took a photo ("Ảnh: Trần An/TTXVN"), where
a story comes from ("Theo TTXVN", "Nguồn: VOV"), the outlet a lead opens with ("(VOV5) -",
"TPO -"). They name sources, not the people, organisations and places an article is about,
so nothing is read inside them (the metadata stage reads them for the author, the outlet and
the reprint source).
"""
from __future__ import annotations

import re

from ..lang.text import match_key
from ..meta.source import LEAD_CREDIT, news_outlet_keys

_PHOTO = re.compile(r"(?:\(|\b)(?:Ảnh|ảnh|Nguồn|nguồn|Video|Clip|Đồ họa|Đồ hoạ|Photo|Source)(?: minh họa| minh hoạ)?"
                    r"\s*:\s*[^)\n]*\)?")
_SLASH = re.compile(r"\(\s*[^()\n]{2,40}/\s*[^()\n/]{2,20}\)")  # "(Trần An/TTXVN)"
_THEO = re.compile(r"\b(?:[Tt]heo|[Nn]guồn tin)\s+((?:[^\s,.;:()]+\s?){1,5})")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every credit in `text`."""
    spans = [m.span() for pattern in (_PHOTO, _SLASH) for m in pattern.finditer(text)]
    news = news_outlet_keys()
    for m in LEAD_CREDIT.finditer(text):  # "(X) -" always; "X -" when X is a listed outlet ("Việt Nam - Lào" is not)
        bracketed = m.group(1) and m.group(3)
        if len(m.group(2).split()) <= 4 and (bracketed or match_key(m.group(2)) in news or "." in m.group(2)):
            spans.append((m.start(), m.end(3) if bracketed else m.end(2)))
    for m in _THEO.finditer(text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # the longest run of words naming a news outlet
            if match_key(" ".join(words[:n])) in news:
                spans.append((m.start(1), m.start(1) + len(" ".join(words[:n]))))
                break
    return sorted(set(spans))
