"""Linking across articles (both backends): reprint groups with the likely original, the
reprint index rebuilt from the base, and the labelled merging set for people and events."""
import json

import pytest
from conftest import BACKENDS, EXAMPLES, new_db, plans
from hypothesis import given
from hypothesis import strategies as st

from sugia import extract
from sugia.ingest import ingest
from sugia.store import open_store


def test_link_reprints_grouped_with_the_likely_original(base):
    copies = base.show("ex09_reprint_of_ex01.txt")["copies"]
    assert [(c["source"].rsplit("/", 1)[-1], c["likely_original"]) for c in copies] == [
        ("ex01_portal_som.txt", True), ("ex09_reprint_of_ex01.txt", False)]
    assert base.show("ex02_ministry_seminar.txt")["copies"] == []  # a story of its own
    assert base.counts()["reprint_groups"] == 1


def test_link_reprint_index_lives_in_the_base(base, tmp_path):
    """Reopened, the base finds a page's copies by its stored bands: nothing is rebuilt."""
    from sugia.link.reprints import BANDS, signature, similar

    reopened = open_store(base.store.path)
    body = base.show("ex01_portal_som.txt")["body"]
    assert similar(reopened, signature(body).hashvalues)[0][1] > 0.9
    pages = reopened.value("SELECT count(*) FROM pages")
    assert banded(reopened) == BANDS * pages


def levels(store) -> list[int]:
    """Band rows at each level of the reprint index, the recent first."""
    from sugia.link.reprints import LEVELS

    return [store.value(f"SELECT count(*) FROM {table}") for table in LEVELS]


def banded(store) -> int:
    """Band rows in the reprint index, at every level."""
    return sum(levels(store))


class Undone(Exception):
    """Raised to roll a transaction back."""


