"""The filters of a search or a timeline, read once: CLI options, API parameters and web form
fields all become one frozen `SearchFilters`, checked when it is built, and written as SQL
here and nowhere else."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from ..errors import UsageError
from ..events.kinds import EVENT_KINDS
from ..lang.gazetteer import spellings
from ..lang.text import fold, match_key

DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What a search keeps (pages) or a timeline keeps (events). Empty strings mean no filter.

    date_from/date_to: YYYY[-MM[-DD]] (published on pages, the first day of events); outlet;
    entity: pages naming this person, organisation or place; kind, country, forum: pages
    reporting (or events being) such an event; person: events with this participant."""

    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    entity: str | None = None
    kind: str | None = None
    country: str | None = None
    forum: str | None = None
    person: str | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            object.__setattr__(self, f.name, value.strip() if isinstance(value, str) and value.strip() else None)
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value and not DATE.match(value):
                raise UsageError(f"{name.replace('_', ' ')}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if self.kind and self.kind not in EVENT_KINDS:
            raise UsageError(f"kind: {self.kind!r} is not an event kind (one of {', '.join(EVENT_KINDS)})")

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def page_conditions(filters: SearchFilters) -> tuple[list[str], list[Any]]:
    """SQL conditions on `p` (pages) and their arguments."""
    sql, args = [], []
    if filters.date_from:
        sql.append("AND p.published >= ?")
        args.append(filters.date_from)
    if filters.date_to:
        sql.append("AND substr(p.published, 1, 10) <= ?")
        args.append(filters.date_to)
    if filters.outlet:
        sql.append("AND p.outlet_folded = ?")
        args.append(fold(filters.outlet))
    if filters.entity:
        ids, ids_args = entity_ids(filters.entity)
        sql.append(f"AND p.id IN (SELECT m.page_id FROM mentions m WHERE m.entity_id IN ({ids}))")
        args += ids_args
    if filters.kind or filters.country or filters.forum:
        events = SearchFilters(kind=filters.kind, country=filters.country, forum=filters.forum)
        where, event_args = event_conditions(events)
        sql.append("AND p.id IN (SELECT s.page_id FROM event_sources s JOIN events e ON e.id = s.event_id"
                   f" WHERE 1=1 {where})")
        args += event_args
    return sql, args


def event_conditions(filters: SearchFilters) -> tuple[str, list[Any]]:
    """SQL conditions on `e` (events) for the timeline's filters, and their arguments."""
    sql, args = [], []
    for clause, value in (("AND e.start >= ?", filters.date_from), ("AND e.start <= ?", filters.date_to),
                          ("AND e.kind = ?", filters.kind)):
        if value:
            sql.append(clause)
            args.append(value)
    if filters.country:
        names = spellings(filters.country)
        sql.append(f"AND e.country_folded IN ({','.join('?' * len(names))})")
        args += names
    if filters.person:
        ids, ids_args = entity_ids(filters.person)
        sql.append(f"AND e.id IN (SELECT event_id FROM event_participants WHERE entity_id IN ({ids}))")
        args += ids_args
    if filters.forum:
        sql.append("AND e.forum_folded LIKE ?")
        args.append(f"%{fold(filters.forum)}%")
    return " ".join(sql), args


def entity_ids(name: str) -> tuple[str, list[str]]:
    """SQL selecting the ids of the entities a name refers to, and its arguments."""
    names = spellings(name)
    marks = ",".join("?" * len(names))
    return (f"SELECT id FROM entities WHERE key = ? OR name_folded IN ({marks})"
            f" UNION SELECT entity_id FROM aliases WHERE alias_folded IN ({marks})", [match_key(name), *names, *names])
