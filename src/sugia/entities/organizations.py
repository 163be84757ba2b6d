"""Organisations and forums: the shipped list, names the article defines with an acronym in
parentheses ("Hội đồng Nhân quyền Liên hợp quốc (HĐNQ)"), and names built on an
organisation head word ("Ủy ban Hàng không Dân dụng Kazakhstan", "Đại sứ quán Việt Nam tại
Kazakhstan"). A name inside a longer one counts too ("Hội đồng Bảo an Liên hợp quốc" also
names "Liên hợp quốc"). Treaties, documents, meetings and source credits are not organisations.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lang.gazetteer import Entry, org_head, organizations, phrase_at, phrase_index, places, posts, starts_name
from ..lang.text import match_key
from ..lang.tokens import Token, in_caps_run, keys, lower_run, span_text, vietnamese_word
from .words import one_word

# Words after a head that make an event or a document, not a body: "Hội nghị", "Bộ luật".
NOT_AFTER_HEAD = keys("nghị", "thảo", "đàm", "kiến", "chợ", "diễn", "ngộ", "họp", "thi", "giảng", "trường",
                      "quy", "luật", "nguyên", "tiêu", "trưởng", "công", "tác", "việc")
MAX_LOWER_RUN = 3  # "Hội đồng tư vấn kinh doanh APEC": lower-case words inside a name
# Words that open a clause: never inside a name ("Ủy ban X đã họp tại Hà Nội").
CLAUSE_WORDS = keys("đã", "sẽ", "đang", "vừa", "được", "là", "có", "cho", "nhằm", "để", "cũng", "khi", "thì", "mà")
# Vietnamese capitalises the first syllable of each word of a name: "Hàng không Dân dụng",
# "Liên chính phủ". Up to this many small syllables may stand before the next capital.
MAX_INNER_SYLLABLES = 2
AND = keys("và")
PAIR_MARKS = ("-", "–")
CREDIT_WORDS = keys("ảnh", "nguồn", "theo")


@dataclass
class Organization:
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    canonical: str | None = None


def _is_post(tokens: list[Token], j: int) -> bool:
    hit = posts().match(tokens, j)
    return bool(hit and hit[1].kind == "post")


def _acronym_at(tokens: list[Token], j: int) -> str | None:
    """'(ACR)' at position j."""
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].acronym and tokens[j + 2].text == ")":
        return tokens[j + 1].text
    return None


def _anchor(tokens: list[Token], j: int) -> int | None:
    """A word that can close a lower-case stretch of a name: a place, a listed organisation
    or an acronym ("Hội đồng tư vấn kinh doanh APEC", "Nhóm hữu nghị Kazakhstan-Việt Nam")."""
    if (hit := places().match(tokens, j)) or (hit := organizations().match(tokens, j)):
        return hit[0]
    return j + 1 if tokens[j].acronym else None


def _foreign_name_after(tokens: list[Token], j: int) -> bool:
    """'Quốc hội Algeria Karim Haddad': after a country, capitalised words that are not
    Vietnamese are a person's name."""
    return j < len(tokens) and tokens[j].cap and tokens[j].word and not vietnamese_word(tokens[j])


def _holder_after(tokens: list[Token], head_end: int, j: int) -> bool:
    """'Bộ Thương mại Paulina Nazal': two foreign words after a Vietnamese name are a person's."""
    return j > head_end and j + 1 < len(tokens) and all(vietnamese_word(t) for t in tokens[head_end:j]) \
        and all(t.cap and t.word and not vietnamese_word(t) for t in tokens[j:j + 2])


