"""The HTTP API over a real SQLite base of the example pages: every endpoint, bad input
(a clear JSON error, never a 500), tokens, and ingesting by upload and by URL."""
import http.server
import threading
import time

import pytest
from conftest import EXAMPLES, example_base
from fastapi.testclient import TestClient

from sugia.api import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return example_base(str(tmp_path_factory.mktemp("api") / "kb.db"))


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, token="s3cret"), raise_server_exceptions=False)


def test_api_openapi_lists_every_endpoint(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/search", "/api/pages", "/api/page", "/api/people", "/api/people/{entity_id}", "/api/orgs",
            "/api/orgs/{entity_id}", "/api/places", "/api/places/{entity_id}", "/api/events", "/api/network", "/api/facts",
            "/api/stats", "/api/ingest", "/api/ingest/url", "/api/ingest/{job_id}"} <= paths


def test_api_search_with_facets_and_pagination(client):
    first = client.get("/api/search", params={"q": "Dang Minh Quan", "facets": "true"}).json()
    assert first["results"][0]["title"].startswith("Đại sứ Đặng Minh Quân")
    assert "[Đặng]" in first["results"][0]["snippet"]
    assert {"outlet", "year", "country", "forum", "kind"} == set(first["facets"])
    everything = client.get("/api/search", params={"q": "hợp tác", "limit": 4}).json()["results"]
    second = client.get("/api/search", params={"q": "hợp tác", "limit": 2, "offset": 2}).json()["results"]
    assert [r["source"] for r in second] == [r["source"] for r in everything[2:4]]
    summits = client.get("/api/search", params={"q": "ASEAN", "kind": "summit"}).json()["results"]
    assert summits and len(summits) < len(client.get("/api/search", params={"q": "ASEAN"}).json()["results"])


def test_api_pages_page_and_facts(client):
    pages = client.get("/api/pages", params={"limit": 5}).json()["results"]
    assert len(pages) == 5 and pages[0]["published"] >= pages[-1]["published"]
    page = client.get("/api/page", params={"source": "ex01_portal_som.txt"}).json()
    assert page["title"].startswith("Việt Nam thúc đẩy đồng thuận")
    linked = {m["name"] for m in page["mentions_linked"]}
    assert "Phan Quốc Toản" in linked and page["copies"][0]["likely_original"]
    facts = client.get("/api/facts", params={"limit": 100}).json()["results"]
    assert any(f["unit"] == "USD" for f in facts)


def test_api_people_orgs_places_and_events(client):
    (person,) = client.get("/api/people", params={"name": "Phan Quoc Toan"}).json()["results"]
    detail = client.get(f"/api/people/{person['id']}").json()
    assert detail["name"] == "Phan Quốc Toản" and detail["posts"] and detail["events"]
    (call,) = client.get("/api/events", params={"kind": "phone_call", "limit": 1}).json()["results"]
    caller, other = call["participants"][:2]
    met = client.get(f"/api/people/{caller['id']}").json()["met"]
    assert other["name"] in {m["name"] for m in met}
    shared = next(m for m in met if m["name"] == other["name"])["events"]
    assert call["id"] in {e["id"] for e in shared} and all(e["sources"] for e in shared)
    graph = client.get("/api/network", params={"kind": "phone_call"}).json()
    assert graph["edges"] and all(ev["kind"] == "phone_call" for e in graph["edges"] for ev in e["events"])
    assert client.get("/api/network", params={"from": "2024-13-01"}).status_code in (400, 422)
    assert 0 < sum(m["pages"] for m in detail["mentions_by_month"]) <= person["pages"]  # undated pages have no month
    (un,) = client.get("/api/orgs", params={"name": "LHQ"}).json()["results"]
    assert client.get(f"/api/orgs/{un['id']}").json()["name"] == "Liên hợp quốc"
    (thailand,) = client.get("/api/places", params={"name": "Thái Lan"}).json()["results"]
    assert client.get(f"/api/places/{thailand['id']}").json()["events"]
    events = client.get("/api/events", params={"from": "2024-05-20", "to": "2024-05-20"}).json()["results"]
    assert [e["kind"] for e in events] == ["senior_officials_meeting"] and len(events[0]["sources"]) == 2
    assert client.get("/api/stats").json()["counts"]["pages"] == 27


