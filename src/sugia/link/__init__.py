"""Linking a stored page across articles: which person, organisation or place each record is
(`entities`), which event each report is (`events`), and which pages are reprints of one
story (`reprints`). Run by the single writer (`sugia.ingest.Writer`) inside the transaction
that stores the page, so identity is decided against every page committed before it."""
from __future__ import annotations

from ..lang.text import match_key
from ..page import Page
from ..store import Store
from ..store.write import insert_mentions, insert_posts
from .entities import ENTITY_TYPES, entity_id
from .events import link_event

__all__ = ["link_entities", "link_events"]


def link_entities(store: Store, page_id: int, page: Page) -> dict[str, int]:
    """Each person, organisation and place of the page as an entity of the base, with its
    mentions and (for people) the posts the page gives; returns person keys -> entity ids."""
    people: dict[str, int] = {}
    for attr, type_ in ENTITY_TYPES.items():
        for record in getattr(page, attr):
            found = entity_id(store, type_, record)
            insert_mentions(store, page_id, found, record.mentions)
            if type_ == "person":
                people[match_key(record.name)] = found
                # one spelling of each post: the form `titles` keeps
                insert_posts(store, page_id, found, [p for p in record.posts if p.title in record.titles])
    return people


def link_events(store: Store, page_id: int, page: Page, people: dict[str, int]) -> None:
    for event in page.events:
        link_event(store, page_id, event, people)
