"""The JSON API's routes: search, pages, people, organisations, places, events, figures,
statistics, and ingesting (jobs polled for progress). Filters are read into one
`SearchFilters`, which checks dates and event kinds."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, UploadFile
from pydantic import BaseModel

from ..events.kinds import EVENT_KINDS
from ..store import Queries, SearchFilters
from ..store.filters import DATE
from ..web import entity_or_404
from ..web.access import can_read, can_write, heavy, received

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
EntityId = Annotated[int, Path(ge=1, le=2**63 - 1, description="An entity's id.")]
DateFrom = Annotated[str | None, Query(alias="from", pattern=DATE.pattern, description="First day (YYYY[-MM[-DD]]).")]
DateTo = Annotated[str | None, Query(alias="to", pattern=DATE.pattern, description="Last day (YYYY[-MM[-DD]]).")]
Kind = Annotated[str | None, Query(description="Event kind: " + ", ".join(EVENT_KINDS) + ".")]

router = APIRouter(prefix="/api")
read = [Depends(can_read)]


def queries(request: Request) -> Queries:
    return request.app.state.stores.queries()


Base = Annotated[Queries, Depends(queries)]


class UrlIngest(BaseModel):
    url: str


@router.get("/search", dependencies=read, summary="Pages matching a query, with highlighted snippets")
def search(base: Base, q: Annotated[str, Query(min_length=1, description='Words, "phrases", AND/OR/NOT, prefix*.')],
           date_from: DateFrom = None, date_to: DateTo = None, outlet: str | None = None, entity: str | None = None,
           kind: Kind = None, country: str | None = None, forum: str | None = None,
           limit: Limit = 20, offset: Offset = 0, facets: bool = False) -> dict[str, Any]:
    filters = SearchFilters(date_from=date_from, date_to=date_to, outlet=outlet, entity=entity, kind=kind,
                            country=country, forum=forum)
    out: dict[str, Any] = {"query": q, "limit": limit, "offset": offset}
    with heavy():
        if facets:
            out["results"], out["facets"] = base.search_and_facets(q, filters, limit, offset)
        else:
            out["results"] = base.search(q, filters, limit, offset)
    return out


@router.get("/pages", dependencies=read, summary="Stored pages, newest first")
def pages(base: Base, outlet: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return {"limit": limit, "offset": offset, "results": base.pages(limit, offset, outlet)}


@router.get("/page", dependencies=read, summary="One page with its extraction, mentions and reprints")
def page(base: Base, source: str) -> dict[str, Any]:
    record = base.show(source)
    if record is None:
        raise HTTPException(404, f"no page with source {source!r}")
    record["mentions_linked"] = base.mentions(record["source"])
    return record


def entity_routes(path: str, type_: str, detail: str, what: str, about: str) -> None:
    """/api/<path> lists entities of a type, most mentioned first; /api/<path>/{id} is one with `about`."""

    def listing(base: Base, name: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """With `name`: the entities it names, else those whose name holds it (marks optional),
        and when none, `suggestions` — close names."""
        if not name:
            return {"limit": limit, "offset": offset, "results": base.entities(type_, None, limit, offset)}
        found = base.lookup(type_, name, limit)
        return {"limit": limit, "offset": 0, "results": found, **({} if found else {"suggestions": base.suggest(type_, name)})}

    def one(base: Base, entity_id: EntityId) -> dict[str, Any]:
        return entity_or_404(base, entity_id, type_) | getattr(base, detail)(entity_id)

    router.get(f"/{path}", dependencies=read, name=f"list_{path}", summary=f"{what}, most mentioned first")(listing)
    router.get(f"/{path}/{{entity_id}}", dependencies=read, name=f"one_{path}", summary=about)(one)


entity_routes("people", "person", "person", "People", "A person: posts over time, events, who they met")
entity_routes("orgs", "organization", "organization", "Organisations and forums",
              "An organisation: meetings by year, people in its posts")
entity_routes("places", "location", "place", "Places", "A place: events held there")


@router.get("/events", dependencies=read, summary="The event timeline, with the filters of `sugia events`")
def events(base: Base, date_from: DateFrom = None, date_to: DateTo = None, country: str | None = None,
           kind: Kind = None, person: str | None = None, forum: str | None = None, limit: Limit = 100,
           offset: Offset = 0) -> dict[str, Any]:
    filters = SearchFilters(date_from=date_from, date_to=date_to, country=country, kind=kind, person=person,
                            forum=forum)
    return {"limit": limit, "offset": offset, "results": base.events(filters, limit, offset)}


@router.get("/network", dependencies=read, summary="Who met whom: people as nodes, shared events as edges")
def network(base: Base, date_from: DateFrom = None, date_to: DateTo = None, country: str | None = None,
            kind: Kind = None, person: str | None = None) -> dict[str, Any]:
    filters = SearchFilters(date_from=date_from, date_to=date_to, country=country, kind=kind, person=person)
    return base.network(filters)


@router.get("/facts", dependencies=read, summary="Figures the pages state")
def facts(base: Base, source: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return {"limit": limit, "offset": offset, "results": base.facts(source, limit, offset)}


@router.get("/stats", dependencies=read, summary="What the base holds")
def stats(base: Base) -> dict[str, Any]:
    return base.stats()


@router.post("/ingest", dependencies=[Depends(can_write)], status_code=202,
             summary="Ingest uploaded files (text, HTML, JSON Lines, WARC); returns a job to poll")
async def ingest(request: Request, files: Annotated[list[UploadFile], File(description="Pages or archives.")]
                 ) -> dict[str, Any]:
    return request.app.state.jobs.start(await received(files)).as_dict()


@router.post("/ingest/url", dependencies=[Depends(can_write)], status_code=202,
             summary="Fetch a page or archive by URL and ingest it; returns a job to poll")
async def ingest_url(request: Request, body: UrlIngest) -> dict[str, Any]:
    return request.app.state.jobs.start(await received([], body.url, request.app.state.allow_private)).as_dict()


@router.get("/ingest/{job_id}", dependencies=[Depends(can_write)], summary="An ingest job's progress (needs the token)")
def job(request: Request, job_id: str) -> dict[str, Any]:
    found = request.app.state.jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no ingest job {job_id}")
    return found.as_dict()