def extent(tokens: list[Token], i: int) -> int | None:
    """End of an organisation name opened by a head word at i, or None. The name runs over
    capitalised words, places and acronyms; lower-case words only when a place, a listed
    organisation, an acronym or "(ACR)" closes them; it stops before a post or a name."""
    head_end = org_head(tokens, i)
    if head_end is None or head_end >= len(tokens) or tokens[head_end].key in NOT_AFTER_HEAD:
        return None
    j, end, anchored = head_end, None, False
    while j < len(tokens):
        tok = tokens[j]
        if tok.text in PAIR_MARKS and end == j and j + 1 < len(tokens) and tokens[j + 1].cap:
            j, anchored = j + 1, False  # "Việt Nam-Kazakhstan", "Nhật - Việt"
            continue
        if not tok.word or (j > head_end and (starts_name(tokens, j) or _is_post(tokens, j))):
            break
        if (anchor := _anchor(tokens, j)) is not None:
            if anchored and j == end:
                break  # two anchors in a row: "... Kazakhstan Almaty" is not one name
            end = j = anchor
            anchored = True
            if _foreign_name_after(tokens, anchor):
                break
            continue
        if tok.cap:
            if anchored or _holder_after(tokens, head_end, j):
                break  # after a place or an acronym a name ends: "Hội đồng ... ILO Thúc đẩy"
            end = j = j + 1
            continue
        if j == end and tokens[j - 1].cap and one_word(tokens[j - 1], tok):
            end = j = j + 1  # "Bộ Lao động Thương binh và Xã hội", "Sở Y tế": the word's second syllable
            continue
        run = lower_run(tokens, j, MAX_LOWER_RUN)  # kept when a capital, a place, an acronym or "(ACR)" closes it
        if any(t.key in CLAUSE_WORDS for t in tokens[j:run]):
            break
        if _acronym_at(tokens, run):
            end = run
            break
        if run >= len(tokens) or not tokens[run].word or org_head(tokens, run):
            break  # "... tại Hàn Quốc và Bộ Lao động": a second organisation begins
        if anchored and tokens[j].key in AND:
            break  # "Phòng Thương mại ... Nam Phi và doanh nghiệp Nam Phi": a list goes on
        if (anchor := _anchor(tokens, run)) is not None:
            end, j, anchored = anchor, anchor, True
            if _foreign_name_after(tokens, anchor):
                break
            continue
        small = tokens[j:run]
        if not anchored and (len(small) <= MAX_INNER_SYLLABLES or any(t.key in AND for t in small)) \
                and not starts_name(tokens, run) and not _is_post(tokens, run) and not org_head(tokens, run):
            end = j = run + 1
            continue
        break
    if end and end > head_end and tokens[i].key in REMIT_HEADS:
        end = _remit(tokens, end)
    return end if end and end > head_end else None


# Committees, councils and steering boards are named with their remit: "Ủy ban liên chính phủ
# Việt Nam - Nga về hợp tác kinh tế - thương mại", "Ban Chỉ đạo Nhà nước về phân giới cắm mốc".
REMIT_HEADS = keys("ủy", "uỷ", "hội", "ban", "phân", "nhóm", "tổ")
REMIT_WORDS = 16
ABOUT = keys("về")
# Where a remit ends: words that begin a clause or another phrase.
REMIT_STOPS = CLAUSE_WORDS | keys("với", "tại", "của", "trong", "do", "theo", "lần", "khóa", "khoá", "kỳ", "phiên",
                                  "họp", "năm", "ngày", "từ", "đến", "tới", "giữa", "gồm", "và", "hai", "các", "những",
                                  "này", "đó", "vào")
# "với Ủy ban X về việc ...", "... về đẩy mạnh": the topic of a talk or a text, not a remit.
NOT_REMIT = keys("việc", "đẩy", "thúc", "tăng", "nâng", "tình", "kết")


def _remit(tokens: list[Token], end: int) -> int:
    """The end of "về ..." after a committee's name: words and hyphen pairs up to a clause, a
    name or a post ("và" only between two words of the remit: "kinh tế, thương mại và ...")."""
    if end + 1 >= len(tokens) or tokens[end].key not in ABOUT or not tokens[end + 1].word \
            or tokens[end + 1].key in NOT_REMIT:
        return end
    j, last = end + 1, end
    while j < len(tokens) and j - end <= REMIT_WORDS:
        tok = tokens[j]
        # "... kỹ thuật Dmitri": a foreign name after the remit's small words is its holder's
        foreign_after_small = j > end + 1 and tok.cap and not vietnamese_word(tok) and not tokens[j - 1].cap
        if tok.word and tok.key not in REMIT_STOPS and not starts_name(tokens, j) and not _is_post(tokens, j) \
                and not foreign_after_small:
            last = j = j + 1
        elif (tok.text in PAIR_MARKS or tok.key in AND or tok.text == ",") and j == last and j + 1 < len(tokens) \
                and tokens[j + 1].word and tokens[j + 1].key not in REMIT_STOPS:
            j += 1  # "kinh tế - thương mại", "... và khoa học"
        else:
            break
    else:
        return end  # still running after REMIT_WORDS: no clear end, no remit
    return last if last > end + 1 else end


