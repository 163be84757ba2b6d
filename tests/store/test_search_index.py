"""Phrases by word pairs. SQLite's search index (pages_search): a phrase matched as its word
pairs finds exactly the pages FTS5's own positions find (the Datasette index, pages_fts, is the
reference); entries leave with their page; a base made before the index gets it when opened.
PostgreSQL (`pages.pairs`): the pairs narrow a phrase's pages before positions are checked,
and find what positions alone find."""
import pytest
from conftest import new_db
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sugia.ingest import Writer
from sugia.page import Meta, Page
from sugia.search import parse_query
from sugia.store import SearchFilters, open_store
from sugia.store.schema import SQLITE
from sugia.store.sqlite import SQLiteStore
from sugia.store.write import delete_page, insert_page

WORDS = ["quan", "hệ", "hợp", "tác", "Việt", "Nam", "ASEAN", "đối", "tac", "2024", "snake_case"]
SEPARATORS = [" ", " ", " ", ", ", "\n", ". ", "-"]


def store_page(store, source: str, title: str, body: str, index: bool = True) -> int:
    with store.transaction():
        return insert_page(store, Page(source=source, body=body, meta=Meta(title=title, outlet="Báo Mẫu",
                                                                           published="2024-05-01")), index)


def found(store, query: str) -> set[int]:
    return {r["id"] for r in store.ranked(parse_query(query), SearchFilters(), 1000)}


def by_positions(store: SQLiteStore, query: str) -> set[int]:
    expression = "{title_folded body_folded} : (" + parse_query(query).fts5() + ")"
    return {r["rowid"] for r in store.rows("SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?", (expression,))}


texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=6),
       st.lists(st.sampled_from(WORDS), min_size=2, max_size=4), st.sampled_from(["", " ASEAN", " OR Nam"]))
def test_search_index_phrase_by_pairs_finds_what_positions_find(tmp_path_factory, pages, phrase, rest):
    store = SQLiteStore(tmp_path_factory.mktemp("kb") / "kb.db")
    for n, (title, body) in enumerate(pages):
        store_page(store, f"p{n}", title, body)
    query = '"' + " ".join(phrase) + '"' + rest
    assert found(store, query) == by_positions(store, query)


def test_search_index_entries_leave_with_their_page(tmp_path):
    store = SQLiteStore(tmp_path / "kb.db")
    store_page(store, "a", "Quan hệ hợp tác", "Hai nước thúc đẩy quan hệ hợp tác kinh tế.")
    kept = store_page(store, "b", "Đối tác", "Quan hệ đối tác chiến lược toàn diện.")
    with store.transaction():
        delete_page(store, "a")
    assert found(store, '"quan hệ hợp tác"') == set() and found(store, "kinh") == set()
    assert found(store, '"quan hệ đối tác"') == {kept} == found(store, "quan")
    store.execute("INSERT INTO pages_search(pages_search) VALUES ('integrity-check')")


def test_search_index_is_built_when_an_older_base_opens(tmp_path, monkeypatch):
    path = tmp_path / "kb.db"
    monkeypatch.setattr(SQLiteStore, "MIGRATIONS", SQLITE[:10])  # as sugia left a base before pages_search
    older = SQLiteStore(path)
    page_id = store_page(older, "a", "Quan hệ hợp tác", "Hai nước thúc đẩy quan hệ hợp tác kinh tế.",
                         index=False)
    older.close()
    monkeypatch.undo()
    reopened = SQLiteStore(path)
    assert reopened.schema_version() == len(reopened.MIGRATIONS)
    assert found(reopened, '"hợp tác kinh tế"') == {page_id} == found(reopened, "kinh")


PAGES = [("Việt Nam và ASEAN", "quan hệ hợp tác"), ("Hợp tác", "Việt Nam, quan hệ"), ("Tin", "hợp tác xã Việt\nNam"),
         ("Tin", "hệ hợp tác quan"), ("Quan hệ", "G20 họp; hợp tác G20, họp")]
QUERIES = ['"quan hệ hợp tác"', '"Việt Nam" NOT ASEAN', "hợp-tác*", '"hợp tác" "Việt Nam"', '"tác G20 họp"']


@pytest.mark.parametrize("query", QUERIES)
def test_search_index_query_forms_agree_with_positions(tmp_path, query):
    store = SQLiteStore(tmp_path / "kb.db")
    for n, (title, body) in enumerate(PAGES):
        store_page(store, f"p{n}", title, body)
    assert found(store, query) == by_positions(store, query) != set()


def test_search_index_postgresql_pairs_narrow_phrases_to_what_positions_find(request, tmp_path):
    store = open_store(new_db("postgresql", request, tmp_path))
    ids = [store_page(store, f"p{n}", title, body) for n, (title, body) in enumerate(PAGES)]
    assert store.value("SELECT pairs FROM pages WHERE id = ?", (ids[0],)) == \
        "'he0hop':5 'hop0tac':6 'nam0va':2 'quan0he':4 'va0asean':3 'viet0nam':1"
    for query in QUERIES:
        parsed = parse_query(query)
        positions = {r["id"] for r in store.rows("SELECT id FROM pages WHERE tsv @@ to_tsquery('simple', ?)",
                                                 (parsed.tsquery(),))}
        assert found(store, query) == positions != set(), query


def test_search_index_a_batch_of_pages_is_one_index_segment(tmp_path):
    """A writer's batch enters both full-text indexes in one statement each: FTS5 writes its
    pending terms out at every savepoint, and SQLite opens one per INSERT ... SELECT, so a
    statement per page made a segment per page (merged again and again as the base grew)."""
    store = SQLiteStore(tmp_path / "kb.db")
    for table in ("pages_search", "pages_fts"):  # no merging: the segments stay as written
        store.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)")
        store.execute(f"INSERT INTO {table}({table}, rank) VALUES ('crisismerge', 1000)")
    writer = Writer(store)
    with writer.batch():
        for n in range(100):
            writer.add(Page(source=f"p{n}", body=f"Hai nước bàn về hợp tác số {n}.",
                            meta=Meta(title=f"Tin {n}", outlet="Báo Mẫu", published="2024-05-01")), link=False)
    for table in ("pages_search", "pages_fts"):  # a segment's leaves, its structure and averages
        assert store.value(f"SELECT count(*) FROM {table}_data") < 10
    assert len(found(store, '"hop tac so 42"')) == 1 and len(found(store, "hop tac")) == 100
