"""When: Vietnamese date expressions in news, resolved against the publication date.

"ngày 7/10", "mồng 2/9", "từ ngày 12-14/10", "3-5.11", "Từ ngày 12 đến 13-2", "hai ngày 25 và
26/9", "14-17/11", "sáng 8/8", "chiều cùng ngày", "tối 25.10", "ngày 5/10/1992", "5/3/24",
"12 tháng 10 năm 2017", "ngày 5 tháng ba", "tháng 8/2022" and "tháng mười năm 2019" (month
precision), "tháng trước", "hôm qua", "tuần này", "thứ Ba tuần trước", "vừa qua", "năm tới".
A day and month without a year take the year that puts them nearest the publication date,
leaning to the past or the future as the sentence says; with no publication date, the year
the text fixes; otherwise the year stays unknown.

Weekdays: "thứ Sáu tới" is the first Friday after publication, "thứ Sáu tuần tới" the Friday
of the next week, "thứ Sáu tuần trước" that of the week before; a bare weekday is in the
publication's week, moved a week back or on when the sentence's tense says it lies there.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..lang.dates import full_year, valid_date
from ..lang.text import fold

_SEP = r"\s*[/.\-]\s*"
_D, _M, _Y = r"(\d{1,2})", r"(\d{1,2})", r"(\d{4}|\d{2}(?![\d]))"
_PART = r"(?:ngay|sang|chieu|toi|trua|dem|hom|rang sang|khuya|mong|mung)"
# Months written as words (folded): "tháng ba", "tháng mười một", "tháng Giêng", "tháng Chạp".
MONTH_WORDS = {"gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
               "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12}
_MONTH_WORD = r"(muoi mot|muoi hai|gieng|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi|chap)\b"
# Ranges first, then single days, months, relative words. Patterns run on folded text
# (no marks, lower case), which keeps every character's position.
_RANGE_SAME_MONTH = re.compile(rf"(?:tu\s+)?(?:{_PART}\s+)?{_D}\s*[-–]\s*{_D}{_SEP}{_M}(?:{_SEP}{_Y})?(?![\d/])")
_RANGE_FROM_TO = re.compile(
    rf"tu\s+(?:{_PART}\s+)?{_D}(?:{_SEP}{_M})?(?:{_SEP}{_Y})?\s+(?:den|toi)\s+(?:{_PART}\s+)?{_D}{_SEP}{_M}(?:{_SEP}{_Y})?(?![\d/])")
# "từ ngày 30 đến ngày 31 tháng 10 năm 2010": the same with the month in words.
_RANGE_WORDY = re.compile(rf"tu\s+(?:{_PART}\s+)?(?:ngay\s+)?{_D}()()\s+(?:den|toi)\s+(?:{_PART}\s+)?(?:ngay\s+)?{_D}"
                          rf"\s+thang\s+{_M}(?:\s*(?:nam|,)\s*{_Y})?")
# A day needs a cue ("ngày", "sáng", "từ"...), a bracket, the sentence start, or a slash:
# "2-1" bare is a score, "1.205" a number.
_DAY = re.compile(rf"(?:(?:(?:{_PART}|vao|tu|den|toi|truoc|sau)\s+(?:ngay\s+)?|\(|^){_D}{_SEP}{_M}"
                  rf"|(?<=\s){_D}/{_M})(?:{_SEP}{_Y})?(?![\d/]|\.\d)")
# "ngày 5 tháng 3 năm 2024", "mồng 2 tháng 9", "ngày 5 tháng ba", "12 tháng 10 năm 2017"
# (without "ngày" the year must be printed: "12 tháng 10" alone may be a duration).
_WORDY_DAY = re.compile(rf"(?:ngay|mong|mung)\s+{_D}\s+thang\s+(?:{_M}|{_MONTH_WORD})(?:\s*(?:nam|,)\s*{_Y})?"
                        rf"|(?<![\d\w]){_D}\s+thang\s+(?:{_M}|{_MONTH_WORD})\s*(?:nam|,)?\s*(\d{{4}})")
# "hai ngày 25 và 26/9", "ngày 25 và 26-9": two days of one month.
_TWO_DAYS = re.compile(rf"(?:hai\s+)?ngay\s+{_D}\s+va\s+{_D}{_SEP}{_M}(?:{_SEP}{_Y})?(?![\d/])")
_MONTH_NAMED = re.compile(rf"thang\s+{_MONTH_WORD}\s*(?:nam\s+|/\s*)(\d{{4}})")
_MONTH_RELATIVE = re.compile(r"thang (nay|truoc|qua|toi|sau)\b")
_MONTH = re.compile(rf"thang\s+{_M}(?:(?:{_SEP}|\s+nam\s+){_Y})?(?!\d|\s*[/.\-]\s*\d{{1,2}}\b(?![/.\-]))")
_PRINTED_YEAR = re.compile(rf"\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}(\d{{4}})")
_SAME_DAY = re.compile(r"(?:sang|chieu|toi|trua|dem)?\s*cung ngay")
_RELATIVE_DAY = {"hom nay": 0, "hom qua": -1, "ngay mai": 1, "hom kia": -2, "ngay kia": 2}
_RELATIVE = re.compile(r"hom nay|hom qua|ngay mai|hom kia|ngay kia")
# Weekdays are read with their marks: folded, "thủ tục" and "Thủ tướng" would read "thứ tư".
# "lần thứ 6", "hạng thứ hai" are ordinals; "thứ 6" in digits is a weekday only with a week.
_WEEKDAY = re.compile(r"(?<!lần )(?<!hạng )(?<!đứng )\b(thứ (hai|ba|tư|năm|sáu|bảy|[2-7](?= tuần| vừa qua| tới))|chủ nhật)\b"
                      r"(?:\s+(tuần (?:trước|này|tới|sau|qua)|vừa qua|tới))?")
_WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, **{str(n): n - 2 for n in range(2, 8)}}
_WEEK = re.compile(r"tuan (nay|truoc|qua|toi|sau)")
_YEAR_WORDS = re.compile(r"nam (nay|ngoai|truoc|toi|sau)\b")
# Read with marks: folded, "hội đàm" would read "hồi" (back then) and "sẽ" would be "se".
_PAST = re.compile(r"\b(?:đã|vừa|hồi|trước đó|năm ngoái|tuần trước|tuần qua)\b")
_FUTURE = re.compile(r"\b(?:sẽ|dự kiến|sắp|tới đây|chuẩn bị|kế hoạch)\b")


@dataclass(frozen=True, slots=True)
class When:
    """A resolved date expression: [start, end], the precision, and whether the year is known."""

    start: date | None
    end: date | None
    precision: str  # "day", "week", "month", "year"
    year_known: bool
    span: tuple[int, int]  # in the sentence
    month_day: tuple[int, int] | None = None  # kept when the year is unknown

    def iso(self) -> tuple[str | None, str | None]:
        return (self.start.isoformat() if self.start else None, self.end.isoformat() if self.end else None)


@dataclass(frozen=True, slots=True)
class Reference:
    """What dates resolve against: the publication day, else a year the text fixes."""

    published: date | None = None
    year: int | None = None
    last: date | None = None  # the last day resolved in the article ("cùng ngày")
    year_stated: bool = False  # the text calls `year` the present one ("trong năm 2024")


def tense(sentence: str) -> int:
    """-1 reported as done, +1 announced as coming, 0 unknown."""
    lower = sentence.lower()
    past, future = bool(_PAST.search(lower)), bool(_FUTURE.search(lower))
    return -1 if past and not future else 1 if future and not past else 0


def _year(day: int, month: int, ref: Reference, lean: int) -> tuple[int | None, bool]:
    """The year for a day and month printed without one."""
    if ref.published is None:  # a year the article's other dates suggest is a guess unless it says so
        return ref.year, ref.year_stated and ref.year is not None
    best = None
    for year in (ref.published.year - 1, ref.published.year, ref.published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        gap = (candidate - ref.published).days
        # An article rarely reports a day more than ~10 months away; tense breaks ties.
        cost = (abs(gap) + (120 if lean < 0 and gap > 7 else 0) + (120 if lean > 0 and gap < -7 else 0), abs(gap))
        if best is None or cost < best[0]:
            best = (cost, year)
    return (best[1], True) if best else (None, False)


def _day(day: int, month: int, year: int | None, ref: Reference, lean: int) -> tuple[date | None, bool, tuple[int, int]]:
    known = year is not None
    if year is None:
        year, known = _year(day, month, ref, lean)
    try:
        return (date(year, month, day) if year else None), known, (month, day)
    except ValueError:
        return None, False, (month, day)


def _month(number: str | None, word: str | None) -> int:
    return int(number) if number else MONTH_WORDS[word or ""]


def _from_to(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"từ 28/9 đến 2/10", "12-14/10/2024" with two months: a range, across years too."""
    for m in [*_RANGE_FROM_TO.finditer(folded), *_RANGE_WORDY.finditer(folded)]:
        d1, m1, y1, d2, m2, y2 = (g or None for g in m.groups())
        month1, month2 = int(m1 or m2), int(m2)
        if not (valid_date(int(d1), month1) and valid_date(int(d2), month2)):
            continue
        year2 = full_year(y2)
        end, known, md = _day(int(d2), month2, year2, ref, lean)
        start, _, _ = _day(int(d1), month1, full_year(y1) or (end.year if end else None), ref, lean)
        if start and end and start > end:  # "từ 30/12 đến 2/1": the range crosses the new year
            start = start.replace(year=start.year - 1) if m1 and not y1 and valid_date(start.day, start.month, start.year - 1) else None
        yield When(start, end, "day", known, m.span(), md)


