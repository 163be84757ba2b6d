"""Events: the diplomatic events a page reports or announces, with resolved dates, place,
participants, forum and protocol detail.

Read sentence by sentence: a trigger ("hội đàm", "Hội nghị Bộ trưởng Ngoại giao ASEAN",
"chuyến thăm chính thức") and a day-precise date make an event. Each date goes to its nearest
trigger; meetings listed together share it ("ngày 8/10 diễn ra A, B và C"); an enumeration
("ba hội nghị cấp cao là: A, B và C") gives one event per item; a meeting named as the aim of
another ("chuẩn bị cho ...") is not held here; a trigger without a date waits for a date in
the next sentence of its paragraph. The same event mentioned again is merged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..lang.dates import year_fixed_by_text, year_stated_as_present
from ..lang.lexicon import common_pairs
from ..lang.text import fold, match_key, tone_key
from ..records import Event, Organization, Person, Place, Span
from .identity import MEETING_KINDS, merge_reports, one_per_day
from .kinds import DOCUMENT, KINDS, LEVEL, NOT_HELD, ORDINAL, TRIGGER, UPGRADE, kind_of
from .naming import readable
from .participants import attendance, holders, present, referenced
from .when import Reference, When, find, tense

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[^\W\d_])")
_PIECE = re.compile(r"\s*(\w+|[^\w\s])")
_ORDINAL_WORDS = {"lần", "thứ", "khóa", "khoá"}
MAX_INNER_SYLLABLES = 3  # "Tham vấn Quan chức cao cấp": small syllables inside a name
# Function words end a name even before a capital: "CICA lần thứ 6 ở Kazakhstan".
_NOT_INNER = {"ở", "tại", "của", "với", "cho", "từ", "đến", "tới", "trong", "và", "về", "do", "được", "là", "sẽ",
              "đã", "vào", "theo", "nhằm", "để", "khi", "giữa"}
_LIST_GAP = re.compile(r"^[\s,;]*(?:và\s+|cùng\s+)?(?:các\s+)?$")
_ENUMERATION = re.compile(r"^\s*(?:là|gồm|bao gồm)?\s*:\s*")
_CHAIN = re.compile(r"^[\s,(]*$")
_CUE = r"(?:tại|ở|tới|đến)\s+(?:thủ đô|thành phố cảng|thành phố|tỉnh|bang)?\s*"
_PLACE_CUE = re.compile(_CUE + r"$", re.I)
# "tại Zarqa, Jordan": a city the gazetteer does not know (up to four words, each
# capitalised — checked where it is used), placed by the country after it.
_UNKNOWN_CITY = re.compile(r".*" + _CUE + r"([^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,3})\s*[,(]\s*$",
                           re.I | re.S)  # ".*": the cue nearest the country
# A visit names its destination ("thăm chính thức Hungary"): the country, when no "tại" says otherwise.
_VISIT_CUE = re.compile(r"thăm(?:\s+(?:chính thức|cấp nhà nước|làm việc|hữu nghị|cấp nhà nước chính thức))?\s*$", re.I)


@dataclass
class Trigger:
    start: int  # in the sentence
    end: int  # end of the event's name
    kind: str
    name: str
    when: When | None = None
    items: list[str] = field(default_factory=list)
    held: bool = True  # False: named as the aim of another meeting ("chuẩn bị cho X")


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of every sentence of the body."""
    out, offset = [], 0
    for number, paragraph in enumerate(text.split("\n")):
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            out.append((offset + start, offset + match.start(), number))
            start = match.end()
        if paragraph[start:].strip():
            out.append((offset + start, offset + len(paragraph), number))
        offset += len(paragraph) + 1
    return out


