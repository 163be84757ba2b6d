import json

import click
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from sugia.cli import main

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
    assert result.exit_code == 2 and "Missing argument 'PATHS...'" in result.output


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
