"""Checkpoints beside the writer (SQLite): during an ingest the writer's commits only append to
the log and a thread copies them into the base; the log stays bounded; a thread that fails
hands checkpoints back to the writer, and nothing is lost."""
import logging
import os
import sqlite3

import pytest

from sugia.store import sqlite as backend
from sugia.store.sqlite import SQLiteStore

COMMITS = 8
REASON = "x" * 200_000  # ~50 pages of the base per commit


def commit(store: SQLiteStore, n: int) -> None:
    with store.transaction():
        store.execute("INSERT INTO failures VALUES (?, 'read', ?, 'now')", (f"page-{n}", REASON))


def autocheckpoint(store: SQLiteStore) -> int:
    return store.value("PRAGMA wal_autocheckpoint")


def test_checkpoints_aside_copy_the_writers_commits_into_the_base(tmp_path):
    store = SQLiteStore(tmp_path / "kb.db")
    before = os.path.getsize(store.path)
    with store.checkpoints_aside():
        assert autocheckpoint(store) == 0  # the writer only appends to the log
        for n in range(COMMITS):
            commit(store, n)
    assert autocheckpoint(store) == backend.WAL_AUTOCHECKPOINT
    assert os.path.getsize(store.path) > before + COMMITS * len(REASON)  # copied by the thread
    with sqlite3.connect(store.path) as other:
        assert other.execute("SELECT count(*) FROM failures").fetchone()[0] == COMMITS


def test_checkpoints_aside_keep_the_log_bounded(tmp_path, monkeypatch):
    """From WAL_PAGES on the writer waits for the thread after a commit, so the next transaction
    starts the log again: it never holds more than about two commits."""
    monkeypatch.setattr(backend, "WAL_PAGES", 1)
    store = SQLiteStore(tmp_path / "kb.db")
    with store.checkpoints_aside():
        for n in range(COMMITS):
            commit(store, n)
    assert os.path.getsize(store.path + "-wal") < 3 * len(REASON) * 1.2


def test_checkpoints_aside_wait_for_no_copy_after_a_transaction_that_changed_nothing(tmp_path, monkeypatch):
    """A commit whose copy is still undone at the next makes the writer wait; a transaction
    that only read (a count after a batch) committed nothing to copy, so the thread is not
    asked for one and the writer's next commit finds none undone."""
    store = SQLiteStore(tmp_path / "kb.db")
    nudges = []
    monkeypatch.setattr(backend.Checkpointer, "nudge", lambda self: nudges.append(1))
    with store.checkpoints_aside():
        commit(store, 0)
        with store.transaction():
            store.value("SELECT count(*) FROM failures")
        monkeypatch.undo()
    assert len(nudges) == 1


def test_checkpoints_aside_fall_back_to_the_writer_when_the_thread_fails(tmp_path, monkeypatch, caplog):
    def refused(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    store = SQLiteStore(tmp_path / "kb.db")
    monkeypatch.setattr(backend.Checkpointer, "_connect", staticmethod(refused))
    with caplog.at_level(logging.WARNING), store.checkpoints_aside():
        for n in range(COMMITS):
            commit(store, n)
        assert autocheckpoint(store) == backend.WAL_AUTOCHECKPOINT  # given back at the first commit after
    assert "the writer checkpoints itself" in caplog.text
    assert store.value("SELECT count(*) FROM failures") == COMMITS


@pytest.mark.parametrize("nested", [1, 2])
def test_checkpoints_aside_nest_within_one_thread(tmp_path, nested):
    store = SQLiteStore(tmp_path / "kb.db")
    with store.checkpoints_aside():
        if nested == 2:
            with store.checkpoints_aside():
                commit(store, 0)
            assert autocheckpoint(store) == 0  # still the outer ingest's
        commit(store, 1)
    assert autocheckpoint(store) == backend.WAL_AUTOCHECKPOINT
