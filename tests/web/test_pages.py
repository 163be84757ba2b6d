"""The web application in a real browser: Debian's chromium, headless, driven by Playwright,
clicks through search -> article -> person -> event timeline on a base of the example pages,
checks what a user sees, and keeps screenshots in artifacts/screenshots/."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
import time

import pytest
from conftest import EXAMPLES, ROOT, example_base

SHOTS = ROOT / "artifacts" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str | None:
    """Debian's chromium, installed here when it is missing and apt-get can."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], capture_output=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("chromium")
    return found


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[dev]'")
    executable = chromium()
    if executable is None:
        pytest.skip("no chromium for the browser test, and apt-get could not install it: apt-get install chromium")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app served by uvicorn on a free loopback port, over a base of the example pages."""
    import uvicorn

    from sugia.api import create_app

    db = example_base(str(tmp_path_factory.mktemp("web") / "demo.db"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(create_app(db, token="demo-token"), host="127.0.0.1", port=port,
                                       log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not uv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_web_search_article_person_timeline(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/")
    search = page.get_by_label("Từ khóa")  # the search box is labelled for screen readers
    search.fill("Dang Minh Quan")
    search.press("Enter")  # keyboard only
    first = page.locator(".hit-title").first
    assert first.inner_text().startswith("Đại sứ Đặng Minh Quân")
    assert "Quân" in page.locator(".hit mark").all_inner_texts()
    assert page.get_by_role("heading", name="Thu hẹp").is_visible()  # facets
    shot(page, "01-search")

    first.click()
    assert page.locator("h1").inner_text().startswith("Đại sứ Đặng Minh Quân")
    assert page.get_by_role("link", name="Trang gốc (thô)").is_visible()
    person_link = page.locator("a.ent-person", has_text="Đặng Minh Quân").first
    assert person_link.is_visible()
    shot(page, "02-article")

    person_link.click()
    assert page.locator("h1").inner_text() == "Đặng Minh Quân"
    assert page.get_by_role("heading", name="Chức vụ theo thời gian").is_visible()
    assert "Đại sứ" in page.locator("table").inner_text()
    assert page.locator("svg.chart[role=img]").count() == 1  # mentions per month
    shot(page, "03-person")

    page.get_by_role("link", name="Dòng sự kiện").click()
    assert page.locator("svg.map path.land").count() > 100  # country outlines, no tiles
    assert page.locator("svg.map .dot").count() >= 5
    page.get_by_label("Loại sự kiện").select_option("visit")
    page.get_by_role("button", name="Lọc").click()
    kinds = set(page.locator(".timeline .kind").all_inner_texts())
    assert kinds == {"Chuyến thăm"}
    shot(page, "04-timeline")

    page.get_by_role("link", name="English").click()
    assert page.get_by_role("heading", name="Event timeline").is_visible()
    assert set(page.locator(".timeline .kind").all_inner_texts()) == {"Visit"}
    page.close()


def test_web_person_shows_counterparts_as_a_network(browser, server):
    import json
    import urllib.request

    with urllib.request.urlopen(f"{server}/api/network", timeout=10) as response:
        graph = json.load(response)
    edge = graph["edges"][0]
    page = browser.new_page()
    page.goto(f"{server}/person/{edge['source']}")
    assert page.locator("svg.network[role=img] line.edge").count() >= 1
    other = next(n["name"] for n in graph["nodes"] if n["id"] == edge["target"])
    page.locator("svg.network a", has_text=other).first.click()
    assert page.locator("h1").inner_text() == other  # a counterpart's dot leads to their page
    shot(page, "05-network")
    page.close()


def test_web_map_legend_times_and_downloads(browser, server):
    page = browser.new_page()
    page.goto(server + "/events?lang=vi")
    assert page.locator("svg.map a.dot text.dot-label").count() >= 3  # the busiest places are named
    first = page.locator("svg.map a.dot").first
    assert first.get_attribute("href").startswith("/events?") and "country=" in first.get_attribute("href")
    assert page.locator("a[download]", has_text="CSV").count() == 1
    shot(page, "06-map")
    import json
    import urllib.parse
    import urllib.request

    with urllib.request.urlopen(f"{server}/api/pages?limit=50", timeout=10) as response:
        dated = next(p for p in json.load(response)["results"] if p["published"] and "T" in p["published"])
    page.goto(f"{server}/page?lang=vi&source={urllib.parse.quote(dated['source'])}")
    assert page.locator(".legend .ent-person").is_visible() and page.locator(".legend .ent-place").is_visible()
    published = page.locator("dd time").first.inner_text()
    assert re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d", published)  # 08/10/2024 14:30, not an ISO stamp
    assert "year inferred" not in page.locator("main").inner_text()
    shot(page, "07-article-legend")
    page.close()


def test_web_ingest_page_shows_progress(browser, server):
    page = browser.new_page()
    page.goto(server + "/ingest?lang=vi")
    page.get_by_label("Tệp (văn bản, HTML, JSON Lines, WARC)").set_input_files(
        [str(EXAMPLES / "pages" / "ex17_short_brief.txt"), str(EXAMPLES / "pages" / "ex18_bottom_date.txt")])
    page.get_by_label("Mã truy cập").fill("demo-token")
    page.get_by_role("button", name="Bắt đầu nạp").click()
    # the page refreshes itself; no script is evaluated in it (its CSP forbids eval)
    page.locator("[role=status] strong[data-state=finished]").wait_for(timeout=30_000)
    assert page.locator("[role=status] strong").inner_text() == "xong"  # the state in the page's language
    assert page.locator("progress").get_attribute("value") == "2"
    assert "2 trang: 2 mới" in page.locator("main").inner_text()
    shot(page, "05-ingest")
    page.close()


def test_web_fits_a_phone_screen_and_serves_no_remote_asset(browser, server):
    page = browser.new_page(viewport={"width": 375, "height": 740})
    remote: list[str] = []
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(server) else None)
    for path in ("/?q=ASEAN", "/events", "/page?source=ex16_state_visit_multi.txt"):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    shot(page, "06-phone-events")
    assert remote == []
    page.close()


def test_web_highlight_links_outermost_mentions_and_escapes():
    from sugia.web.render import highlight

    text = "Bộ Ngoại giao Việt Nam <b> tiếp ông Lê An."
    mentions = [{"field": "body", "start": 0, "end": 22, "entity_id": 1, "type": "organization", "name": "Bộ Ngoại giao"},
                {"field": "body", "start": 14, "end": 22, "entity_id": 2, "type": "location", "name": "Việt Nam"},
                {"field": "body", "start": 36, "end": 41, "entity_id": 3, "type": "person", "name": "Lê An"}]
    html = str(highlight(text, mentions))
    assert html.count("<a ") == 2 and 'href="/org/1"' in html and 'href="/person/3"' in html
    assert "&lt;b&gt;" in html and "/place/2" not in html


def test_web_month_axis_has_the_empty_months():
    from sugia.web.render import months_filled

    filled = months_filled([{"month": "2024-11", "pages": 2}, {"month": "2025-02", "pages": 1}])
    assert [(m["month"], m["pages"]) for m in filled] == [("2024-11", 2), ("2024-12", 0), ("2025-01", 0), ("2025-02", 1)]


def test_web_map_places_events_by_city_then_country():
    from sugia.web.geo import event_places, locate

    assert locate("Hoa Kỳ") == locate("Mỹ") is not None  # spellings of one country, placed at its capital
    dots = event_places([{"city": "Viêng Chăn", "country": "Lào"}, {"city": None, "country": "Lào"},
                         {"city": "Nowhere-upon-Sea", "country": "Nhật Bản"}])
    assert {d["name"]: d["events"] for d in dots} == {"Viêng Chăn": 1, "Lào": 1, "Nhật Bản": 1}
