"""Reading user queries once and writing them for SQLite FTS5 and PostgreSQL tsquery."""
import re

import pytest

from sugia.errors import UsageError
from sugia.search import parse_query, snippet


@pytest.mark.parametrize("query, fts5, tsquery", [
    ("Đặng Hoàng Giang", '"dang" "hoang" "giang"', "'dang' & 'hoang' & 'giang'"),
    ('"Hội nghị cấp cao" OR ASEAN', '"hoi nghi cap cao" OR "asean"', "('hoi' <-> 'nghi' <-> 'cap' <-> 'cao') | 'asean'"),
    ("APEC NOT Peru", '"apec" NOT "peru"', "'apec' & ! 'peru'"),
    ("(Lào OR Campuchia) hợp tác", '( "lao" OR "campuchia" ) "hop" "tac"', "( 'lao' | 'campuchia' ) & 'hop' & 'tac'"),
    ("ngoại*", '"ngoai"*', "'ngoai':*"),
    ("hoà AND bình", '"hoa" AND "binh"', "'hoa' & 'binh'"),
    ("O'Brien", '"o brien"', "('o' <-> 'brien')"),  # a quote inside a word never reaches the engine
])
def test_query_is_written_for_both_engines(query, fts5, tsquery):
    parsed = parse_query(query)
    assert (parsed.fts5(), parsed.tsquery()) == (fts5, tsquery)


@pytest.mark.parametrize("query, reason", [
    ('"ASEAN', "not closed"), ("(ASEAN", "'(' without ')'"), ("ASEAN)", "')' without '('"),
    ("ASEAN AND", "both sides"), ("OR Lào", "both sides"), ("!!! ...", "no words"),
])
def test_malformed_query_is_a_usage_error(query, reason):
    with pytest.raises(UsageError, match=re.escape(reason)):
        parse_query(query)


def test_snippet_marks_terms_on_the_original_spelling():
    text = "Bộ trưởng Đặng Hoàng Giang đã tiếp Đại sứ."
    assert snippet(text, list(parse_query("dang hoang giang").terms)) == "Bộ trưởng [Đặng] [Hoàng] [Giang] đã tiếp Đại sứ."
