"""sugia at scale: build a base of N generated pages and print the storing cost per page as it
grows, the time to open it for writing, its size, and search latency per query class.

The pages are the project's example pages, run through the pipeline once and then varied
(`corpus.variants`: paragraphs sampled and shuffled, 30% of their words outside names
replaced from the project's lexicon so that each variant is a story of its own — see
`bench_corpus.py` — people renamed from a population of 20,000 with Zipf popularity, dates
2008-2026, the project's outlet list, filler paragraphs drawn by Zipf from the project's
lexicon and gazetteers, one page in ten a reprint), so mentions, posts, events and
participants are kept.

usage: python benchmarks/bench_scale.py --pages 100000 --db PATH|postgresql://... [--queries 100] [--extend N]
       python benchmarks/bench_scale.py --pages 10000 --pg      (a throwaway PostgreSQL cluster)
"""
from __future__ import annotations

import argparse
import itertools
import multiprocessing
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from corpus import ROOT, base_pages, people, variants

from sugia import Page
from sugia.ingest import BATCH_PAGES, Writer, ingest
from sugia.link.reprints import Fingerprint
from sugia.search import parse_query  # noqa: F401 - the search path's imports, warmed before timing
from sugia.store import Queries, SearchFilters, Store, open_store

CLASSES = {
    "rare name": people(20_000)[-4:],  # the least popular of the generated people
    "common word": ["hợp tác", "ASEAN", "Hà Nội", "kinh tế"],
    "phrase": ['"Hội nghị cấp cao"', '"Bộ Ngoại giao"', '"quan hệ hợp tác"', '"Đối tác Chiến lược"'],
    "no diacritics": ["Dang Minh Quan", "hop tac kinh te", "Bo Ngoai giao", "Ha Noi"],
}
FILTERED = [("hợp tác", SearchFilters(date_from="2020-01-01", date_to="2020-12-31")),
            ("ASEAN", SearchFilters(outlet="VnExpress")), ("Hà Nội", SearchFilters(date_from="2024-06-01"))]
CHECKPOINTS = (2_000, 10_000, 100_000, 1_000_000)
STRETCH = 10 * BATCH_PAGES  # pages stored by one timed ingest when extending a base


def percentiles(values: list[float]) -> str:
    values = sorted(values)
    return f"p50 {statistics.median(values):.1f} ms, p95 {values[int(0.95 * (len(values) - 1))]:.1f} ms"


def build(db: str, pages: int) -> None:
    """Store `pages` generated pages as `sugia ingest` does (batched commits, a savepoint per
    page), a stretch between checkpoints per call, so each stretch's pages are all committed
    when it is timed."""
    store = open_store(db)
    stream = generated(pages)
    stream = itertools.chain([next(stream)], stream)  # the generator's start (a process, the example pages extracted) is not timed
    start = time.perf_counter()
    done = 0
    for end in sorted({c for c in CHECKPOINTS if c < pages} | {pages}):
        last = time.perf_counter()
        ingest(itertools.islice(stream, end - done), store)
        now = time.perf_counter()
        print(f"  {end:>9} pages stored: {(now - last) / (end - done) * 1000:.2f} ms per page over the"
              f" last {end - done} ({end / (now - start):.0f} pages/s overall)", flush=True)
        done = end
    print(f"built in {(time.perf_counter() - start) / 60:.1f} min", flush=True)
    store.close()


