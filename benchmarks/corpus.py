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


def variants(pages: list[Page], n: int, seed: int = 0) -> Iterator[Page]:
    """n distinct pages: each a copy of a base page with its paragraphs shuffled, its people
    renamed and its days shifted (entities and events follow the new names and days)."""
    rng = random.Random(seed)
    for i in range(n):
        page = copy.deepcopy(pages[i % len(pages)])
        paragraphs = page.body.split("\n")
        rng.shuffle(paragraphs)
        body = "\n".join(paragraphs)
        for person in page.people:
            new = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {rng.choice(GIVEN)}"
            body = body.replace(person.name, new)
            person.name, person.mentions = new, []
        for e in (*page.organizations, *page.locations):
            e.mentions = []
        shift = rng.randint(0, 3000)
        for event in page.events:
            if event.start and event.end:
                from datetime import date, timedelta

                event.start = (date.fromisoformat(event.start) - timedelta(days=shift)).isoformat()
                event.end = (date.fromisoformat(event.end) - timedelta(days=shift)).isoformat()
            event.participants = []
        page.body = body
        page.source = f"synthetic/{i:06d}/{Path(page.source).name}"
        page.raw = body.encode("utf-8")
        yield page
