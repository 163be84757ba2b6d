"""Pages by URL for the command line: a URL the user types is fetched as asked (loopback and
intranet included: the user is local); an RSS/Atom feed or a sitemap is read for its article
links, which are fetched politely — robots.txt obeyed, one request per host every DELAY
seconds, a user agent naming sugia — and refused when they lead inside the network (a feed
must not make sugia read the intranet) unless `allow_private` is given.
"""
from __future__ import annotations

import re
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Iterable, Iterator

from ..page import Page
from .common import failed
from .fetch import USER_AGENT, fetch
from .files import DEFAULT_MAX_BYTES, read_bytes

DELAY = 1.0  # seconds between two requests to one host
MAX_LINKS = 1000  # article links taken from one feed or sitemap
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF|urlset|sitemapindex)\b", re.I)
_LINKS = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>|<link>\s*([^<\s]+)\s*</link>|<link\b[^>]*\bhref=[\"']([^\"']+)", re.I)


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def links(document: bytes, base: str) -> list[str]:
    """Article links of a feed (RSS <link>, Atom <link href>) or a sitemap (<loc>), in order."""
    out: list[str] = []
    for match in _LINKS.finditer(document[:20_000_000]):
        raw = next(g for g in match.groups() if g).decode("utf-8", "replace").replace("&amp;", "&")
        url = urllib.parse.urljoin(base, raw)
        if is_url(url) and url not in out and url.rstrip("/") != base.rstrip("/"):
            out.append(url)
    return out[:MAX_LINKS]


class Polite:
    """Fetches that keep to robots.txt and to one request per host every DELAY seconds."""

    def __init__(self, allow_private: bool, delay: float = DELAY, max_bytes: int = DEFAULT_MAX_BYTES):
        self.allow_private, self.delay, self.max_bytes = allow_private, delay, max_bytes
        self.last: dict[str, float] = {}
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def allowed(self, url: str) -> bool:
        host = urllib.parse.urlsplit(url)
        root = f"{host.scheme}://{host.netloc}"
        if root not in self.robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                parser.parse(self.get(root + "/robots.txt").decode("utf-8", "replace").splitlines())
                self.robots[root] = parser
            except ValueError:
                self.robots[root] = None  # no robots.txt: everything allowed
        rules = self.robots[root]
        return rules is None or rules.can_fetch(USER_AGENT, url)

    def get(self, url: str) -> bytes:
        host = urllib.parse.urlsplit(url).netloc
        wait = self.last.get(host, 0.0) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return fetch(url, self.max_bytes, allow_private=self.allow_private)
        finally:
            self.last[host] = time.monotonic()


def read_urls(urls: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, allow_private: bool = False,
              delay: float = DELAY) -> Iterator[Page]:
    """The pages at `urls` (typed by the user: fetched as asked); a feed or sitemap gives the
    pages it links to (a sitemap index, its sitemaps' pages), fetched politely."""
    linked = Polite(allow_private, delay, max_bytes)
    for url in urls:
        try:
            data = fetch(url, max_bytes, allow_private=True)
        except ValueError as exc:
            yield failed(url, str(exc))
            continue
        yield from _pages(data, url, linked, max_bytes, depth=0)


def _pages(data: bytes, url: str, linked: Polite, max_bytes: int, depth: int) -> Iterator[Page]:
    if not _FEED.search(data[:4096]):
        yield from read_bytes(data, url, max_bytes)
        return
    if depth >= 2:
        yield failed(url, "a feed or sitemap nested too deep: not followed")
        return
    for link in links(data, url):
        try:
            if not linked.allowed(link):
                yield failed(link, f"robots.txt of {urllib.parse.urlsplit(link).netloc} disallows it: not fetched")
                continue
            yield from _pages(linked.get(link), link, linked, max_bytes, depth + 1)
        except ValueError as exc:
            yield failed(link, f"{exc} (linked from {url})")
