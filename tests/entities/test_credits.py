"""Credits are never entities (sentences written for the test)."""
import pytest

from sugia.entities import extract_entities
from sugia.entities.credits import credit_spans


@pytest.mark.parametrize("text,credits", [
    ("Hai bộ trưởng hội đàm. (Ảnh: Trần An/TTXVN)", ["(Ảnh: Trần An/TTXVN)"]),
    ("Hai bộ trưởng hội đàm (Minh Đức/Thông tấn xã)", ["(Minh Đức/Thông tấn xã)"]),
    ("(BNV) - Sáng 5/3, hai bộ trưởng hội đàm.", ["(BNV)"]),
    ("TPO - Sáng 5/3, hai bộ trưởng hội đàm.", ["TPO"]),
    ("Việt Nam - Lào tăng cường hợp tác.", []),
    ("Theo TTXVN, hai bộ trưởng đã hội đàm.", ["TTXVN"]),
    ("Theo Bộ Ngoại giao, hai bộ trưởng đã hội đàm.", []),  # a ministry is an actor, not a news outlet
    ("Quang cảnh hội đàm. Ảnh: Đức Tài", ["Ảnh: Đức Tài"]),
])
def test_credits_found(text, credits):
    assert [text[s:e] for s, e in credit_spans(text)] == credits


def test_credits_hold_no_entities():
    text = ("(BNV) - Sáng 5/3, Bộ trưởng Ngoại giao Lê Gia Bảo hội đàm với Ngoại trưởng Đức. "
            "Quang cảnh hội đàm. Ảnh: Đức Tài/TTXVN")
    people, orgs, places = extract_entities({"body": text})
    assert [p.name for p in people] == ["Lê Gia Bảo"]
    assert [m.text for p in places for m in p.mentions] == ["Đức"]  # the country, not the photographer
    assert not orgs
