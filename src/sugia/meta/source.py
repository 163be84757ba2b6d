"""Who published the page and where it came from: outlet, author byline, reprint source.

The outlet comes from the URL's domain when there is one, else from what the page says of
itself: its lead's credit ("(Dân trí) -", "TPO -", "VTV.vn -"), a masthead or footer line
("Báo Lạng Sơn"), or a listed outlet's address printed on the page. A credit ("Theo Báo
TG&VN", "Nguồn: TTXVN", "Theo https://...") names where the story came from: the reprint
source, never the outlet.
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
    """The listed outlet a URL belongs to: its domain (or a service under a path of one, such
    as bbc.com/vietnamese) or a parent domain; None when the list does not know it."""
    if not url or "://" not in url:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").rstrip(".")
    by_domain = _outlets()[0]
    first_dir = parts.path.strip("/").split("/")[0]
    name = host
    while name:
        if first_dir and f"{name}/{first_dir}" in by_domain:
            return by_domain[f"{name}/{first_dir}"]
        if name in by_domain:
            return by_domain[name]
        name = name.partition(".")[2] if name.count(".") > 1 else ""
    return None


# Second-level suffixes under which a site's own name is the third label ("baolangson.vn" but
# "nld.com.vn", "bbc.co.uk").
_SECOND_LEVEL = {"com", "org", "net", "gov", "edu", "ac", "info", "co", "int", "biz", "name", "health"}


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to, by its address: "https://news.congtin.vn/a" -> "congtin.vn",
    "m.nld.com.vn" -> "nld.com.vn". A page on the web always has a publisher; this names it
    when the list of outlets does not."""
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.").rstrip(".")
    labels = host.split(".")
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def outlet_named(name: str) -> str:
    """Canonical outlet name for a credit ("Báo TG&VN" -> "Báo Thế giới và Việt Nam")."""
    return known_outlet(name) or name


@cache
def news_outlet_keys() -> frozenset[str]:
    """Spelling keys of the names and aliases of listed news outlets (government portals,
    which are also actors in the news, left out)."""
    keys = set()
    for domain, name, *rest in rows("outlets.tsv"):
        if ".gov." not in domain + ".":
            keys |= {match_key(n) for n in [name, *(rest[0].split("|") if rest else [])]}
    return frozenset(keys)


def known_outlet(name: str) -> str | None:
    """The listed outlet a name, alias or address names ("TPO", "VTV.vn"), or None."""
    by_domain, by_alias = _outlets()
    return by_alias.get(match_key(name)) or by_domain.get(name.strip().lower().removeprefix("www."))


# "(Dân trí) - ", "TPO - ", "VTV.vn - ", "(VOV5)- ": the credit a line opens with (groups:
# opening bracket, name, closing bracket).
LEAD_CREDIT = re.compile(r"^(\()?([^\s()][^()\n]{0,24}?)(\))?\s*[-–]\s", re.M)
_ADDRESS = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info)\b", re.I)
LEAD_LINES = 3
CHROME_LINES = 15


def outlet_in_text(lines: list[Line]) -> str | None:
    """The outlet a page names itself by: its lead's credit, else the listed outlet whose
    address its chrome prints most (the article's own lines and credit lines cite sources)."""
    body = [line.text for line in lines if line.label == "body"][:LEAD_LINES]
    for text in body:
        if (m := LEAD_CREDIT.match(text)) and (found := known_outlet(m.group(2))):
            return found
    counts: dict[str, int] = {}
    for line in lines[:CHROME_LINES] + lines[-CHROME_LINES:]:  # the masthead and the footer
        if line.label == "body" or "." not in line.text or _THEO.match(line.text.strip()):
            continue
        for address in _ADDRESS.findall(_URL.sub(" ", line.text)):  # a link points elsewhere
            if found := known_outlet(address):
                counts[found] = counts.get(found, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


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
            found.setdefault("masthead", text)
    return found
