"""Readers: every input users have becomes a stream of `Page` records with their source.

`read(paths)` takes files, folders (recursive), globs and "-" (stdin) and dispatches on the
kind of input: plain-text dumps, HTML, JSON Lines dumps, WARC archives. A page that cannot be
read is yielded as a failed page naming the reason, so nothing is lost silently.
"""
from .fetch import fetch
from .files import DEFAULT_MAX_BYTES, expand, read, read_bytes

__all__ = ["read", "read_bytes", "fetch", "expand", "DEFAULT_MAX_BYTES"]
