"""Search that works for Vietnamese: with or without marks ("Dang Hoang Giang" finds
"Đặng Hoàng Giang"), either tone placement ("hoà bình" finds "hòa bình"), phrases,
AND/OR/NOT, prefixes ("ngoai*"). Queries are folded like the index (`sugia.text.fold`) and
rewritten for FTS5 with every term quoted, so user text never reaches FTS5's syntax.
Snippets are cut from the original text: folding keeps every character's position.
"""
from __future__ import annotations

import re

from .errors import UsageError
from .text import fold

_TOKEN = re.compile(r'"([^"]*)"|(\()|(\))|([^\s()"]+)')
OPERATORS = {"AND", "OR", "NOT"}


def fts_query(query: str) -> tuple[str, list[str]]:
    """(FTS5 MATCH expression, folded terms for highlighting). Raises UsageError when the
    query cannot be read (unbalanced quotes or brackets, a dangling operator)."""
    if query.count('"') % 2:
        raise UsageError(f"malformed query {query!r}: a quotation mark is not closed")
    parts: list[str] = []
    terms: list[str] = []
    depth = 0
    for phrase, open_, close, word in _TOKEN.findall(query):
        if open_:
            depth += 1
            parts.append("(")
        elif close:
            depth -= 1
            if depth < 0:
                raise UsageError(f"malformed query {query!r}: ')' without '('")
            parts.append(")")
        elif word in OPERATORS:
            parts.append(word)
        elif phrase or word:
            text = fold(phrase or word)
            prefix = not phrase and text.endswith("*")
            words = re.findall(r"\w+", text)
            if not words:
                continue
            terms += words
            parts.append('"' + " ".join(words) + '"' + ("*" if prefix else ""))
    if depth:
        raise UsageError(f"malformed query {query!r}: '(' without ')'")
    if not terms:
        raise UsageError(f"malformed query {query!r}: no words to search for")
    if parts[0] in OPERATORS - {"NOT"} or parts[-1] in OPERATORS:
        raise UsageError(f"malformed query {query!r}: an operator needs words on both sides")
    return " ".join(parts), terms


def snippet(text: str, terms: list[str], width: int = 160, mark: tuple[str, str] = ("[", "]")) -> str:
    """The part of `text` around the first matched term, terms marked. Folding keeps
    positions, so matches found in the folded copy are cut from the original."""
    folded = fold(text)
    if len(folded) != len(text):  # a character whose case folding changes length: no marks
        return text[:width]
    spans = sorted({m.span() for term in terms for m in re.finditer(rf"\b{re.escape(term)}\b", folded)})
    if not spans:
        return text[:width].strip()
    start = max(0, spans[0][0] - width // 3)
    end = min(len(text), start + width)
    out, at = [], start
    for s, e in spans:
        if s < at or e > end:
            continue
        out += [text[at:s], mark[0], text[s:e], mark[1]]
        at = e
    out.append(text[at:end])
    return ("…" if start else "") + "".join(out).replace("\n", " ").strip() + ("…" if end < len(text) else "")
