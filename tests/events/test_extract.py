"""Events: kinds with their protocol detail, dates, places, lists and enumerations, merging.
Sentences written for the project."""
import json

import pytest
from conftest import EXAMPLES

from sugia.entities import extract_entities
from sugia.events.extract import EventFinder, sentences


def events_of(body: str, published: str | None = "2024-10-11") -> list[dict]:
    people, orgs, places = extract_entities({"body": body})
    return EventFinder(body, published, places, people, orgs).run()


def brief(events: list[dict]) -> list[tuple]:
    return [(e.kind, e.start, e.end, e.country) for e in events]


@pytest.mark.parametrize("body,expected", [
    ("Chiều 8/10, tại Hà Nội, Thủ tướng Vũ Đình Khôi hội đàm với Thủ tướng Lào.", ("talks", "2024-10-08")),
    ("Sáng 9/10, Chủ tịch nước đã hội kiến Chủ tịch Quốc hội Campuchia.", ("reception", "2024-10-09")),
    ("Tối 7/10, Bộ trưởng Ngoại giao Lê Gia Bảo điện đàm với Bộ trưởng Ngoại giao Pháp.", ("phone_call", "2024-10-07")),
    ("Ngày 10/10, Thứ trưởng Ngoại giao Phan Quốc Toản tiếp Đại sứ Ấn Độ.", ("reception", "2024-10-10")),
    ("Ngày 3/10, hai bên đã ký Bản ghi nhớ hợp tác giáo dục.", ("signing", "2024-10-03")),
    ("Ngày 2/10, Hội thảo quốc tế về Biển Đông khai mạc tại Đà Nẵng.", ("conference", "2024-10-02")),
    ("Ngày 20/10, Quốc hội khai mạc Kỳ họp thứ 8.", ("session", "2024-10-20")),
    ("Sáng 1/10, Lễ kỷ niệm 75 năm quan hệ ngoại giao diễn ra trang trọng.", ("ceremony", "2024-10-01")),
    ("Ngày 8/10, Hội nghị Bộ trưởng Ngoại giao ASEAN diễn ra tại Viêng Chăn.", ("ministerial_meeting", "2024-10-08")),
    ("Ngày 6/10, cuộc họp Quan chức cao cấp ASEAN được tổ chức tại Viêng Chăn.", ("senior_officials_meeting", "2024-10-06")),
    ("Từ ngày 9-11/10, Hội nghị cấp cao ASEAN lần thứ 45 diễn ra tại Viêng Chăn.", ("summit", "2024-10-09")),
])
def test_events_kinds(body, expected):
    (event,) = events_of(body)
    assert (event.kind, event.start) == expected


def test_events_visit_level_relationship_and_status():
    body = ("Từ ngày 21-23/9, Chủ tịch nước Nguyễn Hữu Phước thăm cấp Nhà nước tới Algeria. "
            "Chiều 22/9, tại thủ đô Algiers, hai nhà lãnh đạo đã hội đàm và nâng cấp quan hệ lên Đối tác Chiến lược.")
    visit, talks = events_of(body)
    assert (visit.kind, visit.start, visit.end, visit.level, visit.status) == \
        ("visit", "2024-09-21", "2024-09-23", "cap nha nuoc", "done")
    assert (talks.kind, talks.city, talks.country, talks.relationship) == \
        ("talks", "Algiers", "Algeria", "Đối tác Chiến lược")
    assert visit.participants == ["Nguyễn Hữu Phước"]


def test_events_dates_go_to_the_nearest_trigger():
    body = "Trong khuôn khổ chuyến thăm chính thức Nhật Bản từ ngày 14-16/10, chiều 15/10 Thủ tướng đã hội đàm với Thủ tướng Nhật Bản."
    assert brief(events_of(body)) == [("visit", "2024-10-14", "2024-10-16", "Nhật Bản"),
                                      ("talks", "2024-10-15", "2024-10-15", "Nhật Bản")]  # the visit names the country


def test_events_listed_meetings_share_the_date_and_aims_are_not_held():
    body = ("Ngày 8/10 sẽ diễn ra Hội nghị Bộ trưởng Ngoại giao ASEAN, Hội nghị Hội đồng Điều phối ASEAN (ACC) lần thứ 35 "
            "để chuẩn bị cho các Hội nghị cấp cao ASEAN.")
    events = events_of(body)
    assert [(e.kind, e.start, e.status) for e in events] == [("ministerial_meeting", "2024-10-08", "coming")] * 2
    assert events[1].ordinal == "35" and "Hiệp hội các quốc gia Đông Nam Á" in events[1].forum


