"""Events and figures: what happened, when (absolute days), where, who took part, within
which forum — and the numbers the article states."""
from __future__ import annotations

from ..page import Page
from ..pipeline import Stage
from .extract import EventFinder


class Events(Stage):
    name = "events"

    def process(self, page: Page) -> Page:
        page.events = EventFinder(page.body, page.meta.published, page.locations, page.people,
                                  page.organizations).run()
        return page
