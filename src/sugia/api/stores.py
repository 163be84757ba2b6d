"""One store connection per server thread: SQLite connections belong to the thread that
opened them, and a PostgreSQL connection serves one query at a time."""
from __future__ import annotations

import threading

from ..store import Queries, Store, open_store


class Stores:
    def __init__(self, db: str):
        self.db = db
        self._local = threading.local()
        open_store(db).close()  # fail at start-up, not at the first request, if the base cannot open

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db)
        return store

    def queries(self) -> Queries:
        """The read side over the connection of whichever thread runs the query: FastAPI may
        resolve a dependency in one worker thread and run the endpoint in another."""
        return Queries(_ThreadStore(self))  # type: ignore[arg-type]


class _ThreadStore:
    """A store that is, at each use, the calling thread's own connection."""

    def __init__(self, stores: Stores):
        self._stores = stores

    def __getattr__(self, name: str):
        return getattr(self._stores.get(), name)