def test_events_enumeration_gives_one_event_per_item():
    body = "Từ 13-14/10, nước chủ nhà sẽ tổ chức ba hội nghị cấp cao là: ASEAN, APEC và Trung Á + Nga."
    assert [e.name for e in events_of(body)] == [
        "hội nghị cấp cao ASEAN", "hội nghị cấp cao APEC", "hội nghị cấp cao Trung Á + Nga"]


def test_events_pending_trigger_takes_the_next_sentence_date_and_mentions_merge():
    body = ("Công tác hậu cần cho Hội nghị cấp cao được chuẩn bị từ sớm. Hơn 20 hoạt động sẽ được tổ chức từ ngày 8-11/10.\n"
            "Ngày 8/10, Hội nghị cấp cao khai mạc.\nTừ ngày 8-11/10, Hội nghị cấp cao diễn ra tại Viêng Chăn, Lào.")
    # three mentions, one summit: its opening day is the same event
    assert brief(events_of(body)) == [("summit", "2024-10-08", "2024-10-11", "Lào")]


def test_events_without_publication_date_use_the_year_the_text_calls_present():
    body = "Ngày 7/10, tại Viêng Chăn, Lào, cuộc họp Quan chức cao cấp ASEAN diễn ra. Đây là ưu tiên trong năm 2024."
    (event,) = events_of(body, published=None)
    assert (event.start, event.year_known, event.city, event.country) == ("2024-10-07", True, "Viêng Chăn", "Lào")
    # a year the text names in passing ("kể từ năm 2016") is no year of the event: no event
    assert events_of("Ngày 7/10, hai bên hội đàm tại Viêng Chăn, lần đầu kể từ năm 2016.", published=None) == []


def test_events_no_event_without_a_start_day():
    """A day of no known year dates nothing: the record keeps no event without a start."""
    assert events_of("Ngày 7/10, hai bên đã hội đàm tại Viêng Chăn.", published=None) == []
    (event,) = events_of("Ngày 7/10/2019, hai bên đã hội đàm tại Viêng Chăn.", published=None)
    assert event.start == "2019-10-07"


def test_events_sentences_split_on_sentence_ends_only():
    body = "Ngày 5/3, Thủ tướng tiếp Đại sứ. Hai bên nhất trí, tăng cường hợp tác.\nĐoạn hai."
    assert [body[s:e] for s, e, _ in sentences(body)] == [
        "Ngày 5/3, Thủ tướng tiếp Đại sứ.", "Hai bên nhất trí, tăng cường hợp tác.", "Đoạn hai."]


def test_events_golden_examples():
    from sugia import extract

    for page in extract([str(EXAMPLES / "pages")]):
        gold = json.loads((EXAMPLES / "gold" / (page.source.rsplit("/", 1)[-1].rsplit(".", 1)[0] + ".json")).read_text())
        assert sorted((e.start, e.kind) for e in page.events) == \
            sorted((e["start"], e["kind"]) for e in gold["events"]), page.source


def test_events_documents_signed_and_countries_taking_part():
    body = "Ngày 3/10, tại Hà Nội, Việt Nam và Lào đã ký Bản ghi nhớ hợp tác giáo dục và Hiệp định Thương mại biên giới."
    (event,) = events_of(body)
    assert event.kind == "signing"
    assert event.documents == ["Bản ghi nhớ hợp tác giáo dục", "Hiệp định Thương mại biên giới"]
    assert event.countries == ["Lào", "Việt Nam"]


def test_events_city_the_gazetteer_does_not_know_is_placed_by_its_country():
    body = "Ngày 12/3, tại Zarqa Minh, Jordan, Thứ trưởng Ngoại giao Lê Hữu Tín dẫn đầu đoàn dự cuộc họp trù bị."
    (event,) = events_of(body)
    assert (event.city, event.country) == ("Zarqa Minh", "Jordan")
    body = "Ngày 12/3, tại hội nghị ở Zarqa Minh, Jordan, Thứ trưởng Lê Hữu Tín phát biểu tại cuộc họp trù bị."
    assert [(e.city, e.country) for e in events_of(body)] == [("Zarqa Minh", "Jordan")]
    body = "Ngày 12/3, ở đó, Jordan và Việt Nam đã ký kết bản ghi nhớ hợp tác."
    assert events_of(body)[0].city is None


