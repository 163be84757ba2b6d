"""Metadata: title (set by clean), publication date, outlet, author, reprint source."""
from __future__ import annotations

from ..lang.dates import year_fixed_by_text
from ..page import Hints, Page
from ..pipeline import Stage
from .published import find_published
from .source import credits, outlet_named, outlet_of_url

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
        meta.outlet = outlet_of_url(url)
        credit = credited.get("credit")
        if credit:
            named = outlet_named(credit)
            if meta.outlet is None:
                meta.outlet = named
            elif named != meta.outlet:
                credited.setdefault("reprinted_from", credit)
        if meta.outlet is None and head.site:
            meta.outlet = outlet_named(head.site)
        meta.reprinted_from = credited.get("reprinted_from")
        meta.author = credited.get("author") or head.author
        return page
