"""Reprints and near-duplicates: MinHash signatures of each body's word 5-grams, grouped by
locality-sensitive hashing (datasketch's banding, kept in the base as indexed rows). A page
whose estimated Jaccard similarity with an earlier page reaches THRESHOLD joins that page's
group; the likely original is the earliest published copy (a copy that credits another outlet
is never preferred, see `store.queries`)."""
from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..lang.text import fold
from ..page import Page
from ..pipeline import Stage
from ..store import Store

NUM_PERM = 64
MAX_CANDIDATES = 50
SHINGLE = 5
# Reprints of one story share most 5-grams even when the outlet trims or re-heads it; two
# different stories on one event share few. 0.5 grouped every reprint in the examples and no
# two distinct stories.
THRESHOLD = 0.5


_SCHEME = MinHash(num_perm=NUM_PERM)  # the permutations drawn once, not per page (0.16 ms each)


def signature(body: str) -> MinHash:
    words = re.findall(r"\w+", fold(body))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, permutations=_SCHEME.permutations, scheme=_SCHEME.scheme)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def to_bytes(mh: MinHash) -> bytes:
    """The hash values as 32-bit integers, as a page carries them from the pipeline to the
    writer (`Page.signature`): datasketch's values are below 2**32 (its hashes are masked to 32
    bits), so half the 64-bit array's bytes say the same."""
    return mh.hashvalues.astype(np.uint32).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """A signature's hash values (not a MinHash: building one costs 0.1 ms of permutations),
    from the 32-bit integers or, as an older sugia stored them, the 64-bit ones."""
    return np.frombuffer(data, dtype=_WIDTHS[len(data)]).astype(np.uint64)


def kept(signed: bytes) -> bytes:
    """What the base keeps of a signature: each hash value's lowest 8 bits (b-bit MinHash, Li
    and König 2010), enough to estimate a similarity, not to band it (bands are stored with
    it; the body is there to sign again). At 1.75 million pages a lookup's ~30 candidates,
    each read at random, took 0.17 ms from 8-bit signatures against 0.21 from 32-bit ones: the
    table is a quarter of the size, so more of it stays in the cache."""
    return (np.frombuffer(signed, dtype=_WIDTHS[len(signed)]) & 0xFF).astype(np.uint8).tobytes()


_WIDTHS: dict[int, type[np.unsignedinteger]] = {NUM_PERM: np.uint8, 4 * NUM_PERM: np.uint32, 8 * NUM_PERM: np.uint64}


