"""A real-shaped HTML article written for the test: navigation, a related-news box, reader
comments, a tags line and a copyright footer are out; the article's subheading and list in."""
from pathlib import Path

from sugia import extract

PAGE = Path(__file__).parent / "pages" / "article_with_chrome.html"


def test_html_chrome_out_lists_and_subheadings_in():
    (page,) = list(extract([str(PAGE)]))
    body = page.body.split("\n")
    assert page.meta.title == "Bộ trưởng Ngoại giao hội đàm với Ngoại trưởng Nhật Bản"
    assert page.meta.published == "2024-03-06T08:30:00+07:00" and page.meta.outlet == "Báo Mây Trời"
    assert "Ba trụ cột hợp tác" in body
    assert "Thúc đẩy đầu tư vào hạ tầng chiến lược và chuyển đổi số." in body
    assert "Mở rộng hợp tác đào tạo nguồn nhân lực chất lượng cao." in body
    for chrome in ("Bình luận", "Bài viết rất hay", "Tin liên quan", "Thủ tướng tiếp Đại sứ Hàn Quốc", "©",
                   "Từ khóa", "Trang chủ"):
        assert not any(chrome in line for line in body), chrome
    assert not [p.name for p in page.people if p.name in ("Nguyễn Văn Hùng", "Trần Thị Mai")]
