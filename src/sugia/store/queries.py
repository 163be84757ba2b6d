"""Every question the CLI, the API and the web pages ask of a knowledge base: search with
snippets and facets, entities with their histories, the event timeline, pages, figures,
counts and export rows. Read-only; filters come as one `SearchFilters`."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..lang.gazetteer import spellings
from ..lang.text import fold
from ..search import Query, parse_query, snippet
from .base import Store
from .filters import SearchFilters, entity_ids, event_conditions
from .network import counterparts, event_reports, network

# Facets count the best FACET_POOL matches of a search, and show FACET_VALUES values each.
FACET_POOL = 500
FACET_VALUES = 10
NO_FILTERS = SearchFilters()
EXPORT_TABLES = ("pages", "entities", "aliases", "mentions", "posts", "events", "event_sources", "event_participants",
                 "facts", "failures")


class Queries:
    """The read side of a base: `Queries(store).search("ASEAN", SearchFilters(kind="summit"))`."""

    def __init__(self, store: Store):
        self.store = store

    def search(self, query: str, filters: SearchFilters = NO_FILTERS, limit: int = 20, offset: int = 0,
               marks: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
        """Pages matching `query`, by relevance then date, with snippets whose matched words
        are between `marks`. `kind`, `country` and `forum` keep pages reporting such an event."""
        parsed, hits = self._hits(query, filters, limit + offset)
        return self._results(parsed, hits[offset:], marks)

    def search_and_facets(self, query: str, filters: SearchFilters = NO_FILTERS, limit: int = 20, offset: int = 0,
                          marks: tuple[str, str] = ("[", "]")) -> tuple[list[dict[str, Any]], dict[str, list[dict]]]:
        """`search`, and how its best FACET_POOL matches spread over outlets, years, countries,
        forums and event kinds (value, pages) for narrowing it — from one ranking."""
        parsed, hits = self._hits(query, filters, max(limit + offset, FACET_POOL))
        return self._results(parsed, hits[offset:offset + limit], marks), self._facets([h["id"] for h in hits])

    def _hits(self, query: str, filters: SearchFilters, limit: int) -> tuple[Query, list[dict[str, Any]]]:
        parsed = parse_query(query)
        return parsed, self.store.ranked(parsed, filters, limit)

    def _results(self, parsed: Query, hits: list[dict[str, Any]], marks: tuple[str, str]) -> list[dict[str, Any]]:
        pages = {r["id"]: r for r in self.store.by_ids("SELECT id, source, title, published, outlet, body FROM pages",
                                                  [h["id"] for h in hits])}
        return [{"source": r["source"], "title": r["title"], "published": r["published"], "outlet": r["outlet"],
                 "snippet": snippet(r["body"], list(parsed.terms), mark=marks), "score": round(h["score"], 3)}
                for h in hits if (r := pages.get(h["id"]))]

    def _facets(self, ids: list[int]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, Counter[str]] = {name: Counter() for name in ("outlet", "year", "country", "forum", "kind")}
        for r in self.store.by_ids("SELECT outlet, substr(published, 1, 4) AS year FROM pages", ids):
            out["outlet"].update(filter(None, [r["outlet"]]))
            out["year"].update(filter(None, [r["year"]]))
        per_page: dict[str, dict[int, set[str]]] = {"country": {}, "kind": {}, "forum": {}}
        for r in self.store.by_ids("SELECT DISTINCT s.page_id, e.country, e.kind, e.forum FROM event_sources s"
                              " JOIN events e ON e.id = s.event_id", ids, column="s.page_id"):
            values = {"country": filter(None, [r["country"]]), "kind": [r["kind"]],
                      "forum": json.loads(r["forum"] or "[]")}
            for name, found in values.items():
                per_page[name].setdefault(r["page_id"], set()).update(found)
        for name, pages in per_page.items():  # a page counts once per value, however many events it reports
            for found in pages.values():
                out[name].update(found)
        facets = {name: [{"value": v, "pages": n} for v, n in counts.most_common(FACET_VALUES)]
                  for name, counts in out.items()}
        facets["year"].sort(key=lambda f: f["value"], reverse=True)  # years in order, newest first
        return facets

    def entities(self, type_: str, name: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Entities of a type, most mentioned first; with a name, the ones it names."""
        where, args = "e.type = ?", [type_]
        if name:
            ids, ids_args = entity_ids(name)
            where += f" AND e.id IN ({ids})"
            args += ids_args
        return self.entities_where(where, args, limit, offset)

    def lookup(self, type_: str, name: str, limit: int = 100) -> list[dict[str, Any]]:
        """Entities a user means by `name`: the ones it names exactly, else those whose name or
        an alias holds it as words, marks optional ("Sơn" finds "Bùi Thanh Sơn", "Bui Thanh"
        too)."""
        return self.entities(type_, name, limit) or self.entities_where(
            "e.type = ? AND (' ' || e.name_folded || ' ' LIKE ? OR e.id IN"
            " (SELECT entity_id FROM aliases WHERE ' ' || alias_folded || ' ' LIKE ?))",
            [type_, f"% {fold(name)} %", f"% {fold(name)} %"], limit)

    def suggest(self, type_: str, name: str, n: int = 5) -> list[str]:
        """The names of that type closest to `name` (rapidfuzz over folded names)."""
        from rapidfuzz import fuzz, process

        names = [r["name"] for r in self.store.rows("SELECT name FROM entities WHERE type = ?", (type_,))]
        folded = {fold(n_): n_ for n_ in names}
        return [folded[match] for match, score, _ in process.extract(fold(name), list(folded), scorer=fuzz.WRatio,
                                                                     limit=n) if score >= 75]

    def entities_where(self, where: str, args: list[Any], limit: int, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.store.rows("SELECT e.id, e.type, e.name, e.kind, e.country, count(DISTINCT m.page_id) AS pages FROM entities e"
                         f" LEFT JOIN mentions m ON m.entity_id = e.id WHERE {where}"
                         " GROUP BY e.id ORDER BY pages DESC, e.name LIMIT ? OFFSET ?", (*args, limit, offset))
        for r in rows:
            r["aliases"] = [a["alias"] for a in self.store.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias",
                                                             (r["id"],)) if a["alias"] != r["name"]]
        return rows

    def person(self, entity_id: int) -> dict[str, Any]:
        """A person with posts over time (first and last seen, the pages that say so), the
        events attended, and the pages that name them."""
        posts: dict[str, dict[str, Any]] = {}
        for r in self.store.execute("SELECT po.title, po.title_key, po.former, p.published, p.source FROM posts po"
                              " JOIN pages p ON p.id = po.page_id WHERE po.person_id = ? ORDER BY p.published, p.source",
                              (entity_id,)):
            post = posts.setdefault(r["title_key"], {"title": r["title"], "first_seen": None, "last_seen": None,
                                                     "former": False, "sources": []})
            post["title"] = min(post["title"], r["title"])
            seen = [d for d in (post["first_seen"], post["last_seen"], r["published"]) if d]
            post["first_seen"], post["last_seen"] = min(seen, default=None), max(seen, default=None)
            post["former"] = post["former"] or bool(r["former"])
            if r["source"] not in post["sources"]:
                post["sources"].append(r["source"])
        events = self.store.rows(
            'SELECT e.id, e.kind, e.name, e.start, e."end", e.city, e.country FROM events e'
            " JOIN event_participants ep ON ep.event_id = e.id WHERE ep.entity_id = ? ORDER BY e.start", (entity_id,))
        pages = self.store.rows(
            "SELECT DISTINCT p.source, p.title, p.published FROM pages p JOIN mentions m ON m.page_id = p.id"
            " WHERE m.entity_id = ? ORDER BY p.published", (entity_id,))
        met = counterparts(self.store, entity_id)
        months = self.store.rows(
            "SELECT substr(p.published, 1, 7) AS month, count(DISTINCT p.id) AS pages FROM mentions m"
            " JOIN pages p ON p.id = m.page_id WHERE m.entity_id = ? AND p.published IS NOT NULL"
            " GROUP BY substr(p.published, 1, 7) ORDER BY month", (entity_id,))
        return {"posts": sorted(posts.values(), key=lambda post: post["first_seen"] or ""), "events": events,
                "met": met, "mentions_by_month": months, "sources": pages}

    def network(self, filters: SearchFilters = NO_FILTERS) -> dict[str, list[dict[str, Any]]]:
        """The who-met-whom graph over the events `filters` keep (`store.network`)."""
        return network(self.store, filters)

    def event_reports(self, filters: SearchFilters = NO_FILTERS) -> list[dict[str, Any]]:
        """Events with their first report's page, sentence and ordered participants."""
        return event_reports(self.store, filters)

    def entity(self, entity_id: int, type_: str | None = None) -> dict[str, Any] | None:
        """One entity (of `type_`, when given) with its aliases and the number of pages naming it."""
        found = self.entities_where("e.id = ?" + (" AND e.type = ?" if type_ else ""),
                                    [entity_id, type_] if type_ else [entity_id], 1)
        return found[0] if found else None

    def organization(self, entity_id: int) -> dict[str, Any]:
        """An organisation or forum: the meetings held within it by year, the people whose
        posts belong to it, and the pages naming it."""
        names = {r["alias"] for r in self.store.execute("SELECT alias FROM aliases WHERE entity_id = ?", (entity_id,))}
        names |= {self.store.value("SELECT name FROM entities WHERE id = ?", (entity_id,)) or ""}
        names = {n for n in names if len(n) > 1}
        by_year: dict[str, list[dict[str, Any]]] = {}
        if names:
            where = " OR ".join(["e.forum_folded LIKE ?"] * len(names))
            for event in self.store.rows(f'SELECT e.id, e.kind, e.name, e.start, e."end", e.city, e.country FROM events e'
                                   f" WHERE {where} ORDER BY e.start", [f"%{fold(n)}%" for n in sorted(names)]):
                by_year.setdefault((event["start"] or "?")[:4], []).append(event)
        people = self.store.by_ids("SELECT DISTINCT n.id, n.name, po.title FROM posts po JOIN entities n ON n.id = po.person_id",
                              sorted(names), column="po.organization") if names else []
        pages = self.store.rows(
            "SELECT DISTINCT p.source, p.title, p.published FROM pages p JOIN mentions m ON m.page_id = p.id"
            " WHERE m.entity_id = ? ORDER BY p.published", (entity_id,))
        return {"meetings_by_year": dict(sorted(by_year.items(), reverse=True)),
                "people": sorted(people, key=lambda r: (r["name"], r["title"])), "sources": pages}

    def place(self, entity_id: int) -> dict[str, Any]:
        """A place: the events held there and the pages naming it."""
        name = self.store.value("SELECT name FROM entities WHERE id = ?", (entity_id,)) or ""
        names = spellings(name)
        marks = ",".join("?" * len(names))
        events = self.store.rows(f'SELECT e.id, e.kind, e.name, e.start, e."end", e.city, e.country FROM events e'
                           f" WHERE e.country_folded IN ({marks}) OR e.city = ? ORDER BY e.start", [*names, name])
        pages = self.store.rows(
            "SELECT DISTINCT p.source, p.title, p.published FROM pages p JOIN mentions m ON m.page_id = p.id"
            " WHERE m.entity_id = ? ORDER BY p.published", (entity_id,))
        return {"events": events, "sources": pages}

    def events(self, filters: SearchFilters = NO_FILTERS, limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
        """The event timeline, each event with all its sources."""
        where, args = event_conditions(filters)
        rows = self.store.rows(f'SELECT e.* FROM events e WHERE 1=1 {where} ORDER BY e.start NULLS LAST, e."end", e.id'
                         " LIMIT ? OFFSET ?", (*args, limit, offset))
        out = []
        for r in rows:
            event = {k: v for k, v in r.items() if k != "key" and k not in self.store.HIDDEN_COLUMNS}
            event["forum"] = json.loads(r["forum"] or "[]")
            event["sources"] = self.store.rows(
                "SELECT p.source, p.title, p.published, s.name, s.status FROM event_sources s JOIN pages p ON p.id = s.page_id"
                " WHERE s.event_id = ? ORDER BY p.published, p.source", (r["id"],))
            event["participants"] = self.store.rows(
                "SELECT n.id, n.name FROM event_participants ep JOIN entities n ON n.id = ep.entity_id WHERE ep.event_id = ?"
                " ORDER BY n.name", (r["id"],))
            out.append(event)
        return out

    def copies(self, source: str) -> list[dict[str, Any]]:
        """The page's reprint group: every copy with its provenance, the likely original first
        (earliest published; a copy crediting another source comes after the uncredited)."""
        group = self.store.value("SELECT reprint_group FROM pages WHERE source = ?", (source,))
        if group is None:
            return []
        copies = self.store.rows("SELECT source, title, published, outlet, reprinted_from FROM pages"
                                 " WHERE reprint_group = ? ORDER BY reprinted_from IS NOT NULL, published IS NULL,"
                                 " published", (group,))
        for n, copy in enumerate(copies):
            copy["likely_original"] = n == 0
        return copies

    def show(self, source: str) -> dict[str, Any] | None:
        """One page's extraction record, by its source (or the end of it)."""
        stored = self.store.value("SELECT record FROM pages WHERE source = ? OR source LIKE ? ORDER BY length(source) LIMIT 1",
                            (source, f"%{source}"))
        if stored is None:
            return None
        record = json.loads(stored)
        record["copies"] = self.copies(record["source"])
        return record

    def mentions(self, source: str) -> list[dict[str, Any]]:
        """Every entity mention on a page (field, offsets, entity id and type), for highlighting."""
        return self.store.rows('SELECT m.field, m.start, m."end", m.entity_id, e.type, e.name FROM mentions m'
                         " JOIN entities e ON e.id = m.entity_id JOIN pages p ON p.id = m.page_id"
                         ' WHERE p.source = ? ORDER BY m.field, m.start, m."end" DESC', (source,))

    def raw(self, source: str) -> dict[str, Any] | None:
        """A page's raw bytes as read, with the encoding they were decoded from."""
        rows = self.store.rows("SELECT raw, encoding, url FROM pages WHERE source = ?", (source,))
        return rows[0] if rows else None

    def pages(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[dict[str, Any]]:
        """Stored pages, newest first."""
        where, args = ("WHERE outlet_folded = ?", [fold(outlet)]) if outlet else ("", [])
        return self.store.rows(f"SELECT source, title, published, outlet, author, reprinted_from FROM pages {where}"
                         " ORDER BY published DESC NULLS LAST, source LIMIT ? OFFSET ?", (*args, limit, offset))

    def facts(self, source: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Figures the pages state, newest page first."""
        where, args = ("WHERE p.source = ?", [source]) if source else ("", [])
        rows = self.store.rows('SELECT f.value, f.unit, f.what, f.qualifier, f.change, f.period, f.parties, f.text, f.start,'
                         f' f."end", p.source, p.published FROM facts f JOIN pages p ON p.id = f.page_id {where}'
                         " ORDER BY p.published DESC NULLS LAST, f.id LIMIT ? OFFSET ?", (*args, limit, offset))
        for r in rows:
            r["parties"] = json.loads(r["parties"] or "[]")
        return rows

    def stats(self) -> dict[str, Any]:
        """What the base holds: rows per table, pages per year and per outlet."""
        return {"counts": self.counts(),
                "pages_by_year": self.store.rows("SELECT substr(published, 1, 4) AS year, count(*) AS pages FROM pages"
                                           " WHERE published IS NOT NULL GROUP BY substr(published, 1, 4) ORDER BY year"),
                # By the folded name, as pages are listed by outlet (`pages`), in the index's order.
                "pages_by_outlet": self.store.rows("SELECT max(outlet) AS outlet, count(*) AS pages FROM pages"
                                             " WHERE outlet IS NOT NULL GROUP BY outlet_folded"
                                             " ORDER BY pages DESC, outlet LIMIT 50")}

    def records(self) -> Iterator[dict[str, Any]]:
        """Every page's extraction record, in source order (for export)."""
        for row in self.store.execute("SELECT record FROM pages ORDER BY source"):
            yield json.loads(row["record"])

    def table(self, name: str) -> Iterator[dict[str, Any]]:
        """Rows of a table as dicts (for CSV and Parquet export); raw bytes left out."""
        for row in self.store.execute(f"SELECT * FROM {name} ORDER BY 1"):
            yield {c: v for c, v in row.items() if c not in self.store.HIDDEN_COLUMNS}

    def columns(self, name: str) -> list[str]:
        """A table's exported columns, also when it has no rows (CSV headers)."""
        cursor = self.store.execute(f"SELECT * FROM {name} LIMIT 0")
        return [d[0] for d in cursor.description if d[0] not in self.store.HIDDEN_COLUMNS]

    def counts(self) -> dict[str, int]:
        return {table: self.store.value(f"SELECT count(*) FROM {table}")
                for table in ("pages", "entities", "mentions", "posts", "events", "facts", "failures", "unlinked")} | {
            "reprint_groups": self.store.value("SELECT count(DISTINCT reprint_group) FROM pages")}
