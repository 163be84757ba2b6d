import pytest
from conftest import example_golds

from sugia import Page, default_pipeline
from sugia.meta.source import outlet_named, outlet_of_url
from sugia.page import Hints

GOLDS = example_golds()
ARTICLE = ("Ngày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Nhật Bản nhân dịp bắt đầu nhiệm kỳ công tác.\n"
           "Hai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và giao lưu nhân dân.\n"
           "Đại sứ khẳng định sẽ nỗ lực đóng góp vào sự phát triển của quan hệ Đối tác chiến lược toàn diện.\n")


def run(text: str, source: str = "page.txt", **hints) -> Page:
    return default_pipeline(on_error="raise").process(Page(source=source, raw=text.encode(), hints=Hints(**hints)))


@pytest.mark.parametrize("gold", GOLDS, ids=[g["page"] for g in GOLDS])
def test_meta_published_day_of_every_example(gold, extracted_examples):
    page = extracted_examples[gold["page"]]
    assert ((page.meta.published or "")[:10] or None) == gold["published"]


def test_meta_year_inferred_from_text_is_flagged(extracted_examples):
    meta = extracted_examples["ex03_provincial_tv.txt"].meta
    assert meta.published == "2026-03-06T08:30:00+07:00" and meta.published_year_inferred
    assert not extracted_examples["ex01_portal_som.txt"].meta.published_year_inferred


def test_meta_partial_date_without_year_in_text_is_null():
    page = run("Bộ trưởng tiếp Đại sứ Nhật Bản tại Hà Nội\n15:00 14/02\n" + ARTICLE)
    assert page.meta.published is None and page.meta.published_text == "15:00 14/02"


def test_meta_no_date_is_null_never_guessed():
    assert run("Bộ trưởng tiếp Đại sứ Nhật Bản tại Hà Nội\n" + ARTICLE).meta.published is None


def test_meta_jsonl_date_hint_wins():
    assert run("Bộ trưởng tiếp Đại sứ Nhật Bản\n" + ARTICLE, date="2024-03-05").meta.published == "2024-03-05"


def test_meta_reprint_url_author_and_credit_outlet():
    page = run("Bộ trưởng tiếp Đại sứ Nhật Bản tại Hà Nội\n07:00 | 06/03/2024 GMT+7\n" + ARTICLE
               + "MINH ANH\nTheo https://www.qdnd.vn/quoc-te/bai-viet-123\nBình luận\n")
    assert page.meta.author == "MINH ANH"
    assert page.meta.reprinted_from == "https://www.qdnd.vn/quoc-te/bai-viet-123"


def test_meta_credit_line_is_the_reprint_source_not_the_outlet():
    page = run("Bộ trưởng tiếp Đại sứ Nhật Bản tại Hà Nội\n" + ARTICLE + "Theo Báo TG&VN\nNguồn:\nTin liên quan\n")
    assert page.meta.outlet is None and page.meta.reprinted_from == "Báo TG&VN"


@pytest.mark.parametrize("lead,outlet", [
    ("(Dân trí) - Ngày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Nhật Bản.", "Dân trí"),
    ("TPO - Ngày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Nhật Bản.", "Tiền Phong"),
    ("VTV.vn - Ngày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Nhật Bản.", "VTV"),
    ("(Báo Mây Trời) - Ngày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Nhật Bản.", None),
])
def test_meta_outlet_a_text_dump_names_itself_by(lead, outlet):
    page = run("Bộ trưởng tiếp Đại sứ Nhật Bản tại Hà Nội\n" + lead + "\n" + ARTICLE + "Theo TTXVN\n")
    assert page.meta.outlet == outlet and page.meta.reprinted_from == "TTXVN"


def test_meta_outlet_of_an_unlisted_site_is_its_address():
    page = run("Bộ trưởng tiếp Đại sứ Nhật Bản tại Hà Nội\n" + ARTICLE, source="https://tin.baomaytroi.com.vn/a-1.html")
    assert page.meta.outlet == "baomaytroi.com.vn"


def test_meta_credit_of_another_outlet_is_reprint_source():
    page = run("Bộ trưởng tiếp Đại sứ Nhật Bản tại Hà Nội\n" + ARTICLE + "Nguồn: TTXVN\n",
               source="https://vnexpress.net/bo-truong-tiep-dai-su-123.html")
    assert page.meta.outlet == "VnExpress" and page.meta.reprinted_from == "TTXVN"


@pytest.mark.parametrize("url,outlet", [
    ("https://baoquocte.vn/a-1.html", "Báo Thế giới và Việt Nam"),
    ("https://www.vietnamplus.vn/x", "VietnamPlus"),
    ("https://en.vietnamplus.vn/x", "VietnamPlus English"),
    ("https://m.tuoitre.vn/x", "Tuổi Trẻ"),
    ("https://unknown.example/x", None),
    ("https://www.bbc.com/vietnamese/articles/x", "BBC News Tiếng Việt"),
    ("https://www.bbc.com/news/x", None),
    ("page.txt", None),
])
def test_meta_outlet_of_url(url, outlet):
    assert outlet_of_url(url) == outlet


def test_meta_outlet_named_canonicalises_aliases():
    assert outlet_named("Báo TG&VN") == outlet_named("TG&VN") == "Báo Thế giới và Việt Nam"
    assert outlet_named("Báo Hoàn Toàn Mới") == "Báo Hoàn Toàn Mới"
