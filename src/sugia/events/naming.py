"""Readable event names. A trigger names a meeting well when it carries its own words ("Hội
nghị Cấp cao ASEAN lần thứ 45"); talks, calls, receptions, visits and signings are named by
who and what instead ("Hội đàm giữa Thủ tướng X và Thủ tướng Y", "Lễ ký Bản ghi nhớ về ...").
"""
from __future__ import annotations

from ..lang.gazetteer import family_names
from ..lang.text import match_key
from ..records import Event, Person
from .identity import distinctive

# Kinds named by their participants: (opening, joining word).
BY_PEOPLE = {"talks": ("Hội đàm giữa", "và"), "phone_call": ("Điện đàm giữa", "và"), "reception": ("", "tiếp")}
VISIT_LEVELS = {"cap nha nuoc": "cấp Nhà nước", "chinh thuc": "chính thức", "lam viec": "làm việc",
                "cong tac": "công tác"}


def styled(name: str, people: dict[str, Person]) -> str:
    """A person as the press names them at first mention: their shortest post, then the name."""
    person = people.get(name)
    titles = sorted(person.titles, key=len) if person and person.titles else []
    return f"{titles[0]} {name}" if titles else name


def _visitor(event: Event, people: dict[str, Person]) -> str:
    """Who made the visit: the first participant whose posts are not the host country's."""
    host = match_key(event.country or "")
    for name in event.participants:
        person = people.get(name)
        countries = {match_key(p.country) for p in person.posts if p.country} if person else set()
        if host not in countries and not (host == match_key("Việt Nam") and not countries and _vietnamese(name)):
            return name
    return event.participants[0]


def _vietnamese(name: str) -> bool:
    return match_key(name.split()[0]) in family_names() if name else False


def readable(event: Event, people: dict[str, Person]) -> str:
    """The event's name for a reader: the trigger's when it names the meeting, else one made of
    who, where and what."""
    who = [styled(n, people) for n in event.participants[:2]]
    if event.kind in BY_PEOPLE and len(who) == 2:
        opening, join = BY_PEOPLE[event.kind]
        return f"{opening} {who[0]} {join} {who[1]}".strip()
    if event.kind == "visit" and who and event.country:
        level = VISIT_LEVELS.get((event.level or "").removeprefix("tham "), "")
        return f"{styled(_visitor(event, people), people)} thăm {level + ' ' if level else ''}{event.country}"
    if event.kind == "signing" and event.documents:
        return f"Lễ ký {event.documents[0]}"
    if len(distinctive(event.name)) < 2 and who:
        return f"{event.name[:1].upper()}{event.name[1:]} — {', '.join(who)}"
    return event.name
