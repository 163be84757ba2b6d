"""Checkpoints beside a SQLite writer. In WAL mode a commit appends the changed pages to the
log, and a checkpoint copies them into the base file, pages all over a large file, then flushes
it to disk. Run by the writer (SQLite's default, after any commit that leaves the log over 1,000
pages), every batch of a bulk ingest waited for that copy: at a million pages ~0.2 ms of each
page's storing. A thread with a connection of its own copies them while the writer goes on.
"""
from __future__ import annotations

import sqlite3
import threading


class Checkpointer:
    """Copies committed pages from the log into the base whenever `nudge`d, in a thread of its
    own; a checkpoint that fails is kept in `failure` and ends the thread (the writer then
    checkpoints itself, `SQLiteStore.checkpoints_aside`)."""

    def __init__(self, path: str, busy_seconds: float):
        self.path = path
        self.busy_seconds = busy_seconds
        self.failure: sqlite3.Error | None = None
        self.log_pages = 0  # pages in the log at the last checkpoint (it starts again once all are copied)
        self._changed = threading.Condition()
        self._asked = self._done = 0  # nudges given, and the last one a finished checkpoint answered
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="sugia-checkpoints", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Pages were committed: copy them once the thread is free."""
        with self._changed:
            self._asked += 1
            self._changed.notify_all()

    def behind(self) -> int:
        """Nudges not yet answered by a finished checkpoint."""
        with self._changed:
            return self._asked - self._done

    def wait(self) -> None:
        """Until the pages committed before the last nudge are copied (or the thread failed)."""
        with self._changed:
            asked = self._asked
            while self._done < asked and self.failure is None and self._thread.is_alive():
                self._changed.wait(0.1)

    def stop(self) -> None:
        """Copy what is left, and end the thread."""
        with self._changed:
            self._stopping = True
        self.nudge()
        self._thread.join()

    _connect = staticmethod(sqlite3.connect)

    def _run(self) -> None:
        db = None
        try:
            db = self._connect(self.path, timeout=self.busy_seconds, isolation_level=None)
            while True:
                with self._changed:
                    while self._done == self._asked:
                        self._changed.wait()
                    asked, last = self._asked, self._stopping
                # PASSIVE: copies what no reader still needs and never waits for the writer.
                _, self.log_pages, _ = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                with self._changed:
                    self._done = asked
                    self._changed.notify_all()
                if last:
                    return
        except sqlite3.Error as exc:
            self.failure = exc
        finally:
            if db is not None:
                db.close()
