"""Events and figures: what happened, when (absolute days), where, who took part, within
which forum — and the numbers the article states."""
from __future__ import annotations

from ..page import Page
from ..pipeline import Stage
from ..records import Fact, Place
from .extract import EventFinder, sentences
from .figures import find_figures


def facts(body: str, locations: list[Place], spans: list[tuple[int, int, int]]) -> list[Fact]:
    """Figures of every sentence (`spans`), with the countries the sentence names as parties."""
    countries = [(m.start, loc.name) for loc in locations if loc.kind == "country"
                 for m in loc.mentions if m.field == "body"]
    out = []
    for start, end, _ in spans:
        parties = sorted({name for at, name in countries if start <= at < end})
        out += find_figures(body[start:end], start, parties)
    return out


class Events(Stage):
    name = "events"
    requires = ("body", "meta.published", "people", "organizations", "locations")
    assigns = ("events", "facts")

    def process(self, page: Page) -> Page:
        spans = sentences(page.body)
        page.events = EventFinder(page.body, page.meta.published, page.locations, page.people,
                                  page.organizations).run(spans)
        page.facts = facts(page.body, page.locations, spans)
        return page
