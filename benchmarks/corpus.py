"""A corpus generator for store benchmarks: many distinct pages made by varying the project's
example pages (paragraphs sampled, words replaced, people renamed, days shifted, filler drawn
from the project's lexicon), extracted once and then re-stored as variants, so a 1,000,000-page
base builds in under an hour rather than days."""
from __future__ import annotations

import copy
import random
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sugia import Page, extract
from sugia.data import rows
from sugia.lang.text import TONE_MARKS

ROOT = Path(__file__).resolve().parent.parent
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hòa", "Khánh", "Lan", "Long", "Minh", "Nam", "Ngọc",
         "Phong", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Việt", "Xuân", "Yến", "Anh", "Bảo", "Cường",
         "Đạt", "Hiếu", "Hùng", "Huy", "Khoa", "Linh", "Lộc", "Mai", "Nhung", "Phúc", "Quân", "Thắng", "Thủy",
         "Toàn", "Trang", "Vinh", "Vy"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Phan", "Võ",
          "Huỳnh", "Hồ", "Trương", "Đinh", "Lương", "Mai", "Cao", "Lâm", "Trịnh", "Đoàn"]


def base_pages(folders: list[Path]) -> list[Page]:
    return [p for p in extract([str(f) for f in folders]) if p.ok]


def _outlets() -> list[str]:
    return [name for _, name, *_ in rows("outlets.tsv")]


def _vocabulary() -> list[str]:
    """Words a filler sentence draws from: the project's lexicon of two-syllable words (counted
    from real pages by `make train`) and the places and organisations of its gazetteers, in a
    fixed random order that sets their Zipf rank."""
    words = [" ".join(_spelled(syllable) for syllable in r) for r in rows("common_words.txt")]
    words += [r[0] for r in rows("places.tsv")] + [r[0] for r in rows("organizations.tsv")]
    random.Random(7).shuffle(words)
    return words


MARKED = set("âăêôơư")


def _spelled(key: str) -> str:
    """A lexicon key ('sanǵ': tone mark moved to the end, `sugia.lang.text.tone_key`) written
    as text, the mark on its vowel: the marked vowel if any, else the last vowel before a final
    consonant, else the second of two final vowels' first ('hỏi', 'sáng', 'lập')."""
    letters = unicodedata.normalize("NFC", key[:-1]) if key[-1:] in TONE_MARKS else key
    if letters == key:
        return key
    vowels = [i for i, ch in enumerate(letters) if unicodedata.normalize("NFD", ch)[0] in "aeiouy"
              and not (i == 1 and letters[:2] in ("gi", "qu") and len(letters) > 2)]  # "giá", "quốc"
    if not vowels:
        return key
    marked = [i for i in vowels if _without_tone(letters[i]) in MARKED]
    if marked:
        at = marked[-1]
    elif vowels[-1] < len(letters) - 1 or len(vowels) == 1:
        at = vowels[-1]
    else:
        at = vowels[-2]
    return unicodedata.normalize("NFC", letters[: at + 1] + key[-1] + letters[at + 1:])


