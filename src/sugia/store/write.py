"""Writing a processed page's rows: the page itself (and its full-text entry), its failure,
its mentions and posts, its figures, and the rows that tie events to pages. Which entity or
event a row belongs to is decided by `sugia.link`; this module only persists.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime, timezone

from ..lang.text import fold, match_key
from ..page import Page
from ..records import Event, Fact, Mention, Post
from .base import Store
from .upgrades import SPAN_DAYS


def content_hash(page: Page) -> str:
    return hashlib.sha256(page.raw or page.body.encode("utf-8")).hexdigest()


def status(store: Store, page: Page) -> str:
    """'new', 'unchanged' or 'changed' for a page about to be stored; 'foreign' when another
    input already stored a page under this source (a JSON line naming a fetched page's URL)."""
    rows = store.rows("SELECT content_hash, origin FROM pages WHERE source = ?", (page.source,))
    if not rows:
        return "new"
    if rows[0]["content_hash"] == content_hash(page):
        return "unchanged"
    stored = rows[0]["origin"]
    return "foreign" if stored and page.origin and container(stored) != container(page.origin) else "changed"


def container(origin: str) -> str:
    """The input an origin names, without its line or record ("dump.jsonl:3" -> "dump.jsonl")."""
    return re.sub(r"(?:#.*|:\d+)$", "", origin)


def record_failure(store: Store, page: Page) -> None:
    """Keep why a page failed (the latest reason per source)."""
    assert page.failure is not None
    store.execute("INSERT INTO failures VALUES (?, ?, ?, ?) ON CONFLICT (source) DO UPDATE"
                  " SET stage = excluded.stage, reason = excluded.reason, at = excluded.at",
                  (page.source, page.failure.stage, page.failure.reason, now()))


def clear_failure(store: Store, source: str) -> None:
    store.execute("DELETE FROM failures WHERE source = ?", (source,))


def delete_page(store: Store, source: str) -> int | None:
    """Remove a stored page and what hangs on it; returns its id (None when not stored)."""
    row = store.execute("SELECT id FROM pages WHERE source = ?", (source,)).fetchone()
    if not row:
        return None
    store.unindex(row["id"])
    store.execute("UPDATE pages SET reprint_group = NULL WHERE reprint_group = ? AND id != ?", (row["id"], row["id"]))
    events = [r["event_id"] for r in store.rows("SELECT DISTINCT event_id FROM event_sources WHERE page_id = ?",
                                                (row["id"],))]
    store.execute("DELETE FROM pages WHERE id = ?", (row["id"],))
    for event_id in events:  # an event no page reports any more is gone with its last source
        store.execute("DELETE FROM events WHERE id = ? AND NOT EXISTS"
                      " (SELECT 1 FROM event_sources s WHERE s.event_id = events.id)", (event_id,))
    return row["id"]


def insert_page(store: Store, page: Page, index: bool = True) -> int:
    """The page's row, with its raw bytes and extraction record, and (unless the caller
    indexes later, `ingest.Writer.batch`) its full-text index entry."""
    meta = page.meta
    title_folded, body_folded = fold(meta.title or ""), fold(page.body)
    page_id = store.value(
        "INSERT INTO pages (source, content_hash, url, title, published, published_year_inferred, outlet, author,"
        " reprinted_from, encoding, raw, body, title_folded, body_folded, outlet_folded, record, ingested_at, origin)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        (page.source, content_hash(page), meta.url, meta.title, meta.published, int(meta.published_year_inferred),
         meta.outlet, meta.author, meta.reprinted_from, page.encoding, page.raw, page.body, title_folded,
         body_folded, fold(meta.outlet or ""), json.dumps(page.to_dict(), ensure_ascii=False), now(), page.origin))
    if index:
        store.index([page_id])
    return page_id


def insert_mentions(store: Store, page_id: int, entity_id: int, mentions: list[Mention]) -> None:
    store.executemany('INSERT INTO mentions (page_id, entity_id, field, start, "end", text) VALUES (?,?,?,?,?,?)',
                      [(page_id, entity_id, m.field, m.start, m.end, m.text) for m in mentions])


def insert_posts(store: Store, page_id: int, person_id: int, posts: list[Post]) -> None:
    store.executemany("INSERT INTO posts (person_id, page_id, title, title_key, organization, country, former)"
                      " VALUES (?,?,?,?,?,?,?)",
                      [(person_id, page_id, p.title, match_key(p.title), p.organization, p.country, int(p.former))
                       for p in posts])


def insert_facts(store: Store, page_id: int, facts: list[Fact]) -> None:
    store.executemany(
        'INSERT INTO facts (page_id, value, unit, what, qualifier, change, period, parties, text, start, "end")'
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(page_id, f.value, f.unit, f.what, f.qualifier, f.change, f.period, json.dumps(f.parties, ensure_ascii=False),
          f.text, f.start, f.end) for f in facts])


def insert_event(store: Store, key: str, event: Event) -> int:
    """A new event row (`key`: what reports of one event share, see `sugia.link.events`)."""
    return store.value(
        'INSERT INTO events (key, kind, name, start, "end", span, city, country, venue, forum, ordinal, level,'
        " relationship, country_folded, forum_folded) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        (key, event.kind, event.name, event.start, event.end, span(event.start, event.end), event.city,
         event.country, event.venue, json.dumps(event.forum, ensure_ascii=False), event.ordinal, event.level,
         event.relationship, fold(event.country or ""), fold(" ".join([*event.forum, event.name]))))


def widen_event(store: Store, event_id: int, start: str, end: str) -> None:
    store.execute('UPDATE events SET start = ?, "end" = ?, span = ? WHERE id = ?',
                  (start, end, span(start, end), event_id))


def span(start: str | None, end: str | None) -> int:
    """The class of days an event lasts (`upgrades.EVENT_SPANS`): the first k whose SPAN_DAYS[k]
    its days after the first are within, else len(SPAN_DAYS); 0 when its days are not known."""
    if not (start and end):
        return 0
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days
    return next((k for k, most in enumerate(SPAN_DAYS) if days <= most), len(SPAN_DAYS))


def insert_report(store: Store, event_id: int, page_id: int, event: Event, people: set[int]) -> None:
    """The page reports the event (as it names it, with its status), and who took part."""
    store.execute("INSERT INTO event_sources VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                  (event_id, page_id, event.name, event.status, event.sentence.start, event.sentence.end))
    store.executemany("INSERT INTO event_participants VALUES (?, ?) ON CONFLICT DO NOTHING",
                      [(event_id, person) for person in sorted(people)])


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
