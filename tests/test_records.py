"""The typed records: what `sugia extract` writes reads back into the same typed objects."""
import json

from hypothesis import given
from hypothesis import strategies as st

from sugia.page import Page
from sugia.records import Event, Fact, Mention, Organization, Person, Place, Post, Span

text = st.text(max_size=20)
maybe = st.none() | text
mentions = st.lists(st.builds(Mention, st.sampled_from(["title", "body"]), st.integers(0, 999),
                              st.integers(0, 999), text), max_size=3)
people = st.builds(Person, text, st.lists(text, max_size=2), st.lists(st.builds(
    Post, text, maybe, maybe, st.booleans(), st.sampled_from(["title", "body"]), st.integers(0, 99),
    st.integers(0, 99)), max_size=2), st.lists(text, max_size=2), mentions)
places = st.builds(Place, text, st.lists(text, max_size=2), maybe, maybe, maybe, mentions)
events = st.builds(Event, text, text, maybe, maybe, participants=st.lists(text, max_size=3),
                   sentence=st.builds(Span, st.integers(0, 99), st.integers(0, 99)))
facts = st.builds(Fact, st.floats(allow_nan=False, allow_infinity=False), maybe, text,
                  sentence=st.builds(Span, st.integers(0, 99), st.integers(0, 99)))


@given(st.lists(people, max_size=2), st.lists(places, max_size=2), st.lists(events, max_size=2),
       st.lists(facts, max_size=2))
def test_records_round_trip_through_json(found_people, found_places, found_events, found_facts):
    page = Page(source="p.txt", body="x", people=found_people, locations=found_places, events=found_events,
                facts=found_facts, organizations=[Organization("ASEAN", canonical="Hiệp hội các quốc gia Đông Nam Á")])
    again = Page.from_dict(json.loads(json.dumps(page.to_dict(), ensure_ascii=False)))
    assert again.people == found_people and again.locations == found_places
    assert again.events == found_events and again.facts == found_facts
    assert all(isinstance(e.sentence, Span) for e in again.events)


def test_records_write_the_output_format_fields_in_order():
    event = Event("visit", "chuyến thăm", "2024-03-05", "2024-03-06", sentence=Span(3, 40)).to_dict()
    assert list(event)[:4] == ["kind", "name", "start", "end"] and event["sentence"] == {"start": 3, "end": 40}
    person = Person("Lê Gia Bảo", ["Bộ trưởng"], [Post("Bộ trưởng")], [], [Mention("body", 0, 10, "Lê Gia Bảo")])
    assert list(person.to_dict()) == ["name", "titles", "posts", "aliases", "mentions"]
