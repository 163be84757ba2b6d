"""Files, folders, globs and stdin; sniffing which reader a byte stream needs."""
from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..page import Page
from .common import failed, safe_text, too_large
from .jsonl import read_jsonl
from .paths import display, entries
from .warc import read_warc

# 20 MB: the longest real article pages seen are under 3 MB; anything far larger is a dump
# or a mistake and would stall the line classifier.
DEFAULT_MAX_BYTES = 20_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".aspx", ".php")


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named, files under folders (sorted, recursive), glob matches; '-' kept as is.
    A path that cannot be read is yielded too, so the reader reports it."""
    return (path for path, _ in entries(paths))


TEXT_SUFFIXES = (".txt", ".text")


def sniff(head: bytes, name: str = "") -> str:
    """'jsonl', 'warc', 'html' or 'text' from a file name and its first bytes. JSON Lines only
    when the name says so or the first line is a JSON object: a text page opening with "{"
    stays a text page."""
    lower = name.lower().removesuffix(".gz")
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith((".warc", ".arc")) or head.startswith(b"WARC/"):
        return "warc"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{") and not lower.endswith(TEXT_SUFFIXES) and _json_object(start.split(b"\n", 1)[0]):
        return "jsonl"
    low = start[:512].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low or b"<body" in low:
        return "html"
    return "text"


def _json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def _open(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")  # noqa: SIM115 - closed by the caller


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, for sniffing; tolerant of a cut-off."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 65536)
    except zlib.error:
        return b""


def read(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page]:
    """Yield one Page per page found under `paths`, in order; what cannot be read is a failed
    page naming the file and the reason, and the next file is read."""
    for path, problem in entries(paths):
        source = display(path)
        if problem:
            yield failed(source, problem)
            continue
        try:
            stream = _open(path)
        except OSError as exc:
            yield failed(source, f"cannot open: {exc.strerror}")
            continue
        try:
            yield from _guarded(stream, source, max_bytes)
        finally:
            if path != "-":
                stream.close()


def _guarded(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Page]:
    """The stream's pages; whatever goes wrong reading it is this source's failure."""
    try:
        yield from _read_stream(stream, source, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield failed(source, f"cannot read: {_reason(exc)}")
    except Exception as exc:  # noqa: BLE001 - one file's trouble is that file's failure
        yield failed(source, f"cannot read: {type(exc).__name__}: {exc}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, (gzip.BadGzipFile, zlib.error, EOFError)):
        return f"corrupt compressed file ({exc or 'cut off'})"
    return str(exc)


def read_bytes(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Page]:
    """Pages in bytes already in memory (an upload, a fetched URL), read as a file would be."""
    yield from _guarded(io.BytesIO(data), safe_text(source), max_bytes)


def _read_stream(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Page]:
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = buffered.peek(65536)[:65536]  # type: ignore[attr-defined]
    zipped = head[:2] == b"\x1f\x8b"
    kind = sniff(_gunzip_head(head) if zipped else head, source)
    if kind == "warc":  # fastwarc reads gzip itself, record by record
        yield from read_warc(buffered, source, max_bytes)
        return
    if zipped:
        buffered = gzip.GzipFile(fileobj=buffered)  # type: ignore[assignment]
    if kind == "jsonl":
        yield from read_jsonl(buffered, source, max_bytes)
    else:
        raw = buffered.read(max_bytes + 1)
        if len(raw) > max_bytes:
            yield too_large(source, max_bytes)
        else:
            yield Page(source=source, origin=source, raw=raw, kind=kind)