@pytest.mark.parametrize("path, params, status, words", [
    ("/api/search", {"q": "(ASEAN"}, 400, "'(' without ')'"),
    ("/api/search", {"q": '"ASEAN'}, 400, "not closed"),
    ("/api/search", {}, 422, "q"),
    ("/api/search", {"q": "ASEAN", "limit": 0}, 422, "limit"),
    ("/api/search", {"q": "ASEAN", "from": "21/05/2024"}, 422, "from"),
    ("/api/events", {"to": "2024-13-01"}, 422, "to"),
    ("/api/events", {"offset": -1}, 422, "offset"),
    ("/api/events", {"kind": "picnic"}, 400, "not an event kind"),
    ("/api/search", {"q": "ASEAN", "kind": "summits"}, 400, "not an event kind"),
    ("/api/people/abc", {}, 422, "entity_id"),
    ("/api/people/999999", {}, 404, "no person"),
    ("/api/orgs/999999", {}, 404, "no organization"),
    ("/api/page", {"source": "missing.txt"}, 404, "no page"),
    ("/api/ingest/999", {}, 401, "token"),
    ("/api/nothing", {}, 404, "Not Found"),
])
def test_api_bad_input_is_a_clear_json_error(client, path, params, status, words):
    response = client.get(path, params=params)
    assert response.status_code == status
    assert words in response.json()["error"]


def test_api_lookups_take_partial_names_and_suggest(client):
    assert [p["name"] for p in client.get("/api/people", params={"name": "Quoc Toan"}).json()["results"]] == \
        ["Phan Quốc Toản"]
    missed = client.get("/api/people", params={"name": "Phan Quoc Toam"}).json()
    assert missed["results"] == [] and missed["suggestions"] == ["Phan Quốc Toản"]


def test_api_entity_of_another_type_is_not_found(client):
    (person,) = client.get("/api/people", params={"name": "Phan Quoc Toan"}).json()["results"]
    assert client.get(f"/api/orgs/{person['id']}").status_code == 404


def wait(client, job, token="s3cret"):
    deadline = time.time() + 60
    while job["state"] == "running" and time.time() < deadline:
        time.sleep(0.1)
        job = client.get(f"/api/ingest/{job['id']}", headers={"Authorization": f"Bearer {token}"}).json()
    return job


def test_api_ingest_needs_the_token_and_reports_progress(db, tmp_path):
    client = TestClient(create_app(str(tmp_path / "new.db"), token="s3cret"))
    page = (EXAMPLES / "pages" / "ex02_ministry_seminar.txt").read_bytes()
    files = [("files", ("a.txt", page, "text/plain")), ("files", ("bad.txt", b"\x00\x01\x02" * 50, "text/plain"))]
    assert client.post("/api/ingest", files=files).status_code == 401
    assert client.post("/api/ingest", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    job = client.post("/api/ingest", files=files, headers={"Authorization": "Bearer s3cret"}).json()
    job = wait(client, job)
    assert (job["state"], job["new"], job["total"], len(job["failed"])) == ("finished", 1, 2, 1)
    assert "upload/bad.txt" == job["failed"][0]["source"] and job["failed"][0]["reason"]
    again = wait(client, client.post("/api/ingest", files=files[:1], headers={"Authorization": "Bearer s3cret"}).json())
    assert again["unchanged"] == 1
    assert client.get("/api/search", params={"q": "luật biển"}).json()["results"]


def test_api_ingest_by_url(tmp_path):
    folder = EXAMPLES / "pages"

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/ex12_html_portal.html"
        guarded = TestClient(create_app(str(tmp_path / "url.db"), token="t"))
        refused = guarded.post("/api/ingest/url", json={"url": url}, headers={"Authorization": "Bearer t"})
        assert refused.status_code == 400 and "local or private address" in refused.json()["error"]
        client = TestClient(create_app(str(tmp_path / "url.db"), token="t", allow_private=True))
        job = wait(client, client.post("/api/ingest/url", json={"url": url}, headers={"Authorization": "Bearer t"}).json(),
                   token="t")
        assert job["new"] == 1
        assert client.get("/api/page", params={"source": url}).json()["source"] == url
        bad = client.post("/api/ingest/url", json={"url": "file:///etc/passwd"}, headers={"Authorization": "Bearer t"})
        assert bad.status_code == 400 and "not an http(s) URL" in bad.json()["error"]
    finally:
        server.shutdown()


def test_api_ingest_is_off_without_a_token_and_reading_can_need_one(db):
    closed = TestClient(create_app(db))
    response = closed.post("/api/ingest", files=[("files", ("a.txt", b"x", "text/plain"))])
    assert response.status_code == 403 and "--token" in response.json()["error"]
    private = TestClient(create_app(db, read_token="r"))
    assert private.get("/api/stats").status_code == 401
    assert private.get("/api/stats", headers={"Authorization": "Bearer r"}).status_code == 200
