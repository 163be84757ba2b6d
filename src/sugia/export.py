"""Writing records out: extraction records as JSON Lines, a JSON array or readable text (for
`sugia extract`), and a whole knowledge base as JSON Lines, CSV or Parquet files (for
`sugia export`). pyarrow writes Parquet when it is installed."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from .errors import UsageError
from .page import Page
from .store import EXPORT_TABLES, Queries

RECORD_FORMATS = ("jsonl", "json", "text")
BASE_FORMATS = ("jsonl", "csv", "parquet")
TEXT_FIELDS = ("source", "title", "published", "outlet", "author", "reprinted_from")


def write_records(pages: Iterable[Page], fmt: str, out: TextIO,
                  on_failure: Callable[[Page], None] = lambda page: None) -> tuple[int, int]:
    """Write each processed page's record in `fmt`; failed pages go to `on_failure` instead.
    Returns (written, failed)."""
    written = failed = 0
    if fmt == "json":
        out.write("[\n")
    for page in pages:
        if not page.ok:
            failed += 1
            on_failure(page)
            continue
        record = page.to_dict()
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(("" if not written else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
        else:
            meta = [f"{k}: {record[k]}" for k in TEXT_FIELDS if record[k]]
            out.write("\n".join(meta) + "\n\n" + page.body + "\n\n" + "=" * 72 + "\n")
        written += 1
    if fmt == "json":
        out.write("\n]\n")
    return written, failed


def export_base(queries: Queries, fmt: str, out: Path) -> list[Path]:
    """The whole base into folder `out`: one extraction record per page (jsonl), or one file
    per table (csv, parquet). Returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = out / "pages.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for record in queries.records():
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [path]
    write = _parquet_writer() if fmt == "parquet" else _write_csv
    files = []
    for table in EXPORT_TABLES:
        files.append(out / f"{table}.{fmt}")
        write(list(queries.table(table)), files[-1])
    return files


def _write_csv(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        if rows:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def _parquet_writer() -> Callable[[list[dict], Path], None]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UsageError("parquet export needs pyarrow: pip install pyarrow") from exc
    return lambda rows, path: pq.write_table(pa.Table.from_pylist(rows), path)
