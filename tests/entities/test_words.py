"""Names cut inside a word made whole (sentences written for the test)."""
from sugia.entities import extract_entities


def test_words_an_organisation_name_ends_with_its_word():
    text = ("Ban Tổ chức hội nghị cho biết công tác tổ chức đã hoàn tất. "
            "Đại diện Cục Lãnh sự trao đổi về công tác lãnh sự. Liên hợp quốc họp về an ninh.")
    orgs = {o.name for o in extract_entities({"body": text})[1]}
    assert "Ban Tổ chức" in orgs and "Cục Lãnh sự" in orgs
    assert "Liên hợp quốc" in orgs  # a name ending in a lower-case syllable is not extended


def test_words_a_pair_the_page_never_writes_is_left():
    orgs = {o.name for o in extract_entities({"body": "Ông tới Bộ Văn đề nghị hợp tác."})[1]}
    assert not any(name.startswith("Bộ Văn đề") for name in orgs)
