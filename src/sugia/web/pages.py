"""The pages a reader browses: search with facets, an article with its entities linked, its
raw page, person, organisation and place pages, and the event timeline with its map."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from ..errors import UsageError
from ..lang.decode import decode
from ..store import Queries, SearchFilters
from . import geo
from .access import can_read, heavy
from .i18n import STRINGS
from .render import MARKS, bar_chart, ego_network, highlight, months_filled, paragraphs
from .templating import language, render

router = APIRouter(dependencies=[Depends(can_read)], include_in_schema=False)


def queries(request: Request) -> Queries:
    return request.app.state.stores.queries()


Base = Annotated[Queries, Depends(queries)]


def entity_or_404(base: Queries, entity_id: int, type_: str) -> dict[str, Any]:
    """The entity, or a 404 naming what was asked for (also when the id is of another type)."""
    if not 0 < entity_id < 2**63:
        raise HTTPException(404, f"no {type_} {entity_id}")
    found = base.entity(entity_id, type_)
    if found is None:
        raise HTTPException(404, f"no {type_} with id {entity_id}")
    return found


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, base: Base, q: str = "", outlet: str | None = None, year: str | None = None,
                country: str | None = None, forum: str | None = None, kind: str | None = None,
                offset: int = 0) -> HTMLResponse:
    context: dict[str, Any] = {"q": q, "chosen": {"outlet": outlet, "year": year, "country": country,
                                                  "forum": forum, "kind": kind}}
    if not q.strip():
        return render(request, "search.html", stats=base.stats(), recent=base.pages(10), **context)
    years = {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"} if year and year.isdigit() else {}
    offset = max(0, offset)
    try:
        filters = SearchFilters(outlet=outlet, country=country, forum=forum, kind=kind, **years)
        with heavy():
            results, facets = base.search_and_facets(q, filters, 20, offset, marks=MARKS)
    except UsageError as exc:
        return render(request, "search.html", status=400, error=str(exc), **context)
    return render(request, "search.html", results=results, facets=facets, offset=offset, **context)


@router.get("/page", response_class=HTMLResponse)
def article(request: Request, base: Base, source: str) -> HTMLResponse:
    record = base.show(source)
    if record is None:
        raise HTTPException(404, f"no page with source {source!r}")
    mentions = base.mentions(record["source"])
    return render(request, "page.html", page=record, body=paragraphs(highlight(record.get("body") or "", mentions)),
                  title=highlight(record.get("title") or "", mentions, "title"))


@router.get("/raw")
def raw(base: Base, source: str) -> Response:
    found = base.raw(source)
    if found is None or found["raw"] is None:
        raise HTTPException(404, f"no raw page for source {source!r}")
    return PlainTextResponse(decode(bytes(found["raw"]))[0])


@router.get("/person/{entity_id}", response_class=HTMLResponse)
def person_page(request: Request, base: Base, entity_id: int) -> HTMLResponse:
    person = entity_or_404(base, entity_id, "person") | base.person(entity_id)
    strings = STRINGS[language(request)]
    return render(request, "person.html", person=person,
                  chart=bar_chart(months_filled(person["mentions_by_month"]), "month", "pages",
                                  strings["mentions_by_month"]),
                  network=ego_network(person["name"], person["met"], strings["met"]))


@router.get("/org/{entity_id}", response_class=HTMLResponse)
def org_page(request: Request, base: Base, entity_id: int) -> HTMLResponse:
    org = entity_or_404(base, entity_id, "organization") | base.organization(entity_id)
    return render(request, "org.html", org=org)


@router.get("/place/{entity_id}", response_class=HTMLResponse)
def place_page(request: Request, base: Base, entity_id: int) -> HTMLResponse:
    place = entity_or_404(base, entity_id, "location") | base.place(entity_id)
    return render(request, "place.html", place=place, point=geo.locate(place["name"]))


@router.get("/events.csv")
def timeline_csv(request: Request, base: Base, date_from: str | None = None, date_to: str | None = None,
                 country: str | None = None, kind: str | None = None, forum: str | None = None,
                 person: str | None = None) -> Response:
    """The timeline as the web shows it, for a spreadsheet: one row per event, its people and pages."""
    import csv
    import io

    filters = SearchFilters(date_from=date_from, date_to=date_to, country=country, kind=kind, forum=forum,
                            person=person)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["start", "end", "kind", "name", "city", "country", "participants", "forum", "sources"])
    for e in base.events(filters, limit=5000):
        writer.writerow([e["start"], e["end"], e["kind"], e["name"], e["city"] or "", e["country"] or "",
                         "; ".join(p["name"] for p in e["participants"]), "; ".join(e["forum"]),
                         "; ".join(s["source"] for s in e["sources"])])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="sugia-events.csv"'})


@router.get("/events", response_class=HTMLResponse)
def timeline(request: Request, base: Base, date_from: str | None = None, date_to: str | None = None,
             country: str | None = None, kind: str | None = None, forum: str | None = None,
             person: str | None = None) -> HTMLResponse:
    filters = SearchFilters(date_from=date_from, date_to=date_to, country=country, kind=kind, forum=forum,
                            person=person)
    events = base.events(filters, limit=500)
    months: dict[str, list[dict]] = {}
    for event in events:
        months.setdefault((event["start"] or "")[:7] or "?", []).append(event)
    dots = geo.event_places(events)
    return render(request, "events.html", months=months, filters=filters, count=len(events), dots=dots,
                  outlines=geo.outlines(), graticule=geo.graticule(), width=geo.WIDTH, height=geo.HEIGHT,
                  view=geo.view_box(dots))
