"""Migrations added to bases already in use: each a change to the tables or their indexes,
named here with the measurement that asked for it, and numbered in `schema.SQLITE` and
`schema.POSTGRES`.
"""
from __future__ import annotations

# FTS5 merges an index level's segments once it holds this many (its default: 4). At a million
# pages the merging made inserting into pages_search cost 0.85 ms a page (0.38 with 16); 8
# keeps a search's segment reads few.
AUTOMERGE = 8

# Finding an event's earlier reports (`link.events.reports`) by key, first day and last day
# from the index alone: with (key, start) each row in the 31 days was read from the table to
# check its last day (0.29 ms a page at a million pages; 0.025 ms so).
EVENTS_BY_DAYS = """
    CREATE INDEX IF NOT EXISTS events_key_days ON events(key, start, "end");
    DROP INDEX IF EXISTS events_key_start;
"""

# An event's earlier reports (EVENTS_BY_DAYS) are compared by name (`link.events.link_event`):
# with the name in the index their rows are not read (at a million pages a key's 31 days held
# hundreds of events: 0.15 ms a page; 0.06 so). SQLite only: PostgreSQL's B-tree refuses rows
# over ~2,700 bytes, and a name may be long.
EVENTS_BY_NAME = """
    CREATE INDEX IF NOT EXISTS events_key_days_name ON events(key, start, "end", name);
    DROP INDEX IF EXISTS events_key_days;
"""

# An index every stored page paid for and no query read: a page's content hash is compared
# through its source (`store.write.status`). At a million pages it was a leaf written at a
# random place per page stored.
UNREAD_INDEX = "DROP INDEX IF EXISTS pages_hash;"

# The reprint index's middle level (`link.reprints.LEVELS`), and an index of events by key that
# every index beginning with the key (EVENTS_BY_DAYS, EVENTS_BY_NAME) already is: each event
# stored was an entry in it.
BAND_LEVELS = """
    {bands}
    DROP INDEX IF EXISTS events_key;
"""

# A reprint lookup (`link.reprints.similar`) reads page ids by band and bucket at every level
# (`link.reprints.LEVELS`, named here as the migrations name tables): with the page id in the
# index it reads no table row (at a million pages ~29 candidates a page, each a row read
# at random: 0.17-0.22 ms a lookup, 0.09-0.12 so).
BANDS_BY_BUCKET = "".join(f"""
    DROP INDEX IF EXISTS {table}_bucket;
    CREATE INDEX {table}_bucket ON {table}(band, bucket, page_id);""" for table in (
    "page_bands_recent", "page_bands_middle", "page_bands"))

# Most events last a few days (of the labelled real pages' dated events 97% a week or less), so
# an event's earlier reports are looked for among the key's events that began at most this
# many days before it, and among its long events (lasting more) further back, through an index
# of the long ones alone (`link.events.reports`): at a million pages a key's 31 days held
# hundreds of events to step over (0.11-0.15 ms a lookup; 0.06 with a window of 3 days).
SHORT_EVENT_DAYS = 7
LONG_EVENTS = """
    ALTER TABLE events ADD COLUMN long INTEGER NOT NULL DEFAULT 0;
    UPDATE events SET long = 1 WHERE {days} > {short};
    CREATE INDEX events_long ON events(key, start, "end"{name}) WHERE long = 1;
"""

# An event's earlier reports were looked for among all the key's events that began up to
# SHORT_EVENT_DAYS before it, though most events last one day (of the labelled real pages'
# dated events about half; of the scale benchmark's 87%) and one that ended before it began
# cannot be its report: at a million pages a lookup stepped over ~88 index entries to keep
# ~23. Events are now indexed by span, the class of days they last (`store.write.span`: one
# day, up to SPAN_DAYS[k] days, or longer), and each class is looked for only as far back as
# its longest event can reach (`link.events.reports`).
SPAN_DAYS = (0, 3, SHORT_EVENT_DAYS)
EVENT_SPANS = """
    DROP INDEX events_long;
    ALTER TABLE events RENAME COLUMN long TO span;
    UPDATE events SET span = CASE WHEN {days} IS NULL THEN 0 {classes} ELSE {longer} END;
    CREATE INDEX events_span ON events(key, span, start, "end"{name});
    DROP INDEX {by_days};
"""


def event_spans(days: str, name: str, by_days: str) -> str:
    """EVENT_SPANS for a dialect: `days` the SQL for an event's days after its first."""
    classes = " ".join(f"WHEN {days} <= {most} THEN {k}" for k, most in enumerate(SPAN_DAYS))
    return EVENT_SPANS.format(days=days, classes=classes, longer=len(SPAN_DAYS), name=name, by_days=by_days)


# The queue of pages stored without linking: several writers store, one linker empties it.
UNLINKED = "CREATE TABLE unlinked (page_id {big} PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE);"

# Pages listed by outlet, newest first (`Queries.pages`, /api/pages?outlet=): SQLite's index was
# on the outlet as printed, the listing asks for its folded form, so a listing read the whole
# table (4.7 s at 1.27M pages). Now an outlet's pages are found in the index and sorted (6-10
# ms for 5,500-11,000 pages at 1M). With the day in the index too a listing took 0.6 ms, but
# each page stored landed on a random leaf of it; by outlet alone it lands after the outlet's
# last. The printed name stays in the index for the pages counted by outlet (`Queries.stats`).
PAGES_BY_OUTLET = """
    DROP INDEX pages_outlet;
    CREATE INDEX pages_outlet ON pages(outlet_folded, outlet);
"""

# A person's events (`Queries.person`, the people graph, events filtered by participant) looked
# up by the person: without an index SQLite walked every event (2.6 s at 1.2 million events
# for a person in 2,346 of them) or every participant row (0.18 s of 2.3 million).
PARTICIPANTS_BY_ENTITY = "CREATE INDEX event_participants_entity ON event_participants(entity_id, event_id);"

# The reprint index's levels (`link.reprints.LEVELS`) keyed by bucket alone, the band in its high
# bits and 32 bits of the band's hash below (`link.reprints.buckets`; an older bucket's 63 bits
# cut to their top 32), in tables without rowids: a band row was kept three times, as a table
# row, in the (band, bucket, page) index lookups read and in the page index deletes use (~63
# bytes a row; ~32 so), and every level move rewrote the two larger.
_BAND_LEVEL_KEYED = """
    CREATE TABLE {table}_keyed (
        bucket {big} NOT NULL,
        page_id {big} NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        PRIMARY KEY (bucket, page_id)
    ){without_rowid};
    INSERT INTO {table}_keyed (bucket, page_id)
        SELECT band * 4294967296 + bucket / 2147483648, page_id FROM {table} ORDER BY 1, 2;
    DROP TABLE {table};
    ALTER TABLE {table}_keyed RENAME TO {table};
    CREATE INDEX {table}_page ON {table}(page_id);"""


def bands_keyed(big: str, without_rowid: str) -> str:
    return "".join(_BAND_LEVEL_KEYED.format(table=table, big=big, without_rowid=without_rowid)
                   for table in ("page_bands_recent", "page_bands_middle", "page_bands"))