def _name_end(sentence: str, at: int) -> int:
    """End of a meeting's name from its trigger: capitalised words and the small syllables
    of their words ("Tham vấn Quan chức cao cấp"), acronyms, "(ACR)", "lần thứ 44, 45",
    "ASEAN-Trung Quốc", "Trung Á + Nga"."""
    pieces = [(m.group(1), m.end()) for m in _PIECE.finditer(sentence, at)]
    end, k = at, 0
    while k < len(pieces):
        word, stop = pieces[k]
        if word[0].isupper() or word[0].isdigit() and (k == 0 or pieces[k - 1][0] in _ORDINAL_WORDS | {","}):
            end, k = stop, k + 1
        elif word in _ORDINAL_WORDS and k + 1 < len(pieces) and (pieces[k + 1][0] in _ORDINAL_WORDS
                                                                   or pieces[k + 1][0][0].isdigit()):
            end, k = stop, k + 1
        elif word in ("-", "–", "+") and k + 1 < len(pieces) and pieces[k + 1][0][0].isupper():
            end, k = stop, k + 1
        elif word == "," and k + 1 < len(pieces) and pieces[k + 1][0].isdigit() and k > 0 and pieces[k - 1][0].isdigit():
            end, k = stop, k + 1
        elif word == "(" and k + 2 < len(pieces) and pieces[k + 1][0].isupper() and pieces[k + 2][0] == ")":
            end, k = pieces[k + 2][1], k + 3
        elif k > 0 and word.islower() and pieces[k - 1][0][:1].isupper() \
                and (tone_key(pieces[k - 1][0]), tone_key(word)) in common_pairs():
            end, k = stop, k + 1  # "Hiệp hội": the second syllable of a capitalised word
        elif word.islower() and word.isalpha() and word not in _NOT_INNER:
            run = k
            while run < len(pieces) and run - k < MAX_INNER_SYLLABLES and pieces[run][0].islower() \
                    and pieces[run][0].isalpha() and pieces[run][0] not in _NOT_INNER:
                run += 1
            if run < len(pieces) and pieces[run][0] in ("-", "–") and run + 1 < len(pieces):
                run += 1  # "Chính trị- An ninh"
            if run < len(pieces) and (pieces[run][0][0].isupper() or pieces[run][0].isdigit()):
                end, k = pieces[run][1], run + 1
            elif run + 2 < len(pieces) and pieces[run][0] == "(" and pieces[run + 1][0].isupper() \
                    and pieces[run + 2][0] == ")":
                end, k = pieces[run + 2][1], run + 3  # "Quan chức cấp cao (SOM)"
            else:
                break
        else:
            break
    return end


def _triggers(sentence: str, blocked: list[tuple[int, int]]) -> list[Trigger]:
    folded = fold(sentence)
    found: list[Trigger] = []
    held = True
    for match in TRIGGER.finditer(folded):
        start = match.start()
        if any(s <= start < e for s, e in blocked):
            continue  # "Trung tâm Hội nghị quốc gia" is a venue, not a meeting
        if found and start < found[-1].end:
            continue  # inside the previous meeting's name
        end = max(match.end(), _name_end(sentence, match.end()))
        gap = sentence[found[-1].end : start] if found else None
        if NOT_HELD.search(folded[:start]):
            held = False
        elif gap is None or not _LIST_GAP.match(gap):
            held = True  # a list continues the previous verdict; anything else resets it
        name = sentence[start:end].strip(" ,")
        trigger = Trigger(start, end, _stronger(match.lastgroup, kind_of(fold(name))), name, held=held)
        rest = sentence[end:]
        if enumeration := _ENUMERATION.match(rest):
            body = re.split(r"[.;]", rest[enumeration.end():])[0]
            trigger.items = [i.strip(" ,") for i in re.split(r",\s*|\s+và\s+", body) if i.strip(" ,")]
            trigger.end = end + enumeration.end() + len(body)
        found.append(trigger)
    return found


def _stronger(a: str, b: str) -> str:
    """Of two kinds, the one listed first in KINDS (the more specific)."""
    order = [kind for kind, _ in KINDS]
    return min(a, b, key=lambda k: order.index(k) if k in order else len(order))


def _assign(triggers: list[Trigger], whens: list[When], sentence: str) -> None:
    """Each date to its nearest trigger (a meeting named as an aim only takes a date printed
    after it: "chuẩn bị cho X dự kiến diễn ra ngày 23/7"); meetings listed right after a
    dated one share its date."""
    pairs = sorted((min(abs(w.span[0] - t.end), abs(t.start - w.span[1])), n, m)
                   for n, t in enumerate(triggers) for m, w in enumerate(whens) if t.held or t.end <= w.span[0])
    used: set[int] = set()
    for _, n, m in pairs:  # nearest pairs first, each date and each trigger once
        if triggers[n].when is None and m not in used:
            triggers[n].when = whens[m]
            used.add(m)
    for previous, trigger in zip(triggers, triggers[1:]):
        if trigger.when is None and previous.when and trigger.kind in MEETING_KINDS \
                and _LIST_GAP.match(sentence[previous.end : trigger.start]):
            trigger.when = previous.when


