"""The page's own publication date among the dates a page prints: pages written for the test
(a masthead's current date, stamps glued to bylines and headlines, an undated page, a lead
that says which day is today)."""
import pytest

from sugia import Page, default_pipeline
from sugia.page import Hints

HEADLINE = "Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản nhân dịp trình quốc thư"
LEAD = "Chiều 5/3, tại Hà Nội, Bộ trưởng Ngoại giao Lê Gia Bảo đã tiếp Đại sứ Nhật Bản Sato Kenji."
BODY = ("Hai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và giao lưu nhân dân.\n"
        "Đại sứ khẳng định sẽ nỗ lực đóng góp vào sự phát triển của quan hệ Đối tác chiến lược toàn diện.\n"
        "Bộ trưởng đề nghị hai bên sớm tổ chức kỳ họp tiếp theo của Ủy ban hợp tác song phương.\n")


def published(text: str, url: str | None = None) -> tuple[str | None, bool]:
    page = default_pipeline(on_error="raise").process(Page(source="p.txt", raw=text.encode(), hints=Hints(url=url)))
    return (page.meta.published or "")[:16] or None, page.meta.published_inferred


@pytest.mark.parametrize("top,below,expected", [
    ("", "Thời sự | Thứ Năm, 06/03/2024 08:30", "2024-03-06T08:30"),
    ("", "Phóng viên Minh An-Thứ năm, ngày 06/03/2024 08:30 GMT+7", "2024-03-06T08:30"),
    ("", "bientap06/03/2024 08:30", "2024-03-06T08:30"),
    ("", "Thứ Năm, 6 tháng 3, 2024", "2024-03-06"),
    ("Thứ Hai, 18/11/2024", "Thứ Năm, 06/03/2024 08:30", "2024-03-06T08:30"),  # masthead above, stamp below
    ("Thứ Năm, 06/03/2024", "", "2024-03-06"),  # a date above that the lead's day agrees with
    ("Thứ Hai, 18/11/2024", "", None),  # today's date in the masthead of an older story
])
def test_published_stamp_near_the_headline(top, below, expected):
    text = "\n".join(line for line in (top, HEADLINE, below, LEAD, BODY) if line)
    assert published(text)[0] == expected


def test_published_stamp_glued_to_the_headline():
    text = f"{HEADLINE} (06/03/2024)\n{LEAD}\n{BODY}"
    assert published(text) == ("2024-03-06", False)


def test_published_lead_that_says_today_is_inferred_with_the_texts_year():
    lead = "Sáng nay (5/3), tại Hà Nội, Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản, mở đầu Năm hữu nghị 2024."
    assert published(f"{HEADLINE}\n{lead}\n{BODY}") == ("2024-03-05", True)


def test_published_lead_day_takes_the_year_a_url_prints():
    assert published(f"{HEADLINE}\n{LEAD}\n{BODY}", "https://bao.vn/2024/03/tiep-dai-su.html") == ("2024-03-05", True)


def test_published_undated_page_stays_undated():
    assert published(f"{HEADLINE}\n{LEAD}\n{BODY}") == (None, False)
