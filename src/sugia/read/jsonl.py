"""JSON Lines dumps: one page per line, `{"url", "text" or "html", "date"?}`."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..page import Hints, Page
from .common import failed, too_large


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Page]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if len(line) > max_bytes:
            yield too_large(where, max_bytes)
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield failed(where, f"malformed JSON line: {exc}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("html", record.get("text")), str):
            yield failed(where, 'JSON line has no "text" or "html" string')
            continue
        kind = "html" if isinstance(record.get("html"), str) else "text"
        url = record.get("url")
        hints = Hints(**{k: record[k] for k in ("url", "date", "title") if isinstance(record.get(k), str)})
        yield Page(source=url or where, raw=record[kind].encode("utf-8"), kind=kind, hints=hints)
