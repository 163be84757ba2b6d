"""Chain stages lazily over pages, count time and failures per stage, apply one error policy.

A stage is any callable `Page -> Page` with a `name`; `Stage` gives the shape. Stages keep no
state between pages, so a pipeline runs the same in one process, a pool or a cluster.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol

from .errors import PageError
from .page import Failure, Page


class StageLike(Protocol):
    name: str

    def __call__(self, page: Page) -> Page: ...


class Stage:
    """Base for a stage: subclasses write `process`, the base names it."""

    name = "stage"

    def process(self, page: Page) -> Page:
        raise NotImplementedError

    def __call__(self, page: Page) -> Page:
        return self.process(page)


@dataclass
class StageStats:
    pages: int = 0
    failed: int = 0
    seconds: float = 0.0
    reasons: Counter[str] = field(default_factory=Counter)


ErrorPolicy = Literal["continue", "raise"]


class Pipeline:
    """Run pages through stages one page at a time.

    error policy "continue": a `PageError` or any unexpected exception marks the page failed
    (stage and reason kept on the page) and the page skips the remaining stages; the batch goes
    on. "raise": exceptions propagate (for debugging a stage).
    """

    def __init__(self, stages: Iterable[StageLike], on_error: ErrorPolicy = "continue"):
        self.stages = list(stages)
        self.on_error = on_error
        self.stats: dict[str, StageStats] = {s.name: StageStats() for s in self.stages}
        self.read_failures = StageStats()

    def run(self, pages: Iterable[Page]) -> Iterator[Page]:
        for page in pages:
            yield self.process(page)

    def process(self, page: Page) -> Page:
        if not page.ok:
            self.read_failures.failed += 1
            self.read_failures.reasons[page.failure.reason.split(":")[0]] += 1
            return page
        for stage in self.stages:
            stats = self.stats[stage.name]
            start = time.perf_counter()
            try:
                page = stage(page)
            except Exception as exc:  # noqa: BLE001 - the policy decides
                if self.on_error == "raise":
                    raise
                reason = str(exc) if isinstance(exc, PageError) else f"internal error: {type(exc).__name__}: {exc}"
                page.failure = Failure(stage.name, reason)
            stats.seconds += time.perf_counter() - start
            stats.pages += 1
            if not page.ok:
                stats.failed += 1
                stats.reasons[page.failure.reason.split(":")[0]] += 1
                break
        return page

    def report(self) -> str:
        """One line per stage: pages, failures, seconds — for `--stats` and benchmarks."""
        rows = [f"{'read':10} failed {self.read_failures.failed}"]
        for name, s in self.stats.items():
            rate = s.pages / s.seconds if s.seconds else float("inf")
            rows.append(f"{name:10} pages {s.pages:6d} failed {s.failed:4d} {s.seconds:8.3f}s {rate:10.1f} pages/s")
        return "\n".join(rows)
