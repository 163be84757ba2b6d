"""The embedded knowledge base: one SQLite file (WAL, foreign keys, numbered migrations).

Each page is stored in one transaction, keyed by its source and the hash of its raw bytes:
ingesting the same page again changes nothing, and an ingest killed midway leaves only whole
pages behind, so a rerun finishes the job.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..page import Page
from ..search import fts_query, snippet
from ..text import fold, match_key
from .reprints import ReprintIndex, signature, to_bytes
from .schema import MIGRATIONS

# Pages ranked by relevance at most, per query. On a 100,000-page base ranking 70,000 matches
# took ~110 ms; with windows of 10,000 / 5,000 the p95 over the benchmark queries was 60 / 37 ms.
RANK_WINDOW = 5_000
ENTITY_TYPES = {"people": "person", "organizations": "organization", "locations": "location"}


def content_hash(page: Page) -> str:
    return hashlib.sha256(page.raw or page.body.encode("utf-8")).hexdigest()


def event_key(event: dict[str, Any]) -> str:
    """Events that may be one across articles: same kind, same first day, same country."""
    return "|".join([event["kind"], event.get("start") or event.get("month_day") or "", match_key(event.get("country") or "")])


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


class SQLiteStore:
    """Knowledge base in one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.create_function("fold", 1, lambda text: fold(text or ""), deterministic=True)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.migrate()
        self._reprints: ReprintIndex | None = None

    @property
    def reprints(self) -> ReprintIndex:
        if self._reprints is None:
            self._reprints = ReprintIndex(self.db.execute("SELECT page_id, hashvalues FROM page_minhash"))
        return self._reprints

    def migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number}")

    def transaction(self):
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    # ---- writing -------------------------------------------------------------------------

    def status(self, page: Page) -> str:
        """'new', 'unchanged' or 'changed' for a page about to be stored."""
        row = self.db.execute("SELECT content_hash FROM pages WHERE source = ?", (page.source,)).fetchone()
        if row is None:
            return "new"
        return "unchanged" if row["content_hash"] == content_hash(page) else "changed"

    def add(self, page: Page) -> str:
        """Store a processed page; returns 'new', 'unchanged', 'changed' or 'failed'."""
        state = self.status(page) if page.ok else "failed"
        if state == "unchanged":
            return state
        with self.transaction():
            if not page.ok:
                self.db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?)",
                                (page.source, page.failure.stage, page.failure.reason, _now()))
                return state
            self.db.execute("DELETE FROM failures WHERE source = ?", (page.source,))
            if state == "changed":
                self._delete(page.source)
            page_id = self._insert_page(page)
            mh = self._group_reprints(page_id, page)
            ids = self._insert_entities(page_id, page)
            self._insert_events(page_id, page, ids)
            for f in page.facts:
                self.db.execute(
                    'INSERT INTO facts (page_id, value, unit, what, qualifier, change, period, parties, text, start, "end")'
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (page_id, f["value"], f["unit"], f["what"], f["qualifier"], f["change"], f["period"],
                     json.dumps(f["parties"], ensure_ascii=False), f["text"], f["start"], f["end"]))
        self.reprints.insert(page_id, mh)  # after the commit: the index only holds stored pages
        return state

    def _group_reprints(self, page_id: int, page: Page):
        mh = signature(page.body)
        similar = self.reprints.similar(mh)  # the index holds committed pages only
        self.db.execute("INSERT INTO page_minhash VALUES (?, ?)", (page_id, to_bytes(mh)))
        if similar:
            group = self.db.execute("SELECT coalesce(reprint_group, id) FROM pages WHERE id = ?", (similar[0][0],)).fetchone()[0]
            self.db.execute("UPDATE pages SET reprint_group = ? WHERE id IN (?, ?)", (group, page_id, group))
        return mh

    def copies(self, source: str) -> list[dict[str, Any]]:
        """The page's reprint group: every copy with its provenance, the likely original first
        (earliest published; a copy crediting another source comes after the uncredited)."""
        row = self.db.execute("SELECT id, reprint_group FROM pages WHERE source = ?", (source,)).fetchone()
        if row is None or row["reprint_group"] is None:
            return []
        rows = self.db.execute("SELECT source, title, published, outlet, reprinted_from FROM pages WHERE reprint_group = ?"
                               " ORDER BY reprinted_from IS NOT NULL, published IS NULL, published", (row["reprint_group"],))
        copies = [dict(r) for r in rows]
        for n, copy in enumerate(copies):
            copy["likely_original"] = n == 0
        return copies

    def _delete(self, source: str) -> None:
        row = self.db.execute("SELECT id, title_folded, body_folded FROM pages WHERE source = ?", (source,)).fetchone()
        if row:
            self.db.execute("INSERT INTO pages_fts(pages_fts, rowid, title_folded, body_folded) VALUES ('delete', ?, ?, ?)",
                            (row["id"], row["title_folded"], row["body_folded"]))
            self.db.execute("UPDATE pages SET reprint_group = NULL WHERE reprint_group = ? AND id != ?", (row["id"], row["id"]))
            self.db.execute("DELETE FROM pages WHERE id = ?", (row["id"],))
            self.reprints.remove(row["id"])

    def _insert_page(self, page: Page) -> int:
        meta = page.meta
        title_folded, body_folded = fold(meta.title or ""), fold(page.body)
        cursor = self.db.execute(
            "INSERT INTO pages (source, content_hash, url, title, published, published_year_inferred, outlet, author,"
            " reprinted_from, encoding, raw, body, title_folded, body_folded, record, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (page.source, content_hash(page), meta.url, meta.title, meta.published, int(meta.published_year_inferred),
             meta.outlet, meta.author, meta.reprinted_from, page.encoding, page.raw, page.body, title_folded,
             body_folded, json.dumps(page.to_dict(), ensure_ascii=False), _now()))
        page_id = cursor.lastrowid
        self.db.execute("INSERT INTO pages_fts(rowid, title_folded, body_folded) VALUES (?, ?, ?)",
                        (page_id, title_folded, body_folded))
        return page_id

    def _entity(self, type_: str, record: dict[str, Any]) -> int:
        key = match_key(record.get("canonical") or record["name"])
        self.db.execute("INSERT INTO entities (type, key, name, kind, country) VALUES (?,?,?,?,?)"
                        " ON CONFLICT (type, key) DO NOTHING",
                        (type_, key, record.get("canonical") or record["name"], record.get("kind"), record.get("country")))
        entity_id = self.db.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (type_, key)).fetchone()[0]
        for alias in {record["name"], *record.get("aliases", [])}:
            self.db.execute("INSERT OR IGNORE INTO aliases VALUES (?, ?)", (entity_id, alias))
        return entity_id

    def _insert_entities(self, page_id: int, page: Page) -> dict[str, int]:
        ids: dict[str, int] = {}
        for attr, type_ in ENTITY_TYPES.items():
            for record in getattr(page, attr):
                entity_id = self._entity(type_, record)
                ids[f"{type_}:{match_key(record['name'])}"] = entity_id
                self.db.executemany('INSERT INTO mentions (page_id, entity_id, field, start, "end", text) VALUES (?,?,?,?,?,?)',
                                    [(page_id, entity_id, m["field"], m["start"], m["end"], m["text"])
                                     for m in record.get("mentions", [])])
                for post in record.get("posts", []):
                    if post["title"] not in record.get("titles", []):
                        continue  # a bare "Thứ trưởng" when a fuller post is known
                    self.db.execute("INSERT INTO posts (person_id, page_id, title, title_key, organization, country, former)"
                                    " VALUES (?,?,?,?,?,?,?)",
                                    (entity_id, page_id, post["title"], match_key(post["title"]), post["organization"],
                                     post["country"], int(post["former"])))
        return ids

    def _insert_events(self, page_id: int, page: Page, ids: dict[str, int]) -> None:
        for event in page.events:
            key = event_key(event)
            known = [r["id"] for r in self.db.execute("SELECT id, name FROM events WHERE key = ?", (key,))
                     if same_event(r["name"], event["name"])]
            if known:
                event_id = known[0]
            else:
                event_id = self.db.execute(
                    'INSERT INTO events (key, kind, name, start, "end", city, country, venue, forum, ordinal, level,'
                    " relationship) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (key, event["kind"], event["name"], event["start"], event["end"], event["city"], event["country"],
                     event["venue"], json.dumps(event["forum"], ensure_ascii=False), event["ordinal"], event["level"],
                     event["relationship"])).lastrowid
            self.db.execute("INSERT OR IGNORE INTO event_sources VALUES (?,?,?,?,?,?)",
                            (event_id, page_id, event["name"], event["status"], event["sentence"]["start"],
                             event["sentence"]["end"]))
            for name in event["participants"]:
                if person := ids.get(f"person:{match_key(name)}"):
                    self.db.execute("INSERT OR IGNORE INTO event_participants VALUES (?, ?)", (event_id, person))

    # ---- reading -------------------------------------------------------------------------

    def search(self, query: str, date_from: str | None = None, date_to: str | None = None, outlet: str | None = None,
               entity: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Pages matching `query`, by relevance then date, with highlighted snippets."""
        expression, terms = fts_query(query)
        filters, args = [], [expression]
        if date_from:
            filters.append("AND p.published >= ?")
            args.append(date_from)
        if date_to:
            filters.append("AND substr(p.published, 1, 10) <= ?")
            args.append(date_to)
        if outlet:
            filters.append("AND fold(p.outlet) = ?")
            args.append(fold(outlet))
        if entity:
            ids, ids_args = entity_ids(entity)
            filters.append(f"AND p.id IN (SELECT m.page_id FROM mentions m WHERE m.entity_id IN ({ids}))")
            args += ids_args
        # FTS5 ranks inside its index; bm25 costs a little for every matching page, so a query
        # matching more than RANK_WINDOW pages is ranked among the most recently ingested
        # RANK_WINDOW of them (the window's lower rowid is found by walking the index backwards).
        window = ""
        floor = None if filters else self.db.execute(
            f"SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET {RANK_WINDOW}",
            (expression,)).fetchone()
        if floor:  # more matches than the window
            window = f"AND rowid > {int(floor[0])}"
        pool = "" if filters else f"LIMIT {max(limit * 5, 100)}"
        sql = ("SELECT p.source, p.title, p.published, p.outlet, p.body, hits.rank FROM"
               f" (SELECT rowid, rank FROM pages_fts WHERE pages_fts MATCH ? {window} ORDER BY rank {pool}) AS hits"
               " JOIN pages p ON p.id = hits.rowid WHERE 1=1 " + " ".join(filters) +
               " ORDER BY round(hits.rank, 6), p.published DESC LIMIT ?")
        args.append(limit)
        try:
            rows = self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise UsageError(f"malformed query {query!r}: {exc}") from exc
        return [{"source": r["source"], "title": r["title"], "published": r["published"], "outlet": r["outlet"],
                 "snippet": snippet(r["body"], terms), "score": round(-r["rank"], 3)} for r in rows]

    def entities(self, type_: str, name: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Entities of a type, most mentioned first; with a name, the ones it names."""
        sql = ("SELECT e.id, e.name, e.kind, e.country, count(DISTINCT m.page_id) AS pages FROM entities e"
               " LEFT JOIN mentions m ON m.entity_id = e.id WHERE e.type = ?")
        args: list[Any] = [type_]
        if name:
            ids, ids_args = entity_ids(name)
            sql += f" AND e.id IN ({ids})"
            args += ids_args
        rows = self.db.execute(sql + " GROUP BY e.id ORDER BY pages DESC, e.name LIMIT ?", (*args, limit)).fetchall()
        out = []
        for r in rows:
            aliases = [a[0] for a in self.db.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (r["id"],))
                       if a[0] != r["name"]]
            out.append({"id": r["id"], "name": r["name"], "aliases": aliases, "kind": r["kind"], "country": r["country"],
                        "pages": r["pages"]})
        return out

    def person(self, entity_id: int) -> dict[str, Any]:
        """A person with posts over time (first and last seen, the pages that say so), the
        events attended, and the pages that name them."""
        posts = self.db.execute(
            "SELECT min(po.title) AS title, po.title_key, min(p.published) AS first_seen, max(p.published) AS last_seen,"
            " group_concat(DISTINCT p.source) AS sources, max(po.former) AS former"
            " FROM posts po JOIN pages p ON p.id = po.page_id WHERE po.person_id = ?"
            " GROUP BY po.title_key ORDER BY first_seen", (entity_id,)).fetchall()
        events = self.db.execute(
            'SELECT e.kind, e.name, e.start, e."end", e.city, e.country FROM events e'
            " JOIN event_participants ep ON ep.event_id = e.id WHERE ep.entity_id = ? ORDER BY e.start", (entity_id,)).fetchall()
        pages = self.db.execute(
            "SELECT DISTINCT p.source, p.title, p.published FROM pages p JOIN mentions m ON m.page_id = p.id"
            " WHERE m.entity_id = ? ORDER BY p.published", (entity_id,)).fetchall()
        return {"posts": [{"title": r["title"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                           "former": bool(r["former"]), "sources": (r["sources"] or "").split(",")} for r in posts],
                "events": [dict(r) for r in events], "sources": [dict(r) for r in pages]}

    def events(self, date_from: str | None = None, date_to: str | None = None, country: str | None = None,
               kind: str | None = None, person: str | None = None, forum: str | None = None,
               limit: int = 500) -> list[dict[str, Any]]:
        """The event timeline, each event with all its sources."""
        sql, args = ['SELECT e.* FROM events e WHERE 1=1'], []
        for clause, value in (("AND e.start >= ?", date_from), ("AND e.start <= ?", date_to),
                              ("AND e.kind = ?", kind)):
            if value:
                sql.append(clause)
                args.append(value)
        if country:
            names = place_spellings(country)
            sql.append(f"AND fold(e.country) IN ({','.join('?' * len(names))})")
            args += names
        if person:
            ids, ids_args = entity_ids(person)
            sql.append(f"AND e.id IN (SELECT event_id FROM event_participants WHERE entity_id IN ({ids}))")
            args += ids_args
        if forum:
            sql.append("AND (fold(e.forum) LIKE ? OR fold(e.name) LIKE ?)")
            args += [f"%{fold(forum)}%"] * 2
        rows = self.db.execute(" ".join(sql) + " ORDER BY e.start, e.\"end\" LIMIT ?", (*args, limit)).fetchall()
        out = []
        for r in rows:
            event = {k: r[k] for k in r.keys() if k not in ("id", "key")}
            event["forum"] = json.loads(r["forum"] or "[]")
            event["sources"] = [dict(s) for s in self.db.execute(
                "SELECT p.source, p.title, p.published, s.name, s.status FROM event_sources s JOIN pages p ON p.id = s.page_id"
                " WHERE s.event_id = ? ORDER BY p.published", (r["id"],))]
            event["participants"] = [s[0] for s in self.db.execute(
                "SELECT n.name FROM event_participants ep JOIN entities n ON n.id = ep.entity_id WHERE ep.event_id = ?",
                (r["id"],))]
            out.append(event)
        return out

    def show(self, source: str) -> dict[str, Any] | None:
        """One page's extraction record, by its source (or the end of it)."""
        row = self.db.execute("SELECT record FROM pages WHERE source = ? OR source LIKE ? ORDER BY length(source) LIMIT 1",
                              (source, f"%{source}")).fetchone()
        if row is None:
            return None
        record = json.loads(row["record"])
        record["copies"] = self.copies(record["source"])
        return record

    def records(self):
        """Every page's extraction record, in source order (for export)."""
        for row in self.db.execute("SELECT record FROM pages ORDER BY source"):
            yield json.loads(row["record"])

    def table(self, name: str):
        """Rows of a table as dicts (for CSV and Parquet export); raw bytes left out."""
        cursor = self.db.execute(f"SELECT * FROM {name}")
        columns = [c[0] for c in cursor.description if c[0] not in ("raw", "record", "title_folded", "body_folded")]
        for row in cursor:
            yield {c: row[c] for c in columns}

    def counts(self) -> dict[str, int]:
        return {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("pages", "entities", "mentions", "posts", "events", "facts", "failures")} | {
            "reprint_groups": self.db.execute("SELECT count(DISTINCT reprint_group) FROM pages").fetchone()[0]}


def place_spellings(name: str) -> list[str]:
    """Every folded spelling the gazetteers know for a name ("Hoa Kỳ" -> my, hoa ky, ...;
    "LHQ" -> lien hop quoc, ...); the name itself when they know none."""
    from ..entities.gazetteer import organizations, places
    from ..entities.tokens import tokenize

    tokens = tokenize(name)
    spellings = {fold(name)}
    for gazetteer in (places(), organizations()):
        hit = gazetteer.match(tokens, 0) if tokens else None
        if hit and hit[0] == len(tokens):
            spellings |= {fold(n) for n in (hit[1].name, *hit[1].aliases)}
    return sorted(spellings)


def entity_ids(name: str) -> tuple[str, list[str]]:
    """SQL selecting the ids of the entities a name refers to, and its arguments."""
    spellings = place_spellings(name)
    marks = ",".join("?" * len(spellings))
    return (f"SELECT id FROM entities WHERE key = ? OR fold(name) IN ({marks})"
            f" UNION SELECT entity_id FROM aliases WHERE fold(alias) IN ({marks})", [match_key(name), *spellings, *spellings])


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: a page is stored whole or not."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, traceback) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";\n") if s.strip()]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
