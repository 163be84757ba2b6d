import csv
import io
import json

import click
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, example_base

from sugia.cli import main


@pytest.fixture(scope="module")
def cli_base(tmp_path_factory):
    return example_base(str(tmp_path_factory.mktemp("cli") / "kb.db"))

PAGE = ("Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản tại Hà Nội\n07:00 | 06/03/2024 GMT+7\n"
        "Ngày 5/3, tại Hà Nội, Bộ trưởng Ngoại giao đã tiếp Đại sứ Nhật Bản nhân dịp bắt đầu nhiệm kỳ công tác.\n"
        "Hai bên nhất trí thúc đẩy hợp tác trong các lĩnh vực kinh tế, thương mại, giáo dục và giao lưu nhân dân.\n")


def invoke(*args, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


def test_cli_extract_jsonl_writes_output_format_fields():
    result = invoke("extract", str(EXAMPLES / "pages"), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(list((EXAMPLES / "pages").iterdir()))
    for record in records:
        assert {"source", "title", "published", "body", "people", "organizations", "locations", "events"} <= set(record)


def test_cli_extract_json_and_text_formats(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    (record,) = json.loads(invoke("extract", str(page), "--format", "json").stdout)
    assert record["title"] == "Bộ trưởng Ngoại giao tiếp Đại sứ Nhật Bản tại Hà Nội"
    assert record["published"] == "2024-03-06T07:00:00+07:00"
    text = invoke("extract", str(page), "--format", "text").stdout
    assert "title: Bộ trưởng Ngoại giao" in text and "Hai bên nhất trí" in text


def test_cli_extract_reads_stdin():
    result = invoke("extract", "-", input=PAGE.encode())
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_cli_bad_inputs_one_line_each_and_exit_status(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 50)
    (tmp_path / "big.txt").write_bytes(b"x" * 5000)
    result = invoke("extract", str(tmp_path), str(tmp_path / "missing.html"), "--max-bytes", "4000")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1  # the good page still came through
    assert result.stderr.splitlines() == [
        f"sugia: {tmp_path}/big.txt: read: page too large: over 4000 bytes (raise --max-bytes to read it)",
        f"sugia: {tmp_path}/binary.txt: decode: binary content: not a text or HTML page (NUL or control bytes)",
        f"sugia: {tmp_path}/empty.txt: decode: empty page: no text in it",
        f"sugia: {tmp_path}/missing.html: read: not found: no such file, folder or glob match",
    ]


def test_cli_stats_go_to_stderr(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = invoke("extract", str(page), "--stats")
    assert "clean" in result.stderr and "pages/s" in result.stderr


def test_cli_usage_error_is_clean():
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code == 2 and "nothing to read: give PATHS, URLs or --urls FILE" in result.output


def commands(group: click.Group):
    return [(name, cmd) for name, cmd in group.commands.items()]


@pytest.mark.parametrize("name,command", commands(main))
def test_cli_every_command_documents_an_example(name, command):
    assert command.help and "Example:" in command.help, f"sugia {name} --help has no example"
    assert "Example:" in invoke(name, "--help").stdout


def test_cli_fifty_megabyte_page_and_undecodable_bytes(tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as handle:
        handle.write(b"<html><body>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8) + b"</body></html>")
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(0x80, 0x100)) * 40)
    result = invoke("extract", str(big), str(noise))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"sugia: {big}: read: page too large: over 20 MB (raise --max-bytes to read it)",
        f"sugia: {noise}: decode: undecodable bytes: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text",
    ]


def test_cli_serve_answers_on_the_given_port(tmp_path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from conftest import example_base

    db = example_base(str(tmp_path / "kb.db"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "sugia.cli", "serve", "--db", db, "--port", str(port)],
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline, body = time.time() + 30, None
        while body is None and time.time() < deadline:
            try:
                body = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5).read())
            except OSError:
                time.sleep(0.2)
        assert body["counts"]["pages"] == 27
    finally:
        server.terminate()
        server.wait(10)
    assert f"http://127.0.0.1:{port}/" in server.stderr.read()


def test_cli_reads_never_answer_from_a_missing_base(tmp_path):
    missing = str(tmp_path / "typo.db")
    for command in (["people"], ["search", "ASEAN"], ["events"], ["stats"], ["facts"]):
        result = CliRunner().invoke(main, [*command, "--db", missing])
        assert result.exit_code == 2 and f"no knowledge base at {missing}" in result.output, command
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize("args, words", [
    (["events", "--from", "2024/10/01"], "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    (["events", "--from", "yesterday"], "is not a date"),
    (["search", "ASEAN", "--from", "2024-13-01"], "is not a date"),
])
def test_cli_dates_are_checked(cli_base, args, words):
    result = CliRunner().invoke(main, [*args, "--db", cli_base])
    assert result.exit_code == 2 and words in result.output


def test_cli_lookups_take_partial_names_and_suggest(cli_base):
    runner = CliRunner()
    found = runner.invoke(main, ["people", "Quoc Toan", "--db", cli_base, "--json"])
    assert found.exit_code == 0 and [p["name"] for p in json.loads(found.stdout)] == ["Phan Quốc Toản"]
    missed = runner.invoke(main, ["people", "Phan Quoc Toam", "--db", cli_base])
    assert missed.exit_code == 1 and "did you mean: Phan Quốc Toản" in missed.stderr


def test_cli_tables_lines_and_new_commands(cli_base):
    runner = CliRunner()
    none = runner.invoke(main, ["search", "zzqqxx", "--db", cli_base])
    assert none.exit_code == 0 and none.stderr.strip() == "sugia: no results"
    table = runner.invoke(main, ["people", "--db", cli_base, "--limit", "3"]).stdout.splitlines()
    assert table[0].split() == ["name", "pages", "aliases"] and len(table) == 4 and "[" not in table[1]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["events", "--db", cli_base, "--csv", "--limit", "5"]).stdout)))
    assert len(rows) == 5 and {"participants", "forum", "sources"} <= set(rows[0]) and all(r["sources"] for r in rows)
    stats = runner.invoke(main, ["stats", "--db", cli_base])
    assert stats.exit_code == 0 and "pages" in stats.stdout
    assert runner.invoke(main, ["facts", "--db", cli_base, "--limit", "2", "--json"]).exit_code == 0
    text = runner.invoke(main, ["show", "ex01_portal_som.txt", "--db", cli_base, "--format", "text"]).stdout
    assert text.startswith("title: ") and "people: " in text and "\n\n" in text
