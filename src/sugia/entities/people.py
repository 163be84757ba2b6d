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

from ..lang.gazetteer import domains, family_names, org_head, phrase_at, organizations, places, posts, starts_name
from ..lang.lexicon import common_pairs
from ..lang.text import match_key
from ..lang.tokens import ROMAN, Token, glued, keys, lower_run, span_text, token_at, vietnamese_word
from .organizations import extent
from .places import INTRO
from .words import listed_pairs, page_words

MAX_NAME_TOKENS = 6
# Small words inside Arabic, Malay, Romance, Dutch and German names.
PARTICLES = keys("bin", "binti", "bint", "ibn", "de", "da", "del", "della", "dos", "das", "di", "du", "van", "von", "der",
                 "al", "el")
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


def _post_phrase(tokens: list[Token], i: int) -> tuple[int, Post | None, bool] | None:
    """Read [modifier]* POST complement* at i. Returns (end, post, is_honorific)."""
    gaz = posts()
    j, former = i, False
    while (hit := gaz.match(tokens, j, any_case=j > i)) and hit[1].kind == "modifier" \
            and (nxt := gaz.match(tokens, hit[0], any_case=True)) and nxt[1].kind in ("post", "modifier"):
        former = former or hit[1].name.lower() in ("nguyên", "cựu", "cố")
        j = hit[0]
    hit = gaz.match(tokens, j, any_case=j > i)
    if not hit or hit[1].kind not in ("post", "honorific"):
        return None
    if hit[1].kind == "honorific":
        return hit[0], None, True
    post = Post("", former=former)
    start = hit[0]
    if (org := _organization(tokens, start - 1)) and org[0] > start:  # "Trưởng Ban" + "Đối ngoại Trung ương"
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
        if tok.cap and _hyphenated_name(tokens, j):
            break  # "Tổng Thư ký Liên hợp quốc Ban Ki-moon": no "Ban" of an organisation
        if tok.cap and (p := places().match(tokens, j)):  # before names: "Hàn Quốc", "Thái Lan"
            post.country = (p[1].country or p[1].name) if p[1].kind in ("city", "province") else p[1].name
            j, anchored = p[0], True
        elif tok.cap and (o := _organization(tokens, j)):
            post.organization = post.organization or o[1]
            j, anchored = o[0], True
        elif starts_name(tokens, j):
            break
        elif d := domains().match(tokens, j):
            j = d[0]
        elif (intro := phrase_at(tokens, j, INTRO)) and intro < len(tokens) and places().match(tokens, intro):
            j = intro  # "Chủ tịch Ủy ban nhân dân thành phố Hà Nội"
        elif tok.key in _CONNECT and j + 1 < len(tokens) and tokens[j + 1].cap and \
                (places().match(tokens, j + 1) or _organization(tokens, j + 1)) or tok.acronym:
            j += 1
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
        built = next((k for k in range(j + 1, built) if starts_name(tokens, k) and _read_name(tokens, k)
                      or _foreign_run(tokens, k)), built)
    if built and (not listed or built > listed[0]):
        return built, " ".join(t.text for t in tokens[j:built])
    if listed and (longer := max((o[0] for m in range(j + 1, listed[0]) if (o := organizations().match(tokens, m))),
                                 default=0)) > listed[0]:
        return longer, " ".join(t.text for t in tokens[j:longer])  # "Ban Chấp hành Trung ương [Đảng] Nhân dân Cách mạng Lào"
    return (listed[0], listed[1].name) if listed else None


def _hyphenated_name(tokens: list[Token], j: int) -> bool:
    """A name joined by hyphens at j ("Ban Ki-moon", "Xổm-xa-vạt"): no place or body is."""
    end = _read_name(tokens, j)
    return bool(end) and any(t.text == "-" for t in tokens[j:end]) and not places().match(tokens, j)


def _foreign_run(tokens: list[Token], k: int) -> bool:
    """A foreign full name at k, ending the capitalised run: "Bộ Ngoại giao Heraldo Munoz"."""
    end = _read_name(tokens, k) if tokens[k].cap and not vietnamese_word(tokens[k]) else None
    run = tokens[k:end] if end else []
    return len(run) >= 2 and 2 * sum(not vietnamese_word(t) for t in run) > len(run) \
        and not (end < len(tokens) and tokens[end].cap and tokens[end].word)


def _closed_lower_run(tokens: list[Token], j: int) -> int | None:
    """Lower-case words inside a post, kept when a place or organisation closes them."""
    run = lower_run(tokens, j, MAX_LOWER_RUN)
    if run < len(tokens) and tokens[run].cap and (places().match(tokens, run) or _organization(tokens, run)):
        return run
    return None


