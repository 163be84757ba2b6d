"""Publication dates in every form Vietnamese sites print, read by an owned grammar.

Handles "07:22 | 11/10/2022 GMT+7", "24/11/2021 17:34", "Thứ Hai, 14/2/2025 - 09:15",
"14/02/2025 15:00 (GMT+07:00)", "15:00 14/02" (no year), "ngày 5 tháng 3 năm 2024",
ISO 8601 from meta tags. dateparser misreads ranges and partial dates, hence the grammar.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .text import fold

_SEP = r"[/.\-]"
_DMY = re.compile(rf"(?<![\d/.\-])(\d{{1,2}}){_SEP}(\d{{1,2}})(?:{_SEP}(\d{{4}}|\d{{2}}))?(?![\d/\-]|\.\d)")
_WORDY = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam|,)\s*(\d{4}))?")
# "21 tháng 8, 2023", "7 tháng 4 2019", "ngày 05 tháng 3 năm 2024" (folded); a year is required.
_WORDY_YEAR = re.compile(r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:nam|,)?\s*(\d{4})(?!\d)")
_MONTH_NAMES = {name: n for n, names in enumerate(
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
     "september sep sept", "october oct", "november nov", "december dec"), start=1) for name in names.split()}
_MONTH_NAME = r"(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
# "March 4, 2019", "Monday, Mar 4 2019"; "3 May 2015", "4th March, 2019".
_EN_MDY = re.compile(rf"\b{_MONTH_NAME}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_EN_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_NAME},?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_TIME = re.compile(r"(?<![\d/])(\d{1,2})\s?[:h]\s?(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?(?![\d/])")
_TZ = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|(?<=\d)\s*([+-])(\d{2}):(\d{2})")
# Words that may stand around a date on a date line and carry no other content.
DATE_LINE_WORDS = {
    "thu", "hai", "ba", "tu", "nam", "sau", "bay", "chu", "nhat", "cn", "ngay", "thang", "luc", "cap",
    "dang", "xuat", "ban", "gmt", "utc", "am", "pm", "sang", "chieu", "toi", "gio", "h", "update",
    "updated", "published", "posted", "on", "at", "lan", "cuoi", "sua", "doi", "t", "tin", "vao", "bai",
}


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date read from text; `year` is None when the page printed none."""

    day: int
    month: int
    year: int | None
    hour: int | None = None
    minute: int | None = None
    tz: str | None = None  # "+07:00"

    def iso(self, year: int | None = None) -> str | None:
        """ISO 8601, with time and zone when known (zone defaults to Vietnam's +07:00)."""
        y = self.year or year
        if y is None:
            return None
        day = date(y, self.month, self.day).isoformat()
        if self.hour is None:
            return day
        return f"{day}T{self.hour:02d}:{self.minute or 0:02d}:00{self.tz or '+07:00'}"


def full_year(text: str | None) -> int | None:
    """A printed year; two digits are this century's unless that would be more than a year
    ahead ("24" -> 2024, "98" -> 1998)."""
    if not text:
        return None
    year = int(text)
    if year >= 100:
        return year
    return 2000 + year if 2000 + year <= date.today().year + 1 else 1900 + year


def valid_date(d: int, m: int, y: int | None = None) -> bool:
    """A real day (29/2 without a year stays valid), in a year news can speak of."""
    try:
        date(y or 2000, m, d)  # 2000 is a leap year
    except ValueError:
        return False
    return y is None or 1900 <= y <= 2100


def _tz(text: str) -> str | None:
    m = _TZ.search(text)
    if not m:
        return None
    if m.group(1):
        sign, hours, minutes = m.group(1), int(m.group(2)), int(m.group(3) or 0)
    else:
        sign, hours, minutes = m.group(4), int(m.group(5)), int(m.group(6))
    return f"{sign}{hours:02d}:{minutes:02d}"


def _time(text: str) -> tuple[int, int] | None:
    for m in _TIME.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2))
        ampm = (m.group(4) or "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return hour, minute
    return None


def _first_date(pattern: re.Pattern[str], text: str) -> tuple[int, int, int | None, tuple[int, int]] | None:
    """The first valid day/month(/year) that `pattern` (groups: day, month, year) finds."""
    for m in pattern.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), full_year(m.group(3))
        if valid_date(d, mo, y):
            return d, mo, y, m.span()
    return None


def parse_stamp(text: str) -> Stamp | None:
    """The first date (with its time and zone, if printed beside it) in a short string."""
    iso = _ISO.search(text)
    if iso:
        y, mo, d = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        if valid_date(d, mo, y):
            hour = int(iso.group(4)) if iso.group(4) else None
            minute = int(iso.group(5)) if iso.group(5) else None
            zone = iso.group(7)
            if zone == "Z":
                zone = "+00:00"
            elif zone and ":" not in zone:
                zone = f"{zone[:3]}:{zone[3:]}"
            return Stamp(d, mo, y, hour, minute, zone)
    folded = fold(text)
    found = _first_date(_WORDY, folded)
    source = folded
    if found is None:
        found, source = _first_date(_DMY, text), text
    if found is None:
        return None
    d, mo, y, (start, end) = found
    rest = source[:start] + " " + source[end:]
    hm = _time(rest)
    return Stamp(d, mo, y, hm[0] if hm else None, hm[1] if hm else None, _tz(rest) if hm else None)


