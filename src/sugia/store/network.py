"""Who met whom: the knowledge base's events read as a graph. People are nodes (with their
latest post and its country); two participants of one event are joined by an edge, weighted by
the events they shared, each event kept with its days, kind, place and source pages — so every
edge can be traced to the pages that report it."""
from __future__ import annotations

from itertools import combinations
from typing import Any

from .base import Store
from .filters import SearchFilters, event_conditions

EVENT_COLUMNS = 'e.id, e.kind, e.name, e.start, e."end", e.city, e.country'


def _events(store: Store, where: str, args: list[Any]) -> list[dict[str, Any]]:
    """Events matching the SQL conditions that have two participants or more, with
    participants and sources."""
    events = store.rows(f"SELECT {EVENT_COLUMNS} FROM events e WHERE 1=1 {where}"
                        " AND (SELECT count(*) FROM event_participants c WHERE c.event_id = e.id) >= 2"
                        ' ORDER BY e.start, e."end", e.id', args)
    for event in events:
        event["participants"] = store.rows(
            "SELECT n.id, n.name FROM event_participants ep JOIN entities n ON n.id = ep.entity_id"
            " WHERE ep.event_id = ? ORDER BY n.id", (event["id"],))
        event["sources"] = [r["source"] for r in store.rows(
            "SELECT DISTINCT p.source FROM event_sources s JOIN pages p ON p.id = s.page_id WHERE s.event_id = ?"
            " ORDER BY p.source", (event["id"],))]
    return events


def latest_post(store: Store, person_id: int) -> dict[str, Any]:
    """The post a person held on the newest page that gives one, and its country."""
    rows = store.rows("SELECT po.title, po.country FROM posts po JOIN pages p ON p.id = po.page_id"
                      " WHERE po.person_id = ? ORDER BY p.published DESC, length(po.title) DESC LIMIT 1", (person_id,))
    return rows[0] if rows else {"title": None, "country": None}


def network(store: Store, filters: SearchFilters | None = None) -> dict[str, list[dict[str, Any]]]:
    """Nodes and edges of the who-met-whom graph over the events `filters` keep (with a
    `person` filter: the events that person took part in)."""
    return _graph(store, *event_conditions(filters or SearchFilters()))


def _graph(store: Store, where: str, args: list[Any]) -> dict[str, list[dict[str, Any]]]:
    nodes: dict[int, dict[str, Any]] = {}
    edges: dict[tuple[int, int], dict[str, Any]] = {}
    for event in _events(store, where, args):
        people = event.pop("participants")
        for person in people:
            nodes.setdefault(person["id"], {"id": person["id"], "name": person["name"]})
        for a, b in combinations(people, 2):
            edge = edges.setdefault((a["id"], b["id"]), {"source": a["id"], "target": b["id"], "events": []})
            edge["events"].append(event)
    for node in nodes.values():
        post = latest_post(store, node["id"])
        node["post"], node["country"] = post["title"], post["country"]
    for edge in edges.values():
        days = [e["start"] for e in edge["events"] if e["start"]]
        edge.update(weight=len(edge["events"]), first=min(days, default=None), last=max(days, default=None),
                    kinds=sorted({e["kind"] for e in edge["events"]}))
    return {"nodes": sorted(nodes.values(), key=lambda n: n["name"]),
            "edges": sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))}


def counterparts(store: Store, person_id: int) -> list[dict[str, Any]]:
    """Whom a person met: each counterpart with the shared events (when, where, which event,
    from which pages), most events first."""
    graph = _graph(store, "AND e.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)", [person_id])
    names = {n["id"]: n for n in graph["nodes"]}
    out = []
    for edge in graph["edges"]:
        if person_id in (edge["source"], edge["target"]):
            other = names[edge["target"] if edge["source"] == person_id else edge["source"]]
            out.append({"id": other["id"], "name": other["name"], "post": other["post"], "events": edge["events"]})
    return sorted(out, key=lambda c: (-len(c["events"]), c["name"]))


def event_reports(store: Store, filters: SearchFilters | None = None) -> list[dict[str, Any]]:
    """Every event with its first report: the page (source, URL), the sentence, and the
    participants in the order that sentence names them (the actor first)."""
    where, args = event_conditions(filters or SearchFilters())
    out = []
    for event in store.rows(f"SELECT {EVENT_COLUMNS}, e.venue FROM events e WHERE 1=1 {where} ORDER BY e.start, e.id",
                            args):
        report = store.rows(
            "SELECT p.id AS page_id, p.source, p.url, p.body, s.sentence_start, s.sentence_end FROM event_sources s"
            " JOIN pages p ON p.id = s.page_id WHERE s.event_id = ? ORDER BY p.published, p.source LIMIT 1",
            (event["id"],))
        first = report[0] if report else {}
        start, end = first.get("sentence_start"), first.get("sentence_end")
        event["source"], event["url"] = first.get("source"), first.get("url")
        event["sentence"] = first["body"][start:end] if first and start is not None and end is not None else None
        event["participants"] = [r["name"] for r in store.rows(
            "SELECT n.name FROM event_participants ep JOIN entities n ON n.id = ep.entity_id"
            " LEFT JOIN mentions m ON m.entity_id = n.id AND m.page_id = ? AND m.field = 'body'"
            " AND m.start >= ? AND m.start < ? WHERE ep.event_id = ? GROUP BY n.id, n.name"
            " ORDER BY min(m.start) IS NULL, min(m.start), n.name", (first.get("page_id"), start or 0, end or 0, event["id"]))]
        out.append(event)
    return out
