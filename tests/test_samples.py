"""The issue's acceptance check on the shared development pages (skipped without ../shared)."""
import os

from sugia import extract
from sugia.lang.text import match_key

EXPECTED_DAYS = ["2022-10-11", "2021-11-24", "2025-02-14", None, None]


def test_samples_titles_dates_and_bodies(shared_samples):
    import json

    pages = sorted(extract([str(shared_samples)]), key=lambda p: p.source)
    assert [p.ok for p in pages] == [True] * 5
    assert [(p.meta.published or "")[:10] or None for p in pages] == EXPECTED_DAYS
    assert pages[2].meta.published_year_inferred
    gold_dir = shared_samples.parent / "eval" / "dev" / "gold"
    for page in pages:
        gold = json.loads((gold_dir / (os.path.basename(page.source)[:-4] + ".json")).read_text(encoding="utf-8"))
        assert match_key(page.meta.title) == match_key(gold["title"])
        assert len(page.body) > 1000
