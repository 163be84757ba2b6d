"""Hostile input: a folder of good pages beside every kind of bad file must be ingested in
bounded time, every good page stored, one clear line per bad file; fuzzed bytes never break a
reader."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import time

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from sugia.cli import main
from sugia.read import read, read_bytes

GOOD = sorted((EXAMPLES / "pages").glob("ex0[1-5]*.txt"))


def hostile_folder(folder):
    """The good pages and one file of each hostile kind; returns the bad files' names."""
    for page in GOOD:
        shutil.copy(page, folder / page.name)
    bad = {
        "corrupt.txt.gz": b"\x1f\x8b\x08\x00" + b"not deflate" * 40,
        "bomb.txt.gz": gzip.compress(b"a" * 3_000_000),  # over the 1 MB limit the test sets
        "bomb.jsonl.gz": gzip.compress(b'{"text": "' + b"a" * 3_000_000),  # one endless line
        "garbage.warc": b"WARC/1.0\r\n" + bytes(range(256)) * 8,
        "deep.html": b"<div>" * 5_000 + b"x" + b"</div>" * 5_000,
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    os.mkfifo(folder / "fifo.txt")
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "up")
    os.symlink("missing-target", folder / "dangling.txt")
    return sorted([*bad, "fifo.txt", "dangling.txt"])


def kept_with_notes(folder):
    """Odd but readable files: kept, each with a note."""
    (folder / "fields.jsonl").write_text(json.dumps({"url": ["a", "b"], "text": "Tin\n\nNgày 5/3, hai bên hội đàm."})
                                         + "\n" + '{"url": "http://example.org/\\ud800", "text": "Tin\\n\\nBài viết."}\n',
                                         encoding="utf-8")
    (folder / "nul.txt").write_bytes("Tin\n\nNgày 5/3, Thủ tướng".encode() + b"\x00\xff" + " tiếp Đại sứ.".encode())
    (folder / "brace.txt").write_text("{Tin nóng} Thủ tướng tiếp Đại sứ\n\nNgày 5/3, Thủ tướng tiếp Đại sứ.",
                                      encoding="utf-8")
    (folder / os.fsdecode(b"t\xean-l\xf4i.txt")).write_text("Tin\n\nMột bài viết có tên tệp lạ.", encoding="utf-8")


def test_hostile_folder_is_ingested_whole_with_one_line_per_bad_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = hostile_folder(folder)
    kept_with_notes(folder)
    db = tmp_path / "kb.db"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--max-bytes", "1000000"])
    assert time.monotonic() - started < 120
    assert result.exit_code in (0, 1), result.output
    problems = [line for line in result.stderr.splitlines() if line.startswith("sugia: ") and ": note: " not in line]
    for name in bad:
        assert sum(f"/{name}" in line for line in problems) == 1, (name, problems)
    sources = {row[0] for row in sqlite3.connect(db).execute("SELECT source FROM pages")}
    assert {str(folder / p.name) for p in GOOD} <= sources  # every good page stored
    assert str(folder / "brace.txt") in sources  # a text page opening with "{" is still a text page
    assert any(s.endswith("fields.jsonl:1") for s in sources) and "http://example.org/\ufffd" in sources
    notes = [line for line in result.stderr.splitlines() if ": note: " in line]
    assert any("NUL" in n for n in notes) and any('"url" ignored' in n for n in notes)


def test_hostile_unreadable_folder_is_named(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "ok.txt").write_text("Tin\n\nNội dung.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    pages = list(read([str(folder)]))
    assert [p.source.endswith("locked") and "cannot read folder" in p.failure.reason for p in pages if not p.ok] == [True]
    assert any(p.ok and p.source.endswith("ok.txt") for p in pages)


def test_hostile_a_page_is_replaced_only_by_a_reread_of_its_input(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Tin\n\nNgày 5/3, Thủ tướng tiếp Đại sứ.", encoding="utf-8")
    spoof = tmp_path / "spoof.jsonl"
    spoof.write_text(json.dumps({"url": str(page), "text": "Tin giả\n\nNội dung khác."}) + "\n", encoding="utf-8")
    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(page), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["ingest", str(spoof), "--db", db])
    assert "already stored from" in result.stderr
    page.write_text("Tin\n\nNgày 6/3, Thủ tướng tiếp Đại sứ.", encoding="utf-8")  # the same input, re-read
    assert "1 changed" in runner.invoke(main, ["ingest", str(page), "--db", db]).stderr


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.warc", "x", "x.txt.gz"]))
def test_hostile_fuzzed_bytes_never_break_a_reader(data, name):
    for page in read_bytes(data, name, max_bytes=100_000):
        assert page.ok or page.failure.reason
        assert page.source.encode("utf-8")


@pytest.mark.parametrize("head", [b"\x1f\x8b", b"WARC/1.0\r\n", b"{", b"<html><body>" + b"<b>" * 2000])
@settings(max_examples=40, deadline=None)
@given(tail=st.binary(max_size=2000))
def test_hostile_fuzzed_prefixes_never_break_a_reader(head, tail):
    for page in read_bytes(head + tail, "fuzz", max_bytes=100_000):
        assert page.ok or page.failure.reason
