"""What the stages find on a page, as typed records: mentions, posts, people, organisations,
places, events and figures. Stages and the store read attributes; dicts exist only at the
JSON edge (`to_dict` writes the fields of OUTPUT_FORMAT.md, `from_dict` reads them back).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")


class Record:
    """`to_dict`/`from_dict` for a slots dataclass; `NESTED` names the fields holding records
    (or lists of them), so reading a dict back gives typed objects all the way down."""

    __slots__ = ()
    NESTED: ClassVar[dict[str, type[Record]]] = {}

    def to_dict(self) -> dict[str, Any]:
        # Runs for every record of every stored page: field names from the class's slots (a
        # slots dataclass lists its fields there, in order) rather than `fields()` each time.
        out: dict[str, Any] = {}
        name: str
        for name in self.__slots__:  # type: ignore[attr-defined]
            value = getattr(self, name)
            if isinstance(value, list):
                value = [v.to_dict() for v in value] if name in self.NESTED else list(value)
            elif name in self.NESTED and value is not None:
                value = value.to_dict()
            out[name] = value
        return out

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        values = {k: _typed(cls.NESTED.get(k), v) for k, v in data.items() if k in known}
        return cls(**values)


def _typed(kind: type[Record] | None, value: Any) -> Any:
    if kind is None or value is None:
        return list(value) if isinstance(value, list) else value
    if isinstance(value, list):
        return [kind.from_dict(v) for v in value]
    return kind.from_dict(value)


@dataclass(slots=True)
class Span(Record):
    """Character offsets into the body: a sentence."""

    start: int
    end: int


@dataclass(slots=True)
class Mention(Record):
    """Where an entity is written: in the title or the body, by character offsets."""

    field: str  # "title" or "body"
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Post(Record):
    """A post a person holds (or held) as the page writes it."""

    title: str
    organization: str | None = None
    country: str | None = None
    former: bool = False
    field: str = "body"
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Person(Record):
    name: str
    titles: list[str] = field(default_factory=list)  # distinct posts, the fullest of each
    posts: list[Post] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    NESTED: ClassVar[dict[str, type[Record]]] = {"posts": Post, "mentions": Mention}


@dataclass(slots=True)
class Organization(Record):
    name: str  # as first written
    aliases: list[str] = field(default_factory=list)
    canonical: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    NESTED: ClassVar[dict[str, type[Record]]] = {"mentions": Mention}


@dataclass(slots=True)
class Place(Record):
    name: str  # as first written
    aliases: list[str] = field(default_factory=list)
    canonical: str | None = None
    kind: str | None = None  # country, city, province, region, sea, venue...
    country: str | None = None  # the country a city or province lies in
    mentions: list[Mention] = field(default_factory=list)
    NESTED: ClassVar[dict[str, type[Record]]] = {"mentions": Mention}


@dataclass(slots=True)
class Event(Record):
    """A diplomatic event the page reports or announces."""

    kind: str  # one of events.kinds.EVENT_KINDS
    name: str
    start: str | None  # ISO day; None when the year is unknown
    end: str | None
    precision: str = "day"
    year_known: bool = True
    month_day: str | None = None  # "MM-DD" when the year is unknown
    status: str | None = None  # "done", "coming"
    city: str | None = None
    country: str | None = None
    venue: str | None = None
    participants: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    forum: list[str] = field(default_factory=list)
    ordinal: str | None = None
    level: str | None = None
    relationship: str | None = None
    sentence: Span = field(default_factory=lambda: Span(0, 0))
    NESTED: ClassVar[dict[str, type[Record]]] = {"sentence": Span}


@dataclass(slots=True)
class Fact(Record):
    """A figure the article states: value, unit, what it measures, and how it is qualified."""

    value: float
    unit: str | None
    text: str
    what: str | None = None
    qualifier: str | None = None
    change: str | None = None
    period: str | None = None
    parties: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    sentence: Span = field(default_factory=lambda: Span(0, 0))
    NESTED: ClassVar[dict[str, type[Record]]] = {"sentence": Span}
