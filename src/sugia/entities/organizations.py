"""Organisations and forums: the shipped list, names the article defines with an acronym in
parentheses ("Hội đồng Nhân quyền Liên hợp quốc (HĐNQ)"), and names built on an
organisation head word ("Ủy ban Hàng không Dân dụng Kazakhstan", "Đại sứ quán Việt Nam tại
Kazakhstan"). A name inside a longer one counts too ("Hội đồng Bảo an Liên hợp quốc" also
names "Liên hợp quốc"). Treaties, documents, meetings are not organisations.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..text import match_key
from .gazetteer import organizations, places
from ..text import tone_key
from .gazetteer import posts
from .people import starts_name
from .tokens import Token, keys, span_text

# Head words that open an organisation's name (Vietnamese puts the kind first).
HEADS = ("Bộ", "Ban", "Ủy ban", "Uỷ ban", "Hội đồng", "Văn phòng", "Đại sứ quán", "Tổng Lãnh sự quán",
         "Lãnh sự quán", "Phái đoàn", "Tổ chức", "Liên đoàn", "Liên minh", "Hiệp hội", "Nhóm", "Viện",
         "Học viện", "Quỹ", "Ngân hàng", "Công ty", "Tập đoàn", "Hãng", "Cơ quan", "Mặt trận", "Phong trào",
         "Ủy hội", "Uỷ hội", "Tòa án", "Toà án", "Đảng", "Hội", "Liên hiệp", "Thông tấn xã", "Tổng cục", "Cục",
         "Nghị viện", "Quốc hội", "Chính phủ", "Đại học", "Trường Đại học", "Câu lạc bộ", "Diễn đàn")
# Heads that need a capitalised word right after them: "Hội nghị", "Nhóm công tác" are not names.
STRICT_HEADS = {" ".join(tone_key(w) for w in h.split()) for h in
                ("hội", "nhóm", "diễn đàn", "quốc hội", "chính phủ", "bộ", "ban", "cục", "viện", "quỹ", "đảng")}
# A document, not a body: "Bộ Quy tắc Ứng xử", "Bộ luật".
NOT_AFTER_HEAD = keys("quy", "luật", "nguyên", "tiêu", "trưởng")
MAX_LOWER_RUN = 3  # "Hội đồng tư vấn kinh doanh APEC": lower-case words inside a name
CONNECTORS = keys("và", "tại", "của", "về")


@dataclass
class Organization:
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    canonical: str | None = None


def _head_keys() -> list[tuple[str, ...]]:
    from .tokens import tokenize

    return sorted((tuple(t.key for t in tokenize(h)) for h in HEADS), key=len, reverse=True)


_HEADS = _head_keys()


def _head_at(tokens: list[Token], i: int) -> int | None:
    if not tokens[i].cap:
        return None
    for keys in _HEADS:
        j = i + len(keys)
        if j <= len(tokens) and all(tokens[i + k].key == key for k, key in enumerate(keys)):
            return j
    return None


def _anchor(tokens: list[Token], j: int) -> int | None:
    """A word that can close a lower-case stretch of a name: a place, a listed organisation
    or an acronym ("Hội đồng tư vấn kinh doanh APEC", "Nhóm hữu nghị Kazakhstan-Việt Nam")."""
    if (hit := places().match(tokens, j)) or (hit := organizations().match(tokens, j)):
        return hit[0]
    return j + 1 if tokens[j].acronym else None


def _extent(tokens: list[Token], i: int, head_end: int) -> int | None:
    """End of an organisation name opened by a head word at i, or None. The name runs over
    capitalised words, places and acronyms; lower-case words only when a place, a listed
    organisation or an acronym closes them; it stops before a post or a person's name."""
    if head_end >= len(tokens) or tokens[head_end].key in NOT_AFTER_HEAD:
        return None
    head = " ".join(t.key for t in tokens[i:head_end])
    first = tokens[head_end]
    if head in STRICT_HEADS and not (first.cap and first.word):
        return None
    j, end = head_end, None
    while j < len(tokens):
        tok = tokens[j]
        if tok.text in "-–" and end == j and j + 1 < len(tokens) and tokens[j + 1].cap:
            j += 1
            continue
        if not tok.word or (j > head_end and (starts_name(tokens, j) or _is_post(tokens, j))):
            break
        if (anchor := _anchor(tokens, j)) is not None:
            end = j = anchor
            continue
        if tok.cap:
            end = j = j + 1
            continue
        run = j  # lower-case words: kept only if an anchor closes them
        while run < len(tokens) and run - j < MAX_LOWER_RUN and tokens[run].word and not tokens[run].cap:
            run += 1
        if run < len(tokens) and tokens[run].word and (anchor := _anchor(tokens, run)) is not None:
            end = j = anchor
            continue
        break
    return end if end and end > head_end else None


