"""The knowledge base's persistence: everything `sugia extract` produces, kept in a database.

`open_store(db)` opens a SQLite file (default `./sugia.db` or `$SUGIA_DB`) or, given a
`postgresql://` URL, a PostgreSQL database; both are a `Store` (`base.py`). Rows are written
by `write.py`, read by `Queries` (`queries.py`) with one `SearchFilters` (`filters.py`).
"""
from __future__ import annotations

import os

from .base import Store
from .filters import SearchFilters
from .queries import EXPORT_TABLES, Queries
from .sqlite import SQLiteStore

__all__ = ["EXPORT_TABLES", "Queries", "SearchFilters", "Store", "default_db", "open_store"]


def default_db() -> str:
    return os.environ.get("SUGIA_DB", "sugia.db")


def open_store(db: str | None = None) -> Store:
    db = db or default_db()
    if db.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(db)
    return SQLiteStore(db)
