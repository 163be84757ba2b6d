"""The knowledge base's tables, as numbered migrations (`PRAGMA user_version` records the
last one applied). Plain tables and an FTS5 index, so Datasette and sqlite-utils open the
file as it is.

Search indexes folded copies of the text (`sugia.text.fold`: no marks, "đ" -> "d"), because
FTS5's `remove_diacritics 2` folds tones but never "đ".
"""

MIGRATIONS: tuple[str, ...] = (
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
)
