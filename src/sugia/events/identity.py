"""When two reports name one event: the rules shared by the events stage (mentions of one
event within a page) and the knowledge base (reports of one event across pages, `link/`).

Names are compared on their distinctive words: every meeting name has "hội nghị", "lần thứ",
"cấp cao"..., so those say nothing about which meeting it is.
"""
from __future__ import annotations

from ..lang.text import match_key
from ..records import Event

# Words every meeting name has; names are compared on the rest.
GENERIC = frozenset(match_key("hội nghị cuộc họp phiên lần thứ các và cấp cao tham dự với của tại").split())
# A meeting named by these words alone ("Hội nghị", "phiên họp") is a bare meeting.
BARE = frozenset(match_key("hội nghị cuộc họp phiên").split())
# Names sharing at least this share of their distinctive words name one event.
SAME_NAME_JACCARD = 0.5
# Kinds that are meetings: a bare "Hội nghị" dated within a named meeting is that meeting.
MEETING_KINDS = frozenset({"summit", "ministerial_meeting", "senior_officials_meeting", "conference", "session",
                           "other"})


def distinctive(name: str) -> set[str]:
    return set(match_key(name).split()) - GENERIC


def same_name(a: str, b: str) -> bool:
    """Two names name one event when their distinctive words overlap enough, or one name says
    nothing the other does not ("Hội nghị cấp cao" vs "Hội nghị cấp cao ASEAN lần thứ 45")."""
    x, y = distinctive(a), distinctive(b)
    if not x or not y or x <= y or y <= x:
        return True
    return len(x & y) / len(x | y) >= SAME_NAME_JACCARD


def days_overlap(a_start: str | None, a_end: str | None, b_start: str | None, b_end: str | None) -> bool:
    if not (a_start and b_start):
        return False
    return a_start <= (b_end or b_start) and b_start <= (a_end or a_start)


def bare_meeting_within(bare: Event, named: Event) -> bool:
    """`bare` is a meeting named by generic words only, words `named` has too ("Hội nghị" within
    "Hội nghị X", not "cuộc họp"), dated on days overlapping `named`, a meeting."""
    words = set(match_key(bare.name).split())
    return (bare.kind in MEETING_KINDS and named.kind in MEETING_KINDS and words <= BARE
            and words <= set(match_key(named.name).split())
            and days_overlap(bare.start, bare.end, named.start, named.end))


def merge_reports(events: list[Event]) -> list[Event]:
    """One event mentioned several times on a page is one event: the same name (`same_name`)
    and the same kind and day — or a bare "Hội nghị" whose days overlap a named meeting's
    ("Hội nghị diễn ra từ ngày 8-11/7" after the meeting's full name), which then spans both."""
    out: list[Event] = []
    for event in events:
        for seen in out:
            if not same_name(seen.name, event.name):
                continue
            if seen.kind != event.kind or seen.start != event.start:
                if bare_meeting_within(seen, event):
                    seen.kind = event.kind
                elif not bare_meeting_within(event, seen):
                    continue
                seen.start, seen.end = min(seen.start, event.start), max(seen.end, event.end)  # type: ignore[type-var]
            absorb(seen, event)
            break
        else:
            out.append(event)
    return out


def absorb(seen: Event, event: Event, name: bool = True) -> None:
    """What a second report of `seen` adds: people, countries, documents, place and detail
    (and its longer name, when `name`)."""
    seen.participants = sorted(set(seen.participants) | set(event.participants))
    seen.countries = sorted(set(seen.countries) | set(event.countries))
    seen.documents += [d for d in event.documents if d not in seen.documents]
    for k in ("city", "country", "venue", "level", "relationship", "ordinal"):
        setattr(seen, k, getattr(seen, k) or getattr(event, k))
    if name and len(event.name) > len(seen.name):
        seen.name = event.name


# What a day's main event holds: a visit its talks, calls, receptions and the meetings it
# attends; a summit or a ministerial meeting its sessions, ceremonies and side meetings.
PART_OF = {
    "visit": {"talks", "reception", "ceremony", "conference", "session", "signing", "other"},
    "summit": {"session", "ceremony", "reception", "conference", "other"},
    "ministerial_meeting": {"session", "ceremony", "other"},
    "senior_officials_meeting": {"session", "other"},
    "session": {"ceremony", "other"},
}


def one_per_day(events: list[Event]) -> list[Event]:
    """A page's events that open on one day, in one place, among the same people, where one
    is part of the other (and ends with it or before) ("chuyến thăm" and the "Hội nghị" it attends, "Hội nghị Cấp cao" and its "phiên
    họp"), are one happening told from two sides: kept as the larger, with what the part adds."""
    out: list[Event] = []
    for event in events:
        for n, kept in enumerate(out):
            if kept.start != event.start or not _same_place(kept, event) \
                    or kept.participants and event.participants and not set(kept.participants) & set(event.participants):
                continue
            if event.kind in PART_OF.get(kept.kind, ()) and (event.end or "") <= (kept.end or ""):
                absorb(kept, event, name=False)
                break
            if kept.kind in PART_OF.get(event.kind, ()) and (kept.end or "") <= (event.end or ""):
                absorb(event, kept, name=False)
                out[n] = event
                break
        else:
            out.append(event)
    return out
def _same_place(a: Event, b: Event) -> bool:
    return not (a.country and b.country and match_key(a.country) != match_key(b.country))
