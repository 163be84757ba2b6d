"""Metadata: title (set by clean), publication date, outlet, author, reprint source."""
from __future__ import annotations

from ..lang.dates import year_fixed_by_text
from ..page import Hints, Page
from ..pipeline import Stage
from .published import find_published
from .source import credits, known_outlet, outlet_in_text, outlet_named, outlet_of_url, site_of


class Metadata(Stage):
    name = "meta"
    requires = ("lines", "body", "head", "hints")
    assigns = ("meta.published", "meta.url", "meta.outlet", "meta.author", "meta.reprinted_from")

    def process(self, page: Page) -> Page:
        meta = page.meta
        head = page.head or Hints()
        url = page.hints.url or head.url
        if not url and "://" in page.source:
            url = page.source
        meta.url = url
        found = find_published(page.lines, url, [d for d in (page.hints.date, head.date) if d])
        meta.published_text, meta.published_inferred = found.text, found.inferred
        if found.stamp is not None:
            year = found.stamp.year
            if year is None:
                year = year_fixed_by_text(page.body)
                meta.published_year_inferred = year is not None
            meta.published = found.stamp.iso(year)
        credited = credits(page.lines)
        meta.outlet = self.outlet(page, url, credited.get("masthead"))
        credit = credited.get("credit")
        if credit and outlet_named(credit) != meta.outlet:
            credited.setdefault("reprinted_from", credit)
        meta.reprinted_from = credited.get("reprinted_from")
        meta.author = credited.get("author") or head.author
        return page

    @staticmethod
    def outlet(page: Page, url: str | None, masthead: str | None) -> str | None:
        """A page with an address belongs to its site (listed by name, else by the head's site
        name or the address itself); a text dump names itself in its masthead or lead."""
        site_name = page.head.site if page.head and page.head.site else None
        if url:
            return outlet_of_url(url) or (outlet_named(site_name) if site_name else site_of(url))
        return (known_outlet(masthead) if masthead else None) or outlet_in_text(page.lines) or (
            outlet_named(site_name) if site_name else None)
