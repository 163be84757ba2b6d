"""HTML pages: visible text as lines, which lines the main-content extractor keeps, and what
the page's head says (title, date, author, site, URL).

resiliparse renders the text (fast, keeps whole bodies); its main-content verdict becomes a
feature of the line classifier rather than the answer, because it keeps related-news teasers
and drops captions on some Vietnamese templates. `alt_texts=True` is needed for captions too:
resiliparse counts <figcaption> as alternative text.
"""
from __future__ import annotations

import re
from html import unescape

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

from ..lang.text import match_key, squash_spaces
from ..page import Hints

_DATE_META = (
    'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="pubdate"]',
    'meta[name="publishdate"]', 'meta[property="og:published_time"]', 'meta[name="article:published_time"]',
    'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', 'time[datetime]',
)


def _meta(tree: HTMLTree, selector: str, attr: str = "content") -> str | None:
    node = tree.document.query_selector(selector)
    if node is None:
        return None
    value = node.getattr(attr) if attr else node.text
    return squash_spaces(value) if value and value.strip() else None


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")


def without_site(title: str, site: str | None) -> str:
    """'Headline | Báo X' -> 'Headline': drop the site's name from a <title> or og:title;
    with no site name known, drop a short last segment after ' | '."""
    parts = _TITLE_PARTS.split(title)
    if len(parts) < 2:
        return title
    if site and parts[-1].casefold() == site.casefold():
        return title[: title.rfind(parts[-1])].rstrip(" |–—-")
    if site and parts[0].casefold() == site.casefold():
        return title[len(parts[0]) :].lstrip(" |–—-")
    if " | " in title and len(parts[-1].split()) <= 4:
        return title[: title.rfind(" | ")]
    return title


def read_head(tree: HTMLTree) -> Hints:
    head = Hints()
    h1 = tree.document.query_selector("h1")
    h1_text = squash_spaces(h1.text) if h1 is not None and h1.text else None
    og = _meta(tree, 'meta[property="og:title"]')
    plain = tree.title.strip() if tree.title else None
    # h1 is the article's own headline; og:title and <title> often carry the site's name.
    head.site = _meta(tree, 'meta[property="og:site_name"]')
    head.title = h1_text if h1_text and len(h1_text.split()) >= 3 else og or plain
    if head.title and len(head.title) > 300:  # an unclosed <title> swallowed the page
        head.title = None
    elif head.title and head.title != h1_text:
        head.title = without_site(head.title, head.site)
    for selector in _DATE_META:
        head.date = _meta(tree, selector, "datetime" if selector.startswith("time") else "content")
        if head.date:
            break
    head.author = _meta(tree, 'meta[name="author"]') or _meta(tree, 'meta[property="article:author"]')
    head.url = _meta(tree, 'link[rel="canonical"]', "href") or _meta(tree, 'meta[property="og:url"]')
    return head


_TAG = re.compile(r"<(?:script|style)\b.*?</(?:script|style)\s*>|<[^>]*>", re.S | re.I)


def strip_tags(html: str) -> str:
    """Last resort for markup no parser reads as a page (an unclosed <title> swallows the
    whole document in HTML5 parsing): every tag becomes a line break."""
    return unescape(_TAG.sub("\n", html))


def html_lines(html: str) -> tuple[list[str], list[bool], Hints]:
    """The page's visible text lines, whether each is main content, and its head."""
    tree = HTMLTree.parse(html)
    full = extract_plain_text(tree, main_content=False, list_bullets=False, alt_texts=True, links=False)
    if not full.strip():
        lines = [squash_spaces(line) for line in strip_tags(html).splitlines()]
        return lines, [False] * len(lines), read_head(tree)
    main = extract_plain_text(tree, main_content=True, list_bullets=False, alt_texts=True, links=False)
    main_keys = {match_key(line) for line in main.splitlines() if line.strip()}
    lines = [squash_spaces(line) for line in full.splitlines()]
    return lines, [match_key(line) in main_keys for line in lines], read_head(tree)
