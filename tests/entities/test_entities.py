"""Entities: people with posts, organisations, places — table-driven on sentences written for
the project, and an offsets check on every golden page."""
import json

import pytest
from conftest import EXAMPLES, SHARED

from sugia.entities import extract_entities
from sugia.lang.text import match_key


def people_of(text: str) -> dict[str, list[str]]:
    return {p.name: p.titles for p in extract_entities({"body": text})[0]}


def names(items: list[dict]) -> set[str]:
    return {i.name for i in items} | {a for i in items for a in i.aliases}


@pytest.mark.parametrize("text,expected", [
    ("Phó Thủ tướng, Bộ trưởng Ngoại giao Lê Gia Bảo tiếp Đại sứ.",
     {"Lê Gia Bảo": ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"]}),
    ("Đại sứ Việt Nam tại Mông Cổ Phạm Thu Hằng trình Quốc thư. Đại sứ Phạm Thu Hằng cho biết thêm.",
     {"Phạm Thu Hằng": ["Đại sứ Việt Nam tại Mông Cổ", "Đại sứ"]}),  # both ways the article calls her
    ("Thứ trưởng Ngoại giao Phan Quốc Toản, Trưởng SOM ASEAN Việt Nam, dẫn đầu đoàn.",
     {"Phan Quốc Toản": ["Thứ trưởng Ngoại giao", "Trưởng SOM ASEAN Việt Nam"]}),
    ("Tổng thống Chile Andrés Valdivia đón Chủ tịch nước Nguyễn Hữu Phước.",
     {"Andrés Valdivia": ["Tổng thống Chile"], "Nguyễn Hữu Phước": ["Chủ tịch nước"]}),
    ("Tổng Lãnh sự Hàn Quốc tại Thành phố Hồ Chí Minh Kim Seon-ho phát biểu.",
     {"Kim Seon-ho": ["Tổng Lãnh sự Hàn Quốc tại Thành phố Hồ Chí Minh"]}),
    ("Đại sứ Trịnh Văn Sáng, nguyên Thứ trưởng Bộ Ngoại giao, chia sẻ kinh nghiệm.",
     {"Trịnh Văn Sáng": ["Đại sứ", "nguyên Thứ trưởng Bộ Ngoại giao"]}),
    ("Thứ trưởng Ngoại giao Trung Quốc Tôn Minh Hải gặp bà Mariana Costa, Phó Tổng Giám đốc ILO.",
     {"Tôn Minh Hải": ["Thứ trưởng Ngoại giao Trung Quốc"], "Mariana Costa": ["Phó Tổng Giám đốc ILO"]}),
    ("Quốc vụ khanh Bộ Ngoại giao và Hợp tác quốc tế Campuchia Sok Vannak đồng chủ trì.",
     {"Sok Vannak": ["Quốc vụ khanh Bộ Ngoại giao và Hợp tác quốc tế Campuchia"]}),
    ("Chủ tịch Đại hội đồng Liên hợp quốc khóa 79 Elena Vasquez phát biểu.",
     {"Elena Vasquez": ["Chủ tịch Đại hội đồng Liên hợp quốc khóa 79"]}),
    ("Tổng thống Mỹ đã gọi điện. Đại sứ quán tổ chức lễ kỷ niệm tại Nha Trang.", {}),
    ("Hai bên ký kết văn kiện hợp tác (Ảnh: Tuấn Anh).", {}),
])
def test_entities_people_and_posts(text, expected):
    assert people_of(text) == expected


def test_entities_later_mentions_resolve_to_the_person():
    text = "Thứ trưởng Ngoại giao Đoàn Thanh Tùng chủ trì. Thứ trưởng Đoàn Thanh Tùng nhấn mạnh, ông Tùng cho biết."
    (person,) = extract_entities({"body": text})[0]
    assert person.titles == ["Thứ trưởng Ngoại giao", "Thứ trưởng"]
    assert [m.text for m in person.mentions] == ["Đoàn Thanh Tùng", "Đoàn Thanh Tùng", "Tùng"]


@pytest.mark.parametrize("text,expected", [
    ("Hội đồng Nhân quyền Liên hợp quốc (HĐNQ) bế mạc khóa họp.",
     {"Hội đồng Nhân quyền Liên hợp quốc", "HĐNQ", "Liên hợp quốc"}),
    ("Đại diện Tổ chức Y tế Thế giới và LHQ dự họp.", {"Tổ chức Y tế Thế giới", "LHQ", "Liên hợp quốc"}),
    ("Đại sứ quán Việt Nam tại Ba Lan phối hợp với Ủy ban Hàng không Dân dụng Ba Lan.",
     {"Đại sứ quán Việt Nam tại Ba Lan", "Ủy ban Hàng không Dân dụng Ba Lan"}),
    ("Bộ trưởng gặp đại diện Bộ Ngoại giao Nhật Bản.", {"Bộ Ngoại giao Nhật Bản"}),
    ("Hai bên nhất trí thúc đẩy Hiệp định Đối tác kinh tế toàn diện khu vực (RCEP) và đàm phán COC.", set()),
    ("Hội nghị Bộ trưởng Ngoại giao ASEAN khai mạc.", {"ASEAN", "Hiệp hội các quốc gia Đông Nam Á"}),
    ("Lễ ký kết diễn ra tại Hà Nội (Nguồn: TTXVN).", set()),
    ("Hãng hàng không Vietjet mở đường bay mới.", {"Hãng hàng không Vietjet"}),
])
def test_entities_organizations(text, expected):
    assert names(extract_entities({"body": text})[1]) == expected


@pytest.mark.parametrize("text,expected", [
    ("Hội nghị diễn ra tại Geneva (Thụy Sỹ).", {"Geneva": set(), "Thụy Sỹ": {"Thụy Sĩ"}}),
    ("Đoàn công tác tới Vientiane, Lào.", {"Vientiane": {"Viêng Chăn"}, "Lào": set()}),
    ("Quan hệ Việt Nam - Hoa Kỳ tiếp tục phát triển.", {"Việt Nam": set(), "Hoa Kỳ": {"Mỹ"}}),
    ("Thứ trưởng Ngoại giao Nguyễn Đức Khải tới Cần Thơ.", {"Cần Thơ": set()}),
    ("Việt Nam tích cực tham gia tổ chức Pháp ngữ.", {"Việt Nam": set()}),
    ("Lễ đón diễn ra tại Trung tâm Hội nghị quốc gia của Lào, tỉnh Điện Biên.",
     {"Trung tâm Hội nghị quốc gia của Lào": set(), "Lào": set(), "Điện Biên": set()}),
])
def test_entities_places(text, expected):
    found = extract_entities({"body": text})[2]
    got = {p.name: set(p.aliases) for p in found}
    assert set(got) == set(expected)
    for name, aliases in expected.items():
        assert aliases <= got[name]


def golden_pages():
    pages = [(EXAMPLES / "pages", EXAMPLES / "gold")]
    if (SHARED / "samples").is_dir():
        pages.append((SHARED / "samples", SHARED / "eval" / "dev" / "gold"))
    return pages


def test_entities_mentions_point_at_their_text():
    from sugia import extract

    checked = 0
    for pages, _ in golden_pages():
        for page in extract([str(pages)]):
            fields = {"title": page.meta.title or "", "body": page.body}
            for kind in ("people", "organizations", "locations"):
                for entity in getattr(page, kind):
                    forms = {match_key(f) for f in [entity.name, *entity.aliases]}
                    for m in entity.mentions:
                        assert fields[m.field][m.start : m.end] == m.text
                        assert kind == "people" or match_key(m.text) in forms
                        checked += 1
    assert checked > 500


def test_entities_gold_people_found_on_examples():
    from sugia import extract

    missed = []
    for page in extract([str(EXAMPLES / "pages")]):
        gold = json.loads((EXAMPLES / "gold" / (page.source.rsplit("/", 1)[-1].rsplit(".", 1)[0] + ".json")).read_text())
        got = {match_key(p.name) for p in page.people}
        missed += [p["name"] for p in gold["people"] if match_key(p["name"]) not in got]
    assert len(missed) <= 3, missed


def test_entities_two_organisations_joined_by_va_stay_two():
    text = "Lễ hội do Đại sứ quán Việt Nam tại Hàn Quốc và Bộ Lao động, Thương binh và Xã hội tổ chức."
    assert names(extract_entities({"body": text})[1]) == {
        "Đại sứ quán Việt Nam tại Hàn Quốc", "Bộ Lao động, Thương binh và Xã hội"}


def test_entities_post_does_not_swallow_the_verb_phrase():
    text = "Thứ trưởng Ngoại giao Phan Quốc Toản, Trưởng SOM ASEAN của Việt Nam dẫn đầu đoàn Việt Nam dự họp."
    assert people_of(text) == {"Phan Quốc Toản": ["Thứ trưởng Ngoại giao", "Trưởng SOM ASEAN của Việt Nam"]}


@pytest.mark.parametrize("text,name,title", [
    ("Thủ tướng nước Cộng hòa Singapore Lý Minh An phát biểu.", "Lý Minh An", "Thủ tướng nước Cộng hòa Singapore"),
    ("Chủ tịch nước Cộng hòa Xã hội chủ nghĩa Việt Nam Trần Văn Bảo tiếp đoàn.", "Trần Văn Bảo",
     "Chủ tịch nước Cộng hòa Xã hội chủ nghĩa Việt Nam"),
    ("Thủ tướng Chính phủ Lê Gia Bảo dẫn đầu đoàn.", "Lê Gia Bảo", "Thủ tướng Chính phủ"),
    ("Đại tướng Phan Minh Khôi, Phó bí thư Quân ủy Trung ương, phát biểu.", "Phan Minh Khôi",
     "Phó bí thư Quân ủy Trung ương"),
])
def test_entities_posts_with_state_names_and_small_letters(text, name, title):
    people = {p.name: p.titles for p in extract_entities({"body": text})[0]}
    assert title in people[name]


@pytest.mark.parametrize("text,places", [
    ("Hội đồng họp vì hòa bình và ổn định.", []),  # peace, not the province Hòa Bình
    ("Đoàn công tác tới tỉnh Hòa Bình.", ["Hòa Bình"]),
    ("Hai bên hợp tác với châu Âu.", ["châu Âu"]),  # listed with its small letter
])
def test_entities_places_written_as_listed(text, places):
    assert [p.name for p in extract_entities({"body": text})[2]] == places


@pytest.mark.parametrize("text,name", [
    ("Bộ trưởng Ngoại giao Nga Xéc-gây La-vờ-rốp hội đàm với đoàn.", "Xéc-gây La-vờ-rốp"),
    ("Thủ tướng Lào Thoong-lun Xi-xu-lít phát biểu.", "Thoong-lun Xi-xu-lít"),
])
def test_entities_hyphenated_transliterations_are_foreign_names(text, name):
    assert [p.name for p in extract_entities({"body": text})[0]] == [name]


@pytest.mark.parametrize("text,org", [
    ("Lãnh đạo UBND tỉnh Lạng Sơn tiếp đoàn.", "UBND tỉnh Lạng Sơn"),
    ("Ủy ban nhân dân thành phố Hà Nội tổ chức lễ đón.", "Ủy ban nhân dân thành phố Hà Nội"),
    ("Bí thư Tỉnh ủy Sơn La tiếp đoàn.", "Tỉnh ủy Sơn La"),
])
def test_entities_local_bodies_are_one_per_place(text, org):
    assert org in [o.name for o in extract_entities({"body": text})[1]]


@pytest.mark.parametrize("text,people,places", [
    # an honorific and a given name alone, at a sentence's start or inside it
    ("Chị Ngân cho biết cả xóm đã góp tiền sửa đường.", {"Ngân"}, set()),
    ("Theo lời kể của anh Khải, đêm đó trời mưa to.", {"Khải"}, set()),
    # "Anh" before a name is an honorific, not the United Kingdom
    ("Anh Phùng Văn Khải, 38 tuổi, ngụ tại Cần Thơ.", {"Phùng Văn Khải"}, {"Cần Thơ"}),
    ("Ông Đức và bà Vinh đều đã nghỉ hưu.", {"Đức", "Vinh"}, set()),  # given names, not Germany or Vinh
    # a Vietnamese full name standing alone
    ("Đỗ Thị Quỳnh Như kể lại rằng cô được cứu sống.", {"Đỗ Thị Quỳnh Như"}, set()),
    ("Trần Hữu Nghĩa, Thứ trưởng Bộ Công Thương, cho biết thêm.", {"Trần Hữu Nghĩa"}, set()),
    # full names that are streets, schools, cities and words in capitals are no people
    ("Cửa hàng ở số 12 đường Nguyễn Văn Linh, quận 7.", set(), set()),
    ("Học sinh Trường THPT Lê Quý Đôn đạt giải nhất.", set(), set()),
    ("Hội chợ diễn ra tại TP. Hồ Chí Minh trong ba ngày.", set(), {"TP. Hồ Chí Minh"}),
    ("Các đồng chí Lãnh đạo chủ chốt đã tới dự.", set(), set()),
    ("Xã Bà Điểm thuộc huyện Đức Hòa, tỉnh Long An.", set(), {"Đức Hòa", "Long An"}),
])
def test_entities_people_of_general_news(text, people, places):
    found, _, locations = extract_entities({"body": text})
    assert {p.name for p in found} == people
    assert places <= names(locations) and "Anh" not in names(locations) and "Đức" not in names(locations)


def test_entities_a_surname_before_the_full_name_is_that_person():
    found = extract_entities({"body": "Bà Lindqvist nói. Sau đó, Thủ tướng Thụy Điển Annika Lindqvist rời Hà Nội."})[0]
    assert [(p.name, len(p.mentions)) for p in found] == [("Annika Lindqvist", 2)]


@pytest.mark.parametrize("text,name,title", [
    ("Tổng Thư ký Liên hợp quốc Ban Ki-moon phát biểu.", "Ban Ki-moon", "Tổng Thư ký Liên hợp quốc"),
    ("Thủ tướng tiếp Thứ trưởng Thứ nhất Bộ Ngoại giao Canada Paul Moreau.", "Paul Moreau",
     "Thứ trưởng Thứ nhất Bộ Ngoại giao Canada"),
    ("Dự có Chủ tịch Ủy ban nhân dân thành phố Hải Phòng Lê Văn Đạt.", "Lê Văn Đạt",
     "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"),
    ("Dự có Trưởng Ban Đối ngoại Trung ương Hà Minh Tâm.", "Hà Minh Tâm", "Trưởng Ban Đối ngoại Trung ương"),
    ("Phía Peru có Bộ trưởng Bộ Ngoại giao Ramón Quispe, Đại sứ.", "Ramón Quispe", "Bộ trưởng Bộ Ngoại giao"),
    ("Bộ trưởng Bộ Lao động Thương binh và Xã hội Võ Thanh Hà dự.", "Võ Thanh Hà",
     "Bộ trưởng Bộ Lao động Thương binh và Xã hội"),
    ("Ông Khamsay Vongdara, Ủy viên Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào, Bí thư, phát biểu.",
     "Khamsay Vongdara", "Ủy viên Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào"),
])
def test_entities_posts_that_run_past_a_listed_name(text, name, title):
    assert title in people_of(text)[name]


@pytest.mark.parametrize("text,name,title", [
    ("Chủ tịch Hội đồng châu Âu Pieter De Smet phát biểu.", "Pieter De Smet", "Chủ tịch Hội đồng châu Âu"),
    ("Hội đàm với Thủ tướng Samdech Techo Sok Chenda.", "Sok Chenda", "Thủ tướng"),
    ("Thứ trưởng Bộ Công an Lê Minh Tân dự.", "Lê Minh Tân", "Thứ trưởng Bộ Công an"),  # "tân" is no modifier here
    ("Có mặt ông Kham Phouvong - Phó Chủ tịch tỉnh Bokeo Mới.", "Kham Phouvong", "Phó Chủ tịch tỉnh Bokeo Mới"),
    ("Bộ trưởng Giao thông Ivan Petrov tới.", "Ivan Petrov", "Bộ trưởng Giao thông"),
    ("Tổng Thư ký Pháp ngữ Aline Dubois chủ trì.", "Aline Dubois", "Tổng Thư ký Pháp ngữ"),
    ("Hoàng thân Khalid bin Salman Al-Rashid dự tiệc.", "Khalid bin Salman Al-Rashid", "Hoàng thân"),
])
def test_entities_courtesy_titles_particles_and_unlisted_places(text, name, title):
    assert title in people_of(text)[name]


@pytest.mark.parametrize("text,org", [
    ("Ủy ban liên chính phủ Việt Nam - Peru về hợp tác kinh tế - thương mại và khoa học - kỹ thuật đã họp.",
     "Ủy ban liên chính phủ Việt Nam - Peru về hợp tác kinh tế - thương mại và khoa học - kỹ thuật"),
    ("Hội đồng Hòa bình về Dải Gaza do ông A lập.", "Hội đồng Hòa bình về Dải Gaza"),
    ("Đại sứ quán làm việc với Ủy ban Hàng không Dân dụng Peru về việc mở đường bay.", "Ủy ban Hàng không Dân dụng Peru"),
    ("Ủy ban Liên chính phủ Việt Nam - Peru đã họp tại Hà Nội.", "Ủy ban Liên chính phủ Việt Nam - Peru"),
    ("Đại diện Học viện Ngoại giao.Tại đây ông phát biểu.", "Học viện Ngoại giao"),
    ("Quà của Hội Chữ thập đỏ và Sở Y tế tỉnh.", "Sở Y tế"),
])
def test_entities_organisations_with_their_remit_and_whole_words(text, org):
    assert org in names(extract_entities({"body": text})[1])


@pytest.mark.parametrize("text,name,expected", [
    ("Ông gặp Giáo sư Karl Brenner, nhà sáng lập kiêm Chủ tịch điều hành WEF; sau đó", "Karl Brenner",
     ["nhà sáng lập", "Chủ tịch điều hành WEF"]),
    ("Chủ tịch Liên minh Nghị viện thế giới (IPU) Rosa Delgado dự.", "Rosa Delgado",
     ["Chủ tịch Liên minh Nghị viện thế giới (IPU)"]),
    ("Tổng lãnh sự Lào tại TP Hồ Chí Minh - ông Khampheng Sisavath đến thăm.", "Khampheng Sisavath",
     ["Tổng lãnh sự Lào tại TP Hồ Chí Minh"]),
    ("Có đồng chí Lê Văn Tám - ủy viên Ban thường vụ Tỉnh ủy, Phó chủ tịch UBND tỉnh, dự.", "Lê Văn Tám",
     ["ủy viên Ban thường vụ Tỉnh ủy", "Phó chủ tịch UBND"]),
    ("Phó Thủ tướng kiêm Bộ trưởng Ngoại giao Cam-pu-chia Xô Khun Vong tới.", "Xô Khun Vong",
     ["Phó Thủ tướng", "Bộ trưởng Ngoại giao Cam-pu-chia"]),
    ("Thư ký Hội đồng An ninh Quốc gia Mông Cổ Batbold Ganzorig đang thăm.", "Batbold Ganzorig",
     ["Thư ký Hội đồng An ninh Quốc gia Mông Cổ"]),
])
def test_entities_post_chains_with_kiem_dashes_and_small_letters(text, name, expected):
    assert people_of(text)[name] == expected


@pytest.mark.parametrize("text,name,expected", [
    ("Tại diễn đàn, trưởng đoàn Việt Nam - Thượng tướng, Thứ trưởng Quốc phòng Lê Văn Hưng - trả lời.", "Lê Văn Hưng",
     ["trưởng đoàn Việt Nam", "Thượng tướng", "Thứ trưởng Quốc phòng"]),
    ("Ông Lê Văn Hưng, Ủy viên Bộ Chính trị Trung ương Đảng Cộng sản Việt Nam, Chủ tịch Quốc hội nước Cộng hòa Xã "
     "hội chủ nghĩa Việt Nam, sẽ dẫn đầu đoàn.", "Lê Văn Hưng",
     ["Ủy viên Bộ Chính trị Trung ương Đảng Cộng sản Việt Nam",
      "Chủ tịch Quốc hội nước Cộng hòa Xã hội chủ nghĩa Việt Nam"]),
    ("Gồm Trung tá Phan Thị Mai, Trợ lý Phòng Đối ngoại, và", "Phan Thị Mai",
     ["Trung tá", "Trợ lý Phòng Đối ngoại"]),
    ("Đại sứ, Trưởng Phái đoàn Đại diện thường trực Việt Nam tại LHQ Lê Văn Hưng cắm cờ.", "Lê Văn Hưng",
     ["Đại sứ", "Trưởng Phái đoàn Đại diện thường trực Việt Nam tại LHQ"]),
    ("Cùng Ủy viên Quốc vụ, Bộ trưởng Ngoại giao Trung Quốc Lý Cường Minh sẽ dự.", "Lý Cường Minh",
     ["Ủy viên Quốc vụ", "Bộ trưởng Ngoại giao Trung Quốc"]),
])
def test_entities_ranks_party_bodies_and_delegation_heads(text, name, expected):
    assert people_of(text)[name] == expected


@pytest.mark.parametrize("text,present,absent", [
    ("Ông là Ủy viên Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc.",
     {"Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc", "Đảng Cộng sản Trung Quốc"}, {"Ban Chấp hành Trung ương Đảng"}),
    ("Phòng Thương mại và Công nghiệp Nam Phi và doanh nghiệp Nam Phi dự.",
     {"Phòng Thương mại và Công nghiệp Nam Phi"}, set()),
    ("Về phía Chile có Bộ Thương mại Paulina Nazal và các quan chức.", {"Bộ Thương mại"}, set()),
    ("Liên Hợp Quốc về cơ bản đồng ý. Toàn quốc về đích.", {"Liên Hợp Quốc"}, {"Liên Hợp Quốc về"}),
])
def test_entities_organisations_end_where_a_list_or_a_holder_begins(text, present, absent):
    found = names(extract_entities({"body": text})[1])
    assert present <= found and not absent & found


@pytest.mark.parametrize("text,people", [
    ("Ông Ramon T. Villanueva phát biểu.", {"Ramon T. Villanueva"}),
    ("Máy bay hạ cánh xuống sân bay quốc tế Ministro Rivadavia chiều qua.", set()),
    ("Đoàn tới Các Tiểu vương quốc Arab Thống nhất hôm qua.", set()),
    ("Hội nghị ở New Brighton khai mạc.", set()),
])
def test_entities_foreign_names_standing_alone_and_what_they_are_not(text, people):
    assert set(people_of(text)) == people


def test_entities_a_name_in_brackets_after_a_person_is_an_alias():
    found = extract_entities({"body": "Bộ trưởng tiếp Đại sứ Mỹ Mác Cơ-náp (Marc Knapp) tại Hà Nội. Ông Marc Knapp nói."})[0]
    assert [(p.name, p.aliases, len(p.mentions)) for p in found] == [("Mác Cơ-náp", ["Marc Knapp"], 3)]
