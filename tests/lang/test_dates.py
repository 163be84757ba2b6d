from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sugia.lang.dates import Stamp, is_date_line, lead_day, parse_stamp, stamps_in, url_date, year_fixed_by_text


@pytest.mark.parametrize("text,iso", [
    ("07:22 | 11/10/2022 GMT+7", "2022-10-11T07:22:00+07:00"),
    ("24/11/2021 17:34", "2021-11-24T17:34:00+07:00"),
    ("Thứ Hai, 14/2/2025 - 09:15", "2025-02-14T09:15:00+07:00"),
    ("14/02/2025 15:00 (GMT+07:00)", "2025-02-14T15:00:00+07:00"),
    ("Thứ Ba, 5/3/2024, 09:15 (GMT+7)", "2024-03-05T09:15:00+07:00"),
    ("Chủ nhật, 05/03/2024 - 09:15 PM", "2024-03-05T21:15:00+07:00"),
    ("Cập nhật: 09:15 ngày 05/03/2024", "2024-03-05T09:15:00+07:00"),
    ("Thứ năm, ngày 5 tháng 3 năm 2024", "2024-03-05"),
    ("05.03.2024 9h15", "2024-03-05T09:15:00+07:00"),
    ("2024-03-05T09:15:00+07:00", "2024-03-05T09:15:00+07:00"),
    ("2024-03-05T02:15:00Z", "2024-03-05T02:15:00+00:00"),
    ("Ngày đăng: 09/07/2020", "2020-07-09"),
    ("Thứ Năm, 07:00, 26/09/2024", "2024-09-26T07:00:00+07:00"),
    ("12-06-09", "2009-06-12"),
])
def test_dates_parse_publication_stamps(text, iso):
    assert parse_stamp(text).iso() == iso


def test_dates_partial_stamp_keeps_year_unknown():
    stamp = parse_stamp("15:00 14/02")
    assert (stamp.day, stamp.month, stamp.year) == (14, 2, None)
    assert stamp.iso() is None
    assert stamp.iso(2025) == "2025-02-14T15:00:00+07:00"


@pytest.mark.parametrize("text", ["31/02/2024", "32/1/2024", "hôm nay trời đẹp", "1.205", "lần thứ 31"])
def test_dates_reject_non_dates(text):
    assert parse_stamp(text) is None


@pytest.mark.parametrize("line,expected", [
    ("07:22 | 11/10/2022 GMT+7", True),
    ("Cập nhật: 12/06/2009 16:20", True),
    ("Ngày 7/10, tại Vientiane, Lào, Thứ trưởng dẫn đầu đoàn", False),
    ("Thời sự tối 20/5/2025", False),
    ("T2, 14/02/2025 15:00", True),
    ("Tin đăng vào lúc 15:00 ngày 14/02/2025", True),
])
def test_dates_is_date_line(line, expected):
    assert is_date_line(line) is expected


@pytest.mark.parametrize("text,year", [
    ("Hai bên nhất trí triển khai trong năm 2025; nối tiếp thành công của năm 2024.", 2025),
    ("Quan hệ ngoại giao thiết lập năm 1992, kỷ niệm 30 năm vào năm 2022.", 2022),
    ("Mục tiêu đến năm 2030 và tầm nhìn 2045; năm nay là năm 2026.", 2026),
    ("Không có năm nào được nhắc.", None),
])
def test_dates_year_fixed_by_text(text, year):
    assert year_fixed_by_text(text, today=date(2026, 11, 22)) == year


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 23), st.integers(0, 59),
       st.sampled_from(["{d}/{m}/{y} {H}:{M}", "{H}:{M} | {d}/{m}/{y} GMT+7", "Thứ Hai, {d}/{m}/{y} - {H}:{M}",
                        "{d}-{m}-{y} {H}h{M}", "ngày {d} tháng {m} năm {y}, {H}:{M}"]))
def test_dates_round_trip_formats(day, hour, minute, pattern):
    text = pattern.format(d=day.day, m=day.month, y=day.year, H=f"{hour:02d}", M=f"{minute:02d}")
    assert parse_stamp(text) == Stamp(day.day, day.month, day.year, hour, minute, "+07:00" if "GMT" in text else None)


@pytest.mark.parametrize("line,iso", [
    ("Theo Thông tấn xã-Thứ năm, ngày 07/09/2023 07:13 GMT+7", "2023-09-07T07:13:00+07:00"),
    ("bientap27/04/2022 16:23", "2022-04-27T16:23:00+07:00"),
    ("Quốc tếThứ Ba, 20/03/2012 10:54:00 +07:00Chia sẻ", "2012-03-20T10:54:00+07:00"),
    ("Thứ Hai, 21 tháng 8, 2023", "2023-08-21"),
    ("7 tháng 4 2019", "2019-04-07"),
    ("ngày 05 tháng 3 năm 2024", "2024-03-05"),
    ("Monday, March 4, 2019", "2019-03-04"),
    ("@ 3 May 2015", "2015-05-03"),
    ("Posted on 4th Sep, 2018 at 9:05 PM", "2018-09-04T21:05:00+07:00"),
    ("2023-10-20 19:45:00 3 ý kiến", "2023-10-20T19:45:00+07:00"),
    ("24/12/12", "2012-12-24"),
    ("Cập nhật 7:30 chiều 05/03/2024", "2024-03-05T19:30:00+07:00"),
    ("tối 8:15 14.02.2025", "2025-02-14T20:15:00+07:00"),
    ("12/06/2018 08:15Chủ tịch nước tiếp khách", "2018-06-12T08:15:00+07:00"),
])
def test_dates_stamps_in_lines_of_any_shape(line, iso):
    assert stamps_in(line)[0].stamp.iso() == iso


@pytest.mark.parametrize("line", ["Lần thứ 12/3 đoàn tới", "31/02/2024", "T24:00 ngày 45/13/2024", "năm 2024 và 2025"])
def test_dates_no_stamp_where_no_full_date(line):
    assert stamps_in(line) == []


@pytest.mark.parametrize("paragraph,day", [
    ("Chiều 24/4, Bộ trưởng tiếp đoàn.", (24, 4, False)),
    ("BNV - Sáng 3/11, tại Hà Nội, hội nghị khai mạc.", (3, 11, False)),
    ("(Báo X) - Ngày 26-1, đoàn tới thăm.", (26, 1, False)),
    ("Sáng nay 22.6, Thủ tướng lên đường.", (22, 6, True)),
    ("Sau ba ngày làm việc, hôm nay (11/11) hội nghị bế mạc.", (11, 11, True)),
    ("Từ ngày 7-11/6, hai bên họp tại Hà Nội.", (7, 6, False)),
    ("Nhận lời mời của Bộ trưởng, đoàn sẽ thăm từ ngày 5/6.", None),
    ("Ngày 5/9/2023, tại New York, phiên họp bế mạc.", None),
])
def test_dates_lead_day(paragraph, day):
    assert lead_day(paragraph) == day


@pytest.mark.parametrize("url,found", [
    ("https://bao.vn/the-gioi/hoi-dam-20230907065643424.htm", (2023, 9, 7)),
    ("https://a.blogspot.com/2023/08/tin.html", (2023, 8, None)),
    ("https://x.vn/2019/11/24/tin-a", (2019, 11, 24)),
    ("https://x.vn/tin-a-20191124.html", (2019, 11, 24)),
    ("https://x.vn/tin-a-1367246705.htm", None),
    ("https://x.vn/tin-a-post893151.html", None),
    (None, None),
])
def test_dates_url_date(url, found):
    assert url_date(url) == found
