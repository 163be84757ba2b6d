"""Search that works for Vietnamese: with or without marks ("Dang Hoang Giang" finds
"Đặng Hoàng Giang"), either tone placement ("hoà bình" finds "hòa bình"), phrases,
AND/OR/NOT, prefixes ("ngoai*"). Queries are folded like the index (`sugia.text.fold`) and
rewritten for SQLite FTS5 or PostgreSQL tsquery.
Snippets are cut from the original text: folding keeps every character's position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import UsageError
from .lang.text import fold

_TOKEN = re.compile(r'"([^"]*)"|(\()|(\))|([^\s()"]+)')
OPERATORS = {"AND", "OR", "NOT"}
# A word as SQLite's search index holds it: letters and digits ('_' joins the word pairs).
WORD = re.compile(r"[^\W_]+")


def index_words(text: str) -> str:
    """The words of a folded text, as the search index takes them."""
    return " ".join(_words(text))


def index_pairs(text: str) -> str:
    """The consecutive word pairs of a folded text ("quan he hop tac" -> "quan_he he_hop
    hop_tac"), which SQLite's search index holds beside the words: a phrase of common words
    is then found from its pairs' short lists instead of checking positions on every page
    holding all its words (175 ms at a million pages; ~5 ms so)."""
    return _pairs(_words(text))


@lru_cache(maxsize=2)  # the index asks for a title's and a body's words, then their pairs: split once
def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def _pairs(words: list[str] | tuple[str, ...]) -> str:
    return " ".join(f"{a}_{b}" for a, b in zip(words, words[1:]))


@dataclass(frozen=True)
class Query:
    """A user query read once: a sequence of brackets, operators and terms (each term one
    word, a phrase of words, or a prefix), rendered for whichever full-text engine the base
    uses. Every word is folded like the index and quoted, so user text never reaches the
    engine's own syntax."""

    parts: tuple[str | tuple[tuple[str, ...], bool], ...]
    terms: tuple[str, ...]  # folded words, for highlighting

    def fts5(self, words: str = "", pairs: str = "") -> str:
        """SQLite FTS5 MATCH expression (adjacent terms are ANDed by FTS5 itself). `words` and
        `pairs` are the column filters ("{title body}") of the words and of the word pairs
        (`index_pairs`); given `pairs`, a phrase is matched as its consecutive pairs."""
        def term(part: str | tuple[tuple[str, ...], bool]) -> str:
            if isinstance(part, str):
                return part
            found, prefix = part
            if pairs and len(found) > 1 and not prefix:
                return f'{pairs} : "{_pairs(found)}"'
            phrase = '"' + " ".join(found) + '"' + ("*" if prefix else "")
            return f"{words} : {phrase}" if words else phrase

        return " ".join(term(p) for p in self.parts)

    def tsquery_pairs(self) -> str | None:
        """For PostgreSQL's `pages.pairs`: the word pairs ("'quan0he' & 'he0hop'") every page
        matching this query holds — when it is a plain AND of terms with a phrase of ASCII words
        (its SQL splits words at what is not [[:alnum:]] in ASCII). None otherwise."""
        if any(isinstance(part, str) for part in self.parts):
            return None  # operators or brackets: no pair is certain
        pairs = [f"'{a}0{b}'" for words, prefix in self.parts if not prefix and all(w.isascii() for w in words)
                 for a, b in zip(words, words[1:])]
        return " & ".join(dict.fromkeys(pairs)) or None

    def tsquery(self) -> str:
        """PostgreSQL to_tsquery text: phrases with <->, prefixes with :*, implicit AND made explicit."""
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str) and part in OPERATORS:
                out.append({"AND": "&", "OR": "|", "NOT": "& !"}[part] if out else "!")
                continue
            if out and out[-1] not in ("&", "|", "& !", "!", "("):
                if part != ")":
                    out.append("&")
            if isinstance(part, str):
                out.append(part)
            else:
                words, prefix = part
                phrase = " <-> ".join(f"'{w}'" for w in words) + (":*" if prefix else "")
                out.append(f"({phrase})" if len(words) > 1 else phrase)
        return " ".join(out)


# A query is a question, not a document: longer ones cost every other request its answer.
MAX_QUERY_CHARS = 1_000
MAX_QUERY_TERMS = 64


def parse_query(query: str) -> Query:
    """Read a user query. Raises UsageError when it cannot be read (unbalanced quotes or
    brackets, a dangling operator, no words)."""
    if len(query) > MAX_QUERY_CHARS:
        raise UsageError(f"query too long: {len(query)} characters (at most {MAX_QUERY_CHARS})")
    if query.count('"') % 2:
        raise UsageError(f"malformed query {query!r}: a quotation mark is not closed")
    parts: list[str | tuple[tuple[str, ...], bool]] = []
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
            words = tuple(WORD.findall(text))
            if words:
                terms += words
                parts.append((words, not phrase and text.endswith("*")))
    if depth:
        raise UsageError(f"malformed query {query!r}: '(' without ')'")
    if not terms:
        raise UsageError(f"malformed query {query!r}: no words to search for")
    if len(terms) > MAX_QUERY_TERMS:
        raise UsageError(f"query too long: {len(terms)} words (at most {MAX_QUERY_TERMS})")
    if parts[0] in OPERATORS - {"NOT"} or parts[-1] in OPERATORS:
        raise UsageError(f"malformed query {query!r}: an operator needs words on both sides")
    return Query(tuple(parts), tuple(terms))


def snippet(text: str, terms: list[str], width: int = 160, mark: tuple[str, str] = ("[", "]")) -> str:
    """The part of `text` around the first matched term, terms marked. Folding keeps
    positions, so matches found in the folded copy are cut from the original."""
    folded = fold(text)
    if len(folded) != len(text):  # a character whose case folding changes length: no marks
        return text[:width]
    spans = sorted({m.span() for term in terms for m in re.finditer(rf"\b{re.escape(term)}\b", folded)})
    if not spans:
        return text[:width].strip()
    # The window showing the most different query words ("Đặng Minh Quân" over a stray "đang").
    best = max(spans, key=lambda s: (len({folded[a:b] for a, b in spans if s[0] <= a and b <= s[0] + width * 2 // 3}),
                                     -s[0]))
    start = max(0, best[0] - width // 3)
    while 0 < start < best[0] and not text[start - 1].isspace():
        start += 1  # begin on a word, not inside one ("…gày 12" of "ngày 12")
    end = min(len(text), start + width)
    while best[1] < end < len(text) and not text[end].isspace() and end > best[1]:
        end -= 1  # and end on one
    out, at = [], start
    for s, e in spans:
        if s < at or e > end:
            continue
        out += [text[at:s], mark[0], text[s:e], mark[1]]
        at = e
    out.append(text[at:end])
    return ("…" if start else "") + "".join(out).replace("\n", " ").strip() + ("…" if end < len(text) else "")