def is_date_line(line: str) -> bool:
    """True for a line that is a date stamp and nothing else (weekday, time, zone allowed)."""
    if len(line) > 80 or parse_stamp(line) is None:
        return False
    words = re.findall(r"[^\W\d_]+", fold(_ISO.sub(" ", line)))
    return all(w in DATE_LINE_WORDS for w in words)


_YEAR_MENTION = re.compile(r"(?<!\d)(?:nam|thang \d{1,2}[/.\-]?|\d{1,2}[/.\-]\d{1,2}[/.\-])\s*((?:19|20)\d{2})(?!\d)")
_FUTURE_CUE = re.compile(r"(?:den|toi|tam nhin|muc tieu|giai doan|nhiem ky|ke hoach)\s*(?:nam\s*)?$")


def year_fixed_by_text(text: str, today: date | None = None) -> int | None:
    """The year an undated article is written in, when its text fixes it: the latest year it
    speaks of as present or past ("năm nay", "trong năm 2025", "ngày 3/2/2025"); targets
    ("đến năm 2030", "tầm nhìn 2045") do not count. None when the text names no year."""
    folded = fold(text)
    years = []
    for m in _YEAR_MENTION.finditer(folded):
        before = folded[max(0, m.start() - 20) : m.start()]
        if _FUTURE_CUE.search(before):
            continue
        years.append(int(m.group(1)))
    limit = (today or datetime.now().date()).year + 1
    years = [y for y in years if y <= limit]
    return max(years) if years else None


# The text's own word that a year is the present one: "trong năm 2024", "năm 2023 của (Đảng)",
# "năm nay (2025)". A year "kể từ", "vào năm", after a figure or a disaster says nothing of when
# the article stands.
_PRESENT_YEAR = re.compile(r"\btrong nam ((?:19|20)\d{2})\b|\bnam ((?:19|20)\d{2}) cua\b|\bnam nay \(?((?:19|20)\d{2})")


def year_stated_as_present(text: str) -> int | None:
    """The latest year the text calls the present one, or None."""
    years = [int(next(g for g in m.groups() if g)) for m in _PRESENT_YEAR.finditer(fold(text))]
    return max(years) if years else None


@dataclass(frozen=True, slots=True)
class Found:
    """A dated stamp inside a longer string: where it stands and whether a clock time is printed
    right beside it (the mark of a publication stamp rather than a date in prose)."""

    stamp: Stamp
    start: int
    end: int
    timed: bool


# A clock time is read within this many characters of the date ("20/03/2012 10:54:00 +07:00",
# "15:16, 15/11/2024", "09:15 ngày 05/03/2024").
TIME_REACH = 16
_AFTERNOON = re.compile(r"^\s*(chieu|toi|dem)\b")
_AFTERNOON_BEFORE = re.compile(r"\b(chieu|toi|dem)\s*$")


def _clock(text: str, start: int, end: int) -> tuple[int, int, str | None] | None:
    """The time printed just after (else just before) text[start:end], with its zone."""
    for window in (text[end : end + TIME_REACH + 10], text[max(0, start - TIME_REACH) : start]):
        hm = _time(window)
        if hm:
            hour, minute = hm
            match = next(m for m in _TIME.finditer(window))
            evening = _AFTERNOON.match(fold(window[match.end():])) or _AFTERNOON_BEFORE.search(
                fold(text[max(0, start - TIME_REACH - 10) : start] + window[: match.start()]))
            if hour < 12 and evening:  # "7:30 chiều", "tối 8:15" are 19:30 and 20:15
                hour += 12
            return hour, minute, _tz(text[start : end + TIME_REACH + 14])
    return None


def _dated(text: str, folded: str) -> list[tuple[int, int, int, int | None]]:
    """(start, end, day, month, year) of every full date in a line, in its written forms."""
    out = []
    for m in _ISO.finditer(text):
        out.append((m.start(), m.start() + 10, int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for pattern, order in ((_WORDY_YEAR, "dmy"), (_EN_MDY, "mdy"), (_EN_DMY, "dmy")):
        for m in pattern.finditer(folded):
            a, b, y = m.group(1), m.group(2), int(m.group(3))
            day, month = (a, b) if order == "dmy" else (b, a)
            out.append((m.start(), m.end(), int(day), _month_of(month), y))
    for m in _DMY.finditer(text):
        if m.group(3):
            out.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), full_year(m.group(3))))
    return out


