"""What the commands share: options, the output grammar (JSON, CSV, aligned tables), opening a
base, turning typed errors into one clear line."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..errors import UsageError
from ..events.kinds import EVENT_KINDS
from ..page import Page

PROGRESS_MIN_PAGES = 20  # fewer pages finish before a bar would be read


def parallel_options(command):
    """--workers and --dask: where the pipeline runs (`executors`)."""
    command = click.option("--dask", metavar="ADDRESS",
                           help="Run on a Dask cluster: a scheduler's address, or 'local' for a LocalCluster here.")(command)
    return click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Processes (default: every core; 1: this process only).")(command)


def event_filters(command):
    """The options that choose events (the timeline, the network)."""
    for option in reversed((
            click.option("--from", "date_from", metavar="DATE", help="Events starting on or after (YYYY-MM-DD)."),
            click.option("--to", "date_to", metavar="DATE", help="Events starting on or before (YYYY-MM-DD)."),
            click.option("--country", help="Held in this country (any spelling: Mỹ, Hoa Kỳ)."),
            click.option("--kind", type=click.Choice(EVENT_KINDS)),
            click.option("--person", help="With this participant."))):
        command = option(command)
    return command


def input_options(command):
    """What to read besides PATHS: URLs, feeds and sitemaps."""
    command = click.option("--allow-private", is_flag=True,
                           help="Let links found in feeds, sitemaps or redirects lead to loopback or intranet"
                           " addresses (URLs you type are always fetched).")(command)
    return click.option("--urls", "urls_file", type=click.File("r", encoding="utf-8"),
                        help="A file of URLs, one per line (feeds and sitemaps are followed).")(command)


def need_input(paths: Iterable[str], urls_file) -> None:
    if not list(paths) and urls_file is None:
        raise click.UsageError("nothing to read: give PATHS, URLs or --urls FILE")


def pages_of(args: Iterable[str], urls_file, max_bytes: int, allow_private: bool) -> Iterator[Page]:
    """The pages of PATHS and URLs given, in their order: files and folders read, URLs fetched
    (a feed or sitemap: its articles, politely)."""
    from ..read import is_url, read, read_urls

    given = [*args, *(line.strip() for line in (urls_file or []) if line.strip() and not line.startswith("#"))]
    for arg in given:
        if arg == "-":
            data = sys.stdin.buffer.read()
            listed = path_list(data)
            if listed is not None:  # `find ... | sugia ingest -`: the files and URLs it lists
                yield from pages_of(listed, None, max_bytes, allow_private)
            else:
                from ..read import read_bytes

                yield from read_bytes(data, "<stdin>", max_bytes)
        else:
            yield from read_urls([arg], max_bytes, allow_private) if is_url(arg) else read([arg], max_bytes=max_bytes)


def path_list(data: bytes) -> list[str] | None:
    """Standard input as a list of paths or URLs, when every line is one; else None (a page)."""
    import os

    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines() if line.strip()]
    if lines and len(lines) <= 100_000 and all(len(line) < 4096 and (line.startswith(("http://", "https://"))
                                                                    or os.path.exists(line)) for line in lines):
        return lines
    return None


def report_failure(page: Page) -> None:
    click.echo(f"sugia: {page.source}: {page.failure}", err=True)


def report_notes(page: Page) -> Page:
    """A page read with repairs says so on stderr ("2 NUL bytes removed"); it is kept."""
    for note in page.notes:
        click.echo(f"sugia: {page.source}: note: {note}", err=True)
    return page


def with_progress(pages: Iterable[Page], show: bool, label: str) -> Iterable[Page]:
    """`pages`, with a progress bar on stderr when `show`."""
    if not show:
        return pages
    from tqdm import tqdm

    return tqdm(pages, unit="page", file=sys.stderr, desc=label)


db_option = click.option("--db", default=None, metavar="DB",
                         help="The knowledge base: a SQLite file or a postgresql://user@host/db URL"
                         " (default: ./sugia.db or $SUGIA_DB).")


def output_options(fn):
    fn = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(fn)
    return click.option("--csv", "as_csv", is_flag=True, help="Print CSV (tabular listings).")(fn)


def _cell(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "-"
    if isinstance(value, list):
        return "; ".join(_cell(v.get("title") or v.get("name") or v.get("source") if isinstance(v, dict) else v)
                         for v in value)
    return str(value)


def emit(rows: list[dict] | dict, as_json: bool, as_csv: bool = False, columns: tuple[str, ...] = (),
         nothing: str = "no results") -> None:
    """One place for the output grammar: JSON, CSV (a header even when empty), or an aligned
    table for reading (rich), and a line saying so when there is nothing."""
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    items = rows if isinstance(rows, list) else [rows]
    columns = columns or (tuple(items[0]) if items else ())
    if as_csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in items:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})
        return
    if not items:
        click.echo(f"sugia: {nothing}", err=True)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold")
    for row in items:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console(soft_wrap=False, width=max(120, click.get_terminal_size()[0]) if sys.stdout.isatty() else 200,
            highlight=False).print(table)


def store_or_exit(db: str | None, create: bool = False):
    """The base `db` opened; only `ingest` (`create`) makes a new one — any other command on a
    base that is not there says so (exit 2) instead of answering from an empty one."""
    import os

    from ..store import default_db, open_store

    path = db or default_db()
    if not create and "://" not in path and not os.path.exists(path):
        raise click.UsageError(f"no knowledge base at {path} (sugia ingest PAGES --db {path} makes one)")
    with usage_errors():
        return open_store(path)


def queries_or_exit(db: str | None):
    from ..store import Queries

    return Queries(store_or_exit(db))


@contextmanager
def usage_errors() -> Iterator[None]:
    """A `UsageError` (bad query, bad filter, unreachable base) as click's usage line, exit 2."""
    try:
        yield
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc


def filters(**values: Any):
    from ..store import SearchFilters

    with usage_errors():
        return SearchFilters(**values)
