"""Figure sentences as Vietnamese news writes them, with the expected value, unit and measure.
Written for the project."""
import pytest

from sugia.events.figures import find_figures, number

CASES = [
    ("Năm 2023, kim ngạch thương mại song phương đạt 1,8 tỷ USD.", [(1.8e9, "USD", "kim ngạch thương mại song phương")]),
    ("Kim ngạch xuất khẩu đạt 623 triệu USD trong năm 2021.", [(623e6, "USD", "Kim ngạch xuất khẩu")]),
    ("Trao đổi thương mại giữa hai nước đạt 303 triệu USD.", [(303e6, "USD", "Trao đổi thương mại")]),
    ("Thương mại hai chiều tăng 57% so với cùng kỳ.", [(57, "%", "Thương mại hai chiều")]),
    ("Tổ chức hiện có 27 nước thành viên và 14 quan sát viên.", [(27, "nước thành viên", "nước thành viên"), (14, "quan sát viên", "quan sát viên")]),
    ("Dự kiến, hơn 80 văn kiện được đệ trình.", [(80, "văn kiện", "văn kiện")]),
    ("Hai bên đã ký 6 văn kiện hợp tác.", [(6, "văn kiện", "văn kiện")]),
    ("Đầu tư của Nhật Bản vào Việt Nam đạt 70 tỷ USD.", [(70e9, "USD", "Đầu tư")]),
    ("Viện trợ trị giá 1 triệu đô la Mỹ được chuyển tới các tỉnh.", [(1e6, "USD", "Viện trợ trị giá")]),
    ("Gói tín dụng 500 triệu euro sẽ được giải ngân.", [(500e6, "EUR", "Gói tín dụng")]),
    ("Cộng đồng người Việt tại Nhật Bản có hơn 600.000 người.", [(600000, "người", "người")]),
    ("Hội nghị có sự tham dự của khoảng hơn 2.000 đại biểu.", [(2000, "đại biểu", "đại biểu")]),
    ("Hơn 20 hoạt động sẽ được tổ chức trong tuần.", [(20, "hoạt động", "hoạt động")]),
    ("Việt Nam đề xuất gần 150 dự án hợp tác.", [(150, "dự án", "dự án")]),
    ("APEC chiếm 39% dân số thế giới.", [(39, "%", "dân số thế giới")]),
    ("Lượng khách quốc tế đạt 12,5 triệu lượt.", [(12.5e6, "lượt", "Lượng khách quốc tế")]),
    ("Xuất khẩu gạo đạt 1,5 triệu tấn mỗi năm.", [(1.5e6, "tấn", "Xuất khẩu gạo")]),
    ("Ngân sách dành 3.500 tỷ đồng cho dự án.", [(3.5e12, "đồng", "Ngân sách dành")]),
    ("Giá trị hợp đồng lên tới 2,3 nghìn tỷ đồng.", [(2.3e12, "đồng", "Giá trị hợp đồng")]),
    ("Tỷ lệ che phủ rừng đạt 44,69%.", [(44.69, "%", "Tỷ lệ che phủ rừng")]),
    ("Lạm phát giảm 1,2 phần trăm so với năm trước.", [(1.2, "%", "Lạm phát")]),
    ("Có 45 nước và tổ chức quốc tế tham gia diễn đàn.", [(45, "nước", "nước")]),
    ("Gần 50 cơ quan đại diện Việt Nam ở nước ngoài dự trực tuyến.", [(50, "cơ quan đại diện", "cơ quan đại diện")]),
    ("Đoàn gồm 120 doanh nghiệp hai nước.", [(120, "doanh nghiệp", "doanh nghiệp")]),
    ("Tuyến đường dài 45 km nối hai tỉnh biên giới.", [(45, "km", "Tuyến đường dài")]),
    ("Diện tích rừng được bảo vệ hơn 592 nghìn ha.", [(592e3, "ha", "Diện tích rừng được bảo vệ")]),
    ("Kim ngạch 10 tháng đạt 4.250 triệu USD.", [(4.25e9, "USD", "Kim ngạch 10 tháng")]),
    ("Xuất khẩu tăng 12,3% và nhập khẩu giảm 4%.", [(12.3, "%", "Xuất khẩu"), (4, "%", "nhập khẩu")]),
    ("Các nền kinh tế APEC chiếm 59% GDP và gần 50% thương mại thế giới.", [(59, "%", "GDP"), (50, "%", "thương mại thế giới")]),
    ("Hai bên phấn đấu đưa kim ngạch lên 3 tỷ USD vào năm 2025.", [(3e9, "USD", "Hai bên phấn đấu đưa kim ngạch")]),
    ("Hội chợ thu hút 300 gian hàng và 15.000 lượt khách.", [(15000, "lượt khách", "lượt khách")]),
]
NOT_FIGURES = [
    "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57 khai mạc.",
    "Ngày 12/9/2024, lúc 15:00, hai bên hội đàm.",
    "Nghị quyết số 56/BC-VPUBND được ban hành.",
    "Năm 2024 là năm Chủ tịch ASEAN của Lào.",
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_figures_value_unit_and_measure(sentence, expected):
    got = [(f.value, f.unit, f.what) for f in find_figures(sentence)]
    assert [(pytest.approx(v), u, w) for v, u, w in expected] == got


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_figures_ignore_ordinals_dates_and_numbers(sentence):
    assert find_figures(sentence) == []


def test_figures_keep_qualifier_change_period_and_offsets():
    sentence = "Trong 6 tháng đầu năm 2022, thương mại hai chiều đạt hơn 303 triệu USD, tăng 57% so với cùng kỳ."
    first, second = find_figures(sentence, start=100, parties=["Kazakhstan", "Việt Nam"])
    assert (first.qualifier, first.period, first.parties) == ("hơn", "6 tháng đầu năm 2022", ["Kazakhstan", "Việt Nam"])
    assert sentence[first.start - 100 : first.end - 100] == "303 triệu USD"
    assert (second.change, second.what) == ("tăng", "thương mại hai chiều")


@pytest.mark.parametrize("text,scale,value", [("1.205", None, 1205), ("1,8", "tỷ", 1.8e9), ("623", "triệu", 623e6),
                                               ("2,3", "nghìn tỷ", 2.3e12), ("44,69", None, 44.69)])
def test_figures_number_normalisation(text, scale, value):
    assert number(text, scale) == pytest.approx(value)