def extend(db: str, pages: int) -> None:
    """Store `pages` more generated pages (new sources) into the base as it is: what storing
    costs a page at the base's size; then the first 2,000 pages of a new base in the same run,
    and the ratio of the two."""
    store = open_store(db)
    size = store.value("SELECT count(*) FROM pages")
    at_size = stored(store, made(pages, seed=size, prefix=f"extend-{size}/"))
    store.close()
    print(f"storing at {size} pages: {at_size:.2f} ms per page over the next {pages}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        small = open_store(str(Path(folder) / "small.db"))
        at_start = stored(small, made(CHECKPOINTS[0]))
        small.close()
    print(f"storing into a new base: {at_start:.2f} ms per page over the first {CHECKPOINTS[0]}"
          f" ({at_size / at_start:.2f}x)", flush=True)


def stored(store: Store, stream: Iterator[Page]) -> float:
    """Milliseconds per page to store the stream, STRETCH pages at a time (one `ingest` each,
    as `sugia ingest` of so many pages: batches of `ingest.BATCH_PAGES`, checkpoints beside
    them), each stretch made before its clock starts and stored with nothing else running:
    what is timed is the writer alone. (Streamed from the generator's process, a 2,000-page
    base waited for its one batch to be made, and at a million pages the writer shared the two
    cores with it.)"""
    spent = 0.0
    count = 0
    while batch := list(itertools.islice(stream, STRETCH)):
        start = time.perf_counter()
        ingest(batch, store)
        spent += time.perf_counter() - start
        count += len(batch)
    return spent / count * 1000


def generated(pages: int, seed: int = 0, prefix: str = "") -> Iterator[Page]:
    """The generated pages, made in a process of their own (as `ingest --workers` extracts in
    others), for the build: its time is the whole run's."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue(maxsize=20)
    producer = context.Process(target=_produce, args=(queue, pages, seed, prefix), daemon=True)
    producer.start()
    while (chunk := queue.get()) is not None:
        yield from chunk
    producer.join()


def made(pages: int, seed: int = 0, prefix: str = "") -> Iterator[Page]:
    """The generated pages with their reprint signatures (as `ingest --workers` makes them on
    the workers), their sources after `prefix`."""
    fingerprint = Fingerprint()
    for page in variants(base_pages([ROOT / "examples" / "pages"]), pages, seed):
        page.source = prefix + page.source
        yield fingerprint(page)


def _produce(queue: multiprocessing.Queue, pages: int, seed: int, prefix: str) -> None:
    chunk: list[Page] = []
    for page in made(pages, seed, prefix):
        chunk.append(page)
        if len(chunk) == 200:
            queue.put(chunk)
            chunk = []
    queue.put(chunk)
    queue.put(None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--db", help="a SQLite file (built when missing) or a postgresql:// URL")
    parser.add_argument("--pg", action="store_true", help="build into a throwaway PostgreSQL cluster (tests/pgcluster.py)")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--extend", type=int, default=0, metavar="N",
                        help="store N more pages into the base as it is and print their cost per page (the cost at its size),"
                             " beside the first 2,000 of a new base stored in the same run (200,000 pages hold a full"
                             " cycle of the reprint index's levels, so their cost per page is the amortized one)")
    args = parser.parse_args()
    cluster = None
    if args.pg:
        import sys

        sys.path.insert(0, str(ROOT / "tests"))
        from pgcluster import Cluster

        cluster = Cluster()
        args.db = cluster.new_database()
    elif not args.db:
        parser.error("--db or --pg is needed")
    try:
        measure(args)
    finally:
        if cluster is not None:
            cluster.stop()


def measure(args: argparse.Namespace) -> None:
    postgres = args.db.startswith("postgresql://")
    if postgres or not Path(args.db).exists():
        print(f"building {args.pages} pages into {'PostgreSQL' if postgres else args.db}", flush=True)
        build(args.db, args.pages)
    if args.extend:
        extend(args.db, args.extend)
    start = time.perf_counter()
    store = open_store(args.db)
    writer = Writer(store)
    writer._bands()
    print(f"open for writing: {time.perf_counter() - start:.2f} s", flush=True)
    pages = store.value("SELECT count(*) FROM pages")
    size = store.value("SELECT pg_database_size(current_database())") if postgres else Path(args.db).stat().st_size
    print(f"base: {pages} pages, {size / 1e6:.0f} MB ({size / pages * 1000 / 1e6:.1f} MB per 1,000 pages)")
    base = Queries(store)
    for name, queries in CLASSES.items():
        times = []
        for n in range(args.queries):
            t = time.perf_counter()
            base.search(queries[n % len(queries)], limit=20)
            times.append((time.perf_counter() - t) * 1000)
        print(f"search, {name}: {percentiles(times)}", flush=True)
    times = []
    for n in range(args.queries):
        query, chosen = FILTERED[n % len(FILTERED)]
        t = time.perf_counter()
        base.search(query, chosen, limit=20)
        times.append((time.perf_counter() - t) * 1000)
    print(f"search, filtered (dates, outlet): {percentiles(times)}", flush=True)


if __name__ == "__main__":
    main()
