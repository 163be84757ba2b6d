"""The knowledge base's tables, as numbered migrations for each database.

SQLite (`PRAGMA user_version` records the last migration applied): plain tables and an FTS5
index, so Datasette and sqlite-utils open the file as it is. PostgreSQL (`sugia_schema`
records it): the same tables, full-text search in a generated tsvector column with a GIN index.

Both index folded copies of the text (`sugia.text.fold`: no marks, "đ" -> "d"), because
FTS5's `remove_diacritics 2` folds tones but never "đ", and PostgreSQL's `unaccent` depends
on the server's rules file; names looked up by spelling keep a folded copy too.
"""
from . import upgrades
from .filters import SEARCH_KEYS_SQL

# The reprint index's bands (SQLite's 64-bit integers are INTEGER, PostgreSQL's BIGINT).
BANDS_TABLE = """
    CREATE TABLE IF NOT EXISTS {table} (
        band INTEGER NOT NULL, bucket {big} NOT NULL,
        page_id {big} NOT NULL REFERENCES pages(id) ON DELETE CASCADE
    );
    CREATE INDEX IF NOT EXISTS {table}_bucket ON {table}(band, bucket);
    CREATE INDEX IF NOT EXISTS {table}_page ON {table}(page_id);
"""

# What SQLite's search index (pages_search) holds of a page, selected from `pages`: its words and
# word pairs (`sugia.search.index_words`/`index_pairs`, functions the store registers) and its
# date and outlet keys. The index keeps no text (content=''), so deleting a page's entry gives
# these same values again.
SEARCH_COLUMNS = "rowid, title, body, title_pairs, body_pairs, keys"
SEARCH_VALUES = ("id, search_words(title_folded), search_words(body_folded), search_pairs(title_folded),"
                 " search_pairs(body_folded), search_keys")

