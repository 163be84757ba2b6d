import gzip
import io
import json

import pytest

from sugia.read import read
from sugia.read.files import sniff

PAGE = "Tiêu đề bài báo\n\nNgày 5/3, Thủ tướng tiếp Đại sứ tại Hà Nội.\n"


def write_warc(path, count=3, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for i in range(count):
        body = f"<html><body><h1>Bài {i}</h1><p>Ngày 5/3, Thủ tướng tiếp Đại sứ tại Hà Nội.</p></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://tin.example.vn/bai-{i}.html", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://tin.example.vn/a.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG"), http_headers=image))
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def test_read_folder_recursive_sorted_and_kinds(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(PAGE, encoding="utf-8")
    pages = list(read([str(tmp_path)]))
    assert [(p.source.rsplit("/", 1)[-1], p.kind) for p in pages] == [("a.html", "html"), ("z.txt", "text")]


def test_read_glob_and_missing_path_reported(tmp_path):
    (tmp_path / "one.txt").write_text(PAGE, encoding="utf-8")
    pages = list(read([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt")]))
    assert pages[0].ok and pages[0].raw == PAGE.encode()
    assert not pages[1].ok and "not found" in pages[1].failure.reason


def test_read_jsonl_pages_and_malformed_lines(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join([
        json.dumps({"url": "https://a.vn/1", "text": PAGE, "date": "2024-03-05"}, ensure_ascii=False),
        "{not json",
        json.dumps({"url": "https://a.vn/2", "html": "<p>Xin chào</p>"}),
        json.dumps({"url": "https://a.vn/3"}),
    ]), encoding="utf-8")
    pages = list(read([str(dump)]))
    assert [p.ok for p in pages] == [True, False, True, False]
    assert pages[0].source == "https://a.vn/1" and pages[0].hints.date == "2024-03-05"
    assert pages[1].source.endswith("dump.jsonl:2") and "malformed JSON" in pages[1].failure.reason
    assert pages[2].kind == "html"
    assert 'no "text" or "html"' in pages[3].failure.reason


def test_read_gzipped_jsonl(tmp_path):
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(json.dumps({"url": "u", "text": PAGE}, ensure_ascii=False).encode()))
    assert [p.raw.decode() for p in read([str(dump)])] == [PAGE]


def test_read_warc_keeps_pages_skips_images(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz")
    pages = list(read([str(tmp_path / "crawl.warc.gz")]))
    assert [p.source for p in pages] == [f"https://tin.example.vn/bai-{i}.html" for i in range(3)]
    assert all(p.ok and p.kind == "html" and b"<h1>" in p.raw for p in pages)


@pytest.mark.parametrize("gz", [True, False])
def test_read_truncated_warc_reports_and_keeps_earlier_records(tmp_path, gz):
    data = write_warc(tmp_path / "full.warc", gz=gz)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    pages = list(read([str(cut)]))
    assert pages[0].ok
    assert not pages[-1].ok and "truncated WARC" in pages[-1].failure.reason


def test_read_too_large_page_is_reported(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    (page,) = read([str(big)], max_bytes=1000)
    assert not page.ok and "page too large" in page.failure.reason


@pytest.mark.parametrize("head,name,kind", [
    (b"WARC/1.0\r\n", "x", "warc"),
    (b"<!DOCTYPE html><html>", "page", "html"),
    (b'{"url": "a", "text": "b"}\n{"url": "c", "text": "d"}', "dump", "jsonl"),
    (PAGE.encode(), "page.txt", "text"),
    (b"anything", "a.jsonl.gz", "jsonl"),
])
def test_read_sniff(head, name, kind):
    assert sniff(head, name) == kind
