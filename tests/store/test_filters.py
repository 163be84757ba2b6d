"""Search filters as index words (SQLite): every page the SQL conditions keep matches the key
expression, so intersecting inside the index loses nothing; and filtered searches answer as
the SQL conditions alone do."""
import sqlite3
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sugia.store import SearchFilters
from sugia.store.filters import SEARCH_KEYS_SQL, _period_keys, key_expression


@pytest.mark.parametrize("low, high, keys", [
    ("2020", "2020", ["y2020"]),
    ("2020-03", "2020-04-15", ["m202003", "m202004"]),
    ("2019-11-20", "2021-02", ["m201911", "m201912", "y2020", "m202101", "m202102"]),
    ("2021", "2020", []),
])
def test_filters_period_keys(low, high, keys):
    assert _period_keys(low, high) == keys


def test_filters_key_expression_covers_outlet_and_closes_open_ranges():
    assert key_expression(SearchFilters(outlet="Tuổi Trẻ"), None, None) == '"otuoitre"'
    assert key_expression(SearchFilters(date_from="2025-11-03"), "2008-01-01", "2026-02-01") == \
        "(m202511 OR m202512 OR m202601 OR m202602)"
    assert key_expression(SearchFilters(date_from="2025-06", date_to="2025-01"), None, None) == '("y0000")'
    assert key_expression(SearchFilters(date_to="1999-03-01"), "2008-01-01", "2026-02-01") == '("y0000")'
    assert key_expression(SearchFilters(date_from="1990-02-01", date_to="2026-01-01"), None, None) is None  # too wide
    assert key_expression(SearchFilters(entity="ASEAN"), None, None) is None


def day(granularity: int):
    return st.dates(date(2005, 1, 1), date(2028, 12, 31)).map(lambda d: d.isoformat()[:granularity])


@given(st.dates(date(2005, 1, 1), date(2028, 12, 31)), st.one_of(day(4), day(7), day(10)),
       st.one_of(day(4), day(7), day(10)), st.text(alphabet="abc Đđ.&", max_size=12))
def test_filters_every_page_the_sql_keeps_matches_its_keys(published, low, high, outlet):
    """The generated column's words and the query's keys agree with the SQL conditions."""
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE TABLE pages (published TEXT, outlet_folded TEXT, search_keys TEXT GENERATED ALWAYS AS"
               f" ({SEARCH_KEYS_SQL}) VIRTUAL)")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(search_keys, tokenize='unicode61 remove_diacritics 2')")
    from sugia.lang.text import fold

    db.execute("INSERT INTO pages VALUES (?, ?)", (published.isoformat(), fold(outlet)))
    db.execute("INSERT INTO fts SELECT search_keys FROM pages")
    kept = low <= published.isoformat() and published.isoformat()[:len(high)] <= high
    expression = key_expression(SearchFilters(date_from=low, date_to=high, outlet=outlet or None), None, None)
    if kept and expression:
        assert db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone() == (1,)


def test_filters_search_by_index_answers_as_sql_alone(base, monkeypatch):
    import sugia.store.sqlite

    cases = [("ASEAN", SearchFilters(date_from="2024-05")), ("hợp tác", SearchFilters(date_to="2024-12-31")),
             ("Việt Nam", SearchFilters(outlet="VnExpress")), ("hợp tác", SearchFilters(date_from="2024", date_to="2025")),
             ("hợp tác", SearchFilters(date_from="2024-05-21", date_to="2024-05-21", outlet="Báo Thế giới và Việt Nam"))]
    by_index = [base.search(query, chosen) for query, chosen in cases]
    monkeypatch.setattr(sugia.store.sqlite, "key_expression", lambda *args: None)
    assert by_index == [base.search(query, chosen) for query, chosen in cases]
    assert any(by_index)


def test_filters_a_year_or_month_as_the_end_keeps_all_of_it(base):
    published = {r["published"][:4] for r in base.search("ASEAN", SearchFilters(date_to="2024"))}
    assert "2024" in published and all(year <= "2024" for year in published)
    assert all(r["published"][:7] <= "2024-05" for r in base.search("ASEAN", SearchFilters(date_to="2024-05")))
