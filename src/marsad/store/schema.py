"""The store's schema: one list of migrations, applied in order, the version kept in ``PRAGMA user_version``.

A migration is appended, never edited: a store written by an older Marsad is brought forward when it is opened, and a
store written by a newer Marsad is refused rather than damaged.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, their layers, the full-text index and the near-duplicate index
    """
    CREATE TABLE documents (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,        -- the Document's id (marsad.document/1)
        content_hash TEXT NOT NULL UNIQUE,        -- sha256 of the text: the same article is stored once
        cluster      INTEGER NOT NULL,            -- rowid of the first document of its near-duplicate cluster
        similarity   REAL,                        -- estimated Jaccard similarity to the cluster's first document
        title        TEXT,
        published    TEXT,                        -- YYYY-MM-DD or NULL
        url          TEXT,
        outlet       TEXT,
        n_chars      INTEGER NOT NULL,
        ingested_at  TEXT NOT NULL,
        json         TEXT NOT NULL                -- the whole marsad.document/1 JSON
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_cluster ON documents(cluster);

    -- every place a document was read from (a reprint of the same text by another outlet is a second source)
    CREATE TABLE sources (
        doc      INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        key      TEXT NOT NULL,                   -- file path / archive member / URL the text came from
        url      TEXT,
        outlet   TEXT,
        PRIMARY KEY (doc, key)
    );
    CREATE INDEX sources_key ON sources(key);

    -- global identities: a knowledge-base id where the document has one, else a stable name-derived id
    CREATE TABLE entities (
        gid      TEXT PRIMARY KEY,
        label    TEXT NOT NULL,
        name     TEXT NOT NULL,
        name_en  TEXT,
        country  TEXT,
        sector   TEXT
    );
    CREATE TABLE aliases (                       -- every surface form an entity was seen under, folded
        gid   TEXT NOT NULL REFERENCES entities(gid),
        norm  TEXT NOT NULL,
        text  TEXT NOT NULL,
        PRIMARY KEY (gid, norm)
    ) WITHOUT ROWID;
    CREATE INDEX aliases_norm ON aliases(norm);

    CREATE TABLE doc_entities (
        doc      INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        local    TEXT NOT NULL,                   -- e1, e2 ... inside the document
        gid      TEXT NOT NULL REFERENCES entities(gid),
        n_mentions INTEGER NOT NULL,
        PRIMARY KEY (doc, local)
    );
    CREATE INDEX doc_entities_gid ON doc_entities(gid);

    CREATE TABLE mentions (
        doc      INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        local    TEXT NOT NULL,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        text     TEXT NOT NULL,
        label    TEXT NOT NULL,
        gid      TEXT,
        value    TEXT,
        PRIMARY KEY (doc, local)
    );
    CREATE INDEX mentions_gid ON mentions(gid);

    CREATE TABLE quotes (
        doc        INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        local      TEXT NOT NULL,
        kind       TEXT NOT NULL,
        speaker    TEXT,                          -- gid
        cue_start  INTEGER,
        cue_end    INTEGER,
        start      INTEGER NOT NULL,              -- the content span
        end        INTEGER NOT NULL,
        content    TEXT NOT NULL,
        sentence   INTEGER NOT NULL,
        date       TEXT,                          -- the document's publication date
        PRIMARY KEY (doc, local)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker, date);

    CREATE TABLE events (
        doc        INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        local      TEXT NOT NULL,
        event      TEXT NOT NULL,
        modality   TEXT NOT NULL,
        mode       TEXT NOT NULL,                 -- JSON list
        context    TEXT NOT NULL,                 -- JSON list
        place      TEXT,                          -- gid of event_loc
        date       TEXT,                          -- the event's own date where the text fixes it, else NULL
        day        TEXT,                          -- date, else the document's publication date: what timelines sort by
        duration   TEXT,
        start      INTEGER,                       -- the trigger span
        end        INTEGER,
        trigger    TEXT NOT NULL,
        sentence   INTEGER NOT NULL,
        PRIMARY KEY (doc, local)
    );
    CREATE INDEX events_event_day ON events(event, day);
    CREATE INDEX events_day ON events(day);
    CREATE INDEX events_place ON events(place);

    CREATE TABLE participants (
        doc    INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        event  TEXT NOT NULL,                     -- the event's local id
        role   TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        gid    TEXT NOT NULL,
        PRIMARY KEY (doc, event, role, gid)
    ) WITHOUT ROWID;
    CREATE INDEX participants_gid ON participants(gid, role);

    -- MinHash bands of each document's shingles: documents sharing a band are near-duplicate candidates
    CREATE TABLE lsh (
        band  INTEGER NOT NULL,
        key   BLOB NOT NULL,
        doc   INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        PRIMARY KEY (band, key, doc)
    ) WITHOUT ROWID;
    CREATE TABLE signatures (
        doc   INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        sig   BLOB NOT NULL
    );

    -- full text over the folded text, with clitic-free forms added: ويتكوف finds ويتكوڤ and وويتكوف
    CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, stems, tokenize = 'unicode61 remove_diacritics 0');
    """,
    # 2: where an entity's English name comes from: NULL for the knowledge base's, 'transliteration' for a name the
    #    knowledge base does not know, spelt in Latin letters by marsad.text.translit
    """
    ALTER TABLE entities ADD COLUMN name_en_source TEXT;
    """,
)

VERSION = len(MIGRATIONS)
