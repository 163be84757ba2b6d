"""People with their posts.

In this genre a person is almost always introduced by a post or an honorific, so posts are
the anchor: [modifier] POST [complement: domain, organisation, place, "tại"/"của" place,
acronym]... NAME, with post chains before the name ("Phó Thủ tướng, Bộ trưởng Ngoại giao X")
and appositions after it ("X, Trưởng SOM ASEAN Việt Nam,"). A name is a run of capitalised
tokens: Vietnamese (a family name first) or foreign (Latin script, or a Sino-Vietnamese reading
led by a family name). Later mentions ("Thứ trưởng Đỗ Hùng Việt", "ông Việt") resolve to the
person already named.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lang.gazetteer import domains, org_head, organizations, phrase_at, places, posts, starts_name
from ..lang.text import match_key
from ..lang.tokens import Token, keys, lower_run, span_text, token_at
from .names import SENTENCE_OPENERS, bare_name, foreign_name, foreign_run, given_name, hyphenated_name, read_name
from .organizations import extent
from .places import INTRO
from .words import page_words

_CONNECT = keys("tại", "của", "ở")
_TERM = keys("khóa", "khoá", "nhiệm", "lần")  # "Chủ tịch Đại hội đồng LHQ khóa 79"
MAX_LOWER_RUN = 6  # "Trưởng đoàn đại biểu cấp cao tỉnh Điện Biên"


@dataclass
class Post:
    title: str  # as written, without the name
    organization: str | None = None
    country: str | None = None
    former: bool = False
    start: int = 0
    end: int = 0


@dataclass
class Person:
    name: str
    posts: list[Post] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    cues: list[tuple[int, int]] = field(default_factory=list)  # honorifics before a mention: "Anh" in "Anh Tuấn"


def _post_phrase(tokens: list[Token], i: int, any_case: bool = False) -> tuple[int, Post | None, bool] | None:
    """Read [modifier]* POST complement* at i. Returns (end, post, is_honorific). `any_case`:
    the post may open in small letters (after a name: "X - ủy viên Ban thường vụ")."""
    gaz = posts()
    if i >= len(tokens) or tokens[i].key not in gaz.index:  # most tokens open no post: the common answer, early
        return None
    j, former = i, False
    any_case = any_case or i == 0 or tokens[i - 1].text in SENTENCE_OPENERS  # "Vận động viên X" opens a sentence
    while (hit := gaz.match(tokens, j, any_case=any_case or j > i)) and hit[1].kind == "modifier" \
            and (nxt := gaz.match(tokens, hit[0], any_case=True)) and nxt[1].kind in ("post", "modifier"):
        former = former or hit[1].name.lower() in ("nguyên", "cựu", "cố")
        j = hit[0]
    hit = gaz.match(tokens, j, any_case=any_case or j > i)
    if not hit or hit[1].kind not in ("post", "honorific"):
        return None
    if hit[1].kind == "honorific":
        return hit[0], None, True
    post = Post("", former=former)
    start = hit[0]
    head = next((m for m in (start - 1, start - 2) if m >= i and org_head(tokens, m) == start), None)
    if head is not None and (org := _organization(tokens, head)) and org[0] > start:  # "Trưởng Ban" + "Đối ngoại"
        post.organization, start = org[1], org[0]
    end = _complement(tokens, start, post)
    return end, post, False


def _complement(tokens: list[Token], j: int, post: Post) -> int:
    """What completes a post: domain words, organisations, places ("tại"/"của" + place),
    acronyms, a term ("khóa 79"), lower-case words a place or organisation closes ("Trưởng
    đoàn đại biểu biên giới Lào"), and ", Bộ Ngoại giao" after a department."""
    anchored = False  # a place or organisation completed the post: no verb phrase after it
    while j < len(tokens):
        tok = tokens[j]
        if tok.cap and hyphenated_name(tokens, j):
            break  # "Tổng Thư ký Liên hợp quốc Ban Ki-moon": no "Ban" of an organisation
        p = places().match(tokens, j, as_listed=not tok.cap) if tok.word else None  # "châu Âu" as listed
        o = _organization(tokens, j) if tok.cap else None
        if p and not (o and o[0] > p[0]):  # before names: "Hàn Quốc", "Thái Lan"; "Pháp ngữ" is a body
            post.country = (p[1].country or p[1].name) if p[1].kind in ("city", "province") else p[1].name
            j, anchored = p[0], True
        elif o:
            post.organization = post.organization or o[1]
            j, anchored = o[0], True
        elif starts_name(tokens, j):
            break
        elif d := domains().match(tokens, j):
            j = d[0]
        elif (intro := phrase_at(tokens, j, INTRO)) and intro < len(tokens) and tokens[intro].cap:
            j = intro if places().match(tokens, intro) else _unlisted_place(tokens, intro)  # "... thành phố Hà Nội"
            anchored = True
        elif tok.key in _CONNECT and j + 1 < len(tokens) and tokens[j + 1].cap and \
                (places().match(tokens, j + 1) or _organization(tokens, j + 1)) or tok.acronym:
            j += 1
        elif anchored and tok.text == "(" and j + 2 < len(tokens) and tokens[j + 1].acronym \
                and tokens[j + 2].text == ")":
            j += 3  # "Chủ tịch Liên minh Nghị viện thế giới (IPU) X"
        elif tok.key in _TERM and j + 1 < len(tokens) and (tokens[j + 1].text[0].isdigit() or tokens[j + 1].acronym):
            j += 2
        elif tok.text == "," and post.organization and j + 1 < len(tokens) and tokens[j + 1].cap \
                and _organization(tokens, j + 1) and not starts_name(tokens, j + 1):
            j += 1  # "Vụ trưởng Vụ ASEAN, Bộ Ngoại giao Bùi Khánh Linh"
        elif tok.word and not tok.cap and not anchored and (run := _closed_lower_run(tokens, j)):
            j = run
        else:
            break
    return j


def _organization(tokens: list[Token], j: int) -> tuple[int, str] | None:
    """A listed organisation or a head-word name at j, the longer of the two."""
    listed = organizations().match(tokens, j)
    built = extent(tokens, j)
    if built:  # a name after the organisation is the post holder's: "Thủ tướng Chính phủ Phạm Minh Chính"
        built = next((k for k in range(j + 1, built) if (starts_name(tokens, k) and read_name(tokens, k)
                      or foreign_run(tokens, k)) and not _inside_place(tokens, j, k)), built)
    if built and (not listed or built > listed[0]):
        return built, " ".join(t.text for t in tokens[j:built])
    if listed and (longer := max((o[0] for m in range(j + 1, listed[0]) if (o := organizations().match(tokens, m))),
                                 default=0)) > listed[0]:
        # "Ban Chấp hành Trung ương [Đảng] Nhân dân Cách mạng Lào": the longer name goes on
        return longer, " ".join(t.text for t in tokens[j:longer])
    return (listed[0], listed[1].name) if listed else None


def _unlisted_place(tokens: list[Token], j: int) -> int:
    """End of a place no list holds after "tỉnh", "thành phố"... ("tỉnh Xiêng Khoảng"):
    capitalised words up to a name, a post or an organisation."""
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].cap and tokens[k].word and not tokens[k].acronym \
            and not starts_name(tokens, k) and not posts().match(tokens, k) and not org_head(tokens, k):
        k += 1
    return k


