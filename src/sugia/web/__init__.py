"""The web application: server-rendered pages (Jinja2) over the same store as the API, in
Vietnamese with an English toggle, every asset served from the package (no CDN).

Pages: search with facets, article with entities highlighted and linked, person, organisation
and place pages, the event timeline with a map, and an ingest page with progress.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..clean.decode import decode
from ..errors import UsageError
from ..read import fetch
from ..store import Store
from . import geo
from .i18n import KINDS, LANGS, STRINGS
from .render import MARKS, bar_chart, highlight, marked, months_filled, paragraphs

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["marked"] = marked


def language(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
    return lang if lang in LANGS else "vi"


def url_with(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if k not in changes and k != "offset"}
    params |= {k: v for k, v in changes.items() if v is not None}
    return f"{request.url.path}?{urlencode(params)}" if params else request.url.path


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = language(request)
    other = "en" if lang == "vi" else "vi"
    response = templates.TemplateResponse(request, template, {
        "t": STRINGS[lang], "lang": lang, "kinds": KINDS[lang], "toggle": url_with(request, lang=other),
        "url_with": lambda **c: url_with(request, **c), **context}, status_code=status)
    if "lang" in request.query_params:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response


def entity_or_404(store: Store, entity_id: int, type_: str) -> dict[str, Any]:
    """The entity, or a 404 naming what was asked for (also when the id is of another type)."""
    found = store.entity(entity_id, type_)
    if found is None:
        raise HTTPException(404, f"no {type_} with id {entity_id}")
    return found


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def mount(app: FastAPI, store: Callable[[], Store], can_read: Callable[..., None]) -> None:
    """Add the web pages and their static assets to `app`."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    read = [Depends(can_read)]

    @app.get("/", response_class=HTMLResponse, include_in_schema=False, dependencies=read)
    def search_page(request: Request, q: str = "", outlet: str | None = None, year: str | None = None,
                    country: str | None = None, forum: str | None = None, kind: str | None = None,
                    offset: int = 0) -> HTMLResponse:
        context: dict[str, Any] = {"q": q, "chosen": {"outlet": outlet, "year": year, "country": country,
                                                      "forum": forum, "kind": kind}}
        if not q.strip():
            return render(request, "search.html", stats=store().stats(), recent=store().pages(10), **context)
        filters = {"outlet": outlet, "country": country, "forum": forum, "kind": kind}
        if year and year.isdigit():
            filters |= {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}
        offset = max(0, offset)
        try:
            results, facets = store().search_and_facets(q, limit=20, offset=offset, marks=MARKS, **filters)
        except UsageError as exc:
            return render(request, "search.html", status=400, error=str(exc), **context)
        return render(request, "search.html", results=results, facets=facets, offset=offset, **context)

    @app.get("/page", response_class=HTMLResponse, include_in_schema=False, dependencies=read)
    def article(request: Request, source: str) -> HTMLResponse:
        record = store().show(source)
        if record is None:
            raise HTTPException(404, f"no page with source {source!r}")
        mentions = store().mentions(record["source"])
        return render(request, "page.html", page=record, body=paragraphs(highlight(record.get("body") or "", mentions)),
                      title=highlight(record.get("title") or "", mentions, "title"))

    @app.get("/raw", include_in_schema=False, dependencies=read)
    def raw(source: str) -> Response:
        found = store().raw(source)
        if found is None or found["raw"] is None:
            raise HTTPException(404, f"no raw page for source {source!r}")
        return PlainTextResponse(decode(bytes(found["raw"]))[0])

    @app.get("/person/{entity_id}", response_class=HTMLResponse, include_in_schema=False, dependencies=read)
    def person_page(request: Request, entity_id: int) -> HTMLResponse:
        person = entity_or_404(store(), entity_id, "person") | store().person(entity_id)
        title = STRINGS[language(request)]["mentions_by_month"]
        return render(request, "person.html", person=person,
                      chart=bar_chart(months_filled(person["mentions_by_month"]), "month", "pages", title))

    @app.get("/org/{entity_id}", response_class=HTMLResponse, include_in_schema=False, dependencies=read)
    def org_page(request: Request, entity_id: int) -> HTMLResponse:
        org = entity_or_404(store(), entity_id, "organization") | store().organization(entity_id)
        return render(request, "org.html", org=org)

    @app.get("/place/{entity_id}", response_class=HTMLResponse, include_in_schema=False, dependencies=read)
    def place_page(request: Request, entity_id: int) -> HTMLResponse:
        place = entity_or_404(store(), entity_id, "location") | store().place(entity_id)
        return render(request, "place.html", place=place, point=geo.locate(place["name"]))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False, dependencies=read)
    def timeline(request: Request, date_from: str | None = None, date_to: str | None = None,
                 country: str | None = None, kind: str | None = None, forum: str | None = None,
                 person: str | None = None) -> HTMLResponse:
        filters = {"date_from": date_from or None, "date_to": date_to or None, "country": country or None,
                   "kind": kind or None, "forum": forum or None, "person": person or None}
        events = store().events(**filters, limit=500)
        months: dict[str, list[dict]] = {}
        for event in events:
            months.setdefault((event["start"] or "")[:7] or "?", []).append(event)
        return render(request, "events.html", months=months, filters=filters, count=len(events),
                      dots=geo.event_places(events), outlines=geo.outlines(), graticule=geo.graticule(),
                      width=geo.WIDTH, height=geo.HEIGHT)

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False, dependencies=read)
    def ingest_page(request: Request) -> HTMLResponse:
        return render(request, "ingest.html", enabled=app.state.token is not None)

    @app.post("/ingest", include_in_schema=False)
    async def ingest_form(request: Request, token: str = Form(""), url: str = Form(""),
                          files: list[UploadFile] = File(default=[])) -> Response:
        if app.state.token is None:
            raise HTTPException(403, STRINGS[language(request)]["ingest_off"])
        if token != app.state.token:
            raise HTTPException(401, "wrong token / sai mã truy cập")
        data = [(f"upload/{Path(f.filename).name}", await f.read()) for f in files if f.filename]
        if url.strip():
            try:
                data.append((url.strip(), fetch(url.strip())))
            except ValueError as exc:
                raise HTTPException(400, str(exc)) from exc
        if not data:
            raise HTTPException(400, "no file or URL given / chưa chọn tệp hoặc URL")
        job = app.state.jobs.start(data)
        return RedirectResponse(f"/ingest/{job.id}", status_code=303)

    @app.get("/ingest/{job_id}", response_class=HTMLResponse, include_in_schema=False, dependencies=read)
    def job_page(request: Request, job_id: int) -> HTMLResponse:
        job = app.state.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no ingest job {job_id}")
        return render(request, "job.html", job=job)
