"""The `sugia` command: a thin shell over the library. Each command parses its options and
calls a plain function; typed errors become one clear line on stderr."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

import click

from . import __version__, default_pipeline
from .page import Page
from .read import DEFAULT_MAX_BYTES, read

PROGRESS_MIN_PAGES = 20  # fewer pages finish before a bar would be read


def write_pages(pages: Iterable[Page], fmt: str, out: TextIO) -> tuple[int, int]:
    """Write records in `fmt`; failed pages are reported on stderr. Returns (ok, failed)."""
    ok = failed = 0
    first = True
    if fmt == "json":
        out.write("[\n")
    for page in pages:
        if not page.ok:
            failed += 1
            click.echo(f"sugia: {page.source}: {page.failure}", err=True)
            continue
        ok += 1
        record = page.to_dict()
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(("" if first else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
        else:
            meta = [f"{k}: {record[k]}" for k in ("source", "title", "published", "outlet", "author", "reprinted_from") if record[k]]
            out.write("\n".join(meta) + "\n\n" + page.body + "\n\n" + "=" * 72 + "\n")
        first = False
    if fmt == "json":
        out.write("\n]\n")
    return ok, failed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sugia")
def main() -> None:
    """sugia reads Vietnamese news pages about Vietnam's foreign affairs and turns them into
    a knowledge base of diplomacy.

    \b
    Example:
      sugia extract pages/ --format jsonl > out.jsonl
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "text"]), default="jsonl", show_default=True,
              help="jsonl: one record per line; json: one array; text: metadata and clean body for reading.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Pages larger than this are reported and skipped.")
@click.option("--stats", is_flag=True, help="Print per-stage pages, failures and time on stderr.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when many pages and stderr is a terminal).")
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int, stats: bool, progress: bool | None) -> None:
    """Extract the clean article and its metadata from each page in PATHS.

    PATHS are files, folders (read recursively), globs, or - for standard input. Pages may be
    text dumps, HTML, JSON Lines ({"url", "text" or "html", "date"}) or WARC/WARC.gz.
    The exit status is 1 when any page failed; each failure is one line on stderr.

    \b
    Example:
      sugia extract examples/pages --format jsonl > out.jsonl
      sugia extract 'dumps/**/*.html' crawl.warc.gz --format text
      cat page.html | sugia extract - --format json
    """
    from tqdm import tqdm

    pipeline = default_pipeline()
    sources = list(paths)
    pages = pipeline.run(read(sources, max_bytes=max_bytes))
    if progress is None:
        from .read import expand

        progress = sys.stderr.isatty() and sum(1 for _ in expand(sources)) >= PROGRESS_MIN_PAGES
    if progress:
        pages = tqdm(pages, unit="page", file=sys.stderr, desc="extract")
    _, failed = write_pages(pages, fmt, sys.stdout)
    if stats:
        click.echo(pipeline.report(), err=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
