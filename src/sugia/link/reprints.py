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
    return mh.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """A stored signature's hash values (not a MinHash: building one costs 0.1 ms of
    permutations, and a lookup compares up to MAX_CANDIDATES signatures)."""
    return np.frombuffer(data, dtype=np.uint64)


def similarities(stored: list[bytes], values: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of each stored signature with `values`: the share of
    equal hash values (as datasketch's MinHash.jaccard), all in one array operation."""
    matrix = np.frombuffer(b"".join(stored), dtype=np.uint64).reshape(len(stored), len(values))
    return np.count_nonzero(matrix == values, axis=1) / len(values)


# LSH bands: datasketch's choice for THRESHOLD and NUM_PERM (14 bands of 4 rows), stored as
# rows (band, bucket, page) with an index, so the base itself is the index: nothing is built
# in memory when a base opens, and a lookup reads only the pages that share a bucket.
_LSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r


def buckets(values: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) of a signature's hash values: a 63-bit hash of each band's rows."""
    values = values.astype(np.uint64)
    return [(band, int.from_bytes(hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8)
                                  .digest(), "big") >> 1) for band in range(BANDS)]


class Fingerprint(Stage):
    """The body's signature, made where the pipeline runs (`sugia ingest` adds this stage):
    hashing a page's ~200 5-grams is a third of what storing it cost the single writer."""

    name = "fingerprint"
    requires = ("body",)
    assigns = ("signature",)

    def process(self, page: Page) -> Page:
        page.signature = to_bytes(signature(page.body))
        return page


def similar(store: Store, values: np.ndarray) -> list[tuple[int, float]]:
    """Stored pages whose estimated similarity reaches the threshold, most similar first. At
    most MAX_CANDIDATES are scored: a story reprinted thousands of times is one group
    already, and scoring every copy would make ingest quadratic."""
    keys = buckets(values)
    where = " OR ".join(["(band = ? AND bucket = ?)"] * len(keys))
    rows = store.rows(f"SELECT m.page_id, m.hashvalues FROM page_minhash m WHERE m.page_id IN"
                      f" (SELECT page_id FROM page_bands WHERE {where}"
                      f" UNION ALL SELECT page_id FROM page_bands_recent WHERE {where} LIMIT {MAX_CANDIDATES})",
                      [v for key in keys for v in key] * 2)
    if not rows:
        return []
    scores = similarities([bytes(r["hashvalues"]) for r in rows], values)
    return sorted(((r["page_id"], float(s)) for r, s in zip(rows, scores) if s >= THRESHOLD),
                  key=lambda x: (-x[1], x[0]))


# Bands go to page_bands_recent and move to page_bands, in bucket order, once the recent table
# holds this many pages' (schema.BANDS_TABLE): its leaves stay few enough that a batch of pages
# rewrites few of them, and a move rewrites each leaf of page_bands once. Timed alone (random
# buckets, batches of 1,000 pages), a page's bands cost 0.14 ms at a million pages so, against
# 0.29 written straight into page_bands (moves every 50,000 pages: 0.12 at 600,000, against 0.11).
RECENT_PAGES = 20_000


def settle_bands(store: Store, recent_pages: int = RECENT_PAGES) -> bool:
    """Move the recent bands into page_bands once there are `recent_pages` pages' worth (in
    the caller's transaction); whether they moved."""
    if store.value("SELECT count(*) FROM page_bands_recent") < recent_pages * BANDS:
        return False
    store.execute("INSERT INTO page_bands (band, bucket, page_id)"
                  " SELECT band, bucket, page_id FROM page_bands_recent ORDER BY band, bucket")
    store.execute("DELETE FROM page_bands_recent")
    return True


def index_missing_bands(store: Store) -> int:
    """Bands for signatures stored before bands were (a base made by an older sugia); the
    number of pages indexed. Run once by the writer; a no-op afterwards. Only pages stored
    before bands were lack them, and those are the oldest: when the oldest signature has its
    bands, none is missing (a lookup, not a scan of every page)."""
    oldest = store.value("SELECT min(page_id) FROM page_minhash")
    if oldest is None or _banded(store, oldest):
        return 0
    rows = store.rows("SELECT m.page_id, m.hashvalues FROM page_minhash m WHERE NOT EXISTS"
                      " (SELECT 1 FROM page_bands b WHERE b.page_id = m.page_id) AND NOT EXISTS"
                      " (SELECT 1 FROM page_bands_recent r WHERE r.page_id = m.page_id)")
    with store.transaction():
        for r in rows:
            _insert_bands(store, r["page_id"], from_bytes(bytes(r["hashvalues"])))
    return len(rows)


def _banded(store: Store, page_id: int) -> bool:
    return any(store.value(f"SELECT 1 FROM {table} WHERE page_id = ? LIMIT 1", (page_id,))
               for table in ("page_bands", "page_bands_recent"))


def _insert_bands(store: Store, page_id: int, values: np.ndarray) -> None:
    store.executemany("INSERT INTO page_bands_recent (band, bucket, page_id) VALUES (?, ?, ?)",
                      [(band, bucket, page_id) for band, bucket in buckets(values)])


def group(store: Store, page_id: int, body: str, signed: bytes | None = None) -> None:
    """Store the page's signature (`signed`, or made from `body`) and bands, and put it in
    the group of the most similar stored page (within the caller's transaction)."""
    signed = signed or to_bytes(signature(body))
    values = from_bytes(signed)
    found = similar(store, values)
    store.execute("INSERT INTO page_minhash VALUES (?, ?)", (page_id, signed))
    _insert_bands(store, page_id, values)
    if found:
        first = store.value("SELECT coalesce(reprint_group, id) FROM pages WHERE id = ?", (found[0][0],))
        store.execute("UPDATE pages SET reprint_group = ? WHERE id IN (?, ?)", (first, page_id, first))