@pytest.mark.parametrize("body,expected", [
    # both sides of talks, and the attendees a later sentence lists
    ("Chiều 5/3, Thủ tướng Lê Minh Quân hội đàm với Thủ tướng Lào Sonexay Vongkham. Tham dự hội đàm có Bộ trưởng "
     "Ngoại giao Trần Văn Hòa.", ["Lê Minh Quân", "Sonexay Vongkham", "Trần Văn Hòa"]),
    # the one who invited is not there; companions do not take part
    ("Theo lời mời của Tổng thống Hungary Janos Kovacs, ngày 5/3, Tổng Bí thư Nguyễn Văn Bình thăm chính thức "
     "Hungary. Cùng đi có Bộ trưởng Lê Văn Thành.", ["Nguyễn Văn Bình"]),
    # a later sentence about the same talks adds its speakers
    ("Sáng 5/3, Chủ tịch nước Võ Minh Tâm tiếp Đại sứ Canada Paul Martin. Tại buổi tiếp, Chủ tịch nước Võ Minh Tâm "
     "cảm ơn Bộ trưởng Anne Roy.", ["Võ Minh Tâm", "Paul Martin", "Anne Roy"]),
])
def test_events_participants(body, expected):
    (event,) = events_of(body)
    assert sorted(event.participants) == sorted(expected)


def test_events_both_holders_of_a_post_take_part():
    body = ("Thủ tướng Lê Văn Hưng và Thủ tướng Campuchia Sok Chenda gặp nhau. Chiều 31/3, dưới sự chứng kiến của "
            "hai Thủ tướng, hai bên đã ký Biên bản.")
    (event,) = events_of(body)
    assert sorted(event.participants) == ["Lê Văn Hưng", "Sok Chenda"]


@pytest.mark.parametrize("body,kind,start,end", [
    ("Ngày 20/4, Thủ tướng Singapore Lim Wei gọi điện chúc mừng.", "phone_call", "2024-04-20", "2024-04-20"),
    ("Chiều 5/8, Trưởng Ban Lê Văn Hưng tiếp và làm việc với Đoàn.", "reception", "2024-08-05", "2024-08-05"),
    ("Chủ tịch Quốc hội sẽ thăm hữu nghị chính thức Trung Quốc từ ngày 23 đến ngày 27 tháng 12 năm 2024.", "visit",
     "2024-12-23", "2024-12-27"),
])
def test_events_more_ways_to_say_them(body, kind, start, end):
    (event,) = events_of(body)
    assert (event.kind, event.start, event.end) == (kind, start, end)


@pytest.mark.parametrize("body,name", [
    ("Chiều 5/3, Thủ tướng Lê Văn Hưng hội đàm với Thủ tướng Lào Sonexay Vongkham.",
     "Hội đàm giữa Thủ tướng Lê Văn Hưng và Thủ tướng Lào Sonexay Vongkham"),
    ("Tối 7/3, Bộ trưởng Ngoại giao Lê Văn Hưng điện đàm với Ngoại trưởng Pháp Jean Morel.",
     "Điện đàm giữa Bộ trưởng Ngoại giao Lê Văn Hưng và Ngoại trưởng Pháp Jean Morel"),
    ("Từ ngày 5 đến 7/3, Tổng thống Chile Ana Rojas thăm chính thức Việt Nam theo lời mời của Chủ tịch nước "
     "Lê Văn Hưng.", "Tổng thống Chile Ana Rojas thăm chính thức Việt Nam"),
    ("Ngày 5/3, hai bên đã ký Bản ghi nhớ về hợp tác giáo dục.", "Lễ ký Bản ghi nhớ về hợp tác giáo dục"),
    ("Ngày 5/3, Hội nghị Quan chức cấp cao (SOM) ASEAN khai mạc tại Viêng Chăn.",
     "Hội nghị Quan chức cấp cao (SOM) ASEAN"),
])
def test_events_readable_names(body, name):
    (event,) = events_of(body)
    assert event.name == name
