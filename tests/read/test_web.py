"""Pages by URL from the command line, on a loopback server: a typed URL is fetched (the user
is local), a feed's and a sitemap's article links are followed politely (robots.txt obeyed),
links that lead inside the network are refused unless allowed, a list of URLs from a file."""
from __future__ import annotations

import http.server
import threading

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from sugia.cli import main
from sugia.read import read_urls
from sugia.read.web import links

PAGE = (EXAMPLES / "pages" / "ex02_ministry_seminar.txt").read_bytes()


@pytest.fixture
def site():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            base = f"http://127.0.0.1:{self.server.server_port}"
            pages = {
                "/robots.txt": b"User-agent: *\nDisallow: /private/\n",
                "/a.txt": PAGE, "/b.txt": PAGE.replace(b"2024", b"2023"), "/private/c.txt": PAGE,
                "/feed.rss": (f'<?xml version="1.0"?><rss><channel><link>{base}/</link><item><link>{base}/a.txt</link>'
                              f"</item><item><link>{base}/private/c.txt</link></item></channel></rss>").encode(),
                "/sitemap.xml": f'<?xml version="1.0"?><urlset><url><loc>{base}/b.txt</loc></url></urlset>'.encode(),
            }
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_web_feed_and_sitemap_links():
    feed = b'<rss><channel><link>https://x.vn/</link><item><link>https://x.vn/a?b=1&amp;c=2</link></item></channel></rss>'
    assert links(feed, "https://x.vn/") == ["https://x.vn/a?b=1&c=2"]
    atom = b'<feed><entry><link href="/bai-1.html"/></entry></feed>'
    assert links(atom, "https://x.vn/feed") == ["https://x.vn/bai-1.html"]


def test_web_typed_urls_are_fetched_links_inside_the_network_are_not(site):
    pages = list(read_urls([f"{site}/a.txt", f"{site}/feed.rss"], delay=0))
    assert pages[0].ok and pages[0].source == f"{site}/a.txt"  # typed: fetched though on loopback
    refused = [p for p in pages[1:] if not p.ok]
    assert refused and all("local or private" in p.failure.reason for p in refused)
    allowed = list(read_urls([f"{site}/feed.rss"], allow_private=True, delay=0))
    assert [p.source for p in allowed if p.ok] == [f"{site}/a.txt"]
    assert any("robots.txt" in p.failure.reason for p in allowed if not p.ok)  # /private/ is disallowed


def test_web_cli_ingests_urls_a_sitemap_and_a_list(site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# two pages\n{site}/a.txt\n{site}/sitemap.xml\n", encoding="utf-8")
    db = str(tmp_path / "kb.db")
    result = CliRunner().invoke(main, ["ingest", "--urls", str(urls), "--db", db, "--allow-private", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stderr
    missing = CliRunner().invoke(main, ["ingest", "--db", db])
    assert missing.exit_code == 2 and "nothing to read" in missing.output
