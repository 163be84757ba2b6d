"""Entities: people with their posts, organisations and forums, places — each with its
mentions as character offsets into the body (or the title), so they can be highlighted.

People are read first (posts anchor them); organisation and place names are not looked for
inside a person's name ("Nguyễn Đức Khải" holds no Germany, "Phạm Quang Vinh" no city Vinh).
"""
from __future__ import annotations

from .. import records
from ..lang.gazetteer import org_head
from ..lang.text import match_key
from ..lang.tokens import covered, token_at, tokenize
from ..page import Page
from ..pipeline import Stage
from .credits import credit_spans
from .organizations import find_organizations
from .people import Person, find_people, posts_around, titles
from .places import find_places
from .tagger import Tagger, is_meeting, load, rule_labels, tag_names
from .words import is_coordination, page_words, whole_end

Named = records.Organization | records.Place


def _mentions(field_: str, text: str, spans: list[tuple[int, int]]) -> list[records.Mention]:
    return [records.Mention(field_, start, end, text[start:end]) for start, end in spans]


def extract_entities(fields: dict[str, str], tagger: Tagger | None = None) -> tuple[
        list[records.Person], list[records.Organization], list[records.Place]]:
    """People, organisations and places over several fields of one page (title, body): the
    rules' finds, and with a `tagger` the names it reads that the rules did not find."""
    people: dict[str, tuple[Person, records.Person]] = {}
    orgs: dict[str, records.Organization] = {}
    locs: dict[str, records.Place] = {}
    for field_, text in fields.items():
        if not text:
            continue
        tokens = tokenize(text)
        credits = credit_spans(text)
        words = page_words(tokens)  # the page's lower-case two-syllable words, read once per field
        found_people = [p for p in find_people(text, tokens, words) if not _inside(p.mentions, credits)]
        _whole_posts(text, tokens, [post for p in found_people for post in p.posts], words)
        skip = covered(tokens, [span for p in found_people for span in p.mentions + p.cues] + credits)
        for person in found_people:
            merged, record = people.setdefault(match_key(person.name), (Person(person.name), records.Person(person.name)))
            merged.posts += person.posts
            record.posts += [records.Post(p.title, p.organization, p.country, p.former, field_, p.start, p.end)
                             for p in person.posts]
            record.mentions += _mentions(field_, text, person.mentions)
        for org in find_organizations(text, tokens, skip):
            canonical = org.canonical or org.name
            org_record = orgs.setdefault(match_key(canonical), records.Organization(org.name, canonical=canonical))
            _merge(org_record, org.name, org.aliases, _mentions(field_, text, org.mentions))
        for place in find_places(text, tokens, skip):
            written = text[place.mentions[0][0] : place.mentions[0][1]]
            place_record = locs.setdefault(match_key(place.name), records.Place(
                written, canonical=place.name, kind=place.kind, country=place.country))
            _merge(place_record, written, [place.name, *place.aliases], _mentions(field_, text, place.mentions))
        if tagger is not None:
            _add_tagged(tagger, field_, text, tokens, credits, people, orgs, locs)
        _whole_words(field_, text, tokens, orgs, words)
    orgs = {key: record for key, record in orgs.items() if not is_coordination(record.name)}
    _fold_short_names(people)
    _fold_parenthesised(fields, people)
    for merged, record in people.values():
        record.titles = titles(merged)
    return [record for _, record in people.values()], list(orgs.values()), list(locs.values())


def _fold_short_names(people: dict[str, tuple[Person, records.Person]]) -> None:
    """'bà Merkel' before 'Angela Merkel', 'ông Tập' of 'Tập Cận Bình', 'Tổng thống Lee' of
    'Lee Jae Myung': a person the page names only by the last (or, failing that, the first)
    part of the name one other person bears in full is that person."""
    for key in [k for k in people if " " not in k]:
        longer = [k.split() for k in people if " " in k]
        fuller = [k for k in longer if k[-1] == key] or [k for k in longer if k[0] == key]
        if len(fuller) == 1:
            _fold(people, key, " ".join(fuller[0]))


def _fold(people: dict[str, tuple[Person, records.Person]], key: str, into: str) -> None:
    """The person under `key` is the one under `into`: posts and mentions move there."""
    merged, record = people.pop(key)
    whole, target = people[into]
    whole.posts += merged.posts
    target.posts += record.posts
    target.mentions = sorted(target.mentions + record.mentions, key=lambda m: (m.field != "title", m.start))


