import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sugia.errors import PageError
from sugia.lang.decode import decode, plausibility
from sugia.lang.legacy import tcvn3_to_unicode, unicode_to_cp1258, unicode_to_tcvn3, unicode_to_vni, vni_to_unicode

SENTENCE = "Ngày 5/3, Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội; hai bên nhất trí thúc đẩy hợp tác kinh tế, ứng phó biến đổi khí hậu."
# Real syllables, so drawn texts read like pages (a decoder may only be judged on text that
# could be Vietnamese: "a a a ớ" is ambiguous between encodings by nature).
SYLLABLES = ("việt nam hà nội ngoại giao thủ tướng bộ trưởng đại sứ hội nghị cấp cao hợp tác quan hệ "
             "đối tác chiến lược toàn diện thương mại đầu tư phát triển bền vững hòa bình an ninh khu vực "
             "quốc tế nhân dân hữu nghị truyền thống kinh tế văn hóa giáo dục khoa học công nghệ biển đảo "
             "chủ tịch nước phó thứ trưởng trưởng đoàn lãnh đạo đảng nhà nước chính phủ quốc hội ủy ban "
             "thỏa thuận ký kết văn kiện tuyên bố chung điện đàm hội đàm tiếp xã giao thăm chính thức "
             "những người được của và với cho trong năm tháng ngày tới đến từ sẽ đã đang rất nhiều").split()
vietnamese_text = st.lists(st.sampled_from(SYLLABLES), min_size=12, max_size=60).map(" ".join)


@pytest.mark.parametrize("encode,name", [
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    (lambda t: t.encode("utf-16"), "utf-16"),
    (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    (unicode_to_cp1258, "cp1258"),
    (lambda t: unicode_to_tcvn3(t).encode("latin-1"), "tcvn3"),
    (lambda t: unicode_to_vni(t).encode("cp1252"), "vni"),
])
def test_decode_detects_each_encoding(encode, name):
    text, encoding = decode(encode(SENTENCE))
    assert encoding == name
    assert text == SENTENCE


def test_decode_composes_decomposed_marks():
    text, _ = decode(unicodedata.normalize("NFD", SENTENCE).encode("utf-8"))
    assert text == SENTENCE


def test_decode_repairs_legacy_glyphs_saved_as_utf8():
    text, encoding = decode(unicode_to_vni(SENTENCE).encode("utf-8"))
    assert (text, encoding) == (SENTENCE, "utf-8+vni")
    text, encoding = decode(unicode_to_tcvn3(SENTENCE).encode("utf-8"))
    assert encoding == "utf-8+tcvn3" and text == SENTENCE


@pytest.mark.parametrize("raw,reason", [
    (b"", "empty page"),
    (b"  \n\t ", "empty page"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary content"),
])
def test_decode_rejects_with_reason(raw, reason):
    with pytest.raises(PageError, match=reason):
        decode(raw)


def test_decode_plausibility_ranks_right_reading_first():
    raw = unicode_to_tcvn3(SENTENCE).encode("latin-1")
    assert plausibility(tcvn3_to_unicode(raw.decode("latin-1"))) > plausibility(raw.decode("cp1258")) + 20


@settings(max_examples=60, deadline=None)
@given(vietnamese_text)
def test_decode_round_trips_vni(text):
    assert vni_to_unicode(unicode_to_vni(text)) == text
    assert decode(unicode_to_vni(text).encode("cp1252"))[0] == text


@settings(max_examples=60, deadline=None)
@given(vietnamese_text)
def test_decode_round_trips_tcvn3_and_cp1258(text):
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text  # lower case: TCVN3 has no marked capitals
    assert decode(unicode_to_tcvn3(text).encode("latin-1"))[0] == text
    assert decode(unicode_to_cp1258(text))[0] == text


@settings(max_examples=40, deadline=None)
@given(vietnamese_text)
def test_decode_round_trips_utf16_and_utf8(text):
    assert decode(text.encode("utf-16"))[0] == text
    assert decode(text.encode("utf-8"))[0] == text