SQLITE: tuple[str, ...] = (
    # 1: pages, entities and what links them
    """
    CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        url TEXT, title TEXT, published TEXT, published_year_inferred INTEGER NOT NULL DEFAULT 0,
        outlet TEXT, author TEXT, reprinted_from TEXT, encoding TEXT,
        raw BLOB, body TEXT NOT NULL DEFAULT '',
        title_folded TEXT NOT NULL DEFAULT '', body_folded TEXT NOT NULL DEFAULT '',
        record TEXT NOT NULL DEFAULT '{}',
        reprint_group INTEGER REFERENCES pages(id),
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX pages_published ON pages(published);
    CREATE INDEX pages_outlet ON pages(outlet);
    CREATE INDEX pages_hash ON pages(content_hash);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'location')),
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT, country TEXT,
        UNIQUE (type, key)
    );
    CREATE TABLE aliases (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        PRIMARY KEY (entity_id, alias)
    );
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        field TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_page ON mentions(page_id);
    CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        title TEXT NOT NULL, title_key TEXT NOT NULL,
        organization TEXT, country TEXT, former INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX posts_person ON posts(person_id);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        kind TEXT NOT NULL, name TEXT NOT NULL,
        start TEXT, "end" TEXT, city TEXT, country TEXT, venue TEXT, forum TEXT, ordinal TEXT,
        level TEXT, relationship TEXT
    );
    CREATE INDEX events_start ON events(start);
    CREATE INDEX events_key ON events(key);
    CREATE TABLE event_sources (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        name TEXT NOT NULL, status TEXT, sentence_start INTEGER, sentence_end INTEGER,
        PRIMARY KEY (event_id, page_id, name)
    );
    CREATE TABLE event_participants (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, entity_id)
    );
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        value REAL NOT NULL, unit TEXT, what TEXT, qualifier TEXT, change TEXT, period TEXT,
        parties TEXT, text TEXT, start INTEGER, "end" INTEGER
    );
    CREATE INDEX facts_page ON facts(page_id);
    CREATE TABLE failures (
        source TEXT PRIMARY KEY, stage TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE pages_fts USING fts5(
        title_folded, body_folded, content='pages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    """,
    # 2: reprint groups
    """
    CREATE TABLE page_minhash (
        page_id INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
        hashvalues BLOB NOT NULL
    );
    CREATE INDEX pages_reprint_group ON pages(reprint_group);
    """,
    # 3: folded copies of the names looked up by spelling (same SQL on every backend)
    """
    ALTER TABLE pages ADD COLUMN outlet_folded TEXT NOT NULL DEFAULT '';
    UPDATE pages SET outlet_folded = fold(outlet);
    ALTER TABLE entities ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
    UPDATE entities SET name_folded = fold(name);
    CREATE INDEX entities_name_folded ON entities(name_folded);
    ALTER TABLE aliases ADD COLUMN alias_folded TEXT NOT NULL DEFAULT '';
    UPDATE aliases SET alias_folded = fold(alias);
    CREATE INDEX aliases_alias_folded ON aliases(alias_folded);
    ALTER TABLE events ADD COLUMN country_folded TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN forum_folded TEXT NOT NULL DEFAULT '';
    UPDATE events SET country_folded = fold(country), forum_folded = fold(forum || ' ' || name);
    CREATE INDEX posts_page ON posts(page_id);
    CREATE INDEX event_sources_page ON event_sources(page_id);
    """,
    # 4: finding the stored reports of an event by kind, country and days
    "CREATE INDEX events_key_start ON events(key, start);",
    # 5: the input each page was read from: only a re-read of it replaces the page
    "ALTER TABLE pages ADD COLUMN origin TEXT;",
    # 6: the reprint index's LSH bands, as rows (the writer bands older signatures once)
    BANDS_TABLE.format(table="page_bands", big="INTEGER"),
    # 7: the full-text index declared as Datasette recognises it (content="pages"), rebuilt
    """
    DROP TABLE pages_fts;
    CREATE VIRTUAL TABLE pages_fts USING fts5(
        title_folded, body_folded, content="pages", content_rowid="id", tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO pages_fts(pages_fts) VALUES ('rebuild');
    """,
    # 8: views for reading the base in Datasette or SQL without the folded copies and keys
    """
    CREATE VIEW articles AS SELECT id, source, url, title, published, outlet, author, reprinted_from, reprint_group
        FROM pages;
    CREATE VIEW people AS SELECT id, name, country FROM entities WHERE type = 'person';
    CREATE VIEW organisations AS SELECT id, name, kind, country FROM entities WHERE type = 'organization';
    CREATE VIEW places AS SELECT id, name, kind, country FROM entities WHERE type = 'location';
    CREATE VIEW event_list AS SELECT id, kind, name, start, "end", city, country, venue, forum FROM events;
    """,
    # 9: pages stored but not yet linked across articles (`sugia ingest --no-link`; `sugia link`)
    upgrades.UNLINKED.format(big="INTEGER"),
    # 10: the dates and outlet as index words (filters.SEARCH_KEYS_SQL), the index rebuilt with them
    f"""
    ALTER TABLE pages ADD COLUMN search_keys TEXT GENERATED ALWAYS AS ({SEARCH_KEYS_SQL}) VIRTUAL;
    DROP TABLE pages_fts;
    CREATE VIRTUAL TABLE pages_fts USING fts5(
        title_folded, body_folded, search_keys, content="pages", content_rowid="id",
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO pages_fts(pages_fts) VALUES ('rebuild');
    """,
    # 11: sugia's own search index, with word pairs for phrases (pages_fts stays for Datasette)
    f"""
    CREATE VIRTUAL TABLE pages_search USING fts5(
        title, body, title_pairs, body_pairs, keys, content='',
        tokenize="unicode61 remove_diacritics 2 tokenchars '_'"
    );
    INSERT INTO pages_search({SEARCH_COLUMNS}) SELECT {SEARCH_VALUES} FROM pages;
    INSERT INTO pages_search(pages_search, rank) VALUES ('automerge', {upgrades.AUTOMERGE});
    INSERT INTO pages_fts(pages_fts, rank) VALUES ('automerge', {upgrades.AUTOMERGE});
    """,
    # 12: an event's earlier reports found in the index alone (upgrades.EVENTS_BY_DAYS)
    upgrades.EVENTS_BY_DAYS,
    # 13
    upgrades.UNREAD_INDEX,
    # 14: the reprint index's recent bands, a table of their own (`link.reprints.settle_bands`)
    BANDS_TABLE.format(table="page_bands_recent", big="INTEGER"),
    # 15: an event's earlier reports compared by name from the index (upgrades.EVENTS_BY_NAME)
    upgrades.EVENTS_BY_NAME,
    # 16: the reprint index's middle level; no index of events by key alone (upgrades.BAND_LEVELS)
    upgrades.BAND_LEVELS.format(bands=BANDS_TABLE.format(table="page_bands_middle", big="INTEGER")),
    # 17: page ids found by bucket in the index alone (upgrades.BANDS_BY_BUCKET)
    upgrades.BANDS_BY_BUCKET,
    # 18: long events marked, and indexed apart (upgrades.LONG_EVENTS)
    upgrades.LONG_EVENTS.format(days='julianday("end") - julianday(start)', short=upgrades.SHORT_EVENT_DAYS,
                                name=", name"),
    # 19: events indexed by the class of days they last (EVENT_SPANS)
    upgrades.event_spans('julianday("end") - julianday(start)', ", name", "events_key_days_name"),
    # 20: pages listed by outlet from an index (upgrades.PAGES_BY_OUTLET)
    upgrades.PAGES_BY_OUTLET,
    # 21: a person's events found from the person (upgrades.PARTICIPANTS_BY_ENTITY)
    upgrades.PARTICIPANTS_BY_ENTITY,
    # 22: the reprint index's levels keyed by bucket, without rowids (upgrades.bands_keyed)
    upgrades.bands_keyed("INTEGER", " WITHOUT ROWID"),
)

