"""A corpus generator for store benchmarks: many distinct pages made by varying the project's
example pages (paragraph order, people's names, days), extracted once and then re-stored as
variants, so a 100,000-page base builds in minutes rather than hours."""
from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path

from sugia import Page, extract

ROOT = Path(__file__).resolve().parent.parent
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hòa", "Khánh", "Lan", "Long", "Minh", "Nam", "Ngọc",
         "Phong", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Việt", "Xuân", "Yến"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]


def base_pages(folders: list[Path]) -> list[Page]:
    return [p for p in extract([str(f) for f in folders]) if p.ok]


OUTLETS = ["VnExpress", "Tuổi Trẻ", "Thanh Niên", "Nhân Dân", "VietnamPlus", "Báo Quốc tế", "VOV", "Dân trí",
           "Báo Chính phủ", "Quân đội nhân dân", "Lao Động", "Tiền Phong", "Vietnam.vn", "Hà Nội mới", "Công an nhân dân"]


def variants(pages: list[Page], n: int, seed: int = 0) -> Iterator[Page]:
    """n distinct pages: each a copy of a base page with its paragraphs shuffled, its people
    renamed (mentions found again, participants kept under the new names), its days shifted
    back by up to 18 years (2008-2026) and its outlet drawn from a list."""
    from datetime import date, timedelta

    rng = random.Random(seed)
    for i in range(n):
        page = copy.deepcopy(pages[i % len(pages)])
        paragraphs = page.body.split("\n")
        rng.shuffle(paragraphs)
        body = "\n".join(paragraphs)
        renamed = {}
        for person in page.people:
            renamed[person.name] = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {rng.choice(GIVEN)}"
            body = body.replace(person.name, renamed[person.name])
        for person in page.people:
            person.name = renamed[person.name]
            person.mentions = [type(m)("body", at, at + len(person.name), person.name) for m in person.mentions[:1]
                               for at in _all(body, person.name)]
        for e in (*page.organizations, *page.locations):
            e.mentions = [type(m)("body", at, at + len(e.name), e.name) for m in e.mentions[:1] for at in _all(body, e.name)]
        shift = timedelta(days=rng.randint(0, 6500))
        for event in page.events:
            if event.start and event.end:
                event.start = (date.fromisoformat(event.start) - shift).isoformat()
                event.end = (date.fromisoformat(event.end) - shift).isoformat()
            event.participants = [renamed.get(name, name) for name in event.participants]
        if page.meta.published:
            page.meta.published = (date.fromisoformat(page.meta.published[:10]) - shift).isoformat()
        page.meta.outlet = rng.choice(OUTLETS)
        page.body = body
        page.source = f"synthetic/{i:07d}/{Path(page.source).name}"
        page.raw = body.encode("utf-8")
        yield page


def _all(text: str, name: str) -> list[int]:
    out, at = [], text.find(name)
    while at >= 0 and len(out) < 20:
        out.append(at)
        at = text.find(name, at + 1)
    return out
