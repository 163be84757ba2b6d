"""Places: countries, cities, provinces, regions, seas and venues, from the shipped gazetteer
and from words that introduce a place ("tỉnh Điện Biên", "thành phố Gwangju", "Trung tâm Hội
nghị quốc gia"). Countries used as actors count too ("Việt Nam đóng góp...")."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lang.gazetteer import family_names, phrase_at, phrase_index, places
from ..lang.text import match_key
from ..lang.tokens import Token, keys, span_text, vietnamese_word

# Words after which a capitalised name is a place.
INTRODUCERS = ("tỉnh", "thành phố", "thủ đô", "bang", "tiểu bang", "quận", "huyện", "xã", "thị xã", "đảo",
               "quần đảo", "vùng", "tiểu vùng", "sông", "vịnh", "eo biển")
# Venues: a head, its words, and optionally "của" + a place.
VENUES = ("Trung tâm Hội nghị", "Cung Hữu nghị", "Nhà Quốc hội", "Phủ Chủ tịch", "Phủ Tổng thống", "Dinh Tổng thống",
          "Sân bay quốc tế", "Sân bay", "Cảng hàng không quốc tế", "Trụ sở")
MAX_VENUE_TOKENS = 9
_VENUE_WORDS = keys("quốc", "gia", "tế", "của")
_OF = keys("của")
# "Pháp ngữ" is French, "Anh ngữ" English: a country followed by these names a language.
_LANGUAGE = keys("ngữ", "văn")


@dataclass
class Place:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


INTRO, _VENUE = phrase_index(INTRODUCERS), phrase_index(VENUES)


def _cap_run(tokens: list[Token], j: int, limit: int = 4) -> int:
    k = j
    while k < len(tokens) and k - j < limit and tokens[k].word and tokens[k].cap:
        k += 1
    return k


def _misread(tokens: list[Token], i: int, end: int) -> bool:
    """A one-word country that is something else here: part of a name ("Tuấn Anh", "Quang
    Đức"), a language ("Pháp ngữ"), or a capitalised word opening a sentence ("Ý tưởng", "Đức Hòa")."""
    if end - i > 1:
        return False
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[end] if end < len(tokens) else None
    if nxt is not None and nxt.key in _LANGUAGE:
        return True
    if prev is not None and prev.word and prev.cap and not places().match(tokens, i - 1) and vietnamese_word(tokens[i]):
        return True  # a syllable inside a capitalised run that is not itself a place: "Tuấn Anh"
    if nxt is not None and nxt.word and nxt.cap and vietnamese_word(tokens[i]) and vietnamese_word(nxt) \
            and nxt.key not in family_names() and not places().match(tokens, end):
        return True  # the first syllable of a name: "Đức Hòa", "Mỹ Tho" (a holder's name follows a country)
    sentence_start = prev is None or prev.text in ".!?\n:\"“(-–"
    return sentence_start and nxt is not None and nxt.word and not nxt.cap and len(tokens[i].text) <= 2


def find_places(text: str, tokens: list[Token], skip: set[int]) -> list[Place]:
    found: dict[str, Place] = {}

    def add(name: str, kind: str, start: int, end: int, canonical: str | None = None, country: str | None = None):
        key = match_key(canonical or name)
        place = found.setdefault(key, Place(canonical or name, kind, country=country))
        if match_key(name) != match_key(place.name) and match_key(name) not in {match_key(a) for a in place.aliases}:
            place.aliases.append(name)
        place.mentions.append((tokens[start].start, tokens[end - 1].end))

    gaz = places()
    i = 0
    while i < len(tokens):
        if i in skip:
            i += 1
            continue
        venue = phrase_at(tokens, i, _VENUE) if tokens[i].cap else None
        if venue:
            end = venue
            while end < len(tokens) and end - i < MAX_VENUE_TOKENS and tokens[end].word and \
                    (tokens[end].cap or tokens[end].key in _VENUE_WORDS):
                end += 1
            if end < len(tokens) and (hit := gaz.match(tokens, end)) and tokens[end - 1].key in _OF:
                end = hit[0]
            while end > venue and tokens[end - 1].key in _OF:
                end -= 1
            add(span_text(text, tokens, i, end), "venue", i, end)
            i = venue  # places inside the venue's name are read too
            continue
        hit = gaz.match(tokens, i, as_listed=True)
        if hit and not _misread(tokens, i, hit[0]):
            end, entry = hit
            add(span_text(text, tokens, i, end), entry.kind, i, end, entry.name, entry.country)
            i = end
            continue
        intro = phrase_at(tokens, i, INTRO) if not tokens[i].cap else None
        if intro and intro < len(tokens) and tokens[intro].cap and intro not in skip:
            end = _cap_run(tokens, intro)
            if not (listed := gaz.match(tokens, intro)) or _misread(tokens, intro, listed[0]):  # "huyện Đức Hòa"
                add(span_text(text, tokens, intro, end), "place", intro, end)
            i = intro
            continue
        i += 1
    return list(found.values())
