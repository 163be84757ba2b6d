"""The `sugia` command: a thin shell over the library. Each command parses its options and
calls a plain function; typed errors become one clear line on stderr."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from . import __version__, default_pipeline
from .errors import UsageError
from .events.kinds import EVENT_KINDS
from .executors import executor
from .export import BASE_FORMATS, NETWORK_FORMATS, RECORD_FORMATS, export_base, write_network, write_records
from .page import Page
from .read import DEFAULT_MAX_BYTES, read

PROGRESS_MIN_PAGES = 20  # fewer pages finish before a bar would be read


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sugia")
def main() -> None:
    """sugia reads Vietnamese news pages about Vietnam's foreign affairs and turns them into
    a knowledge base of diplomacy.

    \b
    Example:
      sugia extract pages/ --format jsonl > out.jsonl
    """


def parallel_options(command):
    """--workers and --dask: where the pipeline runs (`executors`)."""
    command = click.option("--dask", metavar="ADDRESS",
                           help="Run on a Dask cluster: a scheduler's address, or 'local' for a LocalCluster here.")(command)
    return click.option("--workers", type=click.IntRange(min=1), default=None,
                        help="Processes (default: every core; 1: this process only).")(command)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="jsonl", show_default=True,
              help="jsonl: one record per line; json: one array; text: metadata and clean body for reading.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Pages larger than this are reported and skipped.")
@click.option("--stats", is_flag=True, help="Print per-stage pages, failures and time on stderr.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when many pages and stderr is a terminal).")
@parallel_options
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int, stats: bool, progress: bool | None,
            workers: int | None, dask: str | None) -> None:
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
    from .read import expand

    pipeline = default_pipeline()
    sources = list(paths)
    run = executor(pipeline, workers, dask)
    if progress is None:
        progress = sys.stderr.isatty() and sum(1 for _ in expand(sources)) >= PROGRESS_MIN_PAGES
    pages = with_progress(run(read(sources, max_bytes=max_bytes)), progress, "extract")
    _, failed = write_records((report_notes(p) if p.ok else p for p in pages), fmt, sys.stdout,
                              on_failure=report_failure)
    if stats:
        click.echo(run.stats.report(), err=True)
    sys.exit(1 if failed else 0)


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


# ---- knowledge base ----------------------------------------------------------------------

db_option = click.option("--db", default=None, metavar="DB",
                         help="The knowledge base: a SQLite file or a postgresql://user@host/db URL"
                         " (default: ./sugia.db or $SUGIA_DB).")


def output_options(fn):
    fn = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(fn)
    return click.option("--csv", "as_csv", is_flag=True, help="Print CSV (tabular listings).")(fn)


def emit(rows: list[dict] | dict, as_json: bool, as_csv: bool = False, columns: tuple[str, ...] = ()) -> None:
    """One place for the output grammar: JSON, CSV, or a plain table for reading."""
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    items = rows if isinstance(rows, list) else [rows]
    columns = columns or tuple(items[0]) if items else columns
    if as_csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in items:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})
        return
    for row in items:
        click.echo("  ".join(str(row.get(c) if row.get(c) is not None else "-") for c in columns))


def store_or_exit(db: str | None):
    from .store import open_store

    with usage_errors():
        return open_store(db)


def queries_or_exit(db: str | None):
    from .store import Queries

    return Queries(store_or_exit(db))


@contextmanager
def usage_errors() -> Iterator[None]:
    """A `UsageError` (bad query, bad filter, unreachable base) as click's usage line, exit 2."""
    try:
        yield
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc


def filters(**values: Any):
    from .store import SearchFilters

    with usage_errors():
        return SearchFilters(**values)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True)
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@parallel_options
def ingest(paths: tuple[str, ...], db: str | None, max_bytes: int, progress: bool | None, workers: int | None,
           dask: str | None) -> None:
    """Run the pipeline over PATHS and store every page, entity, event and figure.

    Ingesting the same pages again changes nothing (pages are keyed by source and content
    hash); an interrupted ingest leaves only whole pages, and a rerun finishes the job.

    \b
    Example:
      sugia ingest examples/pages --db sugia.db
      SUGIA_DB=kb.db sugia ingest crawl.warc.gz
    """
    from .ingest import ingest as ingest_pages
    from .store import Queries

    store = store_or_exit(db)
    pages = executor(default_pipeline(), workers, dask)(read(list(paths), max_bytes=max_bytes))
    pages = with_progress(pages, sys.stderr.isatty() if progress is None else progress, "ingest")
    report = ingest_pages(pages, store, lambda page, state: report_failure(page) if state == "failed"
                          else report_notes(page))
    counts = Queries(store).counts()
    click.echo(f"{report.summary()}; base: {counts['pages']} pages, {counts['entities']} entities, "
               f"{counts['events']} events, {counts['facts']} figures", err=True)
    sys.exit(1 if report.failed else 0)


