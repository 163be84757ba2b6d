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
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_TIME = re.compile(r"(?<![\d/])(\d{1,2})\s?[:h]\s?(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?(?![\d/])")
_TZ = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|(?<=\d)\s*([+-])(\d{2}):(\d{2})")
# Words that may stand around a date on a date line and carry no other content.
_DATE_LINE_WORDS = {
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


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


def _valid(d: int, m: int, y: int | None) -> bool:
    try:
        date(y or 2000, m, d)  # 2000 is a leap year: 29/2 without a year stays valid
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
        d, mo, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
        if _valid(d, mo, y):
            return d, mo, y, m.span()
    return None


def parse_stamp(text: str) -> Stamp | None:
    """The first date (with its time and zone, if printed beside it) in a short string."""
    iso = _ISO.search(text)
    if iso:
        y, mo, d = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        if _valid(d, mo, y):
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
    return all(w in _DATE_LINE_WORDS for w in words)


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
