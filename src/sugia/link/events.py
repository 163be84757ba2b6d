"""Which event a page's report is: reports of one event across outlets and days share kind and
country, overlapping days, a name (`events.identity.same_name`, the rule the events stage
uses within a page) and — when both name people — a person. A merged event spans the days
all its reports give."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ..events.identity import same_name
from ..lang.text import match_key
from ..records import Event
from ..store import Store
from ..store.write import insert_event, insert_report, widen_event

# Reports of one event are looked for among events that began at most this many days earlier.
LONGEST_EVENT_DAYS = 31
# Events whose participants one query reads (SQLite takes at most 32,766 parameters).
PARTICIPANTS_QUERIED = 1_000


def event_key(event: Event) -> str:
    """Events that may be one across articles: same kind, same country (and, for an event
    whose year is unknown, the same day and month); dated events must also overlap in time."""
    day = "" if event.start else event.month_day or ""
    return "|".join([event.kind, match_key(event.country or ""), day])


def link_event(store: Store, page_id: int, event: Event, people: dict[str, int]) -> int:
    """Store the page's report of `event`, as a report of an event the base knows when there
    is one; returns the event's id."""
    key = event_key(event)
    named = {people[k] for name in event.participants if (k := match_key(name)) in people}
    known = _same_people(store, [r for r in reports(store, key, event.start, event.end)
                                 if same_name(r["name"], event.name)], named)
    if known:  # one event, reported again: its days are what all reports say together
        event_id = known[0]["id"]
        if event.start and event.end:
            widen_event(store, event_id, min(known[0]["start"], event.start), max(known[0]["end"], event.end))
    else:
        event_id = insert_event(store, key, event)
    insert_report(store, event_id, page_id, event, named)
    return event_id


def reports(store: Store, key: str, start: str | None, end: str | None) -> list[dict[str, Any]]:
    """Stored events with this key whose days overlap [start, end] (events lasting longer
    than LONGEST_EVENT_DAYS are not looked for, so the (key, start) index stays narrow);
    undated ones when the event is undated."""
    if start is None:
        return store.rows('SELECT id, name, start, "end" FROM events WHERE key = ? AND start IS NULL ORDER BY id', (key,))
    earliest = (date.fromisoformat(start) - timedelta(days=LONGEST_EVENT_DAYS)).isoformat()
    return store.rows('SELECT id, name, start, "end" FROM events WHERE key = ? AND start >= ? AND start <= ?'
                      ' AND "end" >= ? ORDER BY id', (key, earliest, end, start))


def _same_people(store: Store, candidates: list[dict[str, Any]], people: set[int]) -> list[dict[str, Any]]:
    """The stored events that name at least one of `people`, or nobody (or all of them when the
    report names nobody): two receptions in Hà Nội on one day, of different envoys by different
    officials, are two. Their participants are read in one query (a busy key and month gave a
    page ~27 events of the same name to check)."""
    if not candidates or not people:
        return candidates
    ids = [r["id"] for r in candidates]
    known: dict[int, set[int]] = defaultdict(set)
    for at in range(0, len(ids), PARTICIPANTS_QUERIED):  # within every database's limit on parameters
        chunk = ids[at:at + PARTICIPANTS_QUERIED]
        for r in store.rows(f"SELECT event_id, entity_id FROM event_participants WHERE event_id IN"
                            f" ({', '.join('?' * len(chunk))})", chunk):
            known[r["event_id"]].add(r["entity_id"])
    return [r for r in candidates if not known[r["id"]] or known[r["id"]] & people]
