"""Tokens: offsets always point at their text, in order; glued sentences are parted."""
from hypothesis import given
from hypothesis import strategies as st

from sugia.lang.tokens import tokenize

ALPHABET = st.sampled_from(list("aăâbcdđeghiklmnoôơpqrstuưvxyàáạảãằặẩễệỳỹÀĐÉÂ .,:-–()'’\n0123456789TPHCM"))


@given(st.text(ALPHABET, max_size=200))
def test_tokens_point_at_their_text_in_order(text):
    tokens = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


def test_tokens_part_a_sentence_glued_to_the_next_but_keep_abbreviations():
    assert [t.text for t in tokenize("Học viện Ngoại giao.Tại đây")] == ["Học", "viện", "Ngoại", "giao", ".", "Tại", "đây"]
    assert [t.text for t in tokenize("TP.HCM, Đ.Mét-vê-đét, S.E")] == ["TP.HCM", ",", "Đ.Mét", "-", "vê", "-", "đét",
                                                                       ",", "S.E"]
