"""WARC and WARC.gz archives (fastwarc): each HTML or text response is a page.

fastwarc yields a cut-off last record without complaint, so each record must carry its
Content-Length and a block shorter than it is reported as a truncated archive.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..page import Hints, Page
from .common import failed, safe_text, too_large


def _split_http(block: bytes) -> tuple[bytes, bytes]:
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    return (head, body) if sep else (b"", block)


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Page]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = found = 0
    for record in ArchiveIterator(stream, parse_http=False):
        count += 1
        if record.record_type not in (WarcRecordType.response, WarcRecordType.resource):
            continue
        url = record.headers.get("WARC-Target-URI") or f"{source}#record-{count}"
        block = record.reader.read(max_bytes + 65536)
        if "Content-Length" not in record.headers or len(block) < record.content_length:
            yield failed(url, f"truncated WARC: record {count} of {source} is cut off")
            return
        http_head, body = _split_http(block) if record.record_type == WarcRecordType.response else (b"", block)
        content_type = b""
        for line in http_head.split(b"\n"):
            if line.lower().startswith(b"content-type:"):
                content_type = line.split(b":", 1)[1].strip().lower()
        if content_type and not content_type.startswith((b"text/", b"application/xhtml")):
            continue  # images, scripts, feeds: not pages
        found += 1
        if len(body) > max_bytes:
            yield too_large(url, max_bytes)
            continue
        kind = "text" if content_type.startswith(b"text/plain") else "html"
        hints = Hints(url=safe_text(url), crawled=record.headers.get("WARC-Date") or None)
        yield Page(source=safe_text(url), origin=f"{source}#record-{count}", raw=body, kind=kind, hints=hints)
    if not found:  # nothing to read is said, not silent
        yield failed(source, "not a WARC archive: no record could be read (garbage after the header?)" if not count
                     else f"no HTML or text page among its {count} WARC record{'s' if count > 1 else ''}")