def _credit(tokens: list[Token], i: int) -> bool:
    """'(Ảnh: TTXVN)', 'Nguồn: BNG': a source credit names no organisation of the story."""
    return i >= 2 and tokens[i - 1].text == ":" and tokens[i - 2].key in CREDIT_WORDS


_LOCALITY_WORDS = phrase_index(("tỉnh", "thành phố", "TP", "TP.", "huyện", "quận", "thị xã", "xã"))


def _locality(tokens: list[Token], j: int) -> int | None:
    """End of the province or city a local body belongs to ("tỉnh Lạng Sơn", "TP Hà Nội",
    "Hà Nội"), or None."""
    if j >= len(tokens):
        return None
    start = phrase_at(tokens, j, _LOCALITY_WORDS) or j
    hit = places().match(tokens, start) if start < len(tokens) else None
    return hit[0] if hit and hit[1].kind in ("province", "city") else None


def find_organizations(text: str, tokens: list[Token], skip: set[int]) -> list[Organization]:
    """Organisations in `tokens`; token positions in `skip` (people's names) are not read."""
    found: dict[str, Organization] = {}
    by_alias: dict[str, str] = {}

    def add(start: int, end: int, canonical: str | None = None, alias: str | None = None) -> None:
        name = span_text(text, tokens, start, end)
        key = by_alias.get(match_key(name)) or match_key(canonical or name)
        org = found.setdefault(key, Organization(name, canonical=canonical))
        for form in (name, alias):
            if form and match_key(form) not in {match_key(a) for a in [org.name, *org.aliases]}:
                org.aliases.append(form)
            if form:
                by_alias[match_key(form)] = key
        org.mentions.append((tokens[start].start, tokens[end - 1].end))
        for s, e, inner in organizations().scan(tokens[start + 1 : end]):  # nested international bodies
            if inner.kind == "international":
                add(start + 1 + s, start + 1 + e, canonical=inner.name)
        party = next((m for m in range(start + 1, end) if (o := organizations().match(tokens, m)) and o[0] == end
                      and o[1].kind == "party"), None)
        if party is not None:  # "Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc" names the party too
            add(party, end)

    gaz = organizations()
    i = 0
    while i < len(tokens):
        if i in skip or _credit(tokens, i) or in_caps_run(tokens, i):
            i += 1
            continue
        hit = gaz.match(tokens, i)
        if hit:
            end, listed = hit
            entry: Entry | None = listed
            country = None
            if listed.kind in ("ministry", "state") and end < len(tokens):
                country = places().match(tokens, end)
            if country and country[1].kind == "country" and country[1].name != "Việt Nam":
                end, entry = country[0], None  # a foreign ministry: "Bộ Ngoại giao Nhật Bản"
            if entry and entry.kind == "local" and (where := _locality(tokens, end)):
                end, entry = where, None  # "UBND tỉnh Lạng Sơn", "Thành ủy Hà Nội": one body per place
            if (longer := max((o[0] for m in range(i + 1, end) if (o := gaz.match(tokens, m))), default=0)) > end:
                end, entry = longer, None  # "Ban Chấp hành Trung ương [Đảng] Cộng sản Trung Quốc"
            add(i, end, canonical=entry.name if entry else None, alias=_acronym_at(tokens, end))
            i = end
        elif stop := extent(tokens, i):
            acronym = _acronym_at(tokens, stop)
            known = gaz.match(tokens, stop + 1) if acronym else None
            add(i, stop, canonical=known[1].name if known else None, alias=acronym)
            i = stop
        elif tokens[i].acronym and match_key(tokens[i].text) in by_alias:
            add(i, i + 1)
            i += 1
        else:
            i += 1
    return list(found.values())
