"""Readers: every input users have becomes a stream of `Page` records with their source.

`read(paths)` takes files, folders (recursive), globs and "-" (stdin) and dispatches on the
kind of input: plain-text dumps, HTML, JSON Lines dumps, WARC archives; `read_urls` takes
URLs, feeds and sitemaps (`web.py`). A page that cannot be
read is yielded as a failed page naming the reason, so nothing is lost silently.
"""
from .fetch import fetch
from .files import DEFAULT_MAX_BYTES, expand, read, read_bytes
from .web import is_url, read_urls

__all__ = ["DEFAULT_MAX_BYTES", "expand", "fetch", "is_url", "read", "read_bytes", "read_urls"]