POSTGRES: tuple[str, ...] = (
    # 1: everything SQLite's migrations 1-3 make
    """
    CREATE TABLE sugia_schema (version INTEGER NOT NULL);
    INSERT INTO sugia_schema VALUES (0);
    CREATE TABLE pages (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        url TEXT, title TEXT, published TEXT, published_year_inferred INTEGER NOT NULL DEFAULT 0,
        outlet TEXT, author TEXT, reprinted_from TEXT, encoding TEXT,
        raw BYTEA, body TEXT NOT NULL DEFAULT '',
        title_folded TEXT NOT NULL DEFAULT '', body_folded TEXT NOT NULL DEFAULT '',
        outlet_folded TEXT NOT NULL DEFAULT '',
        record TEXT NOT NULL DEFAULT '{}',
        reprint_group BIGINT REFERENCES pages(id),
        ingested_at TEXT NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'B')
        ) STORED
    );
    CREATE INDEX pages_published ON pages(published);
    CREATE INDEX pages_outlet ON pages(outlet_folded);
    CREATE INDEX pages_hash ON pages(content_hash);
    CREATE INDEX pages_reprint_group ON pages(reprint_group);
    CREATE INDEX pages_tsv ON pages USING gin(tsv);
    CREATE TABLE entities (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'location')),
        key TEXT NOT NULL,
        name TEXT NOT NULL, name_folded TEXT NOT NULL DEFAULT '',
        kind TEXT, country TEXT,
        UNIQUE (type, key)
    );
    CREATE INDEX entities_name_folded ON entities(name_folded);
    CREATE TABLE aliases (
        entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        alias TEXT NOT NULL, alias_folded TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (entity_id, alias)
    );
    CREATE INDEX aliases_alias_folded ON aliases(alias_folded);
    CREATE TABLE mentions (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        field TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_page ON mentions(page_id);
    CREATE TABLE posts (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        person_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        title TEXT NOT NULL, title_key TEXT NOT NULL,
        organization TEXT, country TEXT, former INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX posts_person ON posts(person_id);
    CREATE INDEX posts_page ON posts(page_id);
    CREATE TABLE events (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        key TEXT NOT NULL,
        kind TEXT NOT NULL, name TEXT NOT NULL,
        start TEXT, "end" TEXT, city TEXT, country TEXT, venue TEXT, forum TEXT, ordinal TEXT,
        level TEXT, relationship TEXT,
        country_folded TEXT NOT NULL DEFAULT '', forum_folded TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX events_start ON events(start);
    CREATE INDEX events_key ON events(key);
    CREATE TABLE event_sources (
        event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        name TEXT NOT NULL, status TEXT, sentence_start INTEGER, sentence_end INTEGER,
        PRIMARY KEY (event_id, page_id, name)
    );
    CREATE INDEX event_sources_page ON event_sources(page_id);
    CREATE TABLE event_participants (
        event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, entity_id)
    );
    CREATE TABLE facts (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        page_id BIGINT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        value DOUBLE PRECISION NOT NULL, unit TEXT, what TEXT, qualifier TEXT, change TEXT, period TEXT,
        parties TEXT, text TEXT, start INTEGER, "end" INTEGER
    );
    CREATE INDEX facts_page ON facts(page_id);
    CREATE TABLE failures (
        source TEXT PRIMARY KEY, stage TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
    );
    CREATE TABLE page_minhash (
        page_id BIGINT PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
        hashvalues BYTEA NOT NULL
    );
    """,
    # 2: as SQLite's 4
    "CREATE INDEX events_key_start ON events(key, start);",
    # 3: as SQLite's 5
    "ALTER TABLE pages ADD COLUMN origin TEXT;",
    # 4: as SQLite's 6
    BANDS_TABLE.format(table="page_bands", big="BIGINT"),
    # 5: as SQLite's 9
    upgrades.UNLINKED.format(big="BIGINT"),
    # 6: word pairs ("quan0he he0hop"), so a phrase's few pages come from the pairs' GIN lists
    # before its words' positions are checked (as SQLite's 11; '0' joins them: PostgreSQL's
    # parser splits words at '_')
    """
    CREATE FUNCTION sugia_pairs(t text) RETURNS text IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$
        SELECT coalesce(string_agg(w || '0' || after, ' ' ORDER BY n), '') FROM (SELECT w, n, lead(w) OVER (ORDER BY n)
        AS after FROM regexp_split_to_table(t, '[^[:alnum:]]+') WITH ORDINALITY AS s(w, n) WHERE w <> '') AS words
        WHERE after IS NOT NULL $$;
    ALTER TABLE pages ADD COLUMN pairs tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', sugia_pairs(title_folded) || ' ' || sugia_pairs(body_folded))) STORED;
    CREATE INDEX pages_pairs ON pages USING gin(pairs);
    """,
    # 7: as SQLite's 12
    upgrades.EVENTS_BY_DAYS,
    # 8: as SQLite's 13
    upgrades.UNREAD_INDEX,
    # 9: as SQLite's 14
    BANDS_TABLE.format(table="page_bands_recent", big="BIGINT"),
    # 10: as SQLite's 16
    upgrades.BAND_LEVELS.format(bands=BANDS_TABLE.format(table="page_bands_middle", big="BIGINT")),
    # 11: as SQLite's 17
    upgrades.BANDS_BY_BUCKET,
    # 12: as SQLite's 18 (without the name: upgrades.EVENTS_BY_NAME)
    upgrades.LONG_EVENTS.format(days='"end"::date - start::date', short=upgrades.SHORT_EVENT_DAYS, name=""),
    # 13: as SQLite's 19
    upgrades.event_spans('"end"::date - start::date', "", "events_key_days"),
    # 14: as SQLite's 21
    upgrades.PARTICIPANTS_BY_ENTITY,
    # 15: as SQLite's 22 (a PostgreSQL table always has its rows apart from its indexes)
    upgrades.bands_keyed("BIGINT", ""),
)