def _is_post(tokens: list[Token], j: int) -> bool:
    hit = posts().match(tokens, j)
    return bool(hit and hit[1].kind == "post")


def entry_wins(tokens: list[Token], end: int) -> bool:
    """A listed name is kept whole when what follows it is a person, not more of its name."""
    return end < len(tokens) and (starts_name(tokens, end) or _is_post(tokens, end))


def _acronym_after(tokens: list[Token], j: int) -> str | None:
    """'(ACR)' right after position j."""
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].acronym and tokens[j + 2].text == ")":
        return tokens[j + 1].text
    return None


def find_organizations(text: str, tokens: list[Token], skip: set[int]) -> list[Organization]:
    """Organisations in `tokens`; token positions in `skip` (people's names) are not read."""
    found: dict[str, Organization] = {}
    by_alias: dict[str, str] = {}

    def add(name: str, start: int, end: int, canonical: str | None = None, alias: str | None = None) -> None:
        key = match_key(canonical or name)
        org = found.get(key) or found.get(by_alias.get(match_key(name), ""))
        if org is None:
            org = found[key] = Organization(name, canonical=canonical)
        for form in (name, alias):
            if form and match_key(form) not in {match_key(a) for a in [org.name, *org.aliases]}:
                org.aliases.append(form)
            if form:
                by_alias[match_key(form)] = key if key in found else match_key(org.name)
        org.mentions.append((tokens[start].start, tokens[end - 1].end))

    gaz = organizations()
    i = 0
    while i < len(tokens):
        if i in skip:
            i += 1
            continue
        hit = gaz.match(tokens, i)
        head_end = _head_at(tokens, i)
        extent = _extent(tokens, i, head_end) if head_end else None
        if hit and (extent is None or hit[0] >= extent or entry_wins(tokens, hit[0])):
            end, entry = hit
            country = places().match(tokens, end) if end < len(tokens) and entry.kind == "ministry" else None
            if country and country[1].kind == "country" and country[1].name != "Việt Nam":
                add(span_text(text, tokens, i, country[0]), i, country[0])  # a foreign ministry
                i = country[0]
                continue
            add(span_text(text, tokens, i, end), i, end, canonical=entry.name, alias=_acronym_after(tokens, end))
            for s, e, inner in gaz.scan(tokens[i + 1 : end]):  # nested names
                add(span_text(text, tokens, i + 1 + s, i + 1 + e), i + 1 + s, i + 1 + e, canonical=inner.name)
            i = end
        elif extent:
            name = span_text(text, tokens, i, extent)
            acronym = _acronym_after(tokens, extent)
            known = gaz.match(tokens, extent + 1) if acronym else None
            add(name, i, extent, canonical=known[1].name if known else None, alias=acronym)
            for s, e, inner in gaz.scan(tokens[i + 1 : extent]):
                add(span_text(text, tokens, i + 1 + s, i + 1 + e), i + 1 + s, i + 1 + e, canonical=inner.name)
            i = extent
        elif tokens[i].acronym and match_key(tokens[i].text) in by_alias:
            add(tokens[i].text, i, i + 1, canonical=found[by_alias[match_key(tokens[i].text)]].canonical)
            i += 1
        else:
            i += 1
    return list(found.values())
