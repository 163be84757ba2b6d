"""The server against hostile users, all on loopback: no fetch inside its own network (after
name resolution and on every redirect), no non-http(s) link, security headers everywhere, long
queries refused fast, uploads capped, odd numbers and tokens a 4xx, tokens only in the header,
the ingest form protected from other sites, job ids unguessable and behind the token."""
from __future__ import annotations

import http.server
import ipaddress
import json
import re
import threading
import time

import pytest
from conftest import example_base
from fastapi.testclient import TestClient

from sugia.api import create_app
from sugia.read import fetch

BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return example_base(str(tmp_path_factory.mktemp("sec") / "kb.db"))


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, token="s3cret", max_upload=100_000), raise_server_exceptions=False,
                      base_url=BASE)


@pytest.fixture
def loopback():
    """A loopback HTTP server: /page is a page, /hop redirects to /page."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/hop":
                self.send_response(302)
                self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/page")
                self.end_headers()
                return
            body = "Tin\n\nNgày 5/3, Thủ tướng tiếp Đại sứ.".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port
    server.shutdown()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "[::ffff:127.0.0.1]", "[::1]", "0.0.0.0",
                                  "169.254.169.254", "10.0.0.1", "192.168.1.1"])
def test_security_fetch_refuses_addresses_inside_the_network(host):
    with pytest.raises(ValueError, match="local or private address|no such host"):
        fetch(f"http://{host}:9/page")


def test_security_fetch_checks_every_redirect(loopback, monkeypatch):
    import sys

    module = sys.modules["sugia.read.fetch"]  # the package exports the function under the module's name
    real_addresses, real_get = module._addresses, module._get
    hops: list[str] = []

    def addresses(host, port):  # the first hop poses as a public address; its redirect is loopback again
        return [ipaddress.ip_address("93.184.216.34")] if not hops else real_addresses(host, port)

    def get(parts, max_bytes, deadline):
        hops.append(parts.geturl())
        return real_get(parts, max_bytes, deadline)

    monkeypatch.setattr(module, "_addresses", addresses)
    monkeypatch.setattr(module, "_get", get)
    with pytest.raises(ValueError, match="local or private address"):
        module.fetch(f"http://127.0.0.1:{loopback}/hop")
    assert hops == [f"http://127.0.0.1:{loopback}/hop"]  # the redirect target was never fetched
    assert module.fetch(f"http://127.0.0.1:{loopback}/hop", allow_private=True).startswith("Tin".encode())


def test_security_ingest_by_url_refuses_loopback(client, loopback):
    response = client.post("/api/ingest/url", json={"url": f"http://127.0.0.1:{loopback}/page"},
                           headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 400 and "local or private" in response.json()["error"]


def test_security_headers_on_every_response(client):
    for path in ("/api/stats", "/", "/api/nothing", "/events", "/person/1"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "same-origin"


def test_security_page_url_is_a_link_only_for_http(tmp_path):
    page = tmp_path / "pages.jsonl"
    page.write_text(json.dumps({"url": "javascript:alert(1)", "text": "Tin\n\nNgày 5/3, hai bên hội đàm."}) + "\n",
                    encoding="utf-8")
    from click.testing import CliRunner

    from sugia.cli import main

    db = str(tmp_path / "kb.db")
    assert CliRunner().invoke(main, ["ingest", str(page), "--db", db]).exit_code == 0
    html = TestClient(create_app(db)).get("/page", params={"source": "javascript:alert(1)"}).text
    assert 'href="javascript' not in html and "javascript:alert(1)" in html


def test_security_long_queries_are_refused_fast_and_reads_go_on(client):
    started = time.monotonic()
    response = client.get("/api/search", params={"q": " ".join(f"w{n}" for n in range(1500))})
    assert response.status_code == 400 and "too long" in response.json()["error"]
    assert time.monotonic() - started < 2
    assert client.get("/api/stats").status_code == 200


def test_security_oversized_upload_is_413(client):
    response = client.post("/api/ingest", files=[("files", ("big.txt", b"a" * 200_000, "text/plain"))],
                           headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413 and "too large" in response.json()["error"]


@pytest.mark.parametrize("path", ["/api/people/9223372036854775808", "/api/people/99999999999999999999",
                                  "/person/9223372036854775808", "/api/events?offset=99999999999999999999",
                                  "/api/search?q=a&limit=99999999999999999999"])
def test_security_out_of_range_numbers_are_4xx(client, path):
    assert 400 <= client.get(path).status_code < 500


@pytest.mark.parametrize("headers", [{"Authorization": "Bearer tôi-là-token"}, {"Authorization": "Bearer \x7f"},
                                     {"Authorization": "Basic xyz"}])
def test_security_odd_tokens_are_401(client, headers):
    response = client.post("/api/ingest/url", json={"url": "http://example.org/"},
                           headers={k: v.encode("utf-8") for k, v in headers.items()})
    assert response.status_code == 401


def test_security_token_only_in_the_header(client):
    files = [("files", ("a.txt", b"Tin\n\nNoi dung.", "text/plain"))]
    assert client.post("/api/ingest?token=s3cret", files=files).status_code == 401
    client.cookies.set("sugia_token", "s3cret")
    try:
        assert client.post("/api/ingest", files=files).status_code == 401
    finally:
        client.cookies.clear()


def test_security_ingest_form_needs_its_own_origin_and_csrf(client):
    form = client.get("/ingest")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    data = {"token": "s3cret", "csrf": csrf}
    files = [("files", ("a.txt", b"Tin\n\nNoi dung ve ngoai giao.", "text/plain"))]
    assert client.post("/ingest", data=data, files=files, headers={"Origin": "http://evil.example"},
                       follow_redirects=False).status_code == 403
    assert client.post("/ingest", data={"token": "s3cret", "csrf": "forged"}, files=files, headers={"Origin": BASE},
                       follow_redirects=False).status_code == 403
    ok = client.post("/ingest", data=data, files=files, headers={"Origin": BASE}, follow_redirects=False)
    assert ok.status_code == 303
    job_id = ok.headers["location"].rsplit("/", 1)[1]
    assert len(job_id) >= 16 and not job_id.isdigit()  # unguessable
    assert client.get(f"/api/ingest/{job_id}").status_code == 401  # details behind the token
    assert client.get(f"/api/ingest/{job_id}", headers={"Authorization": "Bearer s3cret"}).status_code == 200
