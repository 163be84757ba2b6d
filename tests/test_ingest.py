"""The ingest service on both backends (a real SQLite file and a throwaway PostgreSQL
cluster): storing the same pages again changes nothing, a changed page is replaced whole, an
ingest killed with kill -9 leaves whole pages only and a rerun finishes it; reprint bands move
under the linking lock."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import BACKENDS, EXAMPLES, new_db

from sugia import extract
from sugia.ingest import Writer, ingest
from sugia.store import Queries, open_store


def snapshot(db: str) -> dict:
    """Rows per table, and the pages the full-text index holds, read by a separate connection."""
    store = open_store(db)
    tables = ["pages", "entities", "aliases", "mentions", "posts", "events", "event_sources", "facts"]
    out = {t: store.value(f"SELECT count(*) FROM {t}") for t in tables}
    out["fts"] = store.value("SELECT count(*) FROM pages_fts" if db.endswith(".db") else
                             "SELECT count(*) FROM pages WHERE tsv IS NOT NULL")
    store.close()
    return out


def test_ingest_second_time_changes_nothing(base):
    before = snapshot(base.store.path)
    writer = Writer(base.store)
    assert {writer.add(page) for page in extract([str(EXAMPLES / "pages")])} == {"unchanged"}
    assert snapshot(base.store.path) == before


@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_changed_page_is_replaced_whole(backend, request, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Bộ trưởng tiếp Đại sứ\nNgày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao Lê Gia Bảo đã tiếp Đại sứ Nhật Bản.\n",
                    encoding="utf-8")
    store = open_store(new_db(backend, request, tmp_path))
    writer = Writer(store)
    assert [writer.add(p) for p in extract([str(page)])] == ["new"]
    page.write_text(page.read_text(encoding="utf-8") + "Hai bên nhất trí tăng cường hợp tác kinh tế và giáo dục.\n",
                    encoding="utf-8")
    assert [writer.add(p) for p in extract([str(page)])] == ["changed"]
    assert Queries(store).counts()["pages"] == 1 and len(Queries(store).search("giao duc")) == 1



@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_a_page_changed_within_one_batch_is_indexed_once_as_it_is_last(backend, request, tmp_path):
    """A batch indexes its pages at its end; a page replaced before then (the same source read
    twice in one batch) leaves the index only its last text."""
    page = tmp_path / "p.txt"
    texts = ["Bộ trưởng tiếp Đại sứ\nNgày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ, bàn về du lịch.\n",
             "Bộ trưởng tiếp Đại sứ\nNgày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ, bàn về giáo dục.\n"]
    pages = []
    for text in texts:
        page.write_text(text, encoding="utf-8")
        pages += extract([str(page)])
    store = open_store(new_db(backend, request, tmp_path))
    report = ingest(pages, store)
    assert (report.new, report.changed) == (1, 1)
    found = Queries(store)
    assert len(found.search("giao duc")) == 1 and found.search("du lich") == []
    if backend == "sqlite":  # the index Datasette reads checks itself against the pages
        store.execute("INSERT INTO pages_fts(pages_fts) VALUES ('integrity-check')")

@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_survives_kill_9_and_rerun_finishes(backend, request, tmp_path):
    db = new_db(backend, request, tmp_path)
    open_store(db).close()  # the schema exists before the ingest starts, so progress can be polled
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(150):  # enough pages that the kill lands mid-ingest
        for file in (EXAMPLES / "pages").iterdir():
            (pages / f"{n:03d}_{file.name}").write_bytes(file.read_bytes())
    command = [sys.executable, "-m", "sugia.cli", "ingest", str(pages), "--db", db, "--no-progress"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and snapshot(db)["pages"] < 50:
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = snapshot(db)
    assert 0 < partial["pages"] < 150 * 27
    assert partial["fts"] == partial["pages"]  # every stored page is searchable: no half pages
    if backend == "sqlite":  # PostgreSQL checks its own constraints; SQLite is asked
        check = sqlite3.connect(db)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []
        check.close()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    assert snapshot(db)["pages"] == 150 * 27


def test_ingest_report_counts_every_page_and_keeps_failures(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Bộ trưởng tiếp Đại sứ\nNgày 5/3, Bộ trưởng Ngoại giao Lê Gia Bảo đã tiếp Đại sứ Nhật Bản.\n",
                    encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    store = open_store(str(tmp_path / "kb.db"))
    told = []
    report = ingest(extract([str(tmp_path / "good.txt"), str(tmp_path / "empty.txt")]), store,
                    lambda page, state: told.append(state))
    assert (report.pages, report.new, told) == (2, 1, ["new", "failed"])
    assert report.failed[0]["source"].endswith("empty.txt") and report.failed[0]["stage"] == "decode"
    assert store.value("SELECT count(*) FROM failures") == 1
    assert report.summary() == "pages: 1 new, 0 changed, 0 unchanged, 1 failed"


def test_ingest_two_ingesters_of_one_base_serialise(tmp_path):
    """Two processes storing the same pages into one SQLite file at once: both finish, each page once."""
    db = str(tmp_path / "kb.db")
    sugia = os.path.join(os.path.dirname(sys.executable), "sugia")
    command = [sugia, "ingest", str(EXAMPLES / "pages"), "--db", db]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=300)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT count(*), count(DISTINCT source) FROM pages").fetchone() == (27, 27)
        assert check.execute("SELECT count(*) FROM events e WHERE NOT EXISTS"
                             " (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)").fetchone() == (0,)


@pytest.mark.parametrize("backend", BACKENDS)
def test_ingest_a_page_rolled_back_inside_a_batch_leaves_the_others(backend, request, tmp_path):
    """Pages are committed in batches, each in a savepoint: one page's rollback keeps the rest."""
    store = open_store(new_db(backend, request, tmp_path))
    with store.transaction():
        store.execute("INSERT INTO failures VALUES ('a', 'decode', 'x', 'now')")
        with pytest.raises(ZeroDivisionError), store.transaction():
            store.execute("INSERT INTO failures VALUES ('b', 'decode', 'x', 'now')")
            1 / 0
        store.execute("INSERT INTO failures VALUES ('c', 'decode', 'x', 'now')")
    assert [r["source"] for r in store.rows("SELECT source FROM failures ORDER BY source")] == ["a", "c"]


