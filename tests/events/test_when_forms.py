"""Every form of date expression Vietnamese news prints, as a table: the sentence, its
publication day, and the days it names (start, end, precision). Written for the project;
with test_when.py these are the issue's table of date expressions."""
from datetime import date

import pytest

from sugia.events.when import Reference, find
from sugia.lang.dates import stamps_in

FRI = date(2024, 10, 11)  # a Friday; its week runs 7-13 October 2024
MAR = date(2025, 3, 20)  # a Thursday
NEWYEAR = date(2025, 1, 3)

FORMS = [
    # "mồng" / "mùng"
    ("Mồng 2/10, đoàn tới Hà Nội.", FRI, "2024-10-02", "2024-10-02", "day"),
    ("mùng 5/10 hai bên ký kết", FRI, "2024-10-05", "2024-10-05", "day"),
    ("Sáng mồng 3/10, lễ đón diễn ra.", FRI, "2024-10-03", "2024-10-03", "day"),
    ("ngày mồng 1/10 vừa qua", FRI, "2024-10-01", "2024-10-01", "day"),
    ("Mùng 2 tháng 9 năm 1945, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập.", FRI, "1945-09-02", "1945-09-02", "day"),
    ("mồng 10 tháng 3 âm lịch", MAR, "2025-03-10", "2025-03-10", "day"),
    # a day without "ngày", with a year
    ("12 tháng 10 năm 2017, hai nước ký hiệp định.", FRI, "2017-10-12", "2017-10-12", "day"),
    ("Hiệp định ký 5 tháng 3 năm 2024 tại Hà Nội.", FRI, "2024-03-05", "2024-03-05", "day"),
    ("vào 21 tháng 8, 2023", FRI, "2023-08-21", "2023-08-21", "day"),
    ("kể từ 7 tháng 4 2019", FRI, "2019-04-07", "2019-04-07", "day"),
    ("Sự kiện 30 tháng 4 năm 1975 mở ra trang mới.", FRI, "1975-04-30", "1975-04-30", "day"),
    # months in words
    ("Ngày 5 tháng ba, hai bên hội đàm.", MAR, "2025-03-05", "2025-03-05", "day"),
    ("ngày 10 tháng mười năm 2019", FRI, "2019-10-10", "2019-10-10", "day"),
    ("ngày 2 tháng chín năm 1945", FRI, "1945-09-02", "1945-09-02", "day"),
    ("ngày 20 tháng mười một", FRI, "2024-11-20", "2024-11-20", "day"),
    ("ngày 1 tháng mười hai năm 2024", FRI, "2024-12-01", "2024-12-01", "day"),
    ("ngày 15 tháng Giêng năm 2025", NEWYEAR, "2025-01-15", "2025-01-15", "day"),
    ("ngày 23 tháng Chạp", NEWYEAR, "2024-12-23", "2024-12-23", "day"),
    ("ngày 7 tháng tư năm 2021", FRI, "2021-04-07", "2021-04-07", "day"),
    ("ngày 19 tháng năm năm 2020", FRI, "2020-05-19", "2020-05-19", "day"),
    ("ngày 6 tháng sáu năm 2022", FRI, "2022-06-06", "2022-06-06", "day"),
    ("ngày 27 tháng bảy năm 2023", FRI, "2023-07-27", "2023-07-27", "day"),
    ("ngày 19 tháng tám năm 2024", FRI, "2024-08-19", "2024-08-19", "day"),
    ("ngày 14 tháng hai năm 2025", MAR, "2025-02-14", "2025-02-14", "day"),
    ("tháng mười năm 2019", FRI, "2019-10-01", "2019-10-31", "month"),
    ("tháng ba năm 2025", MAR, "2025-03-01", "2025-03-31", "month"),
    ("tháng Chạp năm 2024", NEWYEAR, "2024-12-01", "2024-12-31", "month"),
    ("tháng chín/2023", FRI, "2023-09-01", "2023-09-30", "month"),
    # two-digit years
    ("Ngày 5/3/24, hai bên hội đàm.", FRI, "2024-03-05", "2024-03-05", "day"),
    ("ngày 24/12/12", FRI, "2012-12-24", "2012-12-24", "day"),
    ("ngày 30.4.75", FRI, "1975-04-30", "1975-04-30", "day"),
    ("Sáng 8-10-24, đoàn thăm nhà máy.", FRI, "2024-10-08", "2024-10-08", "day"),
    ("từ ngày 12-14/10/24", FRI, "2024-10-12", "2024-10-14", "day"),
    ("tháng 8/23", FRI, "2023-08-01", "2023-08-31", "month"),
    # dotted forms
    ("Ngày 22.6, Thủ tướng lên đường.", date(2019, 6, 22), "2019-06-22", "2019-06-22", "day"),
    ("từ 3-5.11", FRI, "2024-11-03", "2024-11-05", "day"),
    ("Sáng 8.10.2024, đoàn thăm nhà máy.", FRI, "2024-10-08", "2024-10-08", "day"),
    ("ngày 9.10 vừa qua", FRI, "2024-10-09", "2024-10-09", "day"),
    ("Hội nghị diễn ra từ 14-17.11.2023", FRI, "2023-11-14", "2023-11-17", "day"),
    ("tối 25.10 sẽ có tiệc chiêu đãi", FRI, "2024-10-25", "2024-10-25", "day"),
    ("Chiều 1.10, lễ thượng cờ diễn ra.", FRI, "2024-10-01", "2024-10-01", "day"),
    ("tháng 10.2024", FRI, "2024-10-01", "2024-10-31", "month"),
    # two days named together
    ("hai ngày 25 và 26/9", FRI, "2024-09-25", "2024-09-26", "day"),
    ("Trong hai ngày 14 và 15/10, đoàn làm việc tại Lào.", FRI, "2024-10-14", "2024-10-15", "day"),
    ("ngày 8 và 9-10 vừa qua", FRI, "2024-10-08", "2024-10-09", "day"),
    ("hai ngày 3 và 4/12/2023", FRI, "2023-12-03", "2023-12-04", "day"),
    ("Trong hai ngày 30 và 31/10, Diễn đàn diễn ra.", FRI, "2024-10-30", "2024-10-31", "day"),
    # months from publication
    ("Tháng trước, hai bên đã ký thỏa thuận.", FRI, "2024-09-01", "2024-09-30", "month"),
    ("trong tháng này", FRI, "2024-10-01", "2024-10-31", "month"),
    ("tháng tới sẽ diễn ra hội nghị", FRI, "2024-11-01", "2024-11-30", "month"),
    ("tháng sau đoàn sẽ sang thăm", FRI, "2024-11-01", "2024-11-30", "month"),
    ("Tháng qua, xuất khẩu tăng.", FRI, "2024-09-01", "2024-09-30", "month"),
    ("tháng trước", NEWYEAR, "2024-12-01", "2024-12-31", "month"),
    ("tháng tới", date(2024, 12, 10), "2025-01-01", "2025-01-31", "month"),
    # years from publication
    ("năm tới hai nước kỷ niệm 50 năm quan hệ", FRI, "2025-01-01", "2025-12-31", "year"),
    ("Năm ngoái, kim ngạch đạt 10 tỷ USD.", FRI, "2023-01-01", "2023-12-31", "year"),
    ("trong năm nay", FRI, "2024-01-01", "2024-12-31", "year"),
    ("năm sau sẽ tổ chức tại Lào", FRI, "2025-01-01", "2025-12-31", "year"),
    ("năm trước", MAR, "2024-01-01", "2024-12-31", "year"),
    # weekdays: "tới" is the first such day after publication, "tuần tới" the next week's
    ("Thứ Sáu tới, hai bên sẽ họp.", FRI, "2024-10-18", "2024-10-18", "day"),
    ("thứ Hai tới đoàn sẽ lên đường", FRI, "2024-10-14", "2024-10-14", "day"),
    ("Chủ nhật tới, lễ hội khai mạc.", FRI, "2024-10-13", "2024-10-13", "day"),
    ("thứ Năm tới", MAR, "2025-03-27", "2025-03-27", "day"),
    ("thứ Sáu tới", MAR, "2025-03-21", "2025-03-21", "day"),
    ("thứ Hai tuần tới", FRI, "2024-10-14", "2024-10-14", "day"),
    ("thứ Năm tuần tới", FRI, "2024-10-17", "2024-10-17", "day"),
    ("thứ Ba tuần trước", FRI, "2024-10-01", "2024-10-01", "day"),
    ("thứ Tư tuần này", FRI, "2024-10-09", "2024-10-09", "day"),
    ("thứ Năm vừa qua", FRI, "2024-10-10", "2024-10-10", "day"),
    ("thứ Sáu vừa qua", FRI, "2024-10-04", "2024-10-04", "day"),
    ("Thứ Hai, Bộ trưởng đã tiếp Đại sứ.", FRI, "2024-10-07", "2024-10-07", "day"),
    ("Thứ Ba, đoàn sẽ thăm tỉnh Lào Cai.", FRI, "2024-10-15", "2024-10-15", "day"),
    ("thứ 6 tuần trước", FRI, "2024-10-04", "2024-10-04", "day"),
    ("thứ 2 tuần tới", FRI, "2024-10-14", "2024-10-14", "day"),
    ("Chủ nhật tuần trước", FRI, "2024-10-06", "2024-10-06", "day"),
    # relative days
    ("hôm nay (11/10), hội nghị bế mạc", FRI, "2024-10-11", "2024-10-11", "day"),
    ("Hôm qua, hai bên ký kết.", FRI, "2024-10-10", "2024-10-10", "day"),
    ("ngày mai đoàn lên đường", FRI, "2024-10-12", "2024-10-12", "day"),
    ("hôm kia", FRI, "2024-10-09", "2024-10-09", "day"),
    ("ngày kia", FRI, "2024-10-13", "2024-10-13", "day"),
    ("sáng nay (11/10)", FRI, "2024-10-11", "2024-10-11", "day"),
    # weeks
    ("tuần này", FRI, "2024-10-07", "2024-10-13", "week"),
    ("tuần trước", FRI, "2024-09-30", "2024-10-06", "week"),
    ("tuần tới", FRI, "2024-10-14", "2024-10-20", "week"),
    ("Tuần qua, nhiều hoạt động đã diễn ra.", FRI, "2024-09-30", "2024-10-06", "week"),
    # single days of every shape
    ("Ngày 7/10, hai bên hội đàm.", FRI, "2024-10-07", "2024-10-07", "day"),
    ("Ngày 07-10-2024, hai bên hội đàm.", FRI, "2024-10-07", "2024-10-07", "day"),
    ("trưa 9/10", FRI, "2024-10-09", "2024-10-09", "day"),
    ("khuya 10/10", FRI, "2024-10-10", "2024-10-10", "day"),
    ("Đêm 9-10, máy bay hạ cánh.", FRI, "2024-10-09", "2024-10-09", "day"),
    ("rạng sáng 8/10", FRI, "2024-10-08", "2024-10-08", "day"),
    ("vào ngày 20/11", FRI, "2024-11-20", "2024-11-20", "day"),
    ("đến ngày 31/12/2024", FRI, "2024-12-31", "2024-12-31", "day"),
    ("(ngày 2/10)", FRI, "2024-10-02", "2024-10-02", "day"),
    ("Ngày 2/1, tại Hà Nội", NEWYEAR, "2025-01-02", "2025-01-02", "day"),
    ("Ngày 28/12, tại Hà Nội", NEWYEAR, "2024-12-28", "2024-12-28", "day"),
    ("Ngày 3/1 tới, đoàn sẽ lên đường", date(2024, 12, 28), "2025-01-03", "2025-01-03", "day"),
    ("Ngày 29/2, hai bên hội đàm.", date(2024, 3, 5), "2024-02-29", "2024-02-29", "day"),
    ("ngày 5 tháng 3 năm 2024", FRI, "2024-03-05", "2024-03-05", "day"),
    ("ngày 05 tháng 03 năm 2024", FRI, "2024-03-05", "2024-03-05", "day"),
    ("Ngày 20 tháng 11, đoàn về nước.", FRI, "2024-11-20", "2024-11-20", "day"),
    # ranges
    ("từ ngày 12-14/10", FRI, "2024-10-12", "2024-10-14", "day"),
    ("từ 28/9 đến 2/10", FRI, "2024-09-28", "2024-10-02", "day"),
    ("Từ ngày 12 đến 13-10, cuộc họp diễn ra.", FRI, "2024-10-12", "2024-10-13", "day"),
    ("từ ngày 30/12/2024 đến ngày 2/1/2025", NEWYEAR, "2024-12-30", "2025-01-02", "day"),
    ("từ 30/12 đến 2/1", NEWYEAR, "2024-12-30", "2025-01-02", "day"),
    ("từ 6-11/11/2017", FRI, "2017-11-06", "2017-11-11", "day"),
    ("Từ ngày 7-11/6, hội nghị diễn ra.", date(2015, 6, 8), "2015-06-07", "2015-06-11", "day"),
    ("từ ngày 1 đến ngày 3/10", FRI, "2024-10-01", "2024-10-03", "day"),
    ("Từ 20 - 22/10, đoàn thăm Nhật Bản.", FRI, "2024-10-20", "2024-10-22", "day"),
    ("từ ngày 31/7 đến 3/8", date(2024, 7, 31), "2024-07-31", "2024-08-03", "day"),
    # months
    ("tháng 8/2022", FRI, "2022-08-01", "2022-08-31", "month"),
    ("tháng 12 năm 2024", FRI, "2024-12-01", "2024-12-31", "month"),
    ("vào tháng 11", FRI, "2024-11-01", "2024-11-30", "month"),
    ("tháng 9 vừa qua", FRI, "2024-09-01", "2024-09-30", "month"),
    ("tháng 2-2025", MAR, "2025-02-01", "2025-02-28", "month"),
    # same day, and the day an earlier sentence named
    ("Chiều cùng ngày, Bộ trưởng tiếp Đại sứ.", FRI, "2024-10-09", "2024-10-09", "day"),
    ("tối cùng ngày", FRI, "2024-10-09", "2024-10-09", "day"),
]