class EventFinder:
    """One page's events; keeps the article's running context (last day, last place)."""

    def __init__(self, body: str, published: str | None, locations: list[Place], people: list[Person],
                 organizations: list[Organization]):
        self.body = body
        day = date.fromisoformat(published[:10]) if published else None
        year = None if day else year_fixed_by_text(body)
        self.ref = Reference(day, year, year_stated=year is not None and year == year_stated_as_present(body))
        self.places = sorted(((m.start, m.end, loc) for loc in locations for m in loc.mentions if m.field == "body"),
                             key=lambda x: x[:2])
        named: list[Organization | Place] = [*organizations, *(loc for loc in locations if loc.kind == "venue")]
        self.blocked = [(m.start, m.end) for e in named for m in e.mentions if m.field == "body"]
        self.people = [(m.start, m.end, p) for p in people for m in p.mentions if m.field == "body"]
        self.persons = people
        self.forums = {match_key(n): o.canonical or o.name for o in organizations for n in [o.name, *o.aliases]}
        self.last_place: dict[str, Any] = {}
        self.recent: list[Event] = []  # the events of the last dated sentence: later sentences add their people

    def _same_event(self, sentence: str, triggers: list[Trigger]) -> bool:
        """Does an undated sentence speak of the events just reported: it lists attendees, or
        names a meeting of the same kind ("Tại hội đàm, ...")?"""
        kinds = {e.kind for e in self.recent}
        return bool(self.recent) and (attendance(sentence) or any(t.kind in kinds for t in triggers))

    def run(self, spans: list[tuple[int, int, int]] | None = None) -> list[Event]:
        """Events of the page; `spans` are its sentences when the caller has split them."""
        events: list[Event] = []
        pending: list[Trigger] = []
        paragraph = -1
        for start, end, number in spans if spans is not None else sentences(self.body):
            if number != paragraph:
                pending, paragraph = [], number
            sentence = self.body[start:end]
            blocked = [(s - start, e - start) for s, e in self.blocked if start <= s < end]
            triggers = _triggers(sentence, blocked)
            whens = [w for w in find(sentence, self.ref) if w.precision == "day" and (w.start or w.month_day)]
            if not whens and self._same_event(sentence, triggers):
                noun = referenced(sentence)  # "Phát biểu tại Hội nghị": the page's first event so named, if any
                named = [e for e in events if noun and noun in fold(e.name)][:1]
                for event in named or self.recent:  # "Tham dự hội đàm có ...", "Tại buổi tiếp, ..."
                    event.participants += [n for n in present(sentence, start, self.people)
                                           if n not in event.participants]
            if not triggers and whens and pending:
                triggers, pending = pending[:1], []
                triggers[0].start = triggers[0].end = 0  # dated by this sentence
            elif triggers and not whens:
                pending = triggers
                continue
            _assign(triggers, whens, sentence)
            place = self._place(start, end) or self.last_place
            if place:
                self.last_place = place
            days = [w.start for w in whens if w.start]
            if days:  # "cùng ngày" in a later sentence means the last day mentioned
                self.ref = replace(self.ref, last=days[-1])
            made = [self._record(name, trigger, sentence, start, end, place) for trigger in triggers if trigger.when
                    for name in ([f"{trigger.name} {item}" for item in trigger.items] or [trigger.name])]
            events += made
            if made:
                self.recent = made
        # A timeline: by day, shorter before longer (a one-day meeting before the week it opens).
        # An event the text dates to no day of a year it states (or the publication day fixes)
        # is no event of the record: a guessed year is a wrong answer half the time.
        dated = one_per_day([e for e in merge_reports(events) if e.start and e.year_known])
        by_name = {p.name: p for p in self.persons}
        for event in dated:
            event.name = readable(event, by_name)
        return sorted(dated, key=lambda e: (e.start, e.end or "9999"))

    def _place(self, start: int, end: int) -> dict[str, Any]:
        """The place a sentence sets: a place after "tại/ở/tới/đến", and the places right
        after it ("tại Vientiane, Lào", "tại San Francisco (Mỹ)"): venue, city, country."""
        found: dict[str, Any] = {}
        chain_end = None
        for s, e, loc in self.places:
            if s >= end:
                break
            if s < start:
                continue
            before = self.body[max(start, s - 25) : s]
            if loc.kind == "country" and _VISIT_CUE.search(before):
                found.setdefault("visited", _common_name(self.body[s:e], loc))
            cued = _PLACE_CUE.search(before)
            unknown = loc.kind == "country" and _UNKNOWN_CITY.search(self.body[max(start, s - 50) : s])
            if unknown and chain_end is None and all(w[0].isupper() for w in unknown.group(1).split()):
                found.setdefault("city", unknown.group(1))
                cued = unknown
            chained = chain_end is not None and _CHAIN.match(self.body[chain_end:s])
            if not (cued or chained):
                continue
            chain_end = e
            kind, written = loc.kind, self.body[s:e]
            if kind == "venue":
                found.setdefault("venue", written)
            elif kind in ("city", "province", "territory"):
                found.setdefault("city", written)
                found.setdefault("country_of_city", loc.country)
            elif kind == "country":
                found.setdefault("country", _common_name(written, loc))
        for fallback in ("country_of_city", "visited"):
            if country := found.pop(fallback, None):
                found.setdefault("country", country)
        return found

    def _participants(self, trigger: Trigger, sentence: str, start: int) -> list[str]:
        """Who the sentence shows taking part; for a meeting named as the aim of another ("chuẩn
        bị cho Hội nghị X dự kiến diễn ra 23/7"), only those named after it."""
        people = self.people if trigger.held else [p for p in self.people if p[0] >= start + trigger.end]
        return list(dict.fromkeys(present(sentence, start, people) + holders(sentence, self.persons)))

    def _record(self, name: str, trigger: Trigger, sentence: str, start: int, end: int,
                place: dict[str, Any]) -> Event:
        when = trigger.when
        folded = fold(sentence)
        first, last = when.iso()
        lean = tense(sentence)
        if lean == 0 and self.ref.published and when.start:
            lean = -1 if when.start <= self.ref.published else 1
        ordinal = ORDINAL.search(fold(name))
        upgrade = UPGRADE.search(folded)
        level = LEVEL.search(folded)
        return Event(
            kind=trigger.kind if not trigger.items else kind_of(fold(trigger.name)),
            name=name,
            start=first,
            end=last,
            precision=when.precision,
            year_known=when.year_known,
            month_day=None if when.year_known else "%02d-%02d" % when.month_day if when.month_day else None,
            status="done" if lean < 0 else "coming" if lean > 0 else None,
            city=place.get("city"),
            country=place.get("country"),
            venue=place.get("venue"),
            participants=self._participants(trigger, sentence, start),
            countries=sorted({loc.canonical or loc.name for s, e, loc in self.places
                              if start <= s < end and loc.kind == "country"}),
            documents=[_document(sentence, d.start()) for d in DOCUMENT.finditer(sentence)]
            if trigger.kind == "signing" or "thông qua" in sentence else [],
            forum=sorted({forum for key, forum in self.forums.items() if key and f" {key} " in f" {match_key(name)} "}),
            ordinal=ordinal.group(0).replace("lan thu ", "") if ordinal else None,
            level=level.group(1) or level.group(2) if level else None,
            relationship=_after(sentence, folded, upgrade) if upgrade else None,
            sentence=Span(start, end),
        )


