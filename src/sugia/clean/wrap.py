"""Paragraphs a print view, an e-mail or a PDF conversion cut into lines of one width, joined
again before the lines are classified: a cut line ends mid-sentence, close to the page's
width, and the paragraph goes on in the very next line (paragraphs are parted by blank lines).
Pages whose lines are not cut to one width are left as they are.
"""
from __future__ import annotations

import re

# A cut line is at least this share of the page's width long...
CUT_SHARE = 0.75
# ...the width is the length this share of the page's longer lines stays under...
WIDTH_QUANTILE = 0.9
# ...lines are cut at no more than this many characters (a text dump's paragraphs run longer)...
MAX_WIDTH = 110
# ...and a page is hard-wrapped when this many of its longer lines are cut.
MIN_CUT_LINES = 4
MIN_CUT_SHARE = 0.5
LONGER = 30  # characters: shorter lines (headings, bylines) tell nothing of the width
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”’)\]]\s*$")


def _width(lines: list[str]) -> int | None:
    lengths = sorted(len(line) for line in lines if len(line) >= LONGER)
    if len(lengths) < MIN_CUT_LINES:
        return None
    width = lengths[min(len(lengths) - 1, int(WIDTH_QUANTILE * len(lengths)))]
    return width if width <= MAX_WIDTH else None


def unwrap(lines: list[str]) -> list[tuple[int, str]]:
    """(index of its first line, text) of every line once cut paragraphs are joined."""
    width = _width(lines)
    if width is None:
        return list(enumerate(lines))
    cut = [len(line) >= CUT_SHARE * width and not _ENDS_SENTENCE.search(line) for line in lines]
    longer = sum(len(line) >= LONGER for line in lines)
    if sum(cut) < MIN_CUT_LINES or sum(cut) < MIN_CUT_SHARE * longer:
        return list(enumerate(lines))
    out: list[tuple[int, str]] = []
    joining = False
    for i, line in enumerate(lines):
        if joining and line.strip():
            out[-1] = (out[-1][0], out[-1][1].rstrip() + " " + line.strip())
        else:
            out.append((i, line))
        joining = cut[i] and bool(line.strip())
        if joining and not line.strip():
            joining = False
    return out
