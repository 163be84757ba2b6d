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

from ..lang.gazetteer import domains, family_names, organizations, places, posts, starts_name
from ..lang.text import match_key
from ..lang.tokens import Token, glued, keys, lower_run, span_text, token_at, vietnamese_word
from .organizations import extent

MAX_NAME_TOKENS = 5
_CONNECT = keys("tại", "của", "ở")
_TERM = keys("khóa", "khoá", "nhiệm", "lần")  # "Chủ tịch Đại hội đồng LHQ khóa 79"
MAX_LOWER_RUN = 4  # "Trưởng đoàn đại biểu biên giới Lào"


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


def _post_phrase(tokens: list[Token], i: int) -> tuple[int, Post | None, bool] | None:
    """Read [modifier]* POST complement* at i. Returns (end, post, is_honorific)."""
    gaz = posts()
    j, former = i, False
    while (hit := gaz.match(tokens, j, any_case=j > i)) and hit[1].kind == "modifier" \
            and (nxt := gaz.match(tokens, hit[0], any_case=True)) and nxt[1].kind in ("post", "modifier"):
        former = former or hit[1].name.lower() in ("nguyên", "cựu")
        j = hit[0]
    hit = gaz.match(tokens, j, any_case=j > i)
    if not hit or hit[1].kind not in ("post", "honorific"):
        return None
    if hit[1].kind == "honorific":
        return hit[0], None, True
    post = Post("", former=former)
    end = _complement(tokens, hit[0], post)
    return end, post, False


def _complement(tokens: list[Token], j: int, post: Post) -> int:
    """What completes a post: domain words, organisations, places ("tại"/"của" + place),
    acronyms, a term ("khóa 79"), lower-case words a place or organisation closes ("Trưởng
    đoàn đại biểu biên giới Lào"), and ", Bộ Ngoại giao" after a department."""
    anchored = False  # a place or organisation completed the post: no verb phrase after it
    while j < len(tokens):
        tok = tokens[j]
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
        elif tok.key in _CONNECT and j + 1 < len(tokens) and tokens[j + 1].cap and \
                (places().match(tokens, j + 1) or _organization(tokens, j + 1)):
            j += 1
        elif tok.acronym:
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
        built = next((k for k in range(j + 1, built) if starts_name(tokens, k) and _read_name(tokens, k)), built)
    if built and (not listed or built > listed[0]):
        return built, " ".join(t.text for t in tokens[j:built])
    return (listed[0], listed[1].name) if listed else None


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
        if not (tok.word and tok.cap and not tok.acronym):
            break
        if k > j and (posts().match(tokens, k) or (organizations().match(tokens, k))):
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
    i = 0
    while i < len(tokens):
        phrase = _post_phrase(tokens, i)
        if phrase is None:
            i += 1
            continue
        end, post, honorific = phrase
        if post:
            post.title, post.start, post.end = span_text(text, tokens, i, end), tokens[i].start, tokens[end - 1].end
        name_end = _read_name(tokens, end) if end < len(tokens) else None
        if name_end is None:
            if post and end + 1 < len(tokens) and tokens[end].text == "," and _post_phrase(tokens, end + 1):
                pending.append(post)  # "Phó Thủ tướng, Bộ trưởng Ngoại giao X"
                i = end + 1
                continue
            _bare_mention(people, tokens, i, end, honorific)
            pending = []
            i = max(end, i + 1)
            continue
        name = span_text(text, tokens, end, name_end)
        person = _person(people, name)
        person.mentions.append((tokens[end].start, tokens[name_end - 1].end))
        person.posts += pending + ([post] if post else [])
        pending = []
        i = _appositions(text, tokens, name_end, person)
    return list(people.values())


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


def _bare_mention(people: dict[str, Person], tokens: list[Token], i: int, end: int, honorific: bool) -> None:
    """'ông Việt': an honorific and a given name of someone already named."""
    if honorific and end < len(tokens) and tokens[end].cap and tokens[end].word:
        given = tokens[end].key
        for person in people.values():
            if match_key(person.name).split()[-1] == given:
                person.mentions.append((tokens[end].start, tokens[end].end))
                return


def titles(person: Person) -> list[str]:
    """Distinct posts as written, the bare ones too ("Đại sứ" beside "Đại sứ Việt Nam tại
    Kazakhstan"): an article that calls a person both ways attributes both (the real pages'
    gold lists both)."""
    out: list[str] = []
    for post in person.posts:
        if match_key(post.title) not in {match_key(t) for t in out}:
            out.append(post.title)
    return out