def _same_month(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"từ ngày 12-14/10", "3-5.11", "hai ngày 25 và 26/9": days of one month."""
    for pattern in (_RANGE_SAME_MONTH, _TWO_DAYS):
        for m in pattern.finditer(folded):
            d1, d2, mo, y = m.groups()
            if not (valid_date(int(d1), int(mo)) and valid_date(int(d2), int(mo)) and int(d1) < int(d2)):
                continue
            end, known, md = _day(int(d2), int(mo), full_year(y), ref, lean)
            start = end.replace(day=int(d1)) if end else None
            yield When(start, end, "day", known, m.span(), (int(mo), int(d1)))


def _days(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"ngày 5 tháng 3 năm 2024", "sáng 14/7": one day."""
    for m in _WORDY_DAY.finditer(folded):
        g = m.groups()
        d, mo, y = (g[0], _month(g[1], g[2]), g[3]) if g[0] else (g[4], _month(g[5], g[6]), g[7])
        yield from _one_day(int(d), mo, y, m.span(), ref, lean)
    for m in _DAY.finditer(folded):
        groups = [g for g in m.groups() if g is not None]
        yield from _one_day(int(groups[0]), int(groups[1]), groups[2] if len(groups) > 2 else None, m.span(), ref,
                            lean)


def _one_day(d: int, mo: int, y: str | None, span: tuple[int, int], ref: Reference, lean: int) -> Iterator[When]:
    if valid_date(d, mo):
        day, known, md = _day(d, mo, full_year(y), ref, lean)
        yield When(day, day, "day", known, span, md)


def _months(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"tháng 8/2024", "tháng 8", "tháng mười năm 2019": a month (its year nearest to
    publication when not printed)."""
    found = [(m, int(m.group(1)), m.group(2)) for m in _MONTH.finditer(folded)]
    found += [(m, MONTH_WORDS[m.group(1)], m.group(2)) for m in _MONTH_NAMED.finditer(folded)]
    for m, month, printed in sorted(found, key=lambda f: f[0].start()):
        if not 1 <= month <= 12:
            continue
        year, known = full_year(printed), printed is not None
        if year is None:
            anchor = ref.published or (date(ref.year, 6, 15) if ref.year else None)
            year, known = (_year(15, month, ref, lean)) if anchor else (None, False)
        yield _whole_month(year, month, known, m.span())


def _whole_month(year: int | None, month: int, known: bool, span: tuple[int, int]) -> When:
    start = date(year, month, 1) if year else None
    end = date(year, month, calendar.monthrange(year, month)[1]) if year else None
    return When(start, end, "month", known, span)


def _months_relative(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"tháng này", "tháng trước", "tháng qua", "tháng tới", "tháng sau": a month from publication."""
    if base := ref.published:
        for m in _MONTH_RELATIVE.finditer(folded):
            shift = {"nay": 0, "truoc": -1, "qua": -1, "toi": 1, "sau": 1}[m.group(1)]
            index = base.year * 12 + base.month - 1 + shift
            yield _whole_month(index // 12, index % 12 + 1, True, m.span())


def _same_day(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"cùng ngày": the last day the article mentioned."""
    if ref.last:
        for m in _SAME_DAY.finditer(folded):
            yield When(ref.last, ref.last, "day", True, m.span())


def _relative(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"hôm nay", "hôm qua", "ngày mai": days from publication."""
    if base := ref.published:
        for m in _RELATIVE.finditer(folded):
            day = base + timedelta(days=_RELATIVE_DAY[m.group()])
            yield When(day, day, "day", True, m.span())


def _weekdays(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"thứ Tư tuần trước", "Chủ nhật tới", "thứ Năm vừa qua": a weekday near publication,
    read with marks ("thủ tục" is not "thứ tư"); the tense settles a bare weekday's week."""
    if not (base := ref.published):
        return
    for m in _WEEKDAY.finditer(sentence.lower()):
        target = 6 if m.group(1) == "chủ nhật" else _WEEKDAYS[m.group(2)]
        week = fold(m.group(3) or "")
        monday = base - timedelta(days=base.weekday())
        if week == "vua qua":  # the most recent such day before publication
            day = base - timedelta(days=(base.weekday() - target) % 7 or 7)
            yield When(day, day, "day", True, m.span())
            continue
        if week == "toi":  # "thứ Sáu tới": the first such day after publication
            day = base + timedelta(days=(target - base.weekday()) % 7 or 7)
            yield When(day, day, "day", True, m.span())
            continue
        if "truoc" in week or "qua" in week or (not week and lean < 0 and target > base.weekday()):
            monday -= timedelta(days=7)
        elif "toi" in week or "sau" in week or (not week and lean > 0 and target < base.weekday()):
            monday += timedelta(days=7)
        day = monday + timedelta(days=target)
        yield When(day, day, "day", True, m.span())


def _weeks(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"tuần này", "tuần trước", "tuần tới": a week from publication."""
    if base := ref.published:
        for m in _WEEK.finditer(folded):
            shift = {"nay": 0, "truoc": -7, "qua": -7, "toi": 7, "sau": 7}[m.group(1)]
            monday = base - timedelta(days=base.weekday()) + timedelta(days=shift)
            yield When(monday, monday + timedelta(days=6), "week", True, m.span())


def _year_words(folded: str, sentence: str, ref: Reference, lean: int) -> Iterator[When]:
    """"năm nay", "năm ngoái", "năm tới": a year from publication (or the year the text fixes)."""
    this_year = ref.published.year if ref.published else ref.year
    if this_year:
        for m in _YEAR_WORDS.finditer(folded):
            year = this_year + {"nay": 0, "ngoai": -1, "truoc": -1, "toi": 1, "sau": 1}[m.group(1)]
            yield When(date(year, 1, 1), date(year, 12, 31), "year", True, m.span())


# Readers in priority order: a span taken by an earlier reader is not read again.
_READERS = (_from_to, _same_month, _days, _months, _months_relative, _same_day, _relative, _weekdays, _weeks,
            _year_words)


def find(sentence: str, ref: Reference) -> list[When]:
    """Every date expression of a sentence, resolved; earlier spans first, no overlaps."""
    folded = fold(sentence)
    lean = tense(sentence)
    printed = {int(y) for y in _PRINTED_YEAR.findall(folded)}
    if len(printed) == 1:  # "(5 - 6/11/2025), ngày 6/11": the sentence's own year
        ref = Reference(None, printed.pop(), ref.last, year_stated=True)
    found: list[When] = []
    for reader in _READERS:
        for when in reader(folded, sentence, ref, lean):
            if all(when.span[1] <= w.span[0] or when.span[0] >= w.span[1] for w in found):
                found.append(when)
    return sorted(found, key=lambda w: w.span)
