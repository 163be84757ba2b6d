from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sugia.lang.dates import Stamp, is_date_line, parse_stamp, year_fixed_by_text


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