def _without_tone(ch: str) -> str:
    """The letter with its vowel modifier but no tone ('ấ' -> 'â')."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", ch) if c not in TONE_MARKS))


def _zipf(rng: random.Random, n: int, exponent: float = 1.1) -> int:
    """A rank in [0, n) drawn with probability ~ 1 / (rank + 1) ** exponent (inverse CDF of the
    continuous approximation), so a few words and people are everywhere and most are rare."""
    u = rng.random()
    a = 1.0 - exponent
    return min(n - 1, int(((u * ((n + 1) ** a - 1)) + 1) ** (1 / a)) - 1)


def people(n: int, seed: int = 1) -> list[str]:
    """n distinct Vietnamese full names (family, middle, given), n at most ~57,000."""
    rng, names = random.Random(seed), set()
    middles = ["Văn", "Thị", "Minh", "Quốc", "Đức", "Thanh", "Hữu", "Ngọc", "Xuân", "Gia", *GIVEN]
    assert n <= len(FAMILY) * len(middles) * len(GIVEN) // 2, "too few name parts for so many people"
    while len(names) < n:
        names.add(f"{rng.choice(FAMILY)} {rng.choice(middles)} {rng.choice(GIVEN)}")
    ordered = sorted(names)
    rng.shuffle(ordered)  # the list's order is the popularity rank: not alphabetical
    return ordered


REPRINTS = 0.1  # share of pages that reprint a recent page under another outlet
# Share of a base page's words (outside names) a variant replaces with lexicon words, so that
# two variants of one example page are two stories, not near-copies: with paragraphs sampled
# alone, 29% of the first 620 generated pages shared a reprint bucket with an earlier one (44%
# of 5,000, and a lookup at a million pages found thousands), against 5.5% of the 620 real
# pages in ../shared, nearly all of them reprints. A 5-gram of a variant survives whole with
# probability 0.7**5 = 0.17, the same 5-gram in two variants 0.03.
REWORDED = 0.3


# The earliest day a generated page is dated (a base page's days are shifted back at most to it).
EARLIEST = date(2008, 1, 1)


def variants(pages: list[Page], n: int, seed: int = 0) -> Iterator[Page]:
    """n pages drawn from the base pages: each keeps a random half or more of one base page's
    paragraphs (shuffled), its people renamed from a population of 20,000 with Zipf popularity
    (mentions found again, participants kept under the new names, posts kept: one person holds
    many posts over the years), its days shifted back at random, none before 2008, an outlet
    from the project's outlet list, a share of its title's and paragraphs' other words
    replaced (REWORDED) and one to three filler paragraphs, both drawn by Zipf from the
    project's lexicon. One page in ten reprints a recent page under another outlet."""
    rng = random.Random(seed)
    vocabulary, outlets, population = _vocabulary(), _outlets(), people(20_000)
    kept_names = [_names(page) for page in pages]
    recent: list[Page] = []
    for i in range(n):
        if recent and rng.random() < REPRINTS:
            page = copy.copy(rng.choice(recent))
            page.meta = copy.copy(page.meta)
            page.meta.outlet = rng.choice(outlets)
            page.source = f"synthetic/{i:07d}/{Path(page.source).name}"
            yield page
            continue
        page, names = copy.deepcopy(pages[i % len(pages)]), kept_names[i % len(pages)]
        paragraphs = [p for p in page.body.split("\n") if rng.random() < 0.6] or page.body.split("\n")[:1]
        paragraphs = [_reworded(rng, p, names, vocabulary) for p in paragraphs]
        paragraphs += [_filler(rng, vocabulary) for _ in range(rng.randint(1, 3))]
        rng.shuffle(paragraphs)
        body = "\n".join(paragraphs)
        renamed = {}
        for person in page.people:
            renamed[person.name] = population[_zipf(rng, len(population))]
            body = body.replace(person.name, renamed[person.name])
        for person in page.people:
            person.name = renamed[person.name]
            person.mentions = [type(m)("body", at, at + len(person.name), person.name) for m in person.mentions[:1]
                               for at in _all(body, person.name)]
        for e in (*page.organizations, *page.locations):
            e.mentions = [type(m)("body", at, at + len(e.name), e.name) for m in e.mentions[:1] for at in _all(body, e.name)]
        days = [page.meta.published[:10]] if page.meta.published else [e.start for e in page.events if e.start]
        latest = max(EARLIEST, date.fromisoformat(days[0])) if days else EARLIEST
        shift = timedelta(days=rng.randint(0, (latest - EARLIEST).days))
        for event in page.events:
            if event.start and event.end:
                event.start = (date.fromisoformat(event.start) - shift).isoformat()
                event.end = (date.fromisoformat(event.end) - shift).isoformat()
            event.participants = [renamed.get(name, name) for name in event.participants]
        if page.meta.published:
            page.meta.published = (date.fromisoformat(page.meta.published[:10]) - shift).isoformat()
        page.meta.outlet = rng.choice(outlets)
        if page.meta.title:
            page.meta.title = _reworded(rng, page.meta.title, names, vocabulary)
        page.body = body
        page.source = f"synthetic/{i:07d}/{Path(page.source).name}"
        page.raw = body.encode("utf-8")
        recent = [*recent[-49:], page]
        yield page


def _names(page: Page) -> re.Pattern[str] | None:
    """The page's entity names and aliases, longest first, as one group: words a variant keeps
    as written (splitting by it leaves them at the odd places)."""
    names = {n for e in (*page.people, *page.organizations, *page.locations) for n in (e.name, *e.aliases) if n}
    return re.compile(f"({'|'.join(map(re.escape, sorted(names, key=len, reverse=True)))})") if names else None


def _reworded(rng: random.Random, text: str, names: re.Pattern[str] | None, vocabulary: list[str]) -> str:
    """`text` with a REWORDED share of its words outside `names` replaced by lexicon words."""
    def reword(match: re.Match[str]) -> str:
        return vocabulary[_zipf(rng, len(vocabulary))] if rng.random() < REWORDED else match.group()
    parts = names.split(text) if names else [text]
    return "".join(part if i % 2 else re.sub(r"\w+", reword, part) for i, part in enumerate(parts))


def _filler(rng: random.Random, vocabulary: list[str]) -> str:
    words = [vocabulary[_zipf(rng, len(vocabulary))] for _ in range(rng.randint(8, 30))]
    return " ".join(words).capitalize() + "."


def _all(text: str, name: str) -> list[int]:
    out, at = [], text.find(name)
    while at >= 0 and len(out) < 20:
        out.append(at)
        at = text.find(name, at + 1)
    return out
