from hypothesis import given
from hypothesis import strategies as st

from sugia.lang.text import _fold_table, fold, match_key, tone_key


def test_text_tone_key_old_and_new_placement_equal():
    assert tone_key("hoà") == tone_key("hòa")
    assert tone_key("Uỷ") == tone_key("Ủy")
    assert tone_key("thuý") == tone_key("thúy")
    assert tone_key("hoà") != tone_key("hoá")


def test_text_match_key_ignores_case_punctuation_and_decomposition():
    assert match_key("Hòa bình,  an ninh!") == match_key("HOÀ BÌNH an ninh")
    assert match_key("Việt Nam") == match_key("Vie\u0302\u0323t Nam")


def test_text_fold_drops_every_mark_including_d_bar():
    assert fold("Đặng Hoàng Giang") == "dang hoang giang"


@given(st.text())
def test_text_fold_by_code_point_list_is_the_fold_table(text):
    """The list `fold` translates with says what the table of folds says, for any character
    (past the list's end too)."""
    assert fold(text) == text.casefold().translate(_fold_table())


def test_text_lookalike_letters_match_the_letter_they_imitate():
    assert match_key("\u00d0ặng Hoàng Giang") == match_key("Đặng Hoàng Giang")
    assert fold("\u00d0à Nẵng") == fold("Đà Nẵng") == "da nang"
    assert match_key("Hà N\u043e\u0323\u0302i") == match_key("Hà Nội")  # Cyrillic o, combining marks


def test_text_control_characters_of_legacy_encodings_are_removed():
    from sugia.lang.decode import decode

    raw = ("Bộ trưởng\x1f tiếp Đại sứ\x7f Nhật Bản.\n" + "Hai bên nhất trí thúc đẩy hợp tác. " * 20).encode()
    text = decode(raw)[0]
    assert "\x1f" not in text and "\x7f" not in text and text.startswith("Bộ trưởng tiếp Đại sứ Nhật Bản.\n")
