"""The two-syllable lexicon: what a page contributes, and that the shipped list knows words."""
from sugia.lang.lexicon import common_pairs, count, page_pairs
from sugia.lang.text import tone_key


def pair(a: str, b: str) -> tuple[str, str]:
    return tone_key(a), tone_key(b)


def test_lexicon_page_pairs_are_lower_case_syllables_without_function_words():
    pairs = page_pairs("Lãnh đạo hai nước và các cơ quan Hà Nội đã gặp nhau tại trụ sở UBND.")
    assert pair("cơ", "quan") in pairs and pair("trụ", "sở") in pairs
    assert pair("lãnh", "đạo") not in pairs  # a capital opens it: a name or a sentence's start
    assert pair("nước", "và") not in pairs and pair("hai", "nước") in pairs


def test_lexicon_counts_pages_not_occurrences(tmp_path):
    (tmp_path / "a.txt").write_text("cơ quan cơ quan cơ quan", encoding="utf-8")
    (tmp_path / "b.txt").write_text("các cơ quan", encoding="utf-8")
    pairs, syllables = count(sorted(tmp_path.glob("*.txt")))
    assert pairs[pair("cơ", "quan")] == 2 and syllables[tone_key("các")] == 1


def test_lexicon_shipped_list_knows_common_words():
    assert {pair("lãnh", "đạo"), pair("xã", "hội"), pair("y", "tế")} <= common_pairs()
