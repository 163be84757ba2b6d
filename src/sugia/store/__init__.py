"""The knowledge base: everything `sugia extract` produces, kept and linked across articles.

`open_store(db)` opens a SQLite file (default `./sugia.db` or `$SUGIA_DB`) or, given a
`postgresql://` URL, a PostgreSQL database; both are a `Store` with the same methods.
"""
from __future__ import annotations

import os

from .base import Store
from .sqlite import SQLiteStore

EXPORT_TABLES = ("pages", "entities", "aliases", "mentions", "posts", "events", "event_sources", "event_participants",
                 "facts", "failures")


def default_db() -> str:
    return os.environ.get("SUGIA_DB", "sugia.db")


def open_store(db: str | None = None) -> Store:
    db = db or default_db()
    if db.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(db)
    return SQLiteStore(db)
