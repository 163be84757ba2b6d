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

from ..errors import PageError
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


# Page chrome by its markup: navigation, asides, forms, footers, and blocks whose class or id
# says comments, related or most-read lists, tags, sharing, copyright (English and the
# Vietnamese slugs news templates use). Removed before the page's lines are read.
CHROME = ("nav, aside, footer, form, noscript, [role=navigation], [role=complementary], [role=contentinfo], "
          + ", ".join(f"[{attr}*={word}]" for attr in ("class", "id") for word in (
              "comment", "binh-luan", "binhluan", "related", "lien-quan", "lienquan", "tin-khac", "most-read",
              "doc-nhieu", "xem-nhieu", "tags", "tag-", "keyword", "tu-khoa", "share", "social", "copyright",
              "footer", "sidebar", "breadcrumb", "advert", "banner")))
# A block holding the headline or more than this share of the page's text is the article's
# container, whatever its class says ("main has-sidebar").
CHROME_MAX_SHARE = 0.4


def drop_chrome(tree: HTMLTree) -> None:
    """Remove the page's chrome blocks (CHROME), never the article's container."""
    body = tree.body
    if body is None:
        return
    total = len(body.text or "") or 1
    headline = tree.document.query_selector("h1")
    for node in tree.document.query_selector_all(CHROME):
        if node.parent is None or (headline is not None and node.contains(headline)):
            continue
        if len(node.text or "") <= CHROME_MAX_SHARE * total:
            node.parent.remove_child(node)


# The article's container: the element around the headline that holds this many paragraphs.
CONTAINER_PARAGRAPHS = 3


def article_parts(tree: HTMLTree) -> set[str]:
    """Keys of the subheadings and list items inside the article's container (an <article>,
    else the headline's nearest ancestor holding a few paragraphs), which main-content
    extraction drops as too short: they are the article's, not the page's."""
    container = tree.document.query_selector("article")
    headline = tree.document.query_selector("h1")
    node = headline.parent if container is None and headline is not None else None
    while node is not None and container is None:
        if len(node.query_selector_all("p")) >= CONTAINER_PARAGRAPHS:
            container = node
        node = node.parent
    if container is None:
        return set()
    parts = container.query_selector_all("li, h2, h3, h4, blockquote")
    return {key for part in parts if not part.query_selector("a") and (key := match_key(part.text or ""))}


# The HTML budget: a page nested deeper or with more elements than any article is a trap (or a
# mistake) whose tree walks would hold a batch or a server for minutes; it is refused whole.
MAX_DEPTH = 1_000
MAX_ELEMENTS = 300_000
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def within_budget(html: str) -> None:
    """Raise PageError for HTML nested deeper than MAX_DEPTH or holding over MAX_ELEMENTS tags."""
    depth = deepest = elements = 0
    for closing, name, self_closing in _TAG.findall(html):
        elements += 1
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH or elements > MAX_ELEMENTS:
        raise PageError(f"HTML over budget: nested {deepest} deep, {elements} tags "
                        f"(limits {MAX_DEPTH} deep, {MAX_ELEMENTS} tags): not parsed")


def html_lines(html: str) -> tuple[list[str], list[bool], Hints]:
    """The page's visible text lines, whether each is main content, and its head."""
    within_budget(html)
    tree = HTMLTree.parse(html)
    head = read_head(tree)
    drop_chrome(tree)
    full = extract_plain_text(tree, main_content=False, list_bullets=False, alt_texts=True, links=False)
    if not full.strip():
        lines = [squash_spaces(line) for line in strip_tags(html).splitlines()]
        return lines, [False] * len(lines), head
    main = extract_plain_text(tree, main_content=True, list_bullets=False, alt_texts=True, links=False)
    main_keys = {match_key(line) for line in main.splitlines() if line.strip()} | article_parts(tree)
    lines = [squash_spaces(line) for line in full.splitlines()]
    return lines, [match_key(line) in main_keys for line in lines], head