def test_ingest_commits_in_batches_and_tells_progress_after_each(tmp_path, monkeypatch):
    """Progress is told of a page once its batch is committed: what it reports is in the base."""
    import sugia.ingest

    monkeypatch.setattr(sugia.ingest, "BATCH_PAGES", 10)
    monkeypatch.setattr(sugia.ingest, "BATCH_SECONDS", 600)
    db = str(tmp_path / "kb.db")
    store = open_store(db)
    stored_when_told = []
    ingest(extract([str(EXAMPLES / "pages")]), store,
           lambda page, state: stored_when_told.append(sqlite3.connect(db).execute("SELECT count(*) FROM pages")
                                                       .fetchone()[0]))
    assert stored_when_told == [10] * 10 + [20] * 10 + [27] * 7


def linked_facts(store) -> dict[str, list]:
    """What linking decides, by names and sources (not ids): comparable across bases."""
    def rows(sql: str) -> list:
        return sorted(tuple(r.values()) for r in store.rows(sql))

    return {
        "entities": rows("SELECT type, key, name FROM entities"),
        "mentions": rows("SELECT p.source, e.key, m.start FROM mentions m JOIN pages p ON p.id = m.page_id"
                         " JOIN entities e ON e.id = m.entity_id"),
        "posts": rows("SELECT p.source, e.key, s.title FROM posts s JOIN pages p ON p.id = s.page_id"
                      " JOIN entities e ON e.id = s.person_id"),
        "events": rows('SELECT kind, name, start, "end" FROM events'),
        "reports": rows("SELECT e.name, p.source FROM event_sources s JOIN events e ON e.id = s.event_id"
                        " JOIN pages p ON p.id = s.page_id"),
        "participants": rows("SELECT e.name, n.key FROM event_participants x JOIN events e ON e.id = x.event_id"
                             " JOIN entities n ON n.id = x.entity_id"),
        "reprints": rows("SELECT p.source, g.source FROM pages p JOIN pages g ON g.id = p.reprint_group"),
        "figures": rows("SELECT p.source, f.value FROM facts f JOIN pages p ON p.id = f.page_id"),
    }


@pytest.fixture(scope="module")
def linked_in_one_process(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("one") / "kb.db"))
    ingest(extract([str(EXAMPLES / "pages")]), store)
    return linked_facts(store)


def test_ingest_without_linking_then_link_gives_the_linked_base(tmp_path, linked_in_one_process):
    """`ingest --no-link` stores pages and figures only; `sugia link` then makes the base one
    linking ingest makes, and a second run has nothing to do."""
    from click.testing import CliRunner

    from sugia.cli import main

    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    stored = runner.invoke(main, ["ingest", str(EXAMPLES / "pages"), "--db", db, "--workers", "1", "--no-link"])
    assert stored.exit_code == 0 and "27 pages not linked yet (sugia link)" in stored.output
    assert open_store(db).value("SELECT count(*) FROM entities") == 0
    linked = runner.invoke(main, ["link", "--db", db])
    assert linked.exit_code == 0 and "pages linked: 27;" in linked.output and "not linked" not in linked.output
    assert linked_facts(open_store(db)) == linked_in_one_process
    assert "pages linked: 0;" in runner.invoke(main, ["link", "--db", db]).output


@pytest.mark.slow
def test_ingest_dask_workers_store_into_postgresql_and_link_after(postgres, linked_in_one_process):
    """The path for teams: two Dask workers (a LocalCluster) each store their pages into one
    PostgreSQL base, then `sugia link` links them: the base one process makes."""
    pytest.importorskip("dask.distributed", reason="Dask is not installed: pip install -e '.[dask]'")
    from click.testing import CliRunner

    import sugia.ingest
    from sugia.cli import main

    db = postgres.new_database()
    runner = CliRunner()
    stored = runner.invoke(main, ["ingest", str(EXAMPLES / "pages"), "--db", db, "--dask", "local", "--workers", "2",
                                  "--no-link", "--no-progress"])
    assert stored.exit_code == 0, stored.output
    assert "pages: 27 new" in stored.output and "27 pages not linked yet" in stored.output
    assert sugia.ingest._stores == {}  # this process stored nothing: the workers wrote the pages
    linked = runner.invoke(main, ["link", "--db", db])
    assert linked.exit_code == 0 and "pages linked: 27;" in linked.output, linked.output
    assert linked_facts(open_store(db)) == linked_in_one_process


def test_ingest_moves_reprint_bands_holding_the_linking_lock(postgres, monkeypatch):
    """Bands move in a transaction of their own after a batch: on PostgreSQL it takes the
    linking lock as every write of bands does, or two linkers' moves would copy them twice."""
    import sugia.ingest
    import sugia.link.reprints
    from sugia.link.reprints import settle_bands

    held = []

    def settle(store):
        held.append(store.value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                                " AND pid = pg_backend_pid()"))
        return settle_bands(store)

    monkeypatch.setattr(sugia.link.reprints, "RECENT_PAGES", 1)
    monkeypatch.setattr(sugia.ingest, "settle_bands", settle)
    ingest(extract([str(EXAMPLES)]), open_store(postgres.new_database()))
    assert held and all(held)
