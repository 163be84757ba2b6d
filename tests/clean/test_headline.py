"""Headline candidates and the headline's own words (lines written for the test)."""
import pytest

from sugia.clean.headline import headline_text, is_headline


@pytest.mark.parametrize("line,ok", [
    ("Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản", True),
    ("BỘ TRƯỞNG NGOẠI GIAO TIẾP ĐẠI SỨ NHẬT BẢN", True),
    ("Hội đàm cấp cao Việt Nam - Lào 26/01/2026 19:34", True),
    ("Phóng viên Minh An (BNV)-Thứ sáu, ngày 22/07/2016 20:05 GMT+7", False),
    ("Theo Thông tấn xã-Thứ năm, ngày 07/09/2023 07:13", False),
    ("Thứ tư, ngày 01 tháng 01 năm 2025 Tìm kiếm", False),
    ("Hai bộ trưởng chụp ảnh chung. Ảnh: Minh An", False),
    ("1.024", False),
    ("Thứ trưởng Ngoại giao Việt Nam, Đại sứ Lê Minh An", False),  # a person's caption
    ("PHÓ THỦ TƯỚNG, BỘ TRƯỞNG NGOẠI GIAO THĂM CHÍNH THỨC HY LẠP", True),
    ("Thứ trưởng Ngoại giao Lê Minh An tiếp Đại sứ Hy Lạp", True),
    ("Quảng Trị", False),
    ("Hai bên nhất trí tăng cường hợp tác. Bộ trưởng đề nghị sớm tổ chức kỳ họp tiếp theo tại Hà Nội.", False),
])
def test_headline_candidates(line, ok):
    assert is_headline(line) is ok


def test_headline_with_a_furniture_cue_is_not_one():
    assert not is_headline("Trang chủ Giới thiệu Tin tức Liên hệ", frozenset({"widget"}))


@pytest.mark.parametrize("line,text", [
    ("date 2025-10-27 Thủ tướng dự Hội nghị cấp cao Đông Á", "Thủ tướng dự Hội nghị cấp cao Đông Á"),
    ("Việt Nam và Lào rà soát mốc biên giới (28/04/2014)", "Việt Nam và Lào rà soát mốc biên giới"),
    ("Hội đàm cấp cao Việt Nam - Lào 26/01/2026 19:34", "Hội đàm cấp cao Việt Nam - Lào"),
    ("12/06/2018 08:15 Chủ tịch nước tiếp Đại sứ Ấn Độ", "Chủ tịch nước tiếp Đại sứ Ấn Độ"),
    ("Chủ tịch nước tiếp Đại sứ Ấn Độ Chủ tịch nước tiếp Đại sứ Ấn Độ", "Chủ tịch nước tiếp Đại sứ Ấn Độ"),
    ("Kỷ niệm 50 năm quan hệ (1973-2023)", "Kỷ niệm 50 năm quan hệ (1973-2023)"),
])
def test_headline_text_without_dates_or_repetition(line, text):
    assert headline_text(line) == text
