"""Data files shipped with sugia: plain TSV with a header comment naming their sources."""
from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of `name`, comment lines (#) and blank lines skipped."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def path(name: str) -> str:
    return str(files(__package__).joinpath(name))
