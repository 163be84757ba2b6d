from sugia.lang.text import fold, match_key, tone_key


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
