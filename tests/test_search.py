"""Reading user queries once and writing them for SQLite FTS5 and PostgreSQL tsquery."""
import re

import pytest

from sugia.errors import UsageError
from sugia.search import index_pairs, index_words, parse_query, snippet


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


@pytest.mark.parametrize("query, fts5", [
    ("Đặng Hoàng Giang", '{w} : "dang" {w} : "hoang" {w} : "giang"'),
    ('"quan hệ hợp tác" OR ASEAN', '{p} : "quan_he he_hop hop_tac" OR {w} : "asean"'),
    ('"Việt Nam" NOT "Hà Nội"', '{p} : "viet_nam" NOT {p} : "ha_noi"'),
    ('hợp-tá* (Lào)', '{w} : "hop ta"* ( {w} : "lao" )'),  # a prefix phrase stays a phrase of words
    ('"ASEAN"', '{w} : "asean"'),
    ("snake_case", '{p} : "snake_case"'),  # '_' parts words, as in the index
])
def test_phrases_are_written_as_word_pairs(query, fts5):
    assert parse_query(query).fts5("{w}", "{p}") == fts5


def test_index_pairs_are_what_phrases_become():
    assert index_words("quan hệ, hợp_tác") == "quan hệ hợp tác"
    assert index_pairs("quan hệ, hợp_tác") == "quan_hệ hệ_hợp hợp_tác"
    assert index_pairs("một") == ""
    assert parse_query('"quan hệ hợp tác"').fts5("", "{p}") == '{p} : "' + index_pairs("quan he hop tac") + '"'


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


@pytest.mark.parametrize("query, pairs", [
    ('"quan hệ hợp tác" ASEAN', "'quan0he' & 'he0hop' & 'hop0tac'"),
    ('"Việt Nam" "Việt Nam" Lào', "'viet0nam'"),
    ('"Việt Nam" OR Lào', None),  # an OR: no pair is certain
    ("hợp tác", None),  # words, no phrase
    ("hợp-tác*", None),  # a prefix
    ('"Москва Кремль"', None),  # not ASCII once folded: PostgreSQL's [[:alnum:]] may not see it
])
def test_phrases_give_postgresql_the_pairs_every_match_holds(query, pairs):
    assert parse_query(query).tsquery_pairs() == pairs