def _inside_place(tokens: list[Token], first: int, k: int) -> bool:
    """Does a listed place that starts before k run over it ("châu Âu": "Âu" opens no name)?"""
    return any((p := places().match(tokens, m, as_listed=True)) and p[0] > k for m in range(max(first, k - 3), k))


def _closed_lower_run(tokens: list[Token], j: int) -> int | None:
    """Lower-case words inside a post, kept when a place or organisation closes them."""
    run = lower_run(tokens, j, MAX_LOWER_RUN)
    if run < len(tokens) and tokens[run].cap and (places().match(tokens, run) or _organization(tokens, run)):
        return run
    return None


def find_people(text: str, tokens: list[Token], words: set[tuple[str, str]] | None = None) -> list[Person]:
    """Every person named with a post or honorific, their posts and mentions (offsets).
    `words`: the page's lower-case two-syllable words (`words.page_words`), when the caller has them."""
    people: dict[str, Person] = {}
    pending: list[Post] = []
    words = page_words(tokens) if words is None else words
    i = 0
    while i < len(tokens):
        phrase = _post_phrase(tokens, i)
        if phrase is None:
            # "Lê Thị Mai kể lại", "Trần Văn A, Thứ trưởng ...", "Nelson Mandela từng nói"
            if bare := bare_name(tokens, i, words) or foreign_name(tokens, i):
                person = _person(people, span_text(text, tokens, i, bare))
                person.mentions.append((tokens[i].start, tokens[bare - 1].end))
                bare = _appositions(text, tokens, bare, person)
            i = bare or i + 1
            continue
        end, post, honorific = phrase
        courteous = False
        if honorific and tokens[i].cap and i > 0 and tokens[i - 1].word and tokens[i - 1].cap:
            i += 1  # "Anh" inside a name ("Lê Anh Tuấn") is no honorific
            continue
        if post:
            post.title, post.start, post.end = span_text(text, tokens, i, end), tokens[i].start, tokens[end - 1].end
            while (courtesy := posts().match(tokens, end)) and courtesy[1].kind == "honorific" and tokens[end].cap:
                end, courteous = courtesy[0], True  # "Thủ tướng Samdech Techo Hun Sen", "Bộ trưởng Dato Seri X"
        name_end = read_name(tokens, end) if end < len(tokens) else None
        if name_end is None and (honorific and _personal(tokens, i, end) or courteous):
            name_end = given_name(tokens, end, words)  # "chị Lan", "ông Phúc"
        elif name_end is None and (honorific or post and post.country not in (None, "Việt Nam")) and \
                (given := given_name(tokens, end, words)) and given - end >= 2:
            name_end = given  # "ca sĩ Mỹ Tâm"; a foreign post's holder: "Ngoại giao Cam-pu-chia Hô Nam Hông"
        if name_end is None:
            if post and end + 1 < len(tokens) and tokens[end].text in APPOSITION_MARKS \
                    and _post_phrase(tokens, end + 1):
                pending.append(post)  # "Phó Thủ tướng, Bộ trưởng Ngoại giao X", "Tổng lãnh sự Lào - ông X"
                i = end + 1
                continue
            pending = []
            i = max(end, i + 1)
            continue
        person = _known(people, tokens[end:name_end]) or _person(people, span_text(text, tokens, end, name_end))
        person.mentions.append((tokens[end].start, tokens[name_end - 1].end))
        if honorific:
            person.cues.append((tokens[i].start, tokens[end - 1].end))
        person.posts += pending + ([post] if post else [])
        pending = []
        i = _appositions(text, tokens, name_end, person)
    return list(people.values())