@main.command()
@click.argument("query")
@db_option
@click.option("--from", "date_from", metavar="DATE", help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Published on or before (YYYY-MM-DD).")
@click.option("--outlet", help="Only pages of this outlet.")
@click.option("--entity", help="Only pages naming this person, organisation or place.")
@click.option("--limit", type=int, default=20, show_default=True)
@output_options
def search(query: str, db: str | None, date_from, date_to, outlet, entity, limit: int, as_json: bool, as_csv: bool) -> None:
    """Pages matching QUERY, by relevance then date, with highlighted snippets.

    Marks are optional ("Dang Hoang Giang" finds "Đặng Hoàng Giang"), either tone placement
    works ("hoà bình" = "hòa bình"); "phrases", AND, OR, NOT, (brackets) and prefix* work.

    \b
    Example:
      sugia search "Dang Hoang Giang" --json
      sugia search '"hòa bình" AND ASEAN' --from 2024-01-01 --outlet VnExpress
    """
    chosen = filters(date_from=date_from, date_to=date_to, outlet=outlet, entity=entity)
    with usage_errors():
        rows = queries_or_exit(db).search(query, chosen, limit)
    emit(rows, as_json, as_csv, ("published", "title", "source", "snippet"))


def _entity_command(type_: str):
    def command(name: str | None, db: str | None, limit: int, as_json: bool, as_csv: bool) -> None:
        queries = queries_or_exit(db)
        rows = queries.entities(type_, name, limit)
        if name and type_ == "person":
            rows = [{**row, **queries.person(row["id"])} for row in rows]
        if name and not rows:
            click.echo(f"sugia: no {type_} named {name!r} in the base", err=True)
            sys.exit(1)
        emit(rows, as_json, as_csv, ("name", "pages", "aliases") if not (name and type_ == "person") else ("name", "posts"))
        if name and type_ == "person" and not (as_json or as_csv):
            for row in rows:
                for other in row["met"]:
                    for e in other["events"]:
                        click.echo(f"  met {other['name']}: {e['start']} {e['kind']} {e['name']}"
                                   f"{' — ' + (e['city'] or e['country']) if e['city'] or e['country'] else ''}"
                                   f" [{', '.join(e['sources'])}]")
    return command


for _name, _type, _doc in (
    ("people", "person", """People in the base, most mentioned first; with NAME, that person's posts over time
    (first and last seen, the pages that say so), events attended and sources.

    \b
    Example:
      sugia people
      sugia people "Đỗ Hùng Việt" --json"""),
    ("orgs", "organization", """Organisations and forums in the base; with NAME, the ones it names.

    \b
    Example:
      sugia orgs --csv
      sugia orgs LHQ --json"""),
    ("places", "location", """Places in the base; with NAME, the ones it names.

    \b
    Example:
      sugia places
      sugia places "Viêng Chăn" --json"""),
):
    main.command(name=_name, help=_doc)(output_options(click.option("--limit", type=int, default=100, show_default=True)(
        db_option(click.argument("name", required=False)(_entity_command(_type))))))


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


@main.command()
@db_option
@event_filters
@click.option("--forum", help="Within this forum (ASEAN, APEC, LHQ...).")
@output_options
def events(db, date_from, date_to, country, kind, person, forum, as_json: bool, as_csv: bool) -> None:
    """The event timeline, each event once with all its sources.

    \b
    Example:
      sugia events --from 2024-10-01 --to 2024-10-31 --json
      sugia events --country Lào --kind summit --csv
    """
    chosen = filters(date_from=date_from, date_to=date_to, country=country, kind=kind, person=person, forum=forum)
    rows = queries_or_exit(db).events(chosen)
    emit(rows, as_json, as_csv, ("start", "end", "kind", "name", "city", "country"))


@main.command()
@click.argument("source")
@db_option
def show(source: str, db: str | None) -> None:
    """One page with its extraction, by its source (a path, URL, or the end of one).

    \b
    Example:
      sugia show 002_3632e317e7864e95.txt
    """
    record = queries_or_exit(db).show(source)
    if record is None:
        click.echo(f"sugia: {source}: not in the base", err=True)
        sys.exit(1)
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


@main.command()
@db_option
@event_filters
@click.option("--format", "fmt", type=click.Choice(NETWORK_FORMATS), default="graphml", show_default=True)
@click.option("--out", "out_file", type=click.Path(dir_okay=False), help="File to write (default: standard output).")
def network(db, date_from, date_to, country, kind, person, fmt: str, out_file: str | None) -> None:
    """Who met whom: people as nodes (latest post, country), an edge for each pair of
    participants of an event, weighted by events, with days, kinds and source pages.
    GraphML and GEXF open in Gephi and NetworkX.

    \b
    Example:
      sugia network --format gexf --out meetings.gexf
      sugia network --person "Phạm Minh Chính" --from 2024-01-01 --format csv
    """
    with usage_errors():
        chosen = filters(date_from=date_from, date_to=date_to, country=country, kind=kind, person=person)
        graph = queries_or_exit(db).network(chosen)
    with click.open_file(out_file or "-", "w", encoding="utf-8") as out:
        write_network(graph, fmt, out)
    click.echo(f"{len(graph['nodes'])} people, {len(graph['edges'])} pairs who met", err=True)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(BASE_FORMATS), default="jsonl", show_default=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
def export(db: str | None, fmt: str, out_dir: str) -> None:
    """Export the whole base: jsonl (one extraction record per page), csv or parquet (one file
    per table), or plover (events in the PLOVER/POLECAT shape, events_plover.jsonl).

    \b
    Example:
      sugia export --format csv --out dump/
    """
    from pathlib import Path

    with usage_errors():
        files = export_base(queries_or_exit(db), fmt, Path(out_dir))
    click.echo(f"wrote {len(files)} {fmt} file{'s' if len(files) > 1 else ''} to {out_dir}", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--token", envvar="SUGIA_TOKEN", default=None,
              help="Token that allows ingesting over HTTP (default: $SUGIA_TOKEN; none: ingesting is off).")
@click.option("--read-token", envvar="SUGIA_READ_TOKEN", default=None,
              help="Token needed for reading too (default: $SUGIA_READ_TOKEN; none: reading is open).")
@click.option("--workers", default=1, show_default=True, type=int, help="Server processes.")
@click.option("--max-upload", default=50_000_000, show_default=True, type=click.IntRange(min=1),
              help="Largest request body in bytes (413 beyond it).")
@click.option("--allow-private-fetch", is_flag=True,
              help="Let ingest-by-URL fetch loopback and intranet addresses (off: the server never reads its own network).")
def serve(db: str | None, host: str, port: int, token: str | None, read_token: str | None, workers: int,
          max_upload: int, allow_private_fetch: bool) -> None:
    """Serve the HTTP API (/api, /openapi.json) and the web application over a knowledge base.

    \b
    Example:
      sugia serve --db sugia.db --port 8000 --token s3cret
    """
    import os

    import uvicorn

    from .store import default_db

    db = db or default_db()
    if token and workers > 1:
        raise click.UsageError("--token with --workers > 1: ingest jobs and their progress live in one server process;"
                               " serve with --workers 1 to ingest over HTTP")
    store_or_exit(db).close()
    os.environ["SUGIA_SERVE_DB"] = db  # the app factory reads its settings from the environment, for --workers
    os.environ["SUGIA_SERVE_TOKEN"] = token or ""
    os.environ["SUGIA_SERVE_READ_TOKEN"] = read_token or ""
    os.environ["SUGIA_SERVE_MAX_UPLOAD"] = str(max_upload)
    os.environ["SUGIA_SERVE_ALLOW_PRIVATE"] = "1" if allow_private_fetch else ""
    click.echo(f"sugia: serving {db} at http://{host}:{port}/ (API at /api, described at /openapi.json)", err=True)
    uvicorn.run("sugia.api.app:from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


if __name__ == "__main__":
    main()
