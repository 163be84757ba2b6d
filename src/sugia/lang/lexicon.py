"""Two-syllable words of the language ("lãnh đạo", "cơ quan", "văn hóa"): pairs of syllables
Vietnamese news writes together in lower case on many pages. A capitalised run made of such a
pair is a word in capitals ("đồng chí Lãnh đạo", "Văn Hóa"), not a name; a name cut before the
second syllable ("Sở Y" of "Sở Y tế") is completed by it.

The list is counted, not written: `python -m sugia.lang.lexicon PAGES...` (run by `make
train`) keeps the lower-case pairs seen on at least MIN_PAGES pages and writes
`data/common_words.txt` with the command and the pages named in its header.

usage: python -m sugia.lang.lexicon [--out PATH] FOLDER...
"""
from __future__ import annotations

import argparse
from collections import Counter
from functools import cache
from pathlib import Path

from ..data import path, rows
from .tokens import keys, tokenize, vietnamese_word

FILE = "common_words.txt"
MIN_PAGES = 2
MIN_DICE = 0.02
# Function words join words, they do not make one: "Hàn Quốc và" is no word "quốc và".
FUNCTION_WORDS = keys("và", "của", "tại", "ở", "với", "cho", "là", "đã", "sẽ", "đang", "được", "bị", "các", "những", "một",
                      "trong", "ngoài", "trên", "dưới", "từ", "đến", "tới", "này", "đó", "khi", "thì", "mà", "để", "về",
                      "theo", "như", "cũng", "không", "vào", "ra", "lên", "nhằm", "nên", "vì", "do", "bởi", "hay",
                      "hoặc", "rất", "đều", "vẫn", "còn", "nhau", "giữa", "sau", "trước", "qua", "cùng", "ngày", "năm")


@cache
def common_pairs() -> frozenset[tuple[str, str]]:
    """(syllable, syllable) keys of the shipped two-syllable words; empty when none shipped."""
    try:
        return frozenset((a, b) for a, b in rows(FILE))
    except FileNotFoundError:
        return frozenset()


def page_pairs(text: str) -> set[tuple[str, str]]:
    """The lower-case Vietnamese syllable pairs one page writes with a single space between."""
    tokens = tokenize(text)
    return {(a.key, b.key) for a, b in zip(tokens, tokens[1:])
            if a.word and b.word and not a.cap and not b.cap and b.start == a.end + 1
            and vietnamese_word(a) and vietnamese_word(b) and a.key not in FUNCTION_WORDS and b.key not in FUNCTION_WORDS}


def count(files: list[Path]) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """On how many of the pages each pair appears, and each syllable (in small letters)."""
    pairs: Counter[tuple[str, str]] = Counter()
    syllables: Counter[str] = Counter()
    for file in files:
        text = file.read_text(encoding="utf-8", errors="replace")
        pairs.update(page_pairs(text))
        syllables.update({t.key for t in tokenize(text) if t.word and not t.cap})
    return pairs, syllables


def words(pairs: Counter[tuple[str, str]], syllables: Counter[str]) -> list[tuple[str, str]]:
    """Pairs seen on MIN_PAGES pages that hold together (Dice >= MIN_DICE over pages): "lãnh
    đạo" does, "quốc nhiệm" (the tail of "Liên hợp quốc" before "nhiệm kỳ") does not."""
    return sorted(pair for pair, pages in pairs.items()
                  if pages >= MIN_PAGES and 2 * pages / (syllables[pair[0]] + syllables[pair[1]]) >= MIN_DICE)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path(path(FILE)))
    args = parser.parse_args(argv)
    files = sorted(f for folder in args.folders for f in folder.rglob("*.txt"))
    pairs = words(*count(files))
    header = (f"# Two-syllable words: lower-case syllable pairs seen on >= {MIN_PAGES} of {len(files)} pages,\n"
              f"# holding together (Dice over pages >= {MIN_DICE}).\n"
              f"# Written by: python -m sugia.lang.lexicon {' '.join(str(f) for f in args.folders)}\n"
              "# Keys (case-folded, tone placement normalised), tab-separated.\n")
    args.out.write_text(header + "".join(f"{a}\t{b}\n" for a, b in pairs), encoding="utf-8")
    print(f"{len(pairs)} pairs from {len(files)} pages -> {args.out}")


if __name__ == "__main__":
    main()
