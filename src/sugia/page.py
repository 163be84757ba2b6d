"""The one record that flows through every stage.

A `Page` starts as raw bytes with a source and leaves the pipeline with its clean body,
metadata and (later) entities and events. Stages fill fields; none removes them, so a
record can always be traced back to the page it came from.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .records import Event, Fact, Organization, Person, Place, Record

# The page's lists of typed records, by field name, in the order records are written.
RECORDS: dict[str, type[Record]] = {"people": Person, "organizations": Organization, "locations": Place, "events": Event, "facts": Fact}


@dataclass(slots=True)
class Line:
    """One line of a page as decoded, with the verdict of the cleaner."""

    number: int  # 1-based line number in the decoded text
    text: str
    in_main: bool | None = None  # HTML only: the main-content extractor kept this line
    label: str = "out"  # "title", "body" or "out"
    score: float = 0.0  # P(body) from the line classifier


@dataclass(slots=True)
class Meta:
    """What the page says about itself."""

    title: str | None = None
    published: str | None = None  # ISO 8601; a date alone when no time is known
    published_year_inferred: bool = False  # the page printed no year; the text fixed it
    published_inferred: bool = False  # the page printed no date: its lead's day (or URL's) was taken
    published_text: str | None = None  # the string the date was read from
    outlet: str | None = None
    author: str | None = None
    reprinted_from: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Failure:
    """Why a page could not go through a stage: reported, counted, never silent."""

    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.stage}: {self.reason}"


@dataclass(slots=True)
class Hints:
    """What a page is said to be besides its bytes — by its reader (a JSON Lines record's
    fields, a WARC record's headers) or by its own HTML head (og:, article: and citation meta
    tags, <title>): evidence for the metadata stage, never the answer by itself."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    crawled: str | None = None  # when a crawler fetched it (WARC-Date)


@dataclass(slots=True)
class Page:
    """A page and everything sugia learns about it."""

    source: str  # file path, URL, or "archive.warc.gz#record-3"
    origin: str | None = None  # the input it was read from (a file, "fetch", "upload"): who may replace it
    raw: bytes = b""
    kind: str = "text"  # "text" (markup stripped) or "html"
    hints: Hints = field(default_factory=Hints)
    head: Hints | None = None  # what an HTML page's head says; set by the clean stage
    encoding: str | None = None
    text: str = ""  # decoded Unicode NFC, the page's own spelling
    lines: list[Line] = field(default_factory=list)
    body: str = ""
    meta: Meta = field(default_factory=Meta)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    locations: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # figures the article states
    failure: Failure | None = None
    notes: list[str] = field(default_factory=list)  # what was repaired to read it ("2 NUL bytes removed")
    signature: bytes | None = None  # the body's MinHash for reprint grouping, when made where the pipeline ran

    @property
    def ok(self) -> bool:
        return self.failure is None

    def to_dict(self) -> dict[str, Any]:
        """The extraction record of OUTPUT_FORMAT.md plus sugia's own metadata."""
        meta = asdict(self.meta)
        return {
            "source": self.source,
            "title": meta.pop("title"),
            "published": meta.pop("published"),
            "body": self.body,
            **meta,
            "encoding": self.encoding,
            **{name: [r.to_dict() for r in getattr(self, name)] for name in RECORDS},
            "error": str(self.failure) if self.failure else None,
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Page:
        """Rebuild a page from `to_dict` output (raw bytes and lines are not kept there)."""
        meta_names = {f.name for f in fields(Meta)}
        page = cls(source=record["source"], body=record.get("body") or "")
        page.meta = Meta(**{k: record.get(k) for k in meta_names if k in record})
        page.encoding = record.get("encoding")
        page.notes = list(record.get("notes") or [])
        for name, kind in RECORDS.items():
            setattr(page, name, [kind.from_dict(r) for r in record.get(name) or []])
        if record.get("error"):
            stage, _, reason = str(record["error"]).partition(": ")
            page.failure = Failure(stage, reason)
        return page
