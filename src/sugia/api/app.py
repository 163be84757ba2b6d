"""The HTTP API (JSON under /api) and the web pages (sugia.web), over one knowledge base.

Reading needs no token unless the server was started with a read token; ingesting (upload
or URL) needs the write token given at start-up, and is off without one. Every error is JSON
with a message naming what was wrong — user input never causes a 500.
"""
from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import UsageError
from ..store import Store
from ..read import fetch
from ..web import entity_or_404, error_page, mount
from .jobs import Jobs
from .stores import Stores

DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
DateFrom = Annotated[str | None, Query(alias="from", pattern=DATE, description="First day (YYYY[-MM[-DD]]).")]
DateTo = Annotated[str | None, Query(alias="to", pattern=DATE, description="Last day (YYYY[-MM[-DD]]).")]


class UrlIngest(BaseModel):
    url: str


def create_app(db: str, token: str | None = None, read_token: str | None = None) -> FastAPI:
    """The application over the base `db`. `token` allows ingesting; `read_token`, when
    given, is needed for reading too."""
    app = FastAPI(title="sugia", version="0.1", docs_url=None, redoc_url=None, description="Vietnam's diplomacy from Vietnamese news pages:"
                  " search, people with their posts, organisations, places, events and figures.")
    app.state.stores = Stores(db)
    app.state.jobs = Jobs(db)
    app.state.token, app.state.read_token = token, read_token

    def store() -> Store:
        return app.state.stores.get()

    def allowed(request: Request, needed: str | None) -> bool:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip() or \
            request.query_params.get("token") or request.cookies.get("sugia_token") or ""
        return needed is None or secrets.compare_digest(given, needed)

    def can_read(request: Request) -> None:
        if not allowed(request, app.state.read_token):
            raise HTTPException(401, "reading this base needs a token: Authorization: Bearer <token>")

    def can_write(request: Request) -> None:
        if app.state.token is None:
            raise HTTPException(403, "ingesting is off: start the server with --token to allow it")
        if not allowed(request, app.state.token):
            raise HTTPException(401, "ingesting needs the server's token: Authorization: Bearer <token>")

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = ["{}: {}".format(".".join(str(p) for p in e["loc"][1:]) or e["loc"][0], e["msg"]) for e in exc.errors()]
        return JSONResponse({"error": "bad parameter: " + "; ".join(problems)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return error_page(request, exc.status_code, str(exc.detail))

    api = Depends(can_read)

    @app.get("/api/search", dependencies=[api], summary="Pages matching a query, with highlighted snippets")
    def search(q: Annotated[str, Query(min_length=1, description='Words, "phrases", AND/OR/NOT, prefix*.')],
               date_from: DateFrom = None, date_to: DateTo = None, outlet: str | None = None, entity: str | None = None,
               kind: str | None = None, country: str | None = None, forum: str | None = None,
               limit: Limit = 20, offset: Offset = 0, facets: bool = False) -> dict[str, Any]:
        filters = dict(date_from=date_from, date_to=date_to, outlet=outlet, entity=entity, kind=kind, country=country,
                       forum=forum)
        out: dict[str, Any] = {"query": q, "limit": limit, "offset": offset}
        if facets:
            out["results"], out["facets"] = store().search_and_facets(q, limit=limit, offset=offset, **filters)
        else:
            out["results"] = store().search(q, limit=limit, offset=offset, **filters)
        return out

    @app.get("/api/pages", dependencies=[api], summary="Stored pages, newest first")
    def pages(outlet: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return {"limit": limit, "offset": offset, "results": store().pages(limit, offset, outlet)}

    @app.get("/api/page", dependencies=[api], summary="One page with its extraction, mentions and reprints")
    def page(source: str) -> dict[str, Any]:
        record = store().show(source)
        if record is None:
            raise HTTPException(404, f"no page with source {source!r}")
        record["mentions_linked"] = store().mentions(record["source"])
        return record

    def entity_routes(path: str, type_: str, detail: str, what: str, about: str) -> None:
        """/api/<path> lists entities of a type, most mentioned first; /api/<path>/{id} is one with `about`."""

        def listing(name: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
            return {"limit": limit, "offset": offset, "results": store().entities(type_, name, limit, offset)}

        def one(entity_id: int) -> dict[str, Any]:
            return entity_or_404(store(), entity_id, type_) | getattr(store(), detail)(entity_id)

        app.get(f"/api/{path}", dependencies=[api], name=f"list_{path}", summary=f"{what}, most mentioned first")(listing)
        app.get(f"/api/{path}/{{entity_id}}", dependencies=[api], name=f"one_{path}", summary=about)(one)

    entity_routes("people", "person", "person", "People", "A person: posts over time, events, who they met")
    entity_routes("orgs", "organization", "organization", "Organisations and forums",
                  "An organisation: meetings by year, people in its posts")
    entity_routes("places", "location", "place", "Places", "A place: events held there")

    @app.get("/api/events", dependencies=[api], summary="The event timeline, with the filters of `sugia events`")
    def events(date_from: DateFrom = None, date_to: DateTo = None, country: str | None = None, kind: str | None = None,
               person: str | None = None, forum: str | None = None, limit: Limit = 100,
               offset: Offset = 0) -> dict[str, Any]:
        return {"limit": limit, "offset": offset,
                "results": store().events(date_from, date_to, country, kind, person, forum, limit, offset)}

    @app.get("/api/facts", dependencies=[api], summary="Figures the pages state")
    def facts(source: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return {"limit": limit, "offset": offset, "results": store().facts(source, limit, offset)}

    @app.get("/api/stats", dependencies=[api], summary="What the base holds")
    def stats() -> dict[str, Any]:
        return store().stats()

    @app.post("/api/ingest", dependencies=[Depends(can_write)], status_code=202,
              summary="Ingest uploaded files (text, HTML, JSON Lines, WARC); returns a job to poll")
    async def ingest(files: Annotated[list[UploadFile], File(description="Pages or archives.")]) -> dict[str, Any]:
        data = [(f"upload/{Path(f.filename or 'page').name}", await f.read()) for f in files]
        return app.state.jobs.start(data).as_dict()

    @app.post("/api/ingest/url", dependencies=[Depends(can_write)], status_code=202,
              summary="Fetch a page or archive by URL and ingest it; returns a job to poll")
    def ingest_url(body: UrlIngest) -> dict[str, Any]:
        try:
            data = fetch(body.url)
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        return app.state.jobs.start([(body.url, data)]).as_dict()

    @app.get("/api/ingest/{job_id}", dependencies=[api], summary="An ingest job's progress")
    def job(job_id: int) -> dict[str, Any]:
        found = app.state.jobs.get(job_id)
        if found is None:
            raise HTTPException(404, f"no ingest job {job_id}")
        return found.as_dict()

    mount(app, store, can_read)
    return app


def from_environment() -> FastAPI:
    """The app `sugia serve` starts, in each worker process, from the settings it exported."""
    import os

    return create_app(os.environ["SUGIA_SERVE_DB"], os.environ.get("SUGIA_SERVE_TOKEN") or None,
                      os.environ.get("SUGIA_SERVE_READ_TOKEN") or None)
