"""Writing rows: an event's span class, which decides how far back its reports are looked for."""
from __future__ import annotations

import pytest

from sugia.store.upgrades import SPAN_DAYS
from sugia.store.write import span

SPANS = [  # (first day, last day, class)
    ("2024-05-01", "2024-05-01", 0),
    ("2024-05-01", "2024-05-02", 1),
    ("2024-05-01", "2024-05-04", 1),
    ("2024-05-01", "2024-05-05", 2),
    ("2024-05-01", "2024-05-08", 2),
    ("2024-05-01", "2024-05-09", len(SPAN_DAYS)),
    ("2024-04-28", "2024-05-02", 2),  # across a month
    ("2024-05-01", None, 0),           # days not known
    (None, None, 0),
]


@pytest.mark.parametrize("first,last,expected", SPANS)
def test_write_an_events_span_is_the_first_class_its_days_fit(first, last, expected):
    assert span(first, last) == expected
