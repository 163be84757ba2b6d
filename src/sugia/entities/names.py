"""Names of people as Vietnamese news writes them: Vietnamese (a family name first, valid
syllables), foreign (Latin script, hyphenated transliterations, particles: "bin", "de"), a
given name after a personal honorific ("chị Lan"), and full names standing alone ("Lê Thị Mai
kể lại", "Nelson Mandela") unless a word before or the syllables themselves say otherwise.
"""
from __future__ import annotations

from ..lang.gazetteer import family_names, org_head, organizations, places, posts
from ..lang.tokens import ROMAN, Token, glued, keys, vietnamese_word
from .organizations import extent
from .words import one_word

MAX_NAME_TOKENS = 6
# Small words inside Arabic, Malay, Romance, Dutch and German names.
PARTICLES = keys("bin", "binti", "bint", "ibn", "de", "da", "del", "della", "dos", "das", "di", "du", "van", "von", "der",
                 "al", "el")
def hyphenated_name(tokens: list[Token], j: int) -> bool:
    """A name joined by hyphens at j ("Ban Ki-moon", "Xổm-xa-vạt"): no place or body is."""
    end = read_name(tokens, j)
    return bool(end) and any(t.text == "-" for t in tokens[j:end]) and not places().match(tokens, j)


def foreign_run(tokens: list[Token], k: int) -> bool:
    """A foreign full name at k, ending the capitalised run: "Bộ Ngoại giao Heraldo Munoz"."""
    end = read_name(tokens, k) if tokens[k].cap and not vietnamese_word(tokens[k]) else None
    if end is None or end - k < 2 or end < len(tokens) and tokens[end].cap and tokens[end].word:
        return False
    return 2 * sum(not vietnamese_word(t) for t in tokens[k:end]) > end - k


def read_name(tokens: list[Token], j: int) -> int | None:
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
        if len(tok.text) == 1 and tok.text.isupper() and k + 2 < len(tokens) and tokens[k + 1].text == "." \
                and tokens[k + 2].cap and tokens[k + 2].word and k > j:
            k, words, hyphens = k + 2, words + 1, hyphens + 1  # an initial: "Alfredo E. Pascual"
            continue
        if not (tok.word and tok.cap and not tok.acronym):
            break
        if k > j and ((post := posts().match(tokens, k)) and post[1].kind == "post" or organizations().match(tokens, k)):
            break  # "Trần Việt Tân": a modifier's word ("tân") inside a name is the name's
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


# Lower-case words after which a Vietnamese full name names a street, a school, a prize...
NAMED_AFTER = keys("đường", "phố", "ngõ", "hẻm", "đại", "lộ", "quận", "huyện", "xã", "phường", "tỉnh", "làng", "thôn",
                   "ấp", "cầu", "trường", "giải", "tàu", "lăng", "tượng", "đền", "khu", "số", "nhà", "tên", "hiệu",
                   "sân", "công", "viên", "chợ", "bến", "cảng", "thị", "trấn", "phòng")
MIN_BARE_NAME = 3
SENTENCE_OPENERS = frozenset(".!?\n:\"“(")


def bare_name(tokens: list[Token], i: int, words: set[tuple[str, str]]) -> int | None:
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
    end = read_name(tokens, i)
    if not end or end - i < MIN_BARE_NAME or not all(vietnamese_word(t) for t in tokens[i:end]):
        return None
    if any(one_word(a, b, words) for a, b in zip(tokens[i:end], tokens[i + 1:end + 1])) or \
            any((p := places().match(tokens, m)) and p[0] > m + 1 for m in range(i, end)) or _in_organization(tokens, i):
        return None
    return end


# Lower-case words after which a foreign name names a newspaper, firm, team or ship.
# So do the prepositions of place ("tại Kota Kinabalu") and English words of institutions.
NAMED_AFTER_FOREIGN = keys("tờ", "báo", "tạp", "chí", "hãng", "công", "ty", "tập", "đoàn", "đội", "bộ", "giải", "thành",
                           "phố", "bang", "nhãn", "hiệu", "dự", "án", "chương", "trình", "sân", "bay", "khách", "sạn",
                           "trung", "tâm", "kênh", "mạng", "trang", "ứng", "dụng", "quỹ", "viện", "học", "đại", "trường",
                           "hàng", "ước", "tại", "ở", "đến", "tới", "từ", "thăm", "-", "tế", "tỉnh", "vùng", "khu",
                           "mỏ", "giàn", "đô", "tàu", "hiệp")
INSTITUTION_WORDS = keys("airport", "airlines", "airways", "square", "street", "avenue", "bank", "group", "university",
                         "college", "hotel", "center", "centre", "hall", "park", "tower", "company", "inc", "ltd", "corp",
                         "corporation", "times", "post", "news", "journal", "herald", "tribune", "summit", "forum",
                         "conference", "club", "united", "city", "council", "foundation", "institute", "island",
                         "islands", "saint", "san", "santa", "port", "bay", "motors", "energy", "capital", "holdings",
                         "new")


def foreign_name(tokens: list[Token], i: int) -> int | None:
    """End of a foreign full name standing alone ("Nelson Mandela từng nói"): two to four
    capitalised words, most of them no Vietnamese syllable, that no list holds and that no word
    before makes a newspaper, firm or place ("tờ Washington Post")."""
    if not tokens[i].cap or vietnamese_word(tokens[i]) or i > 0 and (
            tokens[i - 1].key in NAMED_AFTER_FOREIGN or tokens[i - 1].word and tokens[i - 1].cap):
        return None
    end = read_name(tokens, i)
    if not end or not 2 <= end - i <= 4 or end < len(tokens) and tokens[end].word and tokens[end].cap:
        return None
    run = tokens[i:end]
    if any(t.text == "-" or t.key in INSTITUTION_WORDS or ROMAN.match(t.text) for t in run) \
            or 2 * sum(not vietnamese_word(t) for t in run) < len(run):
        return None
    listed = (places(), organizations(), posts())
    if any(g.match(tokens, m, any_case=True) for g in listed for m in range(i, end)) or \
            end < len(tokens) and one_word(tokens[end - 1], tokens[end]):
        return None  # listed, or a word cut in two: "Arab Thống" (nhất)
    return end


def _in_organization(tokens: list[Token], i: int) -> bool:
    """Is the name at i the end of an organisation's ("Học viện Chính trị quốc gia Hồ Chí Minh")?"""
    return any(tokens[m].cap and (e := extent(tokens, m)) and e > i for m in range(max(0, i - 6), i))


def given_name(tokens: list[Token], j: int, words: set[tuple[str, str]]) -> int | None:
    """End of the capitalised words after an honorific that are a name, not a
    post, organisation or longer place ("ông Bộ trưởng", "bà Hà Nội") nor a word in capitals
    ("đồng chí Lãnh đạo", "Trưởng Cơ quan")."""
    k = j
    while k < len(tokens) and k - j < MAX_NAME_TOKENS and tokens[k].word and tokens[k].cap and not tokens[k].acronym:
        if posts().match(tokens, k) or organizations().match(tokens, k) or \
                ((place := places().match(tokens, k)) and place[0] > k + 1):
            break
        k += 1
    if k == j or k < len(tokens) and one_word(tokens[k - 1], tokens[k], words):
        return None
    return k

