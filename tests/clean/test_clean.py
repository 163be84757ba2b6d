"""Golden tests over the project's example pages: every gold body line must be in the body
("with"), every other line with words must be out of it ("without"), title exact."""
import pytest
from conftest import EXAMPLES, example_golds

from sugia import Page, default_pipeline
from sugia.clean import Clean, Decode
from sugia.clean.features import single
from sugia.clean.html import strip_tags, without_site
from sugia.lang.decode import decode
from sugia.lang.text import match_key

GOLDS = example_golds()


def gold_lines(gold: dict) -> tuple[list[str], set[str]]:
    text, _ = decode((EXAMPLES / "pages" / gold["page"]).read_bytes())
    lines = text.split("\n")
    return lines, {match_key(lines[i - 1]) for i in gold["body_lines"]}


@pytest.mark.parametrize("gold", GOLDS, ids=[g["page"] for g in GOLDS])
def test_clean_golden_page(gold, extracted_examples):
    page = extracted_examples[gold["page"]]
    assert page.ok, page.failure
    assert match_key(page.meta.title) == match_key(gold["title"])
    lines, body_keys = gold_lines(gold)
    got = {match_key(line) for line in page.body.split("\n")}
    missing = body_keys - got
    assert not missing, f"body lines dropped: {missing}"
    if gold["page"].endswith(".txt"):  # HTML lines are tags; their text is checked via the body
        extra = got - body_keys
        assert len(extra) <= 1, f"furniture kept: {extra}"


def test_clean_repeated_caption_is_body_once():
    text = ("Tiêu đề bài về hợp tác Việt Nam - Lào\n"
            "Ngày 5/3, tại Viêng Chăn, hai bên đã ký kết nhiều văn kiện hợp tác quan trọng trong lĩnh vực giao thông.\n"
            "Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại, đầu tư và giao lưu nhân dân giữa hai nước.\n"
            "Lễ ký kết văn kiện hợp tác. (Ảnh: Minh Anh)\n"
            "Hai bên cũng thống nhất tổ chức kỳ họp tiếp theo tại Hà Nội vào cuối năm, với nhiều nội dung mới.\n"
            "Lễ ký kết văn kiện hợp tác. (Ảnh: Minh Anh)\n"
            "Các bộ, ngành liên quan sẽ phối hợp chặt chẽ để triển khai hiệu quả những văn kiện vừa được ký kết.\n")
    page = Clean()(Decode()(Page(source="t.txt", raw=text.encode())))
    assert page.body.count("Lễ ký kết văn kiện hợp tác.") == 1
    assert page.body.endswith("những văn kiện vừa được ký kết.")  # a short clean page keeps its end


def test_clean_empty_lines_only_is_an_error():
    page = default_pipeline().process(Page(source="blank.html", raw=b"<html><body> </body></html>", kind="html"))
    assert not page.ok and page.failure.stage == "clean" and "no text" in page.failure.reason


def test_clean_doubled_headline_detected():
    assert single("Hợp tác kinh tế Việt - Lào khởi sắc Hợp tác kinh tế Việt - Lào khởi sắc") == "Hợp tác kinh tế Việt - Lào khởi sắc"
    assert single("Hai bên nhất trí tăng cường hợp tác.") is None


def test_clean_strip_tags_fallback_reads_unclosed_title():
    html = "<html><head><title>Tiêu đề<body><p>Đoạn một.<p>Đoạn &amp; hai."
    assert [line for line in strip_tags(html).splitlines() if line] == ["Tiêu đề", "Đoạn một.", "Đoạn & hai."]


@pytest.mark.parametrize("title,site,expected", [
    ("Việt Nam - Nhật Bản đẩy mạnh hợp tác | Báo Ngoại vụ", "Báo Ngoại vụ", "Việt Nam - Nhật Bản đẩy mạnh hợp tác"),
    ("Báo Ngoại vụ - Việt Nam - Nhật Bản đẩy mạnh hợp tác", "Báo Ngoại vụ", "Việt Nam - Nhật Bản đẩy mạnh hợp tác"),
    ("Thủ tướng tiếp Đại sứ | Tin tức Đối ngoại", None, "Thủ tướng tiếp Đại sứ"),
    ("Việt Nam - Lào ký kết hợp tác", None, "Việt Nam - Lào ký kết hợp tác"),
])
def test_clean_title_without_site_name(title, site, expected):
    assert without_site(title, site) == expected


def test_clean_headline_found_below_a_long_menu():
    menu = "\n".join(f"Mục {i}" for i in range(25))
    text = (menu + "\nThủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội\n"
            "Ngày 5/3, tại Hà Nội, Thủ tướng đã tiếp Đại sứ Nhật Bản nhân dịp bắt đầu nhiệm kỳ công tác tại Việt Nam.\n"
            "Hai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và giao lưu nhân dân.\n")
    page = Clean()(Decode()(Page(source="menu.txt", raw=text.encode())))
    assert page.meta.title == "Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội"
