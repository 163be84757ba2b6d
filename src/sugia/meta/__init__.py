"""Metadata: title (set by clean), publication date, outlet, author, reprint source."""
from __future__ import annotations

import re

from ..lang.dates import Stamp, is_date_line, parse_stamp, year_fixed_by_text
from ..page import Hints, Page
from ..pipeline import Stage
from .source import credits, outlet_named, outlet_of_url

_SEGMENTS = re.compile(r"\s+[|\-–—•]\s+|\s*\|\s*")


def _date_in_line(text: str) -> Stamp | None:
    """A date stamp that is the whole line, or one segment of a short "a | b" line."""
    if is_date_line(text):
        return parse_stamp(text)
    if len(text) <= 100:
        for part in _SEGMENTS.split(text):
            if is_date_line(part):
                return parse_stamp(text[text.index(part):])
    return None


def find_published(page: Page, reach: int = 8) -> tuple[Stamp | None, str | None]:
    """The date line closest to the headline (within `reach` lines of it or of the top), else
    one just after the article's last body line, where some sites print it."""
    head = page.head or Hints()
    for hint in (page.hints.date, head.date):
        stamp = parse_stamp(hint) if hint else None
        if stamp:
            return stamp, hint
    lines = page.lines
    title_at = next((i for i, line in enumerate(lines) if line.label == "title"), 0)
    order = sorted(range(len(lines)), key=lambda i: (abs(i - title_at), i))
    for i in order:
        if abs(i - title_at) > reach and i > reach:
            break
        stamp = _date_in_line(lines[i].text)
        if stamp:
            return stamp, lines[i].text
    last_body = max((i for i, line in enumerate(lines) if line.label == "body"), default=len(lines))
    for line in lines[last_body + 1 : last_body + 1 + reach]:
        stamp = _date_in_line(line.text)
        if stamp:
            return stamp, line.text
    return None, None


class Metadata(Stage):
    name = "meta"
    requires = ("lines", "body", "head", "hints")
    assigns = ("meta.published", "meta.url", "meta.outlet", "meta.author", "meta.reprinted_from")

    def process(self, page: Page) -> Page:
        meta = page.meta
        stamp, meta.published_text = find_published(page)
        if stamp is not None:
            year = stamp.year
            if year is None:
                year = year_fixed_by_text(page.body)
                meta.published_year_inferred = year is not None
            meta.published = stamp.iso(year)
        head = page.head or Hints()
        url = page.hints.url or head.url
        if not url and "://" in page.source:
            url = page.source
        meta.url = url
        found = credits(page.lines)
        meta.outlet = outlet_of_url(url)
        credit = found.get("credit")
        if credit:
            named = outlet_named(credit)
            if meta.outlet is None:
                meta.outlet = named
            elif named != meta.outlet:
                found.setdefault("reprinted_from", credit)
        if meta.outlet is None and head.site:
            meta.outlet = outlet_named(head.site)
        meta.reprinted_from = found.get("reprinted_from")
        meta.author = found.get("author") or head.author
        return page
