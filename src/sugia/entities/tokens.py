"""Tokens with character offsets into the body, so every mention can be highlighted."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import tone_key

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # case-folded, tone placement normalised

    @property
    def word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        """Starts with a capital letter (names, posts, proper nouns)."""
        return self.text[0].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), tone_key(m.group())) for m in _TOKEN.finditer(text)]


def span_text(text: str, tokens: list[Token], i: int, j: int) -> str:
    """The body text covered by tokens[i:j]."""
    return text[tokens[i].start : tokens[j - 1].end]
