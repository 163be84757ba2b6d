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


def test_words_generic_bodies_named_together_are_not_an_organisation():
    from sugia.entities.words import is_coordination

    assert is_coordination("Đảng và Nhà nước Việt Nam") and is_coordination("Đảng ta và các đảng bạn")
    assert not is_coordination("Bộ Ngoại giao và Hợp tác quốc tế Campuchia")
    orgs = {o.name for o in extract_entities({"body": "Đảng và Nhà nước luôn quan tâm tới kiều bào."})[1]}
    assert not any(name.startswith("Đảng và") for name in orgs)


def test_words_a_post_ends_with_its_word():
    from sugia.entities import _whole_posts
    from sugia.entities.people import Post
    from sugia.entities.words import page_words
    from sugia.lang.tokens import tokenize

    text = "Ông là Bộ trưởng Bộ Văn hóa. Ngành văn hóa phát triển mạnh."
    post = Post("Bộ trưởng Bộ Văn", start=7, end=23)
    tokens = tokenize(text)
    _whole_posts(text, tokens, [post], page_words(tokens))
    assert (post.title, post.end) == ("Bộ trưởng Bộ Văn hóa", 27)
