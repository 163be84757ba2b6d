"""Events and figures: what happened, when (absolute days), where, who took part, within
which forum — and the numbers the article states."""
from __future__ import annotations

from ..page import Page
from ..pipeline import Stage
from .extract import EventFinder, sentences
from .figures import find_figures


def facts(body: str, locations: list[dict], spans: list[tuple[int, int, int]]) -> list[dict]:
    """Figures of every sentence (`spans`), with the countries the sentence names as parties."""
    countries = [(m["start"], loc["name"]) for loc in locations if loc.get("kind") == "country"
                 for m in loc["mentions"] if m["field"] == "body"]
    out = []
    for start, end, _ in spans:
        parties = sorted({name for at, name in countries if start <= at < end})
        out += find_figures(body[start:end], start, parties)
    return out


class Events(Stage):
    name = "events"

    def process(self, page: Page) -> Page:
        spans = sentences(page.body)
        page.events = EventFinder(page.body, page.meta.published, page.locations, page.people,
                                  page.organizations).run(spans)
        page.facts = facts(page.body, page.locations, spans)
        return page