def _person(people: dict[str, Person], name: str) -> Person:
    key = match_key(name)
    if key not in people:
        people[key] = Person(name)
    return people[key]


APPOSITION_MARKS = (",", "-", "–", "kiêm")  # "ông X - Phó Chủ tịch tỉnh Y", "X, nhà sáng lập kiêm Chủ tịch"


def _appositions(text: str, tokens: list[Token], i: int, person: Person) -> int:
    """', Trưởng SOM ASEAN Việt Nam,' or ' - Phó Chủ tịch tỉnh' after a name: more posts of
    the same person."""
    while i + 1 < len(tokens) and tokens[i].text in APPOSITION_MARKS:
        phrase = _post_phrase(tokens, i + 1, any_case=True)
        if phrase is None or phrase[1] is None:
            break
        end, post, _ = phrase
        if end < len(tokens) and read_name(tokens, end) is not None:
            break  # the post of the next person
        post.title, post.start, post.end = span_text(text, tokens, i + 1, end), tokens[i + 1].start, tokens[end - 1].end
        person.posts.append(post)
        i = end
    return i


# A post is looked for this many tokens before a name the tagger found.
POST_REACH = 12


def posts_around(text: str, tokens: list[Token], start: int, end: int) -> list[Post]:
    """The posts printed right before a name found by other means than a post (the tagger)
    and in appositions after it ("A, Thứ trưởng Bộ Ngoại giao, cho biết")."""
    first, last = token_at(tokens, start), token_at(tokens, end)
    person = Person(text[start:end])
    for i in range(max(0, first - POST_REACH), first):
        phrase = _post_phrase(tokens, i)
        if phrase and phrase[0] == first and phrase[1] is not None:
            post = phrase[1]
            post.title, post.start, post.end = span_text(text, tokens, i, first), tokens[i].start, tokens[first - 1].end
            person.posts.append(post)
            break
    _appositions(text, tokens, last, person)
    return person.posts


# Honorifics that may stand before a given name alone ("chị Lan"); an occupation ("doanh
# nhân", "học sinh") is followed by a full name or a nationality ("doanh nhân Việt kiều").
PERSONAL = keys("ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "cụ", "ngài", "thầy", "bé", "cháu", "chí")


def _personal(tokens: list[Token], i: int, end: int) -> bool:
    """Does the honorific at i..end stand before a given name: a personal one ("chị", not
    "doanh nhân"), not the first word of a place ("Bà Rịa", "Anh Quốc") nor of an address
    ("32 Bà Triệu")?"""
    place = places().match(tokens, i)
    return end < len(tokens) and tokens[end - 1].key in PERSONAL and not (place and place[0] > end) \
        and not (i > 0 and tokens[i - 1].text[0].isdigit())


def _known(people: dict[str, Person], name: list[Token]) -> Person | None:
    """The one person already named whose name ends with this one ("ông Việt" of "Đỗ Hùng Việt")."""
    key = " ".join(t.key for t in name)
    known = [p for p in people.values() if f" {match_key(p.name)}".endswith(f" {key}")]
    return known[0] if len(known) == 1 else None


def titles(person: Person) -> list[str]:
    """Distinct posts as written, the bare ones too ("Đại sứ" beside "Đại sứ Việt Nam tại
    Kazakhstan"): an article that calls a person both ways attributes both (the real pages'
    gold lists both)."""
    out: list[str] = []
    for post in person.posts:
        if match_key(post.title) not in {match_key(t) for t in out}:
            out.append(post.title)
    return out

