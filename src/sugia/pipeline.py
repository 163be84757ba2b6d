"""Chain stages over pages, count time and failures per stage, apply one error policy.

A stage is any callable `Page -> Page` with a `name`, saying which fields of the page it
`requires` and which it `assigns`; `Stage` gives the shape. A pipeline checks at build time
that every stage's needs are assigned by a stage before it. Stages keep no state between
pages, and the pipeline keeps none either: counts go to a `Stats` the caller owns, which
adds up across batches and processes (see `sugia.executors`).
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar, Literal, Protocol

from .errors import PageError, UsageError
from .page import Failure, Page

# What a page holds when a reader made it; stages assign the rest.
READ_FIELDS = frozenset({"source", "raw", "kind", "hints"})


class StageLike(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, page: Page) -> Page: ...


class Stage:
    """Base for a stage: subclasses write `process` and declare the page fields they read
    (`requires`) and fill (`assigns`)."""

    name = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

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

    def __iadd__(self, other: StageStats) -> StageStats:
        self.pages += other.pages
        self.failed += other.failed
        self.seconds += other.seconds
        self.reasons.update(other.reasons)
        return self

    def fail(self, failure: Failure) -> None:
        self.failed += 1
        self.reasons[failure.reason.split(":")[0]] += 1


@dataclass
class Stats:
    """Per-stage counts of a run (pages, failures by reason, seconds); `+=` adds a batch's."""

    stages: dict[str, StageStats] = field(default_factory=dict)
    read: StageStats = field(default_factory=StageStats)  # pages the reader could not read

    def stage(self, name: str) -> StageStats:
        return self.stages.setdefault(name, StageStats())

    def __iadd__(self, other: Stats) -> Stats:
        self.read += other.read
        for name, counts in other.stages.items():
            self.stage(name).__iadd__(counts)
        return self

    def report(self) -> str:
        """One line per stage: pages, failures, seconds — for `--stats` and benchmarks."""
        rows = [f"{'read':10} failed {self.read.failed}"]
        for name, s in self.stages.items():
            rate = s.pages / s.seconds if s.seconds else float("inf")
            rows.append(f"{name:10} pages {s.pages:6d} failed {s.failed:4d} {s.seconds:8.3f}s {rate:10.1f} pages/s")
        return "\n".join(rows)


ErrorPolicy = Literal["continue", "raise"]


class Pipeline:
    """Stages run over pages one page at a time.

    error policy "continue": a `PageError` or any unexpected exception marks the page failed
    (stage and reason kept on the page) and the page skips the remaining stages; the batch goes
    on. "raise": exceptions propagate (for debugging a stage).
    """

    def __init__(self, stages: Iterable[StageLike], on_error: ErrorPolicy = "continue"):
        self.stages = list(stages)
        self.on_error = on_error
        assigned = set(READ_FIELDS)
        for stage in self.stages:
            missing = [name for name in getattr(stage, "requires", ()) if name not in assigned]
            if missing:
                raise UsageError(f"stage {stage.name!r} needs {', '.join(missing)}, which no stage before it assigns")
            assigned |= set(getattr(stage, "assigns", ()))

    def process(self, page: Page, stats: Stats | None = None) -> Page:
        """One page through every stage; its counts go to `stats` when given."""
        stats = stats if stats is not None else Stats()
        if not page.ok:
            stats.read.fail(page.failure)  # type: ignore[arg-type]
            return page
        for stage in self.stages:
            counts = stats.stage(stage.name)
            start = time.perf_counter()
            try:
                page = stage(page)
            except Exception as exc:  # noqa: BLE001 - the policy decides
                if self.on_error == "raise":
                    raise
                reason = str(exc) if isinstance(exc, PageError) else f"internal error: {type(exc).__name__}: {exc}"
                page.failure = Failure(stage.name, reason)
            counts.seconds += time.perf_counter() - start
            counts.pages += 1
            if page.failure is not None:
                counts.fail(page.failure)
                break
        return page

    def run(self, pages: Iterable[Page], stats: Stats | None = None) -> Iterator[Page]:
        """Pages through the pipeline lazily, counting into `stats` as they go."""
        for page in pages:
            yield self.process(page, stats)

    def batch(self, pages: Iterable[Page]) -> tuple[list[Page], Stats]:
        """A batch of pages and its own counts: what a worker process sends back."""
        stats = Stats()
        return [self.process(page, stats) for page in pages], stats
