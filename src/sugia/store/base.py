"""The knowledge base, whichever database holds it: storing a processed page, linking it
across articles, and every query the CLI, API and web pages ask. Each page is stored in one
transaction, keyed by its source and the hash of its raw bytes: ingesting the same page again
changes nothing, and an ingest killed midway leaves only whole pages behind, so a rerun
finishes the job.

The SQL here is written once, with `?` placeholders and folded copies of every name that is
looked up (`*_folded` columns: no marks, "đ" -> "d"); a backend (`sqlite.py`, `postgres.py`)
supplies the connection, the transaction, the migrations and full-text ranking.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ..page import Page
from ..search import Query, parse_query, snippet
from ..text import fold, match_key
from .reprints import ReprintIndex, signature, to_bytes

# Reports of one event are looked for among events that began at most this many days earlier.
LONGEST_EVENT_DAYS = 31
# Facets count the best FACET_POOL matches of a search, and show FACET_VALUES values each.
FACET_POOL = 500
FACET_VALUES = 10
ENTITY_TYPES = {"people": "person", "organizations": "organization", "locations": "location"}


def content_hash(page: Page) -> str:
    return hashlib.sha256(page.raw or page.body.encode("utf-8")).hexdigest()


def event_key(event: dict[str, Any]) -> str:
    """Events that may be one across articles: same kind, same country (and, for an event
    whose year is unknown, the same day and month); dated events must also overlap in time."""
    day = "" if event.get("start") else event.get("month_day") or ""
    return "|".join([event["kind"], match_key(event.get("country") or ""), day])


# Words every meeting name has; names are compared on the rest.
_GENERIC = set(match_key("hội nghị cuộc họp lần thứ các và cấp cao phiên tham dự với của tại").split())
SAME_EVENT_JACCARD = 0.5


def same_event(a: str, b: str) -> bool:
    """Two reports name one event when their distinctive words overlap enough, or one
    report's name says nothing the other's does not ("Hội nghị cấp cao" vs "… ASEAN lần thứ 45")."""
    x, y = set(match_key(a).split()) - _GENERIC, set(match_key(b).split()) - _GENERIC
    if not x or not y or x <= y or y <= x:
        return True
    return len(x & y) / len(x | y) >= SAME_EVENT_JACCARD


class Store:
    """Knowledge base over a DB-API connection; subclasses name the database."""

    MIGRATIONS: tuple[str, ...] = ()
    HIDDEN_COLUMNS = {"raw", "record", "title_folded", "body_folded", "outlet_folded", "name_folded", "alias_folded",
                      "country_folded", "forum_folded", "tsv"}

    def __init__(self, path: str):
        self.path = path
        self._reprints: ReprintIndex | None = None
        self.migrate()

    # ---- what a backend supplies ---------------------------------------------------------

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement written with `?` placeholders; rows come back as dicts."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def lock_schema(self) -> None:
        """Keep other processes from migrating at the same time (inside the migration's transaction)."""

    def schema_version(self) -> int:
        raise NotImplementedError

    def set_schema_version(self, number: int) -> None:
        raise NotImplementedError

    def ranked(self, query: Query, filters: list[str], args: list[Any], limit: int) -> list[dict[str, Any]]:
        """Pages matching `query` and `filters` (SQL on `p`, the pages table), best first:
        rows with the page's id and a score (higher is better)."""
        raise NotImplementedError

    def index(self, page_id: int, title_folded: str, body_folded: str) -> None:
        """Add a stored page to the full-text index (nothing to do where the index is a column)."""

    def unindex(self, page_id: int, title_folded: str, body_folded: str) -> None:
        """Take a page out of the full-text index before it is deleted."""

    def close(self) -> None:
        raise NotImplementedError

    # ---- shared plumbing -----------------------------------------------------------------

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return list(self.execute(sql, args))

    def value(self, sql: str, args: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, args).fetchone()
        return None if row is None else next(iter(row.values()))

    def migrate(self) -> None:
        """Apply the migrations not yet applied, all in one transaction, under the schema lock
        (SQLite's BEGIN IMMEDIATE is that lock), so two processes opening a new base do not both create it."""
        with self.transaction():
            self.lock_schema()
            version = self.schema_version()
            for number, sql in enumerate(self.MIGRATIONS[version:], start=version + 1):
                for statement in _statements(sql):
                    self.execute(statement)
                self.set_schema_version(number)

    @property
    def reprints(self) -> ReprintIndex:
        if self._reprints is None:
            self._reprints = ReprintIndex((r["page_id"], bytes(r["hashvalues"]))
                                          for r in self.execute("SELECT page_id, hashvalues FROM page_minhash"))
        return self._reprints

    # ---- writing -------------------------------------------------------------------------

    def status(self, page: Page) -> str:
        """'new', 'unchanged' or 'changed' for a page about to be stored."""
        stored = self.value("SELECT content_hash FROM pages WHERE source = ?", (page.source,))
        if stored is None:
            return "new"
        return "unchanged" if stored == content_hash(page) else "changed"

    def add(self, page: Page) -> str:
        """Store a processed page; returns 'new', 'unchanged', 'changed' or 'failed'."""
        state = self.status(page) if page.ok else "failed"
        if state == "unchanged":
            return state
        with self.transaction():
            if not page.ok:
                self.execute("INSERT INTO failures VALUES (?, ?, ?, ?) ON CONFLICT (source) DO UPDATE"
                             " SET stage = excluded.stage, reason = excluded.reason, at = excluded.at",
                                (page.source, page.failure.stage, page.failure.reason, _now()))
                return state
            self.execute("DELETE FROM failures WHERE source = ?", (page.source,))
            if state == "changed":
                self._delete(page.source)
            page_id = self._insert_page(page)
            mh = self._group_reprints(page_id, page)
            ids = self._insert_entities(page_id, page)
            self._insert_events(page_id, page, ids)
            for f in page.facts:
                self.execute(
                    'INSERT INTO facts (page_id, value, unit, what, qualifier, change, period, parties, text, start, "end")'
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (page_id, f["value"], f["unit"], f["what"], f["qualifier"], f["change"], f["period"],
                     json.dumps(f["parties"], ensure_ascii=False), f["text"], f["start"], f["end"]))
        self.reprints.insert(page_id, mh)  # after the commit: the index only holds stored pages
        return state

    def _group_reprints(self, page_id: int, page: Page):
        mh = signature(page.body)
        similar = self.reprints.similar(mh)  # the index holds committed pages only
        self.execute("INSERT INTO page_minhash VALUES (?, ?)", (page_id, to_bytes(mh)))
        if similar:
            group = self.value("SELECT coalesce(reprint_group, id) FROM pages WHERE id = ?", (similar[0][0],))
            self.execute("UPDATE pages SET reprint_group = ? WHERE id IN (?, ?)", (group, page_id, group))
        return mh

    def copies(self, source: str) -> list[dict[str, Any]]:
        """The page's reprint group: every copy with its provenance, the likely original first
        (earliest published; a copy crediting another source comes after the uncredited)."""
        group = self.value("SELECT reprint_group FROM pages WHERE source = ?", (source,))
        if group is None:
            return []
        copies = self.rows("SELECT source, title, published, outlet, reprinted_from FROM pages WHERE reprint_group = ?"
                               " ORDER BY reprinted_from IS NOT NULL, published IS NULL, published", (group,))
        for n, copy in enumerate(copies):
            copy["likely_original"] = n == 0
        return copies

    def _delete(self, source: str) -> None:
        row = self.execute("SELECT id, title_folded, body_folded FROM pages WHERE source = ?", (source,)).fetchone()
        if row:
            self.unindex(row["id"], row["title_folded"], row["body_folded"])
            self.execute("UPDATE pages SET reprint_group = NULL WHERE reprint_group = ? AND id != ?", (row["id"], row["id"]))
            self.execute("DELETE FROM pages WHERE id = ?", (row["id"],))
            self.reprints.remove(row["id"])

    def _insert_page(self, page: Page) -> int:
        meta = page.meta
        title_folded, body_folded = fold(meta.title or ""), fold(page.body)
        page_id = self.value(
            "INSERT INTO pages (source, content_hash, url, title, published, published_year_inferred, outlet, author,"
            " reprinted_from, encoding, raw, body, title_folded, body_folded, outlet_folded, record, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
            (page.source, content_hash(page), meta.url, meta.title, meta.published, int(meta.published_year_inferred),
             meta.outlet, meta.author, meta.reprinted_from, page.encoding, page.raw, page.body, title_folded,
             body_folded, fold(meta.outlet or ""), json.dumps(page.to_dict(), ensure_ascii=False), _now()))
        self.index(page_id, title_folded, body_folded)
        return page_id

    def _entity(self, type_: str, record: dict[str, Any]) -> int:
        name = record.get("canonical") or record["name"]
        key = match_key(name)
        self.execute("INSERT INTO entities (type, key, name, name_folded, kind, country) VALUES (?,?,?,?,?,?)"
                     " ON CONFLICT (type, key) DO NOTHING",
                     (type_, key, name, fold(name), record.get("kind"), record.get("country")))
        entity_id = self.value("SELECT id FROM entities WHERE type = ? AND key = ?", (type_, key))
        for alias in {record["name"], *record.get("aliases", [])}:
            self.execute("INSERT INTO aliases (entity_id, alias, alias_folded) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", (entity_id, alias, fold(alias)))
        return entity_id

    def _insert_entities(self, page_id: int, page: Page) -> dict[str, int]:
        ids: dict[str, int] = {}
        for attr, type_ in ENTITY_TYPES.items():
            for record in getattr(page, attr):
                entity_id = self._entity(type_, record)
                ids[f"{type_}:{match_key(record['name'])}"] = entity_id
                self.executemany('INSERT INTO mentions (page_id, entity_id, field, start, "end", text) VALUES (?,?,?,?,?,?)',
                                 [(page_id, entity_id, m["field"], m["start"], m["end"], m["text"])
                                  for m in record.get("mentions", [])])
                for post in record.get("posts", []):
                    if post["title"] not in record.get("titles", []):
                        continue  # a bare "Thứ trưởng" when a fuller post is known
                    self.execute("INSERT INTO posts (person_id, page_id, title, title_key, organization, country, former)"
                                 " VALUES (?,?,?,?,?,?,?)",
                                 (entity_id, page_id, post["title"], match_key(post["title"]), post["organization"],
                                  post["country"], int(post["former"])))
        return ids

    def _insert_events(self, page_id: int, page: Page, ids: dict[str, int]) -> None:
        for event in page.events:
            key = event_key(event)
            people = {ids[k] for name in event["participants"] if (k := f"person:{match_key(name)}") in ids}
            known = [r for r in self._reports(key, event["start"], event["end"])
                     if same_event(r["name"], event["name"]) and self._same_people(r["id"], people)]
            if known:  # one event, reported again: its days are what all reports say together
                event_id = known[0]["id"]
                if event["start"]:
                    self.execute('UPDATE events SET start = ?, "end" = ? WHERE id = ?',
                                 (min(known[0]["start"], event["start"]), max(known[0]["end"], event["end"]), event_id))
            else:
                event_id = self.value(
                    'INSERT INTO events (key, kind, name, start, "end", city, country, venue, forum, ordinal, level,'
                    " relationship, country_folded, forum_folded) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                    (key, event["kind"], event["name"], event["start"], event["end"], event["city"], event["country"],
                     event["venue"], json.dumps(event["forum"], ensure_ascii=False), event["ordinal"], event["level"],
                     event["relationship"], fold(event["country"] or ""), fold(" ".join([*event["forum"], event["name"]]))))
            self.execute("INSERT INTO event_sources VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                         (event_id, page_id, event["name"], event["status"], event["sentence"]["start"],
                          event["sentence"]["end"]))
            self.executemany("INSERT INTO event_participants VALUES (?, ?) ON CONFLICT DO NOTHING",
                             [(event_id, person) for person in sorted(people)])

    def _reports(self, key: str, start: str | None, end: str | None) -> list[dict[str, Any]]:
        """Stored events with this key whose days overlap [start, end] (events lasting longer
        than LONGEST_EVENT_DAYS are not looked for, so the (key, start) index stays narrow);
        undated ones when the event is undated."""
        if start is None:
            return self.rows('SELECT id, name, start, "end" FROM events WHERE key = ? AND start IS NULL ORDER BY id', (key,))
        earliest = (date.fromisoformat(start) - timedelta(days=LONGEST_EVENT_DAYS)).isoformat()
        return self.rows('SELECT id, name, start, "end" FROM events WHERE key = ? AND start >= ? AND start <= ?'
                         ' AND "end" >= ? ORDER BY id', (key, earliest, end, start))

    def _same_people(self, event_id: int, people: set[int]) -> bool:
        """Two reports of one event name at least one person in common, or one names nobody:
        two receptions in Hà Nội on one day, of different envoys by different officials, are two."""
        known = {r["entity_id"] for r in self.execute("SELECT entity_id FROM event_participants WHERE event_id = ?",
                                                      (event_id,))}
        return not known or not people or bool(known & people)

    # ---- reading -------------------------------------------------------------------------

    def search(self, query: str, date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
               entity: str | None = None, limit: int = 20, offset: int = 0, kind: str | None = None,
               country: str | None = None, forum: str | None = None,
               marks: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
        """Pages matching `query`, by relevance then date, with snippets whose matched words
        are between `marks`. `kind`, `country` and `forum` keep pages reporting such an event."""
        parsed, hits = self._hits(query, limit + offset, date_from, date_to, outlet, entity, kind, country, forum)
        return self._results(parsed, hits[offset:], marks)

    def search_and_facets(self, query: str, date_from: str | None = None, date_to: str | None = None,
                          outlet: str | None = None, entity: str | None = None, limit: int = 20, offset: int = 0,
                          kind: str | None = None, country: str | None = None, forum: str | None = None,
                          marks: tuple[str, str] = ("[", "]")) -> tuple[list[dict[str, Any]], dict[str, list[dict]]]:
        """`search`, and how its best FACET_POOL matches spread over outlets, years, countries,
        forums and event kinds (value, pages) for narrowing it — from one ranking."""
        parsed, hits = self._hits(query, max(limit + offset, FACET_POOL), date_from, date_to, outlet, entity, kind,
                                  country, forum)
        return self._results(parsed, hits[offset:offset + limit], marks), self._facets([h["id"] for h in hits])

    def _hits(self, query: str, limit: int, *filters: str | None) -> tuple[Query, list[dict[str, Any]]]:
        parsed = parse_query(query)
        sql, args = self._page_filters(*filters)
        return parsed, self.ranked(parsed, sql, args, limit)

    def _results(self, parsed: Query, hits: list[dict[str, Any]], marks: tuple[str, str]) -> list[dict[str, Any]]:
        pages = {r["id"]: r for r in self._by_ids("SELECT id, source, title, published, outlet, body FROM pages",
                                                  [h["id"] for h in hits])}
        return [{"source": r["source"], "title": r["title"], "published": r["published"], "outlet": r["outlet"],
                 "snippet": snippet(r["body"], list(parsed.terms), mark=marks), "score": round(h["score"], 3)}
                for h in hits if (r := pages.get(h["id"]))]

    def _facets(self, ids: list[int]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, Counter[str]] = {name: Counter() for name in ("outlet", "year", "country", "forum", "kind")}
        for r in self._by_ids("SELECT outlet, substr(published, 1, 4) AS year FROM pages", ids):
            out["outlet"].update(filter(None, [r["outlet"]]))
            out["year"].update(filter(None, [r["year"]]))
        for r in self._by_ids("SELECT DISTINCT s.page_id, e.country, e.kind, e.forum FROM event_sources s"
                              " JOIN events e ON e.id = s.event_id", ids, column="s.page_id"):
            out["country"].update(filter(None, [r["country"]]))
            out["kind"].update([r["kind"]])
            out["forum"].update(json.loads(r["forum"] or "[]"))
        return {name: [{"value": v, "pages": n} for v, n in counts.most_common(FACET_VALUES)]
                for name, counts in out.items()}

    def _by_ids(self, sql: str, ids: list[int], column: str = "id") -> list[dict[str, Any]]:
        if not ids:
            return []
        return self.rows(f"{sql} WHERE {column} IN ({','.join('?' * len(ids))})", ids)

    def _page_filters(self, date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
                      entity: str | None = None, kind: str | None = None, country: str | None = None,
                      forum: str | None = None) -> tuple[list[str], list[Any]]:
        """SQL conditions on `p` (pages) and their arguments."""
        filters, args = [], []
        if date_from:
            filters.append("AND p.published >= ?")
            args.append(date_from)
        if date_to:
            filters.append("AND substr(p.published, 1, 10) <= ?")
            args.append(date_to)
        if outlet:
            filters.append("AND p.outlet_folded = ?")
            args.append(fold(outlet))
        if entity:
            ids, ids_args = entity_ids(entity)
            filters.append(f"AND p.id IN (SELECT m.page_id FROM mentions m WHERE m.entity_id IN ({ids}))")
            args += ids_args
        if kind or country or forum:
            sql, event_args = event_filters(country=country, kind=kind, forum=forum)
            filters.append("AND p.id IN (SELECT s.page_id FROM event_sources s JOIN events e ON e.id = s.event_id"
                           f" WHERE 1=1 {sql})")
            args += event_args
        return filters, args

    def entities(self, type_: str, name: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Entities of a type, most mentioned first; with a name, the ones it names."""
        where, args = "e.type = ?", [type_]
        if name:
            ids, ids_args = entity_ids(name)
            where += f" AND e.id IN ({ids})"
            args += ids_args
        return self.entities_where(where, args, limit, offset)

    def entities_where(self, where: str, args: list[Any], limit: int, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.rows("SELECT e.id, e.type, e.name, e.kind, e.country, count(DISTINCT m.page_id) AS pages FROM entities e"
                         f" LEFT JOIN mentions m ON m.entity_id = e.id WHERE {where}"
                         " GROUP BY e.id ORDER BY pages DESC, e.name LIMIT ? OFFSET ?", (*args, limit, offset))
        for r in rows:
            r["aliases"] = [a["alias"] for a in self.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias",
                                                             (r["id"],)) if a["alias"] != r["name"]]
        return rows

    def person(self, entity_id: int) -> dict[str, Any]:
        """A person with posts over time (first and last seen, the pages that say so), the
        events attended, and the pages that name them."""
        posts: dict[str, dict[str, Any]] = {}
        for r in self.execute("SELECT po.title, po.title_key, po.former, p.published, p.source FROM posts po"
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
        events = self.rows(
            'SELECT e.id, e.kind, e.name, e.start, e."end", e.city, e.country FROM events e'
            " JOIN event_participants ep ON ep.event_id = e.id WHERE ep.entity_id = ? ORDER BY e.start", (entity_id,))
        pages = self.rows(
            "SELECT DISTINCT p.source, p.title, p.published FROM pages p JOIN mentions m ON m.page_id = p.id"
            " WHERE m.entity_id = ? ORDER BY p.published", (entity_id,))
        met = self.rows(
            "SELECT n.id, n.name, count(DISTINCT a.event_id) AS events FROM event_participants a"
            " JOIN event_participants b ON b.event_id = a.event_id AND b.entity_id != a.entity_id"
            " JOIN entities n ON n.id = b.entity_id WHERE a.entity_id = ? GROUP BY n.id, n.name"
            " ORDER BY events DESC, n.name", (entity_id,))
        months = self.rows(
            "SELECT substr(p.published, 1, 7) AS month, count(DISTINCT p.id) AS pages FROM mentions m"
            " JOIN pages p ON p.id = m.page_id WHERE m.entity_id = ? AND p.published IS NOT NULL"
            " GROUP BY substr(p.published, 1, 7) ORDER BY month", (entity_id,))
        return {"posts": sorted(posts.values(), key=lambda post: post["first_seen"] or ""), "events": events,
                "met": met, "mentions_by_month": months, "sources": pages}

    def entity(self, entity_id: int, type_: str | None = None) -> dict[str, Any] | None:
        """One entity (of `type_`, when given) with its aliases and the number of pages naming it."""
        found = self.entities_where("e.id = ?" + (" AND e.type = ?" if type_ else ""),
                                    [entity_id, type_] if type_ else [entity_id], 1)
        return found[0] if found else None

    def organization(self, entity_id: int) -> dict[str, Any]:
        """An organisation or forum: the meetings held within it by year, the people whose
        posts belong to it, and the pages naming it."""
        names = {r["alias"] for r in self.execute("SELECT alias FROM aliases WHERE entity_id = ?", (entity_id,))}
        names |= {self.value("SELECT name FROM entities WHERE id = ?", (entity_id,)) or ""}
        names = {n for n in names if len(n) > 1}
        by_year: dict[str, list[dict[str, Any]]] = {}
        if names:
            where = " OR ".join(["e.forum_folded LIKE ?"] * len(names))
            for event in self.rows(f'SELECT e.id, e.kind, e.name, e.start, e."end", e.city, e.country FROM events e'
                                   f" WHERE {where} ORDER BY e.start", [f"%{fold(n)}%" for n in sorted(names)]):
                by_year.setdefault((event["start"] or "?")[:4], []).append(event)
        people = self._by_ids("SELECT DISTINCT n.id, n.name, po.title FROM posts po JOIN entities n ON n.id = po.person_id",
                              sorted(names), column="po.organization") if names else []
        pages = self.rows(
            "SELECT DISTINCT p.source, p.title, p.published FROM pages p JOIN mentions m ON m.page_id = p.id"
            " WHERE m.entity_id = ? ORDER BY p.published", (entity_id,))
        return {"meetings_by_year": dict(sorted(by_year.items(), reverse=True)),
                "people": sorted(people, key=lambda r: (r["name"], r["title"])), "sources": pages}

    def place(self, entity_id: int) -> dict[str, Any]:
        """A place: the events held there and the pages naming it."""
        name = self.value("SELECT name FROM entities WHERE id = ?", (entity_id,)) or ""
        spellings = place_spellings(name)
        marks = ",".join("?" * len(spellings))
        events = self.rows(f'SELECT e.id, e.kind, e.name, e.start, e."end", e.city, e.country FROM events e'
                           f" WHERE e.country_folded IN ({marks}) OR e.city = ? ORDER BY e.start", [*spellings, name])
        pages = self.rows(
            "SELECT DISTINCT p.source, p.title, p.published FROM pages p JOIN mentions m ON m.page_id = p.id"
            " WHERE m.entity_id = ? ORDER BY p.published", (entity_id,))
        return {"events": events, "sources": pages}

    def events(self, date_from: str | None = None, date_to: str | None = None, country: str | None = None,
               kind: str | None = None, person: str | None = None, forum: str | None = None,
               limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
        """The event timeline, each event with all its sources."""
        where, args = event_filters(date_from, date_to, country, kind, person, forum)
        rows = self.rows(f'SELECT e.* FROM events e WHERE 1=1 {where} ORDER BY e.start NULLS LAST, e."end", e.id'
                         " LIMIT ? OFFSET ?", (*args, limit, offset))
        out = []
        for r in rows:
            event = {k: v for k, v in r.items() if k != "key" and k not in self.HIDDEN_COLUMNS}
            event["forum"] = json.loads(r["forum"] or "[]")
            event["sources"] = self.rows(
                "SELECT p.source, p.title, p.published, s.name, s.status FROM event_sources s JOIN pages p ON p.id = s.page_id"
                " WHERE s.event_id = ? ORDER BY p.published, p.source", (r["id"],))
            event["participants"] = self.rows(
                "SELECT n.id, n.name FROM event_participants ep JOIN entities n ON n.id = ep.entity_id WHERE ep.event_id = ?"
                " ORDER BY n.name", (r["id"],))
            out.append(event)
        return out

    def show(self, source: str) -> dict[str, Any] | None:
        """One page's extraction record, by its source (or the end of it)."""
        stored = self.value("SELECT record FROM pages WHERE source = ? OR source LIKE ? ORDER BY length(source) LIMIT 1",
                            (source, f"%{source}"))
        if stored is None:
            return None
        record = json.loads(stored)
        record["copies"] = self.copies(record["source"])
        return record

    def mentions(self, source: str) -> list[dict[str, Any]]:
        """Every entity mention on a page (field, offsets, entity id and type), for highlighting."""
        return self.rows('SELECT m.field, m.start, m."end", m.entity_id, e.type, e.name FROM mentions m'
                         " JOIN entities e ON e.id = m.entity_id JOIN pages p ON p.id = m.page_id"
                         ' WHERE p.source = ? ORDER BY m.field, m.start, m."end" DESC', (source,))

    def raw(self, source: str) -> dict[str, Any] | None:
        """A page's raw bytes as read, with the encoding they were decoded from."""
        rows = self.rows("SELECT raw, encoding, url FROM pages WHERE source = ?", (source,))
        return rows[0] if rows else None

    def pages(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[dict[str, Any]]:
        """Stored pages, newest first."""
        where, args = ("WHERE outlet_folded = ?", [fold(outlet)]) if outlet else ("", [])
        return self.rows(f"SELECT source, title, published, outlet, author, reprinted_from FROM pages {where}"
                         " ORDER BY published DESC NULLS LAST, source LIMIT ? OFFSET ?", (*args, limit, offset))

    def facts(self, source: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Figures the pages state, newest page first."""
        where, args = ("WHERE p.source = ?", [source]) if source else ("", [])
        rows = self.rows('SELECT f.value, f.unit, f.what, f.qualifier, f.change, f.period, f.parties, f.text, f.start,'
                         f' f."end", p.source, p.published FROM facts f JOIN pages p ON p.id = f.page_id {where}'
                         " ORDER BY p.published DESC NULLS LAST, f.id LIMIT ? OFFSET ?", (*args, limit, offset))
        for r in rows:
            r["parties"] = json.loads(r["parties"] or "[]")
        return rows

    def stats(self) -> dict[str, Any]:
        """What the base holds: rows per table, pages per year and per outlet."""
        return {"counts": self.counts(),
                "pages_by_year": self.rows("SELECT substr(published, 1, 4) AS year, count(*) AS pages FROM pages"
                                           " WHERE published IS NOT NULL GROUP BY substr(published, 1, 4) ORDER BY year"),
                "pages_by_outlet": self.rows("SELECT outlet, count(*) AS pages FROM pages WHERE outlet IS NOT NULL"
                                             " GROUP BY outlet ORDER BY pages DESC, outlet LIMIT 50")}

    def records(self):
        """Every page's extraction record, in source order (for export)."""
        for row in self.execute("SELECT record FROM pages ORDER BY source"):
            yield json.loads(row["record"])

    def table(self, name: str):
        """Rows of a table as dicts (for CSV and Parquet export); raw bytes left out."""
        for row in self.execute(f"SELECT * FROM {name} ORDER BY 1"):
            yield {c: v for c, v in row.items() if c not in self.HIDDEN_COLUMNS}

    def counts(self) -> dict[str, int]:
        return {table: self.value(f"SELECT count(*) FROM {table}")
                for table in ("pages", "entities", "mentions", "posts", "events", "facts", "failures")} | {
            "reprint_groups": self.value("SELECT count(DISTINCT reprint_group) FROM pages")}


def place_spellings(name: str) -> list[str]:
    """Every folded spelling the gazetteers know for a name ("Hoa Kỳ" -> my, hoa ky, ...;
    "LHQ" -> lien hop quoc, ...); the name itself when they know none."""
    from ..entities.gazetteer import organizations, places

    spellings = {fold(name)}
    for gazetteer in (places(), organizations()):
        if entry := gazetteer.lookup(name):
            spellings |= {fold(n) for n in (entry.name, *entry.aliases)}
    return sorted(spellings)


def event_filters(date_from: str | None = None, date_to: str | None = None, country: str | None = None,
                  kind: str | None = None, person: str | None = None, forum: str | None = None) -> tuple[str, list[Any]]:
    """SQL conditions on `e` (events) for the timeline's filters, and their arguments."""
    sql, args = [], []
    for clause, value in (("AND e.start >= ?", date_from), ("AND e.start <= ?", date_to), ("AND e.kind = ?", kind)):
        if value:
            sql.append(clause)
            args.append(value)
    if country:
        names = place_spellings(country)
        sql.append(f"AND e.country_folded IN ({','.join('?' * len(names))})")
        args += names
    if person:
        ids, ids_args = entity_ids(person)
        sql.append(f"AND e.id IN (SELECT event_id FROM event_participants WHERE entity_id IN ({ids}))")
        args += ids_args
    if forum:
        sql.append("AND e.forum_folded LIKE ?")
        args.append(f"%{fold(forum)}%")
    return " ".join(sql), args


def entity_ids(name: str) -> tuple[str, list[str]]:
    """SQL selecting the ids of the entities a name refers to, and its arguments."""
    spellings = place_spellings(name)
    marks = ",".join("?" * len(spellings))
    return (f"SELECT id FROM entities WHERE key = ? OR name_folded IN ({marks})"
            f" UNION SELECT entity_id FROM aliases WHERE alias_folded IN ({marks})", [match_key(name), *spellings, *spellings])


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";\n") if s.strip()]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
