"""Entities: people with their posts, organisations and forums, places — each with its
mentions as character offsets into the body (or the title), so they can be highlighted.

People are read first (posts anchor them); organisation and place names are not looked for
inside a person's name ("Nguyễn Đức Khải" holds no Germany, "Phạm Quang Vinh" no city Vinh).
"""
from __future__ import annotations

from typing import Any

from ..page import Page
from ..pipeline import Stage
from ..text import match_key
from .organizations import find_organizations
from .people import Person, find_people, titles
from .places import find_places
from .tokens import covered, tokenize


def _mention(field_: str, text: str, start: int, end: int) -> dict[str, Any]:
    return {"field": field_, "start": start, "end": end, "text": text[start:end]}


def extract_entities(fields: dict[str, str]) -> tuple[list[dict], list[dict], list[dict]]:
    """People, organisations and places over several fields of one page (title, body)."""
    people: dict[str, tuple[Person, list[dict], list[dict]]] = {}
    orgs: dict[str, dict] = {}
    locs: dict[str, dict] = {}
    for field_, text in fields.items():
        if not text:
            continue
        tokens = tokenize(text)
        found_people = find_people(text, tokens)
        skip = covered(tokens, [span for p in found_people for span in p.mentions])
        for person in found_people:
            merged, posts, mentions = people.setdefault(match_key(person.name), (Person(person.name), [], []))
            merged.posts += person.posts
            posts += [{"title": p.title, "organization": p.organization, "country": p.country, "former": p.former,
                       "field": field_, "start": p.start, "end": p.end} for p in person.posts]
            mentions += [_mention(field_, text, s, e) for s, e in person.mentions]
        for org in find_organizations(text, tokens, skip):
            _merge(orgs, org.canonical or org.name, org.name, org.aliases, field_, text, org.mentions, {})
        for place in find_places(text, tokens, skip):
            written = text[place.mentions[0][0] : place.mentions[0][1]]
            _merge(locs, place.name, written, [place.name, *place.aliases], field_, text, place.mentions,
                   {"kind": place.kind, "country": place.country})
    records = [{"name": person.name, "titles": titles(person), "posts": posts, "aliases": [], "mentions": mentions}
               for person, posts, mentions in people.values()]
    return records, list(orgs.values()), list(locs.values())


def _merge(table: dict[str, dict], canonical: str, written: str, aliases: list[str], field_: str, text: str,
           mentions: list[tuple[int, int]], extra: dict[str, Any]) -> None:
    """One record per canonical name: its name as first written, every other form an alias."""
    record = table.setdefault(match_key(canonical), {"name": written, "aliases": [], "canonical": canonical,
                                                     **extra, "mentions": []})
    for form in (written, *aliases, canonical):
        if form and match_key(form) != match_key(record["name"]) and \
                match_key(form) not in {match_key(a) for a in record["aliases"]}:
            record["aliases"].append(form)
    record["mentions"] += [_mention(field_, text, s, e) for s, e in mentions]


class Entities(Stage):
    name = "entities"

    def process(self, page: Page) -> Page:
        page.people, page.organizations, page.locations = extract_entities(
            {"title": page.meta.title or "", "body": page.body})
        return page