@pytest.mark.parametrize("sentence,published,start,end,precision", FORMS)
def test_when_forms(sentence, published, start, end, precision):
    last = date(2024, 10, 9)  # "cùng ngày" refers to the day an earlier sentence named
    found = find(sentence, Reference(published, None, last))
    assert found, sentence
    got = found[0]
    assert (str(got.start), str(got.end), got.precision) == (start, end, precision)


NOT_DATES = [
    "Tỷ số 2-1 nghiêng về đội khách.", "Kim ngạch đạt 1.205 triệu USD.", "lần thứ 12", "Điều 3.5 của hiệp định",
    "12 tháng qua, xuất khẩu tăng mạnh.", "trong 3 tháng đầu năm", "Khóa 10 của Hội đồng", "hạng thứ ba",
    "Thủ tướng đọc thủ tục", "Phiên bản 2.3", "Chương trình 135",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_when_forms_that_are_not_days(sentence):
    assert not [w for w in find(sentence, Reference(FRI)) if w.precision == "day"]


@pytest.mark.parametrize("line,iso", [
    ("Cập nhật 7:30 chiều 05/03/2024", "2024-03-05T19:30:00+07:00"),
    ("05/03/2024 lúc 9:15 tối", "2024-03-05T21:15:00+07:00"),
    ("05/03/2024 10:05 AM", "2024-03-05T10:05:00+07:00"),
    ("05/03/2024 12:40 PM", "2024-03-05T12:40:00+07:00"),
    ("05/03/2024 T24:00", "2024-03-05"),  # no hour 24: the date alone, never an invalid ISO string
    ("05/03/2024 25:61", "2024-03-05"),
])
def test_when_forms_clock_times_beside_a_date(line, iso):
    assert stamps_in(line)[0].stamp.iso() == iso