def _read_name(tokens: list[Token], j: int) -> int | None:
    """End of a person's name starting at j, or None when no name starts there."""
    k, words, hyphens = j, 0, 0
    while k < len(tokens) and words < MAX_NAME_TOKENS:
        tok = tokens[k]
        if tok.text == "-" and k > j and glued(tokens, k) and k + 1 < len(tokens) and glued(tokens, k + 1):
            k, hyphens = k + 2, hyphens + 1  # "Kassym-Jomart", "Seon-ho", "Xéc-gây La-vờ-rốp"
            continue
        if tok.key in PARTICLES and k > j and k + 1 < len(tokens) and tokens[k + 1].cap and tokens[k + 1].word:
            k, hyphens = k + 1, hyphens + 1  # "Faisal bin Farhan", "Claudio de Negri": foreign for sure
            continue
        if not (tok.word and tok.cap and not tok.acronym):
            break
        if k > j and ((post := posts().match(tokens, k)) and post[1].kind != "honorific" or organizations().match(tokens, k)):
            break
        k, words = k + 1, words + 1
    if k == j:
        return None
    place = places().match(tokens, j)
    if place and place[0] >= min(k, j + 2):
        return None  # "Hà Nội", "Nha Trang": a place, not a person
    run = [t for t in tokens[j:k] if t.word]
    if tokens[j].key in family_names() and len(run) >= 2 and all(vietnamese_word(t) for t in run):
        return k
    foreign = [t for t in run if not vietnamese_word(t)]
    # A Vietnamese name never hyphenates: syllables joined by hyphens transliterate a foreign one.
    if (foreign or hyphens) and not any(places().match(tokens, m) for m in range(j, k)):
        return k
    return None


def find_people(text: str, tokens: list[Token]) -> list[Person]:
    """Every person named with a post or honorific, their posts and mentions (offsets)."""
    people: dict[str, Person] = {}
    pending: list[Post] = []
    words = page_words(tokens)
    i = 0
    while i < len(tokens):
        phrase = _post_phrase(tokens, i)
        if phrase is None:
            if bare := _bare_name(tokens, i, words) or _foreign_name(tokens, i):  # "Lê Thị Mai kể lại", "Trần Văn A, Thứ trưởng ..."
                person = _person(people, span_text(text, tokens, i, bare))
                person.mentions.append((tokens[i].start, tokens[bare - 1].end))
                bare = _appositions(text, tokens, bare, person)
            i = bare or i + 1
            continue
        end, post, honorific = phrase
        if honorific and tokens[i].cap and i > 0 and tokens[i - 1].word and tokens[i - 1].cap:
            i += 1  # "Anh" inside a name ("Lê Anh Tuấn") is no honorific
            continue
        if post:
            post.title, post.start, post.end = span_text(text, tokens, i, end), tokens[i].start, tokens[end - 1].end
        name_end = _read_name(tokens, end) if end < len(tokens) else None
        if name_end is None and honorific and _personal(tokens, i, end):
            name_end = _given_name(tokens, end, words)  # "chị Lan", "ông Phúc"
        if name_end is None:
            if post and end + 1 < len(tokens) and tokens[end].text == "," and _post_phrase(tokens, end + 1):
                pending.append(post)  # "Phó Thủ tướng, Bộ trưởng Ngoại giao X"
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


# Lower-case words after which a Vietnamese full name names a street, a school, a prize...
NAMED_AFTER = keys("đường", "phố", "ngõ", "hẻm", "đại", "lộ", "quận", "huyện", "xã", "phường", "tỉnh", "làng", "thôn",
                   "ấp", "cầu", "trường", "giải", "tàu", "lăng", "tượng", "đền", "khu", "số", "nhà", "tên", "hiệu",
                   "sân", "công", "viên", "chợ", "bến", "cảng", "thị", "trấn", "phòng")
MIN_BARE_NAME = 3
SENTENCE_OPENERS = frozenset(".!?\n:\"“(")


def _bare_name(tokens: list[Token], i: int, words: set[tuple[str, str]]) -> int | None:
    """End of a Vietnamese full name standing alone ("Lê Thị Mai kể lại"): a family name and
    at least two more syllables, not part of a longer capitalised name and not after a word
    that makes it a street or school ("đường Nguyễn Văn Cừ"), nor common words in capitals
    ("Đoàn Trưởng Cơ quan", "Văn Hóa Việt"): syllables the page or a listed name pairs as a word."""
    if not (tokens[i].cap and tokens[i].key in family_names()) or i > 0 and tokens[i - 1].key in NAMED_AFTER:
        return None
    if i > 0 and tokens[i - 1].word and tokens[i - 1].cap and not (
            (i == 1 or tokens[i - 2].text in SENTENCE_OPENERS) and org_head(tokens, i - 1) is None):
        return None  # inside a longer name, unless after a sentence's first word ("Theo Lê Văn B")
    if (i > 1 and tokens[i - 1].text == "." and glued(tokens, i - 1) and (tokens[i - 2].acronym or tokens[i - 2].key == "tp")) \
            or (i > 0 and tokens[i - 1].text[0].isdigit()):
        return None  # "TP. Hồ Chí Minh", "32 Bà Triệu": a city, an address
    end = _read_name(tokens, i)
    if not end or end - i < MIN_BARE_NAME or not all(vietnamese_word(t) for t in tokens[i:end]):
        return None
    if any(_common_word(a, b, words) for a, b in zip(tokens[i:end], tokens[i + 1:end + 1])) or \
            any((p := places().match(tokens, m)) and p[0] > m + 1 for m in range(i, end)) or _in_organization(tokens, i):
        return None
    return end


