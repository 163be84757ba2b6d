"""The knowledge base: everything `sugia extract` produces, kept and linked across articles.

`open_store(db)` opens a SQLite file (default `./sugia.db` or `$SUGIA_DB`); a
`postgresql://` URL is for the PostgreSQL backend.
"""
from __future__ import annotations

import os

from ..errors import UsageError
from .sqlite import SQLiteStore

EXPORT_TABLES = ("pages", "entities", "aliases", "mentions", "posts", "events", "event_sources", "event_participants",
                 "facts", "failures")


def default_db() -> str:
    return os.environ.get("SUGIA_DB", "sugia.db")


def open_store(db: str | None = None) -> SQLiteStore:
    db = db or default_db()
    if db.startswith(("postgresql://", "postgres://")):
        raise UsageError("the PostgreSQL backend is not built yet: use a SQLite file path for --db")
    return SQLiteStore(db)
