import GRDB
import ProvenanceGraph

/// The tables of a corpus store and how they came to be.
enum Schema {
    static let application = "provenance"
    static let version = 6

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, path TEXT NOT NULL, format TEXT NOT NULL,
                    title TEXT, publisher TEXT, published TEXT, url TEXT, url_key TEXT, text TEXT NOT NULL,
                    publisher_source INTEGER, links TEXT NOT NULL, quotes TEXT NOT NULL, claim_count INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL);
                CREATE INDEX documents_url_key ON documents(url_key);
                CREATE TABLE sources (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL,
                    descriptions TEXT NOT NULL);
                CREATE TABLE source_keys (key TEXT PRIMARY KEY NOT NULL, source_id INTEGER NOT NULL REFERENCES sources(id));
                CREATE TABLE claims (
                    id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id), ordinal INTEGER NOT NULL,
                    kind TEXT NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
                    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, cue_start INTEGER, cue_end INTEGER,
                    cue_lemma TEXT, source_id INTEGER, mention_start INTEGER, mention_end INTEGER, antecedent_start INTEGER,
                    antecedent_end INTEGER, resolved INTEGER NOT NULL, via TEXT NOT NULL, about TEXT NOT NULL,
                    continuation INTEGER NOT NULL, problem TEXT, content_text TEXT NOT NULL, sentence_text TEXT NOT NULL);
                CREATE INDEX claims_document ON claims(document_id, ordinal);
                CREATE INDEX claims_source ON claims(source_id);
                CREATE TABLE terms (term TEXT NOT NULL, claim_id INTEGER NOT NULL, PRIMARY KEY (term, claim_id)) WITHOUT ROWID;
                CREATE TABLE term_counts (term TEXT PRIMARY KEY NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE title_words (word TEXT NOT NULL, document_id INTEGER NOT NULL, PRIMARY KEY (word, document_id)) WITHOUT ROWID;
                CREATE TABLE links (
                    id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
                    url_key TEXT, slug TEXT);
                CREATE INDEX links_url_key ON links(url_key);
                CREATE TABLE slug_words (word TEXT NOT NULL, link_id INTEGER NOT NULL, PRIMARY KEY (word, link_id)) WITHOUT ROWID;
                CREATE TABLE edges (
                    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, from_node TEXT NOT NULL, to_node TEXT NOT NULL, score REAL,
                    evidence TEXT NOT NULL);
                CREATE INDEX edges_from ON edges(from_node);
                CREATE INDEX edges_to ON edges(to_node);
                """)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('application', ?), ('schema', ?)",
                           arguments: [application, "1"])
        }
        // v2: each claim's matching fingerprint, so that linking does not
        // read every candidate's text again. Claims stored before have none
        // and are read from their text.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE claims ADD COLUMN fingerprint TEXT")
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema'", arguments: ["2"])
        }
        // v3: where each web page's text was in its file (JSON, see
        // `SourcePositions`), so findings point at the file's lines.
        // Documents stored before have none: their findings count lines of
        // the text, as before.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN positions TEXT")
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema'", arguments: ["3"])
        }
        // v4: the address a web archive or saved page says a document was
        // captured from, beside its own (canonical) url.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN captured_from TEXT")
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema'", arguments: ["4"])
        }
        // v5: a source is found by its name alone (`SourceIdentity`): the
        // keys of aliases go, so that new documents meet stored sources as
        // they would in memory. Sources already merged stay merged.
        migrator.registerMigration("v5") { db in
            let names = try Row.fetchAll(db, sql: "SELECT id, name FROM sources")
            try db.execute(sql: "DELETE FROM source_keys")
            for row in names {
                guard let id: Int64 = row.value("id"), let name: String = row.value("name") else { continue }
                try db.execute(
                    sql: "INSERT OR IGNORE INTO source_keys (key, source_id) VALUES (?, ?)", arguments: [GraphConversion.key(name), id])
            }
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema'", arguments: ["5"])
        }
        // v6: the claims' sentences in an FTS5 index, for searching claims by
        // their words (`CorpusReader.claims(matching:page:)`), kept by triggers; and the documents by publisher.
        migrator.registerMigration("v6") { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE claims_fts USING fts5(
                    sentence_text, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
                INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
                CREATE INDEX documents_publisher ON documents(publisher_source);
                CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
                    INSERT INTO claims_fts(rowid, sentence_text) VALUES (new.id, new.sentence_text);
                END;
                CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
                    INSERT INTO claims_fts(claims_fts, rowid, sentence_text) VALUES ('delete', old.id, old.sentence_text);
                END;
                CREATE TRIGGER claims_fts_update AFTER UPDATE OF sentence_text ON claims BEGIN
                    INSERT INTO claims_fts(claims_fts, rowid, sentence_text) VALUES ('delete', old.id, old.sentence_text);
                    INSERT INTO claims_fts(rowid, sentence_text) VALUES (new.id, new.sentence_text);
                END;
                """)
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema'", arguments: [String(version)])
        }
        return migrator
    }
}
