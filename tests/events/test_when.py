"""Vietnamese date expressions as they appear in news, each with its publication date and the
expected resolution (start, end, precision). Written for the project."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sugia.events.when import Reference, find

FRI = date(2024, 10, 11)  # a Friday; its week runs 7-13 October
JAN2 = date(2025, 1, 2)
D = date.fromisoformat

CASES = [
    # single days, with the parts of the day Vietnamese news prints
    ("Ngày 7/10, hai bên hội đàm.", FRI, "2024-10-07", "2024-10-07", "day"),
    ("Sáng 8/10, Thủ tướng tiếp Đại sứ.", FRI, "2024-10-08", "2024-10-08", "day"),
    ("Chiều 9/10, đoàn rời Hà Nội.", FRI, "2024-10-09", "2024-10-09", "day"),
    ("Tối 10.10, lễ đón diễn ra.", FRI, "2024-10-10", "2024-10-10", "day"),
    ("Trưa 11/10, hai bên ký kết.", FRI, "2024-10-11", "2024-10-11", "day"),
    ("Đêm 6/10, đoàn tới sân bay.", FRI, "2024-10-06", "2024-10-06", "day"),
    ("Rạng sáng 5/10, máy bay hạ cánh.", FRI, "2024-10-05", "2024-10-05", "day"),
    ("Hội nghị sẽ diễn ra ngày 15/10.", FRI, "2024-10-15", "2024-10-15", "day"),
    ("Ngày 07/10/2024, Bộ trưởng điện đàm.", FRI, "2024-10-07", "2024-10-07", "day"),
    ("vào ngày 5/10/1992 tại Kỳ họp thứ 47", FRI, "1992-10-05", "1992-10-05", "day"),
    ("Sáng 8-10, đoàn thăm nhà máy.", FRI, "2024-10-08", "2024-10-08", "day"),
    ("Ngày 12.9 vừa qua, hai nước ký thỏa thuận.", FRI, "2024-09-12", "2024-09-12", "day"),
    ("ngày 5 tháng 3 năm 2024", FRI, "2024-03-05", "2024-03-05", "day"),
    ("ngày 20 tháng 11", FRI, "2024-11-20", "2024-11-20", "day"),
    ("Ngày 1/1/2025, hiệp định có hiệu lực.", FRI, "2025-01-01", "2025-01-01", "day"),
    ("từ ngày 30/9 đoàn đã làm việc", FRI, "2024-09-30", "2024-09-30", "day"),
    ("đến ngày 31/12 sẽ hoàn thành", FRI, "2024-12-31", "2024-12-31", "day"),
    ("Trước ngày 20/10, các bên gửi ý kiến.", FRI, "2024-10-20", "2024-10-20", "day"),
    ("(ngày 29/2/2024)", FRI, "2024-02-29", "2024-02-29", "day"),
    ("Chiều 14/1, tại Hà Nội", date(2026, 1, 15), "2026-01-14", "2026-01-14", "day"),
    # ranges
    ("từ ngày 12-14/10", FRI, "2024-10-12", "2024-10-14", "day"),
    ("Từ ngày 12 đến 13-2, cuộc họp diễn ra.", date(2025, 2, 14), "2025-02-12", "2025-02-13", "day"),
    ("tại San Francisco từ 14-17/11.", date(2023, 11, 13), "2023-11-14", "2023-11-17", "day"),
    ("Tại cùng một thời điểm từ 13-14/10,", FRI, "2024-10-13", "2024-10-14", "day"),
    ("Sau hai ngày làm việc (5 - 6/11/2025)", FRI, "2025-11-05", "2025-11-06", "day"),
    ("Trong hai ngày 21-22/8, tại Luang Prabang", FRI, "2024-08-21", "2024-08-22", "day"),
    ("từ ngày 28/9 đến ngày 2/10", FRI, "2024-09-28", "2024-10-02", "day"),
    ("Từ 30/9 đến 3/10, đoàn thăm Lào.", FRI, "2024-09-30", "2024-10-03", "day"),
    ("từ ngày 10 đến 13/6/2009", FRI, "2009-06-10", "2009-06-13", "day"),
    ("diễn ra từ ngày 26-27/5.", date(2025, 5, 24), "2025-05-26", "2025-05-27", "day"),
    ("từ 8-11/10 với sự tham dự", FRI, "2024-10-08", "2024-10-11", "day"),
    ("từ ngày 1-3/11 tới", FRI, "2024-11-01", "2024-11-03", "day"),
    ("Từ ngày 27/12/2024 đến ngày 3/1/2025", JAN2, "2024-12-27", "2025-01-03", "day"),
    ("trong các ngày 16-18/10", FRI, "2024-10-16", "2024-10-18", "day"),
    # year boundaries
    ("ngày 28/12 vừa qua", JAN2, "2024-12-28", "2024-12-28", "day"),
    ("Chiều 30/12, Bộ trưởng đã tiếp", JAN2, "2024-12-30", "2024-12-30", "day"),
    ("Ngày 3/1, hai bên sẽ ký", JAN2, "2025-01-03", "2025-01-03", "day"),
    ("ngày 5/1 tới", date(2024, 12, 30), "2025-01-05", "2025-01-05", "day"),
    ("Sáng 31/12, đoàn đã về nước", date(2025, 1, 3), "2024-12-31", "2024-12-31", "day"),
    ("ngày 15/12 sẽ diễn ra", date(2024, 11, 20), "2024-12-15", "2024-12-15", "day"),
    ("ngày 20/11 đã diễn ra", date(2025, 1, 10), "2024-11-20", "2024-11-20", "day"),
    # months
    ("tháng 8/2022", FRI, "2022-08-01", "2022-08-31", "month"),
    ("vào giữa tháng 8 vừa qua", FRI, "2024-08-01", "2024-08-31", "month"),
    ("Vào cuối tháng 9, Ủy ban đã họp", FRI, "2024-09-01", "2024-09-30", "month"),
    ("tháng 12 năm 2023", FRI, "2023-12-01", "2023-12-31", "month"),
    ("trong tháng 11 tới", FRI, "2024-11-01", "2024-11-30", "month"),
    ("tháng 2 năm 2024", FRI, "2024-02-01", "2024-02-29", "month"),
    ("Hồi tháng 3, hai bên đã gặp", FRI, "2024-03-01", "2024-03-31", "month"),
    ("tháng 1 tới", date(2024, 12, 20), "2025-01-01", "2025-01-31", "month"),
    # relative days and weeks
    ("Hôm nay, Thủ tướng lên đường.", FRI, "2024-10-11", "2024-10-11", "day"),
    ("hôm qua hai bên đã điện đàm", FRI, "2024-10-10", "2024-10-10", "day"),
    ("Ngày mai đoàn sẽ tới Lào.", FRI, "2024-10-12", "2024-10-12", "day"),
    ("hôm kia", FRI, "2024-10-09", "2024-10-09", "day"),
    ("Tuần này, Chủ tịch nước sẽ tham dự", FRI, "2024-10-07", "2024-10-13", "week"),
    ("tuần trước, hai bên đã gặp", FRI, "2024-09-30", "2024-10-06", "week"),
    ("tuần tới", FRI, "2024-10-14", "2024-10-20", "week"),
    ("tuần qua", FRI, "2024-09-30", "2024-10-06", "week"),
    ("thứ Ba tuần trước", FRI, "2024-10-01", "2024-10-01", "day"),
    ("thứ Hai tuần này", FRI, "2024-10-07", "2024-10-07", "day"),
    ("thứ Năm tuần tới", FRI, "2024-10-17", "2024-10-17", "day"),
    ("Chủ nhật tuần trước", FRI, "2024-10-06", "2024-10-06", "day"),
    ("thứ Tư vừa qua", FRI, "2024-10-09", "2024-10-09", "day"),
    ("thứ Hai tới, đoàn sẽ lên đường", FRI, "2024-10-14", "2024-10-14", "day"),
    ("thứ 6 tuần trước", FRI, "2024-10-04", "2024-10-04", "day"),
    ("vào thứ Bảy, hai bên sẽ ký", FRI, "2024-10-12", "2024-10-12", "day"),
    ("thứ Ba, hai bên đã hội đàm", FRI, "2024-10-08", "2024-10-08", "day"),
    # years
    ("năm nay", FRI, "2024-01-01", "2024-12-31", "year"),
    ("năm ngoái", FRI, "2023-01-01", "2023-12-31", "year"),
    ("năm tới", FRI, "2025-01-01", "2025-12-31", "year"),
    # no publication date: the year the text fixes, else unknown
]
NO_DATE = [
    ("Ngày 7/10, tại Vientiane", 2024, "2024-10-07", "2024-10-07"),
    ("từ ngày 8-11/10", 2024, "2024-10-08", "2024-10-11"),
    ("từ 14-17/11", 2023, "2023-11-14", "2023-11-17"),
    ("tháng 8", 2022, "2022-08-01", "2022-08-31"),
    ("Sáng 25/3", None, None, None),
    ("từ ngày 12-14/10", None, None, None),
]
NOT_DATES = [
    "tham dự Hội nghị lần thứ 6",  # an ordinal, not Friday
    "hoàn tất thủ tục nội bộ",  # folded it reads "thu tuc"
    "Thủ tướng tiếp Đại sứ",
    "tăng 57% so với cùng kỳ",
    "kỷ niệm 30 năm (1992-2022)",
    "kết quả 2-1 nghiêng về đội nhà",
    "lúc 9.30 sáng",
    "Lượt xem: 1.205",
    "đạt 10,2 tỷ USD",
    "ngày 32/13",
]


@pytest.mark.parametrize("text,published,start,end,precision", CASES, ids=[c[0] for c in CASES])
def test_when_resolves(text, published, start, end, precision):
    (when, *rest) = find(text, Reference(published))
    assert (when.start, when.end, when.precision) == (D(start), D(end), precision)
    assert when.year_known


@pytest.mark.parametrize("text,year,start,end", NO_DATE, ids=[c[0] for c in NO_DATE])
def test_when_without_publication_date(text, year, start, end):
    (when, *_) = find(text, Reference(None, year, year_stated=True))
    assert when.iso() == (start, end)
    assert when.year_known is (year is not None)
    (guessed, *_) = find(text, Reference(None, year))  # a year the text does not call its own: a guess
    assert guessed.iso() == (start, end) and not guessed.year_known
    if year is None:
        assert when.month_day is not None  # day and month kept, year marked unknown


def test_when_same_day_refers_to_the_last_day():
    (when,) = find("Chiều cùng ngày, Chủ tịch nước hội kiến", Reference(FRI, None, date(2024, 10, 9)))
    assert when.iso() == ("2024-10-09", "2024-10-09")


@pytest.mark.parametrize("text", NOT_DATES)
def test_when_ignores_what_is_not_a_date(text):
    assert [w for w in find(text, Reference(FRI)) if w.precision == "day"] == []


def test_when_table_is_large_enough():
    assert len(CASES) + len(NO_DATE) + len(NOT_DATES) >= 80


@given(st.dates(min_value=date(2000, 1, 5), max_value=date(2090, 12, 25)), st.integers(-150, 150))
def test_when_year_inferred_is_nearest_to_publication(published, shift):
    from datetime import timedelta

    day = published + timedelta(days=shift)
    (when,) = find(f"Ngày {day.day}/{day.month}, hai bên hội đàm.", Reference(published))
    assert when.start == day