def similarities(stored: list[bytes], values: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of each stored signature with the hash `values`: the share
    of equal values, as datasketch's MinHash.jaccard; the signatures of one width in one array
    operation (7 us for 50, 72 one by one). Two different values share their low 8 bits one
    time in 256, which leaves the share of a pair at the threshold as it is seven times in
    eight; taking those chance matches out of the estimate instead moved every pair with
    exactly half its values equal below the threshold."""
    scores = np.empty(len(stored))
    for size in {len(data) for data in stored}:
        rows = [i for i, data in enumerate(stored) if len(data) == size]
        width = _WIDTHS[size]
        matrix = np.frombuffer(b"".join(stored[i] for i in rows), dtype=width).reshape(len(rows), NUM_PERM)
        scores[rows] = np.count_nonzero(matrix == values.astype(width), axis=1) / NUM_PERM
    return scores


# LSH bands: datasketch's choice for THRESHOLD and NUM_PERM (14 bands of 4 rows), stored as
# rows (bucket, page) keyed by bucket, so the base itself is the index: nothing is built in
# memory when a base opens, and a lookup reads only the pages that share a bucket.
_LSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r


def buckets(values: np.ndarray) -> list[int]:
    """A signature's bucket in each band: the band in the high bits, the top 32 bits of a hash of
    the band's rows below (a 64-bit hash as older bases kept it, upgrades.bands_keyed). Two
    bands of different signatures share a bucket by chance one time in 4 billion: at a million
    pages one lookup in ~300 scores a page it need not."""
    values = values.astype(np.uint64)
    return [band << 32 | int.from_bytes(hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(),
                                                        digest_size=8).digest()[:4], "big") for band in range(BANDS)]


class Fingerprint(Stage):
    """The body's signature, made where the pipeline runs (`sugia ingest` adds this stage):
    hashing a page's ~200 5-grams is a third of what storing it cost the single writer."""

    name = "fingerprint"
    requires = ("body",)
    assigns = ("signature",)

    def process(self, page: Page) -> Page:
        page.signature = to_bytes(signature(page.body))
        return page


# A page's bands go to the smallest of these tables, and move a table down, in bucket order,
# once it holds RECENT_PAGES pages' worth times GROWTH to the power of its level (as an
# LSM-tree's levels): a batch of pages rewrites few leaves of the small recent table, and a move
# rewrites each leaf of the table it enters once. With two tables every move (20,000 pages)
# rewrote the whole index: 400 MB at a million pages, ~0.2 ms a page stored; with a middle
# table the whole index is rewritten every 200,000 pages (upgrades.bands_keyed).
LEVELS = ("page_bands_recent", "page_bands_middle", "page_bands")
RECENT_PAGES = 20_000
GROWTH = 10


def similar(store: Store, values: np.ndarray) -> list[tuple[int, float]]:
    """Stored pages whose estimated similarity reaches the threshold, most similar first. At
    most MAX_CANDIDATES are scored, the recent pages' first (a reprint follows its story within
    days, and their signatures are the likeliest in memory): a story reprinted thousands of
    times is one group already, and scoring every copy would make ingest quadratic."""
    keys = buckets(values)
    marks = ", ".join("?" * len(keys))
    levels = " UNION ALL ".join(f"SELECT page_id FROM {table} WHERE bucket IN ({marks})" for table in LEVELS)
    rows = store.tuples(f"SELECT m.page_id, m.hashvalues FROM page_minhash m WHERE m.page_id IN"
                        f" ({levels} LIMIT {MAX_CANDIDATES})", keys * len(LEVELS))
    if not rows:
        return []
    scores = similarities([bytes(hashvalues) for _, hashvalues in rows], values)
    return sorted(((page_id, float(s)) for (page_id, _), s in zip(rows, scores) if s >= THRESHOLD),
                  key=lambda x: (-x[1], x[0]))


def settle_bands(store: Store, recent_pages: int | None = None) -> bool:
    """Move each band table that is full into the next (in the caller's transaction); whether
    any moved. A level fills only when the one above moves into it, so the first that is not
    full ends the check."""
    moved = False
    for level, (table, below) in enumerate(zip(LEVELS, LEVELS[1:])):
        if not _full(store, level, recent_pages):
            break
        store.execute(f"INSERT INTO {below} (bucket, page_id) SELECT bucket, page_id FROM {table} ORDER BY bucket, page_id")
        store.execute(f"DELETE FROM {table}")
        moved = True
    return moved


def bands_due(store: Store, recent_pages: int | None = None) -> bool:
    """Whether the recent bands are due to move (`settle_bands` would move some)."""
    return _full(store, 0, recent_pages)


def _full(store: Store, level: int, recent_pages: int | None) -> bool:
    """Whether the band table of `level` holds its RECENT_PAGES * GROWTH**level pages' worth."""
    full = (RECENT_PAGES if recent_pages is None else recent_pages) * GROWTH**level * BANDS
    return store.value(f"SELECT count(*) FROM {LEVELS[level]}") >= full


def index_missing_bands(store: Store) -> int:
    """Bands for signatures stored before bands were (a base made by an older sugia); the
    number of pages indexed. Run once by the writer; a no-op afterwards. Only pages stored
    before bands were lack them, and those are the oldest: when the oldest signature has its
    bands, none is missing (a lookup, not a scan of every page). Each body is signed again
    (the base keeps only part of a signature, `kept`)."""
    oldest = store.value("SELECT min(page_id) FROM page_minhash")
    if oldest is None or _banded(store, oldest):
        return 0
    banded = " AND ".join(f"NOT EXISTS (SELECT 1 FROM {table} b WHERE b.page_id = m.page_id)" for table in LEVELS)
    rows = store.rows(f"SELECT m.page_id, p.body FROM page_minhash m JOIN pages p ON p.id = m.page_id WHERE {banded}")
    with store.transaction():
        for r in rows:
            _insert_bands(store, r["page_id"], signature(r["body"]).hashvalues)
    return len(rows)


def _banded(store: Store, page_id: int) -> bool:
    return any(store.value(f"SELECT 1 FROM {table} WHERE page_id = ? LIMIT 1", (page_id,))
               for table in LEVELS)


def _insert_bands(store: Store, page_id: int, values: np.ndarray) -> None:
    store.executemany(f"INSERT INTO {LEVELS[0]} (bucket, page_id) VALUES (?, ?)",
                      [(bucket, page_id) for bucket in buckets(values)])


def group(store: Store, page_id: int, body: str, signed: bytes | None = None) -> None:
    """Store the page's signature (`signed`, or made from `body`) and bands, and put it in
    the group of the most similar stored page (within the caller's transaction)."""
    signed = signed or to_bytes(signature(body))
    values = from_bytes(signed)
    found = similar(store, values)
    store.execute("INSERT INTO page_minhash VALUES (?, ?)", (page_id, kept(signed)))
    _insert_bands(store, page_id, values)
    if found:
        first = store.value("SELECT coalesce(reprint_group, id) FROM pages WHERE id = ?", (found[0][0],))
        # A row is rewritten whole (~10 KB with its raw page and text): the group's first page is
        # only when it joins the group, not again with every copy of a story reprinted many times.
        store.execute("UPDATE pages SET reprint_group = ? WHERE id IN (?, ?) AND (reprint_group IS NULL"
                      " OR reprint_group != ?)", (first, page_id, first, first))
