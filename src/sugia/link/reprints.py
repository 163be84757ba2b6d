"""Reprints and near-duplicates: MinHash signatures of each body's word 5-grams, grouped by
locality-sensitive hashing (datasketch). A page whose estimated Jaccard similarity with an
earlier page reaches THRESHOLD joins that page's group; the likely original is the earliest
published copy (a copy that credits another outlet is never preferred, see `store.queries`)."""
from __future__ import annotations

import re
from itertools import islice

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..lang.text import fold
from ..store import Store

NUM_PERM = 64
MAX_CANDIDATES = 50
SHINGLE = 5
# Reprints of one story share most 5-grams even when the outlet trims or re-heads it; two
# different stories on one event share few. 0.5 grouped every reprint in the examples and no
# two distinct stories.
THRESHOLD = 0.5


def signature(body: str) -> MinHash:
    words = re.findall(r"\w+", fold(body))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


SCHEME = MinHash(num_perm=NUM_PERM).scheme  # stored signatures come from this datasketch scheme


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class ReprintIndex:
    """The LSH index over the signatures already stored; built once per store from its table."""

    def __init__(self, rows):
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[int, MinHash] = {}
        for page_id, data in rows:
            self.insert(page_id, from_bytes(data))

    def insert(self, page_id: int, mh: MinHash) -> None:
        self.lsh.insert(str(page_id), mh)
        self.signatures[page_id] = mh

    def remove(self, page_id: int) -> None:
        if page_id in self.signatures:
            self.lsh.remove(str(page_id))
            del self.signatures[page_id]

    def similar(self, mh: MinHash) -> list[tuple[int, float]]:
        """Stored pages whose estimated similarity reaches the threshold, most similar first.
        At most MAX_CANDIDATES are scored: a story reprinted thousands of times is one group
        already, and scoring every copy would make ingest quadratic."""
        found = [(int(k), self.signatures[int(k)].jaccard(mh)) for k in islice(self.lsh.query(mh), MAX_CANDIDATES)]
        return sorted(((k, s) for k, s in found if s >= THRESHOLD), key=lambda x: -x[1])


def load_index(store: Store) -> ReprintIndex:
    """The index over every signature the base holds."""
    return ReprintIndex((r["page_id"], bytes(r["hashvalues"]))
                        for r in store.execute("SELECT page_id, hashvalues FROM page_minhash"))


def group(store: Store, index: ReprintIndex, page_id: int, body: str) -> MinHash:
    """Store the page's signature and put it in the group of the most similar stored page.
    Returns the signature, for the index once the page is committed (the index holds
    committed pages only)."""
    mh = signature(body)
    similar = index.similar(mh)
    store.execute("INSERT INTO page_minhash VALUES (?, ?)", (page_id, to_bytes(mh)))
    if similar:
        first = store.value("SELECT coalesce(reprint_group, id) FROM pages WHERE id = ?", (similar[0][0],))
        store.execute("UPDATE pages SET reprint_group = ? WHERE id IN (?, ?)", (first, page_id, first))
    return mh
