"""Reading pages: `sugia extract` (records out) and `sugia ingest` (into a base)."""
from __future__ import annotations

import sys

import click

from .. import default_pipeline
from ..executors import executor
from ..export import RECORD_FORMATS, write_records
from ..page import Page
from ..read import DEFAULT_MAX_BYTES
from ..store.base import Store
from .app import main
from .common import (
    PROGRESS_MIN_PAGES,
    db_option,
    input_options,
    need_input,
    pages_of,
    parallel_options,
    report_failure,
    report_notes,
    store_or_exit,
    with_progress,
)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="jsonl", show_default=True,
              help="jsonl: one record per line; json: one array; text: metadata and clean body for reading.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Pages larger than this are reported and skipped.")
@click.option("--stats", is_flag=True, help="Print per-stage pages, failures and time on stderr.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when many pages and stderr is a terminal).")
@parallel_options
@input_options
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int, stats: bool, progress: bool | None,
            workers: int | None, dask: str | None, urls_file, allow_private: bool) -> None:
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
    from ..read import expand, is_url

    pipeline = default_pipeline()
    sources = list(paths)
    run = executor(pipeline, workers, dask)
    if progress is None:
        progress = sys.stderr.isatty() and sum(1 for _ in expand(s for s in sources if not is_url(s))) >= PROGRESS_MIN_PAGES
    need_input(sources, urls_file)
    pages = with_progress(run(pages_of(sources, urls_file, max_bytes, allow_private)), progress, "extract")
    _, failed = write_records((report_notes(p) if p.ok else p for p in pages), fmt, sys.stdout,
                              on_failure=report_failure)
    if stats:
        click.echo(run.stats.report(), err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True)
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@click.option("--link/--no-link", default=True, show_default=True,
              help="Link pages across articles as they are stored. --no-link stores only, so ingesters can run"
                   " side by side (with --dask or --workers and a PostgreSQL base every worker stores its own"
                   " pages); `sugia link` links them after.")
@parallel_options
@input_options
def ingest(paths: tuple[str, ...], db: str | None, max_bytes: int, progress: bool | None, link: bool,
           workers: int | None, dask: str | None, urls_file, allow_private: bool) -> None:
    """Run the pipeline over PATHS and store every page, entity, event and figure.

    Ingesting the same pages again changes nothing (pages are keyed by source and content
    hash); an interrupted ingest leaves only whole pages, and a rerun finishes the job.

    \b
    Example:
      sugia ingest examples/pages --db sugia.db
      SUGIA_DB=kb.db sugia ingest crawl.warc.gz
      sugia ingest https://baoquocte.vn/rss/ngoai-giao.rss --db sugia.db
      find dumps -name '*.html' | sugia ingest - ; sugia ingest --urls list.txt
      sugia ingest dumps/ --db postgresql://kb --dask tcp://scheduler:8786 --no-link && sugia link --db postgresql://kb
    """
    from ..ingest import IngestReport, StoreOnWorker
    from ..ingest import ingest as ingest_pages

    store = store_or_exit(db, create=True)
    need_input(paths, urls_file)
    show = sys.stderr.isatty() if progress is None else progress
    pipeline, read = default_pipeline(fingerprint=link), pages_of(paths, urls_file, max_bytes, allow_private)

    def told(page: Page, state: str) -> None:
        if state == "failed":
            report_failure(page)
        else:
            report_notes(page)

    if not link and store.path.startswith(("postgresql://", "postgres://")) and (dask or workers != 1):
        report = IngestReport()  # every worker a writer: pages and states come back from them
        for page, state in with_progress(executor(pipeline, workers, dask, then=StoreOnWorker(store.path))(read),
                                         show, "ingest"):
            report.count(page, state)
            told(page, state)
    else:
        report = ingest_pages(with_progress(executor(pipeline, workers, dask)(read), show, "ingest"), store, told,
                              link=link)
    _summary(store, report.summary())
    sys.exit(1 if report.failed else 0)


@main.command()
@db_option
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
def link(db: str | None, progress: bool | None) -> None:
    """Link the pages stored by `sugia ingest --no-link` across articles: reprint groups, people,
    organisations, places and events, oldest page first. One linker works at a time (a second
    waits); an interrupted run keeps what it linked, and a rerun finishes the job.

    \b
    Example:
      sugia link --db postgresql://user@host/kb
    """
    from ..ingest import Writer

    store = store_or_exit(db)
    pending = store.value("SELECT count(*) FROM unlinked")
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show and pending:
        from tqdm import tqdm

        bar = tqdm(total=pending, unit="page", file=sys.stderr, desc="link")
    linked = Writer(store).link_pending(bar.update if bar is not None else None)
    if bar is not None:
        bar.close()
    _summary(store, f"pages linked: {linked}")


def _summary(store: Store, done: str) -> None:
    """What was done, and what the base holds now (pages still to link said)."""
    from ..store import Queries

    counts = Queries(store).counts()
    waiting = f"; {counts['unlinked']} pages not linked yet (sugia link)" if counts["unlinked"] else ""
    click.echo(f"{done}; base: {counts['pages']} pages, {counts['entities']} entities, "
               f"{counts['events']} events, {counts['facts']} figures{waiting}", err=True)
