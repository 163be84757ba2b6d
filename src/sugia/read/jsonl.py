"""JSON Lines dumps: one page per line, `{"url", "text" or "html", "date"?, "title"?}`.

Lines are read with a length cap, so a line of gigabytes (or a gzip bomb without newlines)
is skipped by streaming, never held whole. Fields are type-checked: a line without a "text"
or "html" string fails with the reason; a "url", "date" or "title" that is not a string is
ignored and noted; a lone surrogate in a string is replaced and noted.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..page import Hints, Page
from .common import failed, safe_text, too_large, without_surrogates

CHUNK = 1 << 20


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Each line, or None for a line longer than `max_bytes` (read through, not kept)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Page]:
    for number, line in enumerate(_lines(stream, max_bytes), start=1):
        where = f"{source}:{number}"
        if line is None:
            yield too_large(where, max_bytes)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield failed(where, f"malformed JSON line: {exc}")
            continue
        yield _page(record, where)


def _page(record: Any, where: str) -> Page:
    if not isinstance(record, dict) or not isinstance(record.get("html", record.get("text")), str):
        return failed(where, 'JSON line has no "text" or "html" string')
    kind = "html" if isinstance(record.get("html"), str) else "text"
    notes = [f'"{key}" ignored: not a string' for key in ("url", "date", "title")
             if record.get(key) is not None and not isinstance(record[key], str)]
    fields = {k: safe_text(record[k]) for k in ("url", "date", "title") if isinstance(record.get(k), str)}
    notes += [f'"{key}" had characters no text can hold: replaced' for key, value in fields.items()
              if value != record[key] and "\ufffd" in value]
    content = record[kind]
    if (clean := without_surrogates(content)) != content:
        notes.append(f'"{kind}" had lone surrogates: replaced')
    page = Page(source=fields.get("url") or where, origin=where, raw=clean.encode("utf-8"), kind=kind,
                hints=Hints(**fields))
    page.notes += notes
    return page
