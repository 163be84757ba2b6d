"""Which event a page's report is: reports of one event across outlets and days share kind and
country, overlapping days, a name (`events.identity.same_name`, the rule the events stage
uses within a page) and — when both name people — a person. A merged event spans the days
all its reports give."""
from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from ..events.identity import same_name
from ..lang.text import match_key
from ..records import Event
from ..store import Store
from ..store.upgrades import SPAN_DAYS
from ..store.write import insert_event, insert_report, widen_event

# Reports of one event are looked for among events that began at most this many days earlier.
LONGEST_EVENT_DAYS = 31


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
    known = [r for r in reports(store, key, event.start, event.end, named) if same_name(r["name"], event.name)]
    if known:  # one event, reported again: its days are what all reports say together
        event_id, first, last = known[0]["id"], known[0]["start"], known[0]["end"]
        # Most reports repeat the days: rewriting them would move two index entries for nothing.
        if event.start and event.end and (event.start < first or event.end > last):
            widen_event(store, event_id, min(first, event.start), max(last, event.end))
    else:
        event_id = insert_event(store, key, event)
    insert_report(store, event_id, page_id, event, named)
    return event_id


def reports(store: Store, key: str, start: str | None, end: str | None,
            people: Collection[int] = ()) -> list[dict[str, Any]]:
    """Stored events with this key whose days overlap [start, end], undated ones when the event
    is undated. Each class of events by the days they last (`store.upgrades.EVENT_SPANS`) is
    looked for among those that began at most as many days earlier as its longest lasts (the
    longest, no further back than LONGEST_EVENT_DAYS), so each lookup steps over few index
    entries. With `people`, only events that name one of them or nobody: two receptions in Hà
    Nội on one day, of different envoys by different officials, are two. (The database checks
    the participants: at a million pages a busy key and month gave a page ~27 events to check,
    read and compared one by one.)"""
    if start is None:
        branches = [("key = ? AND span = 0 AND start IS NULL", [key])]
    else:
        first = date.fromisoformat(start)
        branches = [(f'key = ? AND span = {k} AND start >= ? AND start <= ? AND "end" >= ?',
                     [key, (first - timedelta(days=back)).isoformat(), end, start])
                    for k, back in enumerate((*SPAN_DAYS, LONGEST_EVENT_DAYS))]
    named, people_args = "", sorted(people)
    if people:
        # One pass over the event's participants (none: kept), not a look for any and then one
        # for each person: 0.071 ms a lookup against 0.084, replayed at 1.75M pages.
        named = (" AND coalesce((SELECT max(CASE WHEN p.entity_id IN"
                 f" ({', '.join('?' * len(people))}) THEN 1 ELSE 0 END)"
                 " FROM event_participants p WHERE p.event_id = e.id), 1) = 1")
    sql = " UNION ALL ".join(f'SELECT id, name, start, "end" FROM events e WHERE {where}{named}'
                             for where, _ in branches)
    return store.rows(f"{sql} ORDER BY id", [a for _, args in branches for a in [*args, *people_args]])
