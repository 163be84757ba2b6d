"""The page's own publication date, told apart from the other dates a page prints.

Real pages print many dates: the site's current date in the masthead (today's date above an
old story), sidebar and most-read dates, dates in the text. The article's own stamp stands on
the headline's line or near it, mostly below it, as a stamp: a date with a clock time, or a
line that is a date and little else ("Thế giớiThứ Ba, 20/03/2012 10:54 +07:00Google News",
"author27/04/2022 16:23", "(VTV4)-Thứ sáu, ngày 22/07/2016 20:05"). A stamp above the headline
may be the masthead's: it is taken only when the lead's day or the years the text speaks of
agree with it. With no stamp, the lead's own day ("Chiều 24/4, ...") with a year that the
page's URL or its text fixes is taken, flagged as inferred. Nothing else: an undated page
stays undated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..lang.dates import (
    STAMP_WORDS,
    Found,
    Stamp,
    is_date_line,
    lead_day,
    parse_stamp,
    stamps_in,
    url_date,
    valid_date,
    words_beside,
    years_spoken_of,
)
from ..page import Line

# How many lines from the headline (or from the top) a stamp is looked for.
REACH = 8
# A masthead date above the headline agrees with the lead when the lead's day is at most this
# many days earlier (reports are published on the day or soon after).
LEAD_LAG_DAYS = 7
# The day a report opens with may stand in its second or third paragraph, after the context.
LEAD_PARAGRAPHS = 3
_DIGIT = re.compile(r"\d")
_SEGMENTS = re.compile(r"\s+[|\-–—•]\s+|\s*\|\s*")


@dataclass(frozen=True, slots=True)
class Published:
    stamp: Stamp | None = None
    text: str | None = None  # the string the date was read from
    inferred: bool = False  # the page printed no date: the lead's day (or the URL's) was taken


def _stamp_line(text: str, found: Found, headline: bool) -> bool:
    """Is the date the line's point: a clock beside it, an ISO date, few other words around
    it, or — on the headline's line — in brackets closing it ("Headline (28/04/2014)")?"""
    if found.timed or re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[found.start:found.end]):
        return True
    if headline and text[found.end:].strip() in (")", "]") and text[:found.start].rstrip().endswith(("(", "[")):
        return True
    return len(words_beside(text, [found])) <= STAMP_WORDS


def _line_stamp(text: str, headline: bool = False) -> Stamp | None:
    """The stamp a line prints: a full date that is the line's point, else a date line that
    may lack its year ("15:00 14/02"), whole or as one segment of a short "a | b" line."""
    if not _DIGIT.search(text):
        return None
    for found in stamps_in(text):
        if _stamp_line(text, found, headline):
            return found.stamp
    if is_date_line(text):
        return parse_stamp(text)
    if len(text) <= 100:
        for part in _SEGMENTS.split(text):
            if is_date_line(part):
                return parse_stamp(text[text.index(part):])
    return None


def _agrees(stamp: Stamp, lines: list[Line], at: int, url: str | None) -> bool:
    """Does a stamp above the headline belong to this article? The URL prints its day; or the
    lead's day is at most LEAD_LAG_DAYS before it; or, with no dated lead, the text speaks of
    its year or the one before."""
    if stamp.year is None:
        return False
    in_url = url_date(url)
    if in_url and (url_day := in_url[2]) and valid_date(url_day, in_url[1], in_url[0]):
        return abs((date(in_url[0], in_url[1], url_day) - date(stamp.year, stamp.month, stamp.day)).days) <= 1
    body = [line.text for line in lines if line.label == "body"]
    lead = next((day for text in body[:LEAD_PARAGRAPHS] if (day := lead_day(text))), None)
    if lead:
        try:
            lag = (date(stamp.year, stamp.month, stamp.day) - date(stamp.year, lead[1], lead[0])).days
        except ValueError:
            return False
        return 0 <= lag % 365 <= LEAD_LAG_DAYS
    years = years_spoken_of("\n".join(line.text for n, line in enumerate(lines) if n != at and line.label == "body"))
    return not years or max(years) >= stamp.year - 1


def _candidates(lines: list[Line], title_at: int) -> list[tuple[int, bool]]:
    """(line, above the headline) in the order a stamp is looked for: the headline's line,
    then below it, then above it, nearest first; then the lines just after the body."""
    below = list(range(title_at, min(len(lines), title_at + REACH + 1)))
    above = list(range(title_at - 1, max(-1, title_at - REACH - 1), -1))
    last_body = max((i for i, line in enumerate(lines) if line.label == "body"), default=len(lines))
    after = [i for i in range(last_body + 1, min(len(lines), last_body + 1 + REACH)) if i not in below]
    return [(i, False) for i in below] + [(i, True) for i in above] + [(i, False) for i in after]


def find_published(lines: list[Line], url: str | None, declared: list[str]) -> Published:
    """The page's publication date from what it declares (a feed's date, its HTML head), its
    stamp near the headline, or — flagged as inferred — its lead's day."""
    for hint in declared:
        if stamp := parse_stamp(hint):
            return Published(stamp, hint)
    title_at = next((i for i, line in enumerate(lines) if line.label == "title"), 0)
    for i, above in _candidates(lines, title_at):
        stamp = _line_stamp(lines[i].text, i == title_at)
        if stamp and (not above or _agrees(stamp, lines, i, url)):
            return Published(stamp, lines[i].text)
    return _from_lead(lines, url)


def _beyond_doubt(years: dict[int, int]) -> int | None:
    """The year a text names more often than all the others together, if one is."""
    if not years:
        return None
    best = max(years, key=lambda y: years[y])
    return best if years[best] > sum(years.values()) - years[best] else None


def _from_lead(lines: list[Line], url: str | None) -> Published:
    """The day the lead says is today ("Sáng nay 22.6", "hôm nay (11/11)"), or any lead day
    when the URL prints the year, with the year the URL prints or the one year the text names;
    else the URL's full date. Flagged as inferred; None when neither is there. (A lead's
    "Chiều 24/4" alone may be days before publication, and a page naming several years does
    not fix one: the gold of the real pages leaves those undated.)"""
    body = [line.text for line in lines if line.label == "body"]
    in_url = url_date(url)
    lead = lead_day(body[0]) if body else None
    if lead and (lead[2] or in_url):
        years = years_spoken_of("\n".join(body))
        year = in_url[0] if in_url else _beyond_doubt(years)
        if year and valid_date(lead[0], lead[1], year):
            return Published(Stamp(lead[0], lead[1], year), body[0][:80], inferred=True)
    if in_url and in_url[2]:
        return Published(Stamp(in_url[2], in_url[1], in_url[0]), url, inferred=True)
    return Published()
