"""A transaction that only moves rows within the base (SQLite): foreign keys go unchecked in it
alone, an error undoes it, and inside another transaction keys stay checked as there."""
import sqlite3

import pytest

from sugia.store.sqlite import SQLiteStore

ORPHAN = "INSERT INTO page_bands_middle (bucket, page_id) VALUES (2, 99)"  # no page 99


def keys_checked(store: SQLiteStore) -> bool:
    return bool(store.value("PRAGMA foreign_keys"))


def test_moving_checks_no_key_within_and_every_key_after(tmp_path):
    store = SQLiteStore(tmp_path / "kb.db")
    with store.moving():
        assert not keys_checked(store)
        store.execute(ORPHAN)
    assert keys_checked(store) and store.value("SELECT count(*) FROM page_bands_middle") == 1
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.execute(ORPHAN)


def test_moving_undone_by_an_error(tmp_path):
    store = SQLiteStore(tmp_path / "kb.db")
    with pytest.raises(ZeroDivisionError), store.moving():
        store.execute(ORPHAN)
        1 / 0
    assert keys_checked(store) and store.value("SELECT count(*) FROM page_bands_middle") == 0


def test_moving_within_a_transaction_checks_keys_as_there(tmp_path):
    store = SQLiteStore(tmp_path / "kb.db")
    with pytest.raises(sqlite3.IntegrityError), store.transaction(), store.moving():
        assert keys_checked(store)
        store.execute(ORPHAN)
