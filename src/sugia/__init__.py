"""sugia ("sứ giả", envoy): Vietnamese diplomatic news pages -> a knowledge base of diplomacy.

Library first: `extract(paths)` yields one `Page` per page found, cleaned and described;
the `sugia` command is a thin shell over it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .page import Failure, Line, Meta, Page
from .pipeline import Pipeline, Stage

__version__ = "0.1.0"
__all__ = ["Page", "Meta", "Line", "Failure", "Pipeline", "Stage", "default_pipeline", "extract", "__version__"]


def default_pipeline(on_error: str = "continue", fingerprint: bool = False) -> Pipeline:
    """decode -> clean -> meta -> entities -> events: the stages every page goes through;
    with `fingerprint`, the body's reprint signature too (for an ingest that links as it
    stores: made on the workers, not by the single writer)."""
    from .clean import Clean, Decode
    from .entities import Entities
    from .events import Events
    from .meta import Metadata

    stages = [Decode(), Clean(), Metadata(), Entities(), Events()]
    if fingerprint:  # only then datasketch (and scipy through it: 0.28 s a process)
        from .link.reprints import Fingerprint

        stages.append(Fingerprint())
    return Pipeline(stages, on_error=on_error)  # type: ignore[arg-type]


def extract(paths: Iterable[str], pipeline: Pipeline | None = None) -> Iterator[Page]:
    """Read and process every page under `paths` (files, folders, globs, "-")."""
    from .read import read

    return (pipeline or default_pipeline()).run(read(paths))