# Lower-case words after which a foreign name names a newspaper, firm, team or ship.
# So do the prepositions of place ("tại Kota Kinabalu") and English words of institutions.
NAMED_AFTER_FOREIGN = keys("tờ", "báo", "tạp", "chí", "hãng", "công", "ty", "tập", "đoàn", "đội", "bộ", "giải", "thành",
                           "phố", "bang", "nhãn", "hiệu", "dự", "án", "chương", "trình", "sân", "bay", "khách", "sạn",
                           "trung", "tâm", "kênh", "mạng", "trang", "ứng", "dụng", "quỹ", "viện", "học", "đại", "trường",
                           "hàng", "ước", "tại", "ở", "đến", "tới", "từ", "thăm", "-")
INSTITUTION_WORDS = keys("airport", "airlines", "airways", "square", "street", "avenue", "bank", "group", "university",
                         "college", "hotel", "center", "centre", "hall", "park", "tower", "company", "inc", "ltd", "corp",
                         "corporation", "times", "post", "news", "journal", "herald", "tribune", "summit", "forum",
                         "conference", "club", "united", "city", "council", "foundation", "institute", "island",
                         "islands", "saint", "san", "santa", "port", "bay", "motors", "energy", "capital", "holdings")


def _foreign_name(tokens: list[Token], i: int) -> int | None:
    """End of a foreign full name standing alone ("Nelson Mandela từng nói"): two to four
    capitalised words, most of them no Vietnamese syllable, that no list holds and that no word
    before makes a newspaper, firm or place ("tờ Washington Post")."""
    if not tokens[i].cap or vietnamese_word(tokens[i]) or i > 0 and (
            tokens[i - 1].key in NAMED_AFTER_FOREIGN or tokens[i - 1].word and tokens[i - 1].cap):
        return None
    end = _read_name(tokens, i)
    if not end or not 2 <= end - i <= 4 or end < len(tokens) and tokens[end].word and tokens[end].cap:
        return None
    run = tokens[i:end]
    if any(t.text == "-" or t.key in INSTITUTION_WORDS or ROMAN.match(t.text) for t in run) \
            or 2 * sum(not vietnamese_word(t) for t in run) < len(run):
        return None
    listed = (places(), organizations(), posts())
    return None if any(g.match(tokens, m, any_case=True) for g in listed for m in range(i, end)) else end


def _in_organization(tokens: list[Token], i: int) -> bool:
    """Is the name at i the end of an organisation's ("Học viện Chính trị quốc gia Hồ Chí Minh")?"""
    return any(tokens[m].cap and (e := extent(tokens, m)) and e > i for m in range(max(0, i - 6), i))


def _person(people: dict[str, Person], name: str) -> Person:
    key = match_key(name)
    if key not in people:
        people[key] = Person(name)
    return people[key]


def _appositions(text: str, tokens: list[Token], i: int, person: Person) -> int:
    """', Trưởng SOM ASEAN Việt Nam,' after a name: more posts of the same person."""
    while i + 1 < len(tokens) and tokens[i].text == ",":
        phrase = _post_phrase(tokens, i + 1)
        if phrase is None or phrase[1] is None:
            break
        end, post, _ = phrase
        if end < len(tokens) and _read_name(tokens, end) is not None:
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


def _given_name(tokens: list[Token], j: int, words: set[tuple[str, str]]) -> int | None:
    """End of the capitalised words after an honorific that are a name, not a
    post, organisation or longer place ("ông Bộ trưởng", "bà Hà Nội") nor a word in capitals
    ("đồng chí Lãnh đạo", "Trưởng Cơ quan")."""
    k = j
    while k < len(tokens) and k - j < MAX_NAME_TOKENS and tokens[k].word and tokens[k].cap and not tokens[k].acronym:
        if posts().match(tokens, k) or organizations().match(tokens, k) or \
                ((place := places().match(tokens, k)) and place[0] > k + 1):
            break
        k += 1
    if k == j or k < len(tokens) and _common_word(tokens[k - 1], tokens[k], words):
        return None
    return k


def _common_word(a: Token, b: Token, words: set[tuple[str, str]]) -> bool:
    """Two syllables the page or a listed name writes as one word ("lãnh đạo", "văn hóa")."""
    pair = (a.key, b.key)
    return a.word and b.word and (pair in words or pair in listed_pairs() or pair in common_pairs())


def titles(person: Person) -> list[str]:
    """Distinct posts as written, the bare ones too ("Đại sứ" beside "Đại sứ Việt Nam tại
    Kazakhstan"): an article that calls a person both ways attributes both (the real pages'
    gold lists both)."""
    out: list[str] = []
    for post in person.posts:
        if match_key(post.title) not in {match_key(t) for t in out}:
            out.append(post.title)
    return out

