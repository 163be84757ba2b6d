"""Figures: the numbers an article states, with what they measure, the unit, the period and
the parties ("năm 2021 kim ngạch thương mại song phương đạt 623 triệu USD", "tăng 57% so
với cùng kỳ", "27 nước thành viên và 14 quan sát viên", "hơn 80 văn kiện").

Vietnamese writes thousands with dots and decimals with commas ("1.205", "1,8 tỷ"); scale
words multiply ("623 triệu" = 623,000,000). Dates, times, years and ordinals are not figures.
"""
from __future__ import annotations

import re

from ..records import Fact, Span

SCALES = {"nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
# Units and counted things, longest first. Currency and percent first, then counted nouns.
UNITS = ("đô la Mỹ", "USD", "đô la", "Euro", "euro", "EUR", "yên", "nhân dân tệ", "đồng", "VND", "%", "phần trăm",
         "tấn", "km", "ha", "lượt người", "lượt khách", "lượt", "người", "nước thành viên", "quốc gia thành viên",
         "nước", "quốc gia", "nền kinh tế", "thành viên", "quan sát viên", "văn kiện", "dự án", "doanh nghiệp",
         "đại biểu", "hoạt động", "thỏa thuận", "thoả thuận", "hiệp định", "bản ghi nhớ", "đoàn", "sáng kiến",
         "tổ chức", "cơ quan đại diện", "lĩnh vực", "cuộc", "căn nhà", "tập thể", "đảng viên", "triệu người")
_NUMBER = r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
_SCALE = r"(?:\s+(nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ))?"
_UNIT = r"\s*(" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + r")(?!\w)"
FIGURE = re.compile(r"(?<![\d/.,:\-])" + _NUMBER + _SCALE + _UNIT)
QUALIFIER = re.compile(r"(hơn|gần|khoảng|trên|dưới|xấp xỉ|tới|gần như|chưa đến|tối đa|ít nhất)\s*$", re.I)
CHANGE = re.compile(r"(tăng|giảm)(?: thêm)?\s*$", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()“”\"]|\s(?:nhưng|trong khi)\s")
_OF = re.compile(r"\s(?:giữa|của|với|từ)\s")
_VERBS = re.compile(r"\s+(?:đạt|là|có|được|lên|xuống|ở mức|vào khoảng|chiếm|với|gồm|của)\s*$")
PERIOD = re.compile(r"(?:\d+ tháng (?:đầu|cuối) )?năm \d{4}|quý [IV]+(?:/\d{4})?|tháng \d{1,2}/\d{4}|năm nay|năm ngoái"
                    r"|(?:\d+ )?tháng đầu năm(?: \d{4})?|so với cùng kỳ(?: năm)?(?: \d{4})?", re.I)
# Counted things name what they count; measures ("tấn", "lượt") need the words before them.
COUNT_UNITS = {u for u in UNITS if u not in ("đô la Mỹ", "USD", "đô la", "Euro", "euro", "EUR", "yên", "nhân dân tệ",
                                              "đồng", "VND", "%", "phần trăm", "tấn", "km", "ha", "lượt")}


def number(text: str, scale: str | None) -> float:
    """'1.205' -> 1205, '1,8' -> 1.8, with a scale word: '623', 'triệu' -> 623e6."""
    value = float(text.replace(".", "").replace(",", "."))
    return value * SCALES[scale] if scale else value


_ADVERBS = {"vẫn", "đã", "sẽ", "cũng", "đều", "chỉ", "mới", "còn"}
_AFTER = re.compile(r"^\s+(?!so với|và |so |trong |của |với )((?:[^\W\d]+\s?){1,4}?)(?=\s*(?:[,.;)]|\s(?:và|so với)\s|$))")


def _what(before: str, after: str, unit: str, previous: str | None) -> str | None:
    """What the figure measures: for a count, the counted thing ("nước thành viên"); for a
    share, the words after it ("39% dân số"); else the words just before it in its clause
    ("kim ngạch thương mại song phương đạt ..."); a change ("tăng 57%") measures what the
    figure before it measured."""
    if unit in COUNT_UNITS:
        return unit
    if unit == "%" and (following := _AFTER.match(after)):
        return following.group(1).strip()
    clause = re.sub(r"^\s*và\s+", "", _CLAUSE_BREAK.split(before)[-1])
    clause = _VERBS.sub("", QUALIFIER.sub("", CHANGE.sub("", clause.rstrip())).rstrip())
    clause = _OF.split(clause)[0] if _OF.search(clause) and _OF.split(clause)[0].strip() else clause
    words = clause.split()[-7:]
    while words and words[-1] in _ADVERBS:
        words.pop()
    if words and not words[-1][0].isdigit():
        return " ".join(words)
    return previous


def find_figures(text: str, start: int = 0, parties: list[str] | None = None) -> list[Fact]:
    """Figures of one sentence (`start`: its offset in the body)."""
    out: list[Fact] = []
    for m in FIGURE.finditer(text):
        value_text, scale, unit = m.group(1), m.group(2), m.group(3)
        before = text[out[-1].end - start if out else 0 : m.start()]  # from the previous figure on
        if re.search(r"(?:lần thứ|thứ|khóa|số)\s*$", before):
            continue  # an ordinal or a number, not a quantity
        unit = {"phần trăm": "%", "đô la Mỹ": "USD", "đô la": "USD", "VND": "đồng", "euro": "EUR", "Euro": "EUR"}.get(unit, unit)
        qualifier = QUALIFIER.search(before)
        change = CHANGE.search(before.rstrip())
        period = PERIOD.search(text)
        out.append(Fact(
            value=number(value_text, scale),
            unit=unit,
            text=m.group(0),
            what=_what(before, text[m.end():], unit, out[-1].what if out else None),
            qualifier=qualifier.group(1).lower() if qualifier else None,
            change=change.group(1).lower() if change else None,
            period=period.group(0) if period else None,
            parties=parties or [],
            start=start + m.start(),
            end=start + m.end(),
            sentence=Span(start, start + len(text)),
        ))
    return out