# A state's full style ("Cộng hòa Dân chủ Nhân dân Lào", "Liên bang Nga", "CHDCND Lào"): an
# event's country is the name in common use, the gazetteer's.
_STATE_FORM = re.compile(r"^(?:cong hoa|lien bang|lien hiep|vuong quoc|hop chung quoc|nha nuoc|ch[a-z]*\b|lb\b|nuoc)", re.I)


def _common_name(written: str, loc: Place) -> str:
    return (loc.canonical or written) if _STATE_FORM.match(fold(written)) else written


_TAIL = re.compile(r"(?:\s+[^\W\d_A-ZĐ]+){1,2}(?=[\s]*[,.;)]|\s*$)")


def _after(sentence: str, folded: str, match: re.Match[str]) -> str:
    """The capitalised phrase at or after a cue, with the small syllables that end its last
    word: "nâng cấp quan hệ lên Đối tác Chiến lược", "Bản ghi nhớ hợp tác giáo dục"."""
    begin = match.start() if match.group(0)[:1].isupper() else match.end()
    end = _name_end(sentence, match.end())
    if tail := _TAIL.match(sentence, end):
        end = tail.end()
    return sentence[begin:end].strip(" ,.")


_DOC_STOP = {"và", "với", "giữa", "của", "tại", "trong", "nhằm", "để", "cho", "ngày", "sáng", "chiều", "tối"}
MAX_DOCUMENT_WORDS = 10


def _document(sentence: str, at: int) -> str:
    """A document's name from its head word to the next punctuation or function word:
    "Bản ghi nhớ hợp tác giáo dục", "Hiệp định Thương mại biên giới"."""
    words = []
    for match in re.finditer(r"\S+", sentence[at:]):
        word = match.group()
        core = word.rstrip(",.;:)")
        if words and (core.lower() in _DOC_STOP or len(words) >= MAX_DOCUMENT_WORDS):
            break
        words.append(core)
        if core != word:
            break
    return " ".join(words)