@pytest.mark.parametrize("backend", BACKENDS)
def test_link_recent_bands_settle_level_by_level_and_are_found_at_every_level(backend, request, tmp_path):
    """Bands wait in the recent table until there are enough to move, in bucket order, to the
    middle level, and the middle's to the last once it holds GROWTH times as many; a page's
    copies are found at every level, and a deleted page leaves no band anywhere."""
    from sugia.link.reprints import BANDS, GROWTH, settle_bands, signature, similar
    from sugia.store.write import delete_page

    store = open_store(new_db(backend, request, tmp_path))
    ingest(extract([str(EXAMPLES)]), store)
    pages = store.value("SELECT count(*) FROM pages")
    body = store.value("SELECT body FROM pages WHERE source LIKE ?", ("%ex01_portal_som.txt",))
    found = similar(store, signature(body).hashvalues)
    assert len(found) == 2  # the page and its reprint
    for recent_pages, where in [(pages + 1, [BANDS * pages, 0, 0]), (pages, [0, BANDS * pages, 0]),
                                (pages // GROWTH, [0, 0, BANDS * pages])]:  # the middle, then full, moves on too
        with pytest.raises(Undone), store.transaction():  # each settling undone for the next
            assert settle_bands(store, recent_pages) == (recent_pages <= pages)
            assert levels(store) == where and similar(store, signature(body).hashvalues) == found
            raise Undone
    with store.transaction():
        settle_bands(store, pages)
    with store.transaction():
        delete_page(store, store.value("SELECT source FROM pages WHERE id = ?", (found[0][0],)))
    assert banded(store) == BANDS * (pages - 1)


def test_link_signatures_made_in_the_pipeline_group_as_the_writers_own(tmp_path):
    """`ingest` made with the fingerprint stage (signatures on the workers) stores the same
    signatures and reprint groups as a writer that makes them itself."""
    from sugia import default_pipeline

    bases = {}
    for fingerprint in (False, True):
        store = open_store(str(tmp_path / f"{fingerprint}.db"))
        pages = list(extract([str(EXAMPLES)], default_pipeline(fingerprint=fingerprint)))
        assert all((p.signature is not None) == fingerprint for p in pages if p.ok)
        ingest(pages, store)
        bases[fingerprint] = (store.rows("SELECT p.source, m.hashvalues FROM page_minhash m JOIN pages p"
                                         " ON p.id = m.page_id ORDER BY p.source"),
                              store.rows("SELECT source, reprint_group IS NOT NULL AS grouped FROM pages ORDER BY source"))
    assert bases[True] == bases[False] and any(r["grouped"] for r in bases[True][1])


def test_link_ingest_settles_the_recent_bands_at_a_batch_end_when_due(tmp_path, monkeypatch):
    """Every band row has moved out of the recent table once a batch ends with them due (and on
    to the last level, the middle's being due too)."""
    import sugia.link.reprints
    from sugia.link.reprints import BANDS

    monkeypatch.setattr(sugia.link.reprints, "RECENT_PAGES", 1)
    store = open_store(str(tmp_path / "kb.db"))
    ingest(extract([str(EXAMPLES)]), store)
    assert levels(store) == [0, 0, BANDS * store.value("SELECT count(*) FROM pages")]


def test_link_a_groups_first_page_is_rewritten_once_however_many_copies_join(tmp_path):
    """A row is rewritten whole: the first page of a group takes its group once, not again with
    every copy that joins it (each copy's own row takes it once)."""
    import copy

    store = open_store(str(tmp_path / "kb.db"))
    store.execute("CREATE TABLE rewritten (id INTEGER)")
    store.execute("CREATE TRIGGER rewrites AFTER UPDATE ON pages BEGIN INSERT INTO rewritten VALUES (old.id); END")
    [original] = extract([str(EXAMPLES / "pages" / "ex01_portal_som.txt")])
    copies = [copy.deepcopy(original) for _ in range(3)]
    for n, page in enumerate(copies):
        page.source = f"copy-{n}"
    ingest([original, *copies], store)
    ids = [r["id"] for r in store.rows("SELECT id FROM pages ORDER BY id")]
    assert store.rows("SELECT DISTINCT reprint_group FROM pages") == [{"reprint_group": ids[0]}]
    assert store.rows("SELECT id, count(*) AS n FROM rewritten GROUP BY id ORDER BY id") == [
        {"id": page_id, "n": 1} for page_id in ids]


def test_link_bands_are_added_for_signatures_of_an_older_base(tmp_path):
    from conftest import example_base

    from sugia.ingest import Writer
    from sugia.link.reprints import BANDS, LEVELS

    store = open_store(example_base(str(tmp_path / "old.db")))
    with store.transaction():  # as a base made before bands were stored
        for table in LEVELS:
            store.execute(f"DELETE FROM {table}")
    Writer(store)._bands()
    assert banded(store) == BANDS * store.value("SELECT count(*) FROM pages")


@pytest.mark.parametrize("backend", BACKENDS)
def test_link_an_older_bases_bands_are_keyed_by_bucket_and_found(backend, request, tmp_path):
    """Band rows an older sugia stored (the band apart, a 63-bit bucket) are keyed as new ones
    are (upgrades.bands_keyed): a page banded before the upgrade is found by its reprint after."""
    import hashlib

    import numpy as np

    from sugia.link.reprints import BANDS, ROWS, buckets, kept, signature, similar, to_bytes
    from sugia.store.write import insert_page

    db = new_db(backend, request, tmp_path)
    if backend == "postgresql":
        from sugia.store.postgres import PostgresStore as Current
    else:
        from sugia.store.sqlite import SQLiteStore as Current
    older = type("Older", (Current,), {"MIGRATIONS": Current.MIGRATIONS[:-1]})(db)
    page = next(p for p in extract([str(EXAMPLES / "pages" / "ex01_portal_som.txt")]) if p.ok)
    values = signature(page.body).hashvalues
    with older.transaction():
        page_id = insert_page(older, page)
        older.execute("INSERT INTO page_minhash VALUES (?, ?)", (page_id, kept(to_bytes(signature(page.body)))))
        older.executemany("INSERT INTO page_bands_middle (band, bucket, page_id) VALUES (?, ?, ?)", [
            (band, int.from_bytes(hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].astype(np.uint64).tobytes(),
                                                  digest_size=8).digest(), "big") >> 1, page_id)
            for band in range(BANDS)])
    older.close()
    store = open_store(db)
    assert [r["bucket"] for r in store.rows("SELECT bucket FROM page_bands_middle ORDER BY bucket")] == buckets(values)
    assert similar(store, values) == [(page_id, 1.0)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_link_merges_people_and_events_across_articles(backend, request, tmp_path):
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


@given(st.lists(st.text(alphabet="abcđêơ ", min_size=1, max_size=12), min_size=1, max_size=30),
       st.lists(st.text(alphabet="abcđêơ ", min_size=1, max_size=12), min_size=1, max_size=30))
def test_link_stored_signatures_compare_as_datasketch_does(first, second):
    """The lookup compares stored hash values directly; the estimate is datasketch's own
    where a signature was stored in 32 bits a value or, by an older sugia, in 64 (the bands
    are the same from either), and for the 8 bits the base keeps now, the share of equal low
    bytes: never below datasketch's, and 1 for the same signature."""
    import numpy as np

    from sugia.link.reprints import buckets, from_bytes, kept, signature, similarities, to_bytes

    a, b = signature(" ".join(first)), signature(" ".join(second))
    older = a.hashvalues.astype(np.uint64).tobytes()
    assert len(to_bytes(a)) * 2 == len(older) == 8 * len(kept(to_bytes(a))) == 8 * len(kept(older))
    low = np.count_nonzero(a.hashvalues % 256 == b.hashvalues % 256) / len(a.hashvalues)
    scores = similarities([to_bytes(a), older, to_bytes(b), kept(to_bytes(a)), kept(older), kept(to_bytes(b))],
                          b.hashvalues).tolist()
    assert scores[:3] == [a.jaccard(b)] * 2 + [1.0]
    assert scores[3] == scores[4] == low >= a.jaccard(b) and scores[5] == 1.0
    assert buckets(from_bytes(to_bytes(a))) == buckets(from_bytes(older)) == buckets(a.hashvalues)


def test_link_an_events_earlier_reports_are_read_from_the_index_alone(tmp_path):
    """Finding an event's earlier reports by key and days and comparing their names reads no
    event row (SQLite): at a million pages a key's 31 days held hundreds of events."""
    from sugia.link.events import reports

    store = open_store(str(tmp_path / "kb.db"))
    found = plans(store, lambda: reports(store, "meeting|viet nam|", "2024-05-01", "2024-05-02"))
    assert any("COVERING INDEX events_span" in p for p in found), found
    assert all("SCAN" not in p for p in found), found


LASTING = [  # (first day, last day, looked up on [day, day]: found?)
    ("2024-05-01", "2024-05-01", "2024-05-01", True),
    ("2024-05-01", "2024-05-01", "2024-05-02", False),
    ("2024-05-01", "2024-05-04", "2024-05-04", True),   # up to SPAN_DAYS[1] days after the first
    ("2024-05-01", "2024-05-05", "2024-05-05", True),   # one more: the next class
    ("2024-05-01", "2024-05-03", "2024-05-03", True),
    ("2024-05-01", "2024-05-03", "2024-05-04", False),
    ("2024-05-01", "2024-05-08", "2024-05-08", True),   # a week: within SHORT_EVENT_DAYS of its start
    ("2024-05-01", "2024-05-20", "2024-05-15", True),   # long: looked for further back
    ("2024-05-01", "2024-05-31", "2024-05-31", True),
    ("2024-05-01", "2024-06-30", "2024-06-20", False),  # began more than LONGEST_EVENT_DAYS earlier
]


@pytest.mark.parametrize("backend", BACKENDS)
def test_link_an_events_earlier_reports_are_found_however_long_it_lasts(backend, request, tmp_path):
    """A report is found for an event it overlaps, short or long (up to LONGEST_EVENT_DAYS), and
    an event widened past a week is looked for as a long one."""
    from sugia.link.events import reports
    from sugia.records import Event
    from sugia.store.write import insert_event, widen_event

    store = open_store(new_db(backend, request, tmp_path))
    for n, (first, last, day, expected) in enumerate(LASTING):
        key = f"conference|k{n}|"
        with store.transaction():
            event_id = insert_event(store, key, Event("conference", "Hội nghị", first, last))
        assert bool(reports(store, key, day, day)) is expected, (first, last, day)
        with store.transaction():
            widen_event(store, event_id, first, "2024-05-02")
        assert bool(reports(store, key, "2024-05-20", "2024-05-20")) is False
        with store.transaction():
            widen_event(store, event_id, first, last)
        assert bool(reports(store, key, day, day)) is expected, (first, last, day, "widened")


@pytest.mark.parametrize("migrations", [17, 18])
def test_link_a_base_made_before_events_had_spans_gets_them(tmp_path, monkeypatch, migrations):
    """A base from before long events were marked (17 migrations), or before spans (18), has
    each event's span class after opening, and its events are found as in a new base."""
    from sugia.link.events import reports
    from sugia.store.schema import SQLITE
    from sugia.store.sqlite import SQLiteStore

    monkeypatch.setattr(SQLiteStore, "MIGRATIONS", SQLITE[:migrations])
    older = SQLiteStore(tmp_path / "kb.db")
    days = [("2024-05-01", "2024-05-20"), ("2024-05-10", "2024-05-11"), ("2024-05-12", "2024-05-12"),
            ("2024-05-13", "2024-05-19"), (None, None)]
    with older.transaction():
        for n, (first, last) in enumerate(days):
            older.execute('INSERT INTO events (key, kind, name, start, "end") VALUES (?, ?, ?, ?, ?)',
                          ("conference|x|", "conference", f"Hội nghị {n}", first, last))
    older.close()
    monkeypatch.undo()
    store = SQLiteStore(tmp_path / "kb.db")
    assert [r["span"] for r in store.rows("SELECT span FROM events ORDER BY id")] == [3, 1, 0, 2, 0]
    assert [r["name"] for r in reports(store, "conference|x|", "2024-05-15", "2024-05-15")] == ["Hội nghị 0",
                                                                                               "Hội nghị 3"]
    assert [r["name"] for r in reports(store, "conference|x|", None, None)] == ["Hội nghị 4"]


def test_link_reprint_candidates_are_found_by_bucket_at_every_level(tmp_path):
    """A reprint lookup reads the candidates' page ids from each level's key (SQLite), no row
    apart from it: at a million pages ~29 candidates a page, each read at random."""
    from sugia.link.reprints import LEVELS, signature, similar

    store = open_store(str(tmp_path / "kb.db"))
    found = plans(store, lambda: similar(store, signature("một hai ba bốn năm sáu bảy").hashvalues))
    for table in LEVELS:
        assert any(f"{table} USING PRIMARY KEY (bucket=?)" in p for p in found), (table, found)


@pytest.mark.parametrize("backend", BACKENDS)
def test_link_an_events_earlier_reports_name_one_of_its_people_or_nobody(backend, request, tmp_path):
    """Two receptions on one day by different officials are two events: a report naming a
    person is looked for among the events that name that person or name nobody."""
    from sugia.link.events import reports
    from sugia.records import Event
    from sugia.store.write import insert_event

    store = open_store(new_db(backend, request, tmp_path))
    key = "reception|viet nam|"
    with store.transaction():
        people = [store.value("INSERT INTO entities (type, key, name, name_folded) VALUES ('person', ?, ?, ?)"
                              " RETURNING id", (name, name, name)) for name in ("an", "binh", "chi")]
        events = [insert_event(store, key, Event("reception", f"Tiếp {n}", "2024-05-02", "2024-05-02"))
                  for n in range(3)]
        store.execute("INSERT INTO event_participants VALUES (?, ?)", (events[0], people[0]))
        store.execute("INSERT INTO event_participants VALUES (?, ?)", (events[1], people[1]))

    def found(named):
        return [r["id"] for r in reports(store, key, "2024-05-02", "2024-05-02", named)]

    assert found(set()) == events
    assert found({people[0]}) == [events[0], events[2]]
    assert found({people[0], people[1]}) == events
    assert found({people[2]}) == [events[2]]
