"""The knowledge base: idempotent ingest, consistency after kill -9, cross-article identity,
search, listings — on the project's example pages, each test run against a real SQLite file
and a real PostgreSQL database (a throwaway cluster, see pgcluster.py)."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, example_base

from sugia import extract
from sugia.cli import main
from sugia.errors import UsageError
from sugia.ingest import Writer, ingest
from sugia.store import Queries, SearchFilters, open_store

BACKENDS = ["sqlite", "postgresql"]


def new_db(backend: str, request, tmp_path) -> str:
    """Where a new, empty knowledge base goes: a file path or a database URL."""
    if backend == "postgresql":
        return request.getfixturevalue("postgres").new_database()
    return str(tmp_path / f"kb-{len(list(tmp_path.iterdir()))}.db")


@pytest.fixture(scope="module", params=BACKENDS)
def base(request, tmp_path_factory):
    return Queries(open_store(example_base(new_db(request.param, request, tmp_path_factory.mktemp("kb")))))


def snapshot(db: str) -> dict:
    """Rows per table, and the pages the full-text index holds, read by a separate connection."""
    store = open_store(db)
    tables = ["pages", "entities", "aliases", "mentions", "posts", "events", "event_sources", "facts"]
    out = {t: store.value(f"SELECT count(*) FROM {t}") for t in tables}
    out["fts"] = store.value("SELECT count(*) FROM pages_fts" if db.endswith(".db") else
                             "SELECT count(*) FROM pages WHERE tsv IS NOT NULL")
    store.close()
    return out


def test_store_second_ingest_changes_nothing(base):
    before = snapshot(base.store.path)
    writer = Writer(base.store)
    assert {writer.add(page) for page in extract([str(EXAMPLES / "pages")])} == {"unchanged"}
    assert snapshot(base.store.path) == before


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_changed_page_is_replaced_whole(backend, request, tmp_path):
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
def test_store_survives_kill_9_and_rerun_finishes(backend, request, tmp_path):
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


def test_store_search_folds_marks_and_tone_placement(base):
    assert [r["title"] for r in base.search("Dang Minh Quan")][:1] == \
        ["Đại sứ Đặng Minh Quân: Cộng đồng người Việt là cầu nối hữu nghị với Nhật Bản"]
    assert base.search("hoà bình") and base.search("hòa bình") == base.search("hoà bình")
    hit = base.search('"Hội nghị Quan chức cao cấp"')[0]
    assert "[Hội] [nghị] [Quan] [chức] [cao] [cấp]" in hit["snippet"]


def test_store_search_operators_filters_and_errors(base):
    both = {r["source"] for r in base.search("ASEAN AND Bangkok")}
    either = {r["source"] for r in base.search("Bangkok OR Algeria")}
    assert both and both <= either
    assert not {r["source"] for r in base.search("Bangkok NOT ASEAN")} & both
    assert all(r["published"] >= "2024-01-01" for r in base.search("ASEAN", SearchFilters(date_from="2024-01-01")))
    assert {r["source"].rsplit("/", 1)[-1] for r in base.search("hợp tác", SearchFilters(entity="Phan Quốc Toản"))} == \
        {"ex01_portal_som.txt", "ex09_reprint_of_ex01.txt"}
    with pytest.raises(UsageError, match="not closed"):
        base.search('"ASEAN')


def test_store_one_person_across_pages_with_post_history(base):
    (person,) = base.entities("person", "Phan Quoc Toan")
    history = base.person(person["id"])
    assert person["pages"] == 3
    titles = {p["title"]: p for p in history["posts"]}
    assert titles["Trưởng SOM ASEAN Việt Nam"]["first_seen"].startswith("2024-05-21")
    assert {e["start"] for e in history["events"]} == {"2024-05-20", "2025-05-24"}


def test_store_same_event_from_two_outlets_is_one_event(base):
    (event,) = base.events(SearchFilters(date_from="2024-05-20", date_to="2024-05-20"))
    assert event["kind"] == "senior_officials_meeting" and len(event["sources"]) == 2
    assert len(base.events(SearchFilters(date_from="2024-10-01", date_to="2024-10-31"))) == 0
    assert [e["kind"] for e in base.events(SearchFilters(country="Hoa Kỳ"))] == ["session", "reception"]


def test_store_cli_commands(base, tmp_path):
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(main, [*args, "--db", base.store.path], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    assert {r["source"].rsplit("/", 1)[-1] for r in json.loads(run("search", "Surachai", "--json"))} == \
        {"ex01_portal_som.txt", "ex09_reprint_of_ex01.txt"}
    assert "Phan Quốc Toản" in run("people", "--csv")
    assert json.loads(run("orgs", "LHQ", "--json"))[0]["name"] == "Liên hợp quốc"
    assert json.loads(run("places", "Vientiane", "--json"))[0]["name"] == "Viêng Chăn"
    assert json.loads(run("events", "--kind", "visit", "--json"))
    assert json.loads(run("show", "ex02_ministry_seminar.txt"))["title"].startswith("Hội thảo quốc tế về luật biển")
    run("export", "--format", "csv", "--out", str(tmp_path / "csv"))
    assert (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8").startswith("id,key,kind")
    run("export", "--format", "jsonl", "--out", str(tmp_path / "jsonl"))
    assert len((tmp_path / "jsonl" / "pages.jsonl").read_text(encoding="utf-8").splitlines()) == 27
    bad = runner.invoke(main, ["search", "(ASEAN", "--db", base.store.path])
    assert bad.exit_code == 2 and "'(' without ')'" in bad.output and "Traceback" not in bad.output


def test_store_reprints_grouped_with_the_likely_original(base):
    copies = base.show("ex09_reprint_of_ex01.txt")["copies"]
    assert [(c["source"].rsplit("/", 1)[-1], c["likely_original"]) for c in copies] == [
        ("ex01_portal_som.txt", True), ("ex09_reprint_of_ex01.txt", False)]
    assert base.show("ex02_ministry_seminar.txt")["copies"] == []  # a story of its own
    assert base.counts()["reprint_groups"] == 1


def test_store_reprint_index_survives_reopening(base, tmp_path):
    from sugia.link.reprints import load_index, signature

    reopened = open_store(base.store.path)
    body = base.show("ex01_portal_som.txt")["body"]
    assert load_index(reopened).similar(signature(body))[0][1] > 0.9


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_merges_people_and_events_across_articles(backend, request, tmp_path):
    """The project's labelled set (benchmarks/merging): namesakes one mark apart, two
    receptions on one day, two summits in one city on one day, a meeting reported from its
    second day, an announced visit and its report."""
    from sugia.evaluate import merging

    labelled = EXAMPLES.parent / "benchmarks" / "merging"
    store = open_store(new_db(backend, request, tmp_path))
    ingest(extract([str(labelled / "pages")]), store)
    scores = merging(store, json.loads((labelled / "labels.json").read_text(encoding="utf-8")))
    for what in ("people", "events"):
        assert scores[what]["precision"] >= 0.9 and scores[what]["recall"] >= 0.9, (what, scores[what])
        assert scores[what]["found"] >= 0.75 * scores[what]["labelled"]