def _fold_parenthesised(fields: dict[str, str], people: dict[str, tuple[Person, records.Person]]) -> None:
    """'Cờ-rếc Chít-tích (Craig Chittick)': a name in brackets right after a person's is that
    person's other spelling, an alias."""
    at = {(m.field, m.start): key for key, (_, record) in people.items() for m in record.mentions}
    for key, (_, record) in list(people.items()):
        for m in list(record.mentions):
            text = fields.get(m.field) or ""
            other = at.get((m.field, m.end + 2)) if text[m.end:m.end + 2] == " (" else None
            if other and other != key and other in people and key in people:
                record.aliases.append(people[other][1].name)
                _fold(people, other, key)


def _add_tagged(tagger: Tagger, field_: str, text: str, tokens: list, credits: list[tuple[int, int]],
                people: dict, orgs: dict, locs: dict) -> None:
    """Names the tagger reads where neither the rules nor a credit stand: a person the rules
    know by a longer name gets the mention; any other is a new entity (a person without post)."""
    taken = [(m.start, m.end, kind) for kind, table in (("PER", people), ("ORG", orgs), ("LOC", locs))
             for value in table.values() for m in (value[1] if kind == "PER" else value).mentions if m.field == field_]
    labels = rule_labels(tokens, taken)
    for start, end, kind in tag_names(tagger, text, tokens, labels):
        if any(s < end and start < e for s, e, _ in taken) or any(s < end and start < e for s, e in credits):
            continue
        name, mention = text[start:end], records.Mention(field_, start, end, text[start:end])
        key = match_key(name)
        if kind == "PER":
            known = next((pair for pair in people.values() if f" {match_key(pair[1].name)}".endswith(f" {key}")), None)
            merged, record = known or people.setdefault(key, (Person(name), records.Person(name)))
            record.mentions.append(mention)
            found = posts_around(text, tokens, start, end)
            merged.posts += found
            record.posts += [records.Post(p.title, p.organization, p.country, p.former, field_, p.start, p.end)
                             for p in found]
        elif kind == "ORG" and (is_meeting(name) or not _org_like(tokens, start)):
            continue  # "Thượng đỉnh về ...": an event; an organisation opens with a head word or is an acronym
        else:
            table, make = (orgs, records.Organization) if kind == "ORG" else (locs, records.Place)
            table.setdefault(key, make(name, canonical=name)).mentions.append(mention)


def _org_like(tokens: list, start: int) -> bool:
    """Does the name at `start` open as organisations do: a head word ("Bộ", "Ủy ban", "Đảng")
    or an acronym ("ASEAN")?"""
    i = token_at(tokens, start)
    return i < len(tokens) and tokens[i].start == start and (tokens[i].acronym or org_head(tokens, i) is not None)


def _whole_posts(text: str, tokens: list, posts: list, words: set[tuple[str, str]]) -> None:
    """Posts cut inside a word ("Bộ trưởng Bộ Văn" of "... Bộ Văn hóa") made whole."""
    for post in posts:
        if post.title and (end := whole_end(tokens, post.end, words)) != post.end:
            post.title, post.end = text[post.start:end], end


def _whole_words(field_: str, text: str, tokens: list, orgs: dict[str, records.Organization],
                 words: set[tuple[str, str]]) -> None:
    """Organisation names cut inside a word ("Ban Tổ" of "Ban Tổ chức") made whole."""
    for key, record in list(orgs.items()):
        for m in record.mentions:
            if m.field == field_ and (end := whole_end(tokens, m.end, words)) != m.end:
                if record.name == m.text:
                    record.name = text[m.start:end]
                if record.canonical == m.text:
                    record.canonical = text[m.start:end]
                m.end, m.text = end, text[m.start:end]


def _inside(mentions: list[tuple[int, int]], credits: list[tuple[int, int]]) -> bool:
    """Every mention stands inside a credit ("Ảnh: Trần An/TTXVN")."""
    return all(any(s <= start and end <= e for s, e in credits) for start, end in mentions)


def _merge(record: Named, written: str, aliases: list[str], mentions: list[records.Mention]) -> None:
    """One record per canonical name: its name as first written, every other form an alias."""
    for form in (written, *aliases, record.canonical):
        if form and match_key(form) != match_key(record.name) and \
                match_key(form) not in {match_key(a) for a in record.aliases}:
            record.aliases.append(form)
    record.mentions += mentions


class Entities(Stage):
    name = "entities"
    requires = ("body", "meta.title")
    assigns = ("people", "organizations", "locations")

    def process(self, page: Page) -> Page:
        page.people, page.organizations, page.locations = extract_entities(
            {"title": page.meta.title or "", "body": page.body}, load())
        return page
