"""Who published the page and where it came from: outlet, author byline, reprint source.

The outlet comes from the URL's domain when there is one, else from the page's own credit
line ("Theo Báo TG&VN"); a credit naming another outlet or a link ("Theo https://...",
"Nguồn: TTXVN") is the reprint source.
"""
from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from ..data import rows
from ..lang.text import match_key
from ..page import Line

_THEO = re.compile(r"^\(?\s*(?:theo|nguồn(?:\s+tin)?|source)\s*:?\s*(.+?)\s*\)?\.?$", re.I)
_SOURCE_PREFIX = re.compile(r"^\(?\s*(?:nguồn|source)", re.I)
_MASTHEAD = re.compile(r"^(?:Báo|Tạp chí|Đài|Cổng thông tin|Trang tin|Thông tấn xã)\s+\S", re.I)
_AUTHOR_PREFIX = re.compile(r"^(?:tác giả|bài(?: và ảnh|, ảnh)?|ảnh và bài|thực hiện|pv|nhóm pv)\s*:\s*(.+)$", re.I)
_URL = re.compile(r"https?://\S+|www\.\S+")


@cache
def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    by_domain, by_alias = {}, {}
    for domain, name, *rest in rows("outlets.tsv"):
        by_domain[domain] = name
        for alias in [name, *(rest[0].split("|") if rest else [])]:
            by_alias.setdefault(match_key(alias), name)
    return by_domain, by_alias


def outlet_of_url(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    by_domain = _outlets()[0]
    while host:
        if host in by_domain:
            return by_domain[host]
        host = host.partition(".")[2] if host.count(".") > 1 else ""
    return None


def outlet_named(name: str) -> str:
    """Canonical outlet name for a credit ("Báo TG&VN" -> "Báo Thế giới và Việt Nam")."""
    return _outlets()[1].get(match_key(name), name)


def _is_byline(text: str) -> bool:
    """An all-capitals name of 2-5 words ("NGỌC MINH"), the usual Vietnamese byline."""
    words = text.split()
    return 2 <= len(words) <= 5 and text.isupper() and all(w.isalpha() for w in words)


def credits(lines: list[Line], window: int = 6) -> dict[str, str]:
    """Read the credit lines after the article's last body line."""
    found: dict[str, str] = {}
    last = max((i for i, line in enumerate(lines) if line.label == "body"), default=-1)
    for line in lines[last + 1 : last + 1 + window]:
        text = line.text.strip()
        if len(text.split()) > 12:
            break
        if "author" not in found:
            by = _AUTHOR_PREFIX.match(text)
            if by:
                found["author"] = by.group(1).strip()
                continue
            if _is_byline(text):
                found["author"] = text
                continue
        theo = _THEO.match(text)
        if theo and re.search(r"\w", theo.group(1)):  # a bare "Nguồn:" names nothing
            target = theo.group(1)
            url = _URL.search(target)
            if url:
                found.setdefault("reprinted_from", url.group(0))
            elif _SOURCE_PREFIX.match(text):
                found.setdefault("reprinted_from", target)
            else:
                found.setdefault("credit", target)
        elif _MASTHEAD.match(text) and len(text.split()) <= 6:
            found.setdefault("credit", text)
    return found