def _month_of(value: str) -> int:
    return int(value) if value.isdigit() else _MONTH_NAMES.get(value.lower().rstrip("."), 0)


_MAYBE_DATED = re.compile(r"\d{4}|\d\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d")


def stamps_in(text: str) -> list[Found]:
    """Every dated stamp (day, month and year printed) in a line, left to right, with the clock
    time printed beside it: "Theo TTXVN-Thứ năm, ngày 07/09/2023 07:13 GMT+7",
    "author27/04/2022 16:23", "Thứ Hai, 21 tháng 8, 2023", "Monday, March 4, 2019"."""
    if not _MAYBE_DATED.search(text):  # most lines: no year and no d/m/yy at all
        return []
    folded = fold(text)
    found: list[Found] = []
    for start, end, day, month, year in sorted(_dated(text, folded)):
        if not valid_date(day, month, year) or any(start < f.end and f.start < end for f in found):
            continue
        clock = _clock(text, start, end)
        hour, minute, zone = clock if clock else (None, None, None)
        found.append(Found(Stamp(day, month, year, hour, minute, zone), start, end, clock is not None))
    return found


# The day a lead opens with: "Chiều 24/4, ...", "Sáng nay 22.6, ...", "hôm nay (11/11) - ...",
# "TPO - Chiều 27/10, ...", "(VTC News) - Ngày 26-1, ..." (folded text; a credit may come first).
_LEAD_DAY = re.compile(r"^(?:\(?[^\s,()\d]+(?:\s[^\s,()\d]+){0,2}\)?\s*[-–]\s*)?(?:tu\s+)?"
                       r"(?:(?:rang\s+)?(?:sang|chieu|toi|trua|dem|hom)\s+)?(?:nay\s+)?(?:ngay\s+)?"
                       r"\(?(\d{1,2})(?:\s?[-–]\s?\d{1,2})?\s?[/.\-]\s?(\d{1,2})\)?(?![/.\-]?\d)")


_TODAY_IS = re.compile(r"\b(?:hom|sang|chieu|toi|trua) nay\s*\(?(\d{1,2})\s?[/.\-]\s?(\d{1,2})\)?(?![/.\-]?\d)")


def lead_day(paragraph: str) -> tuple[int, int, bool] | None:
    """(day, month, said to be today) a paragraph opens with ("Chiều 24/4, ...", "Sáng nay
    22.6, ..."), or names as today in its first sentence ("..., hôm nay (11/11), ...")."""
    folded = fold(paragraph[:200])
    m = _LEAD_DAY.match(folded) or _TODAY_IS.search(folded.split(". ")[0])
    if m and valid_date(int(m.group(1)), int(m.group(2)), None):
        return int(m.group(1)), int(m.group(2)), " nay" in m.group(0)
    return None


_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?=\D|\d{6})")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")


def url_date(url: str | None) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) a URL's path prints: "/2019/11/24/", "-20191124.html",
    "...-20230907065643424.htm" (a timestamp id), "/2023/08/" (month only)."""
    if not url:
        return None
    path = url.split("://", 1)[-1].split("/", 1)[-1]
    if m := _URL_DAY.search(path):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if valid_date(d, mo, y):
            return y, mo, d
    if m := _URL_MONTH.search("/" + path):
        return int(m.group(1)), int(m.group(2)), None
    return None


_ANY_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?!\d|[.,]\d)")


def years_spoken_of(text: str, today: date | None = None) -> dict[int, int]:
    """How often a text names each year ("năm 2013", "APEC 2017", "5/9/2023"), targets such
    as "đến năm 2030" left out."""
    folded = fold(text)
    limit = (today or datetime.now().date()).year + 1
    counts: dict[int, int] = {}
    for m in _ANY_YEAR.finditer(folded):
        year = int(m.group(1))
        if year <= limit and not _FUTURE_CUE.search(folded[max(0, m.start() - 20) : m.start()]):
            counts[year] = counts.get(year, 0) + 1
    return counts



_LETTERS = re.compile(r"[^\W\d_]+")
# A line holding a stamp and at most this many other words is a stamp line: a byline, a
# section, "Theo TTXVN" around the date (swept on the real pages: 3 to 5 read the same dates).
STAMP_WORDS = 4


def words_beside(text: str, found: list[Found]) -> list[str]:
    """The words of a line besides its stamps and the words that dress a date ("Thứ Hai",
    "ngày", "Cập nhật"), folded; words glued to a stamp are parted ("Thế giớiThứ Ba")."""
    rest = text
    for f in sorted(found, key=lambda f: -f.start):
        rest = rest[: f.start] + " " + rest[f.end :]
    parted = "".join(" " + c if c.isupper() and n and rest[n - 1].islower() else c for n, c in enumerate(rest))
    return [w for w in _LETTERS.findall(fold(parted)) if w not in DATE_LINE_WORDS]
