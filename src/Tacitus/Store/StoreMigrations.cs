using Microsoft.Data.Sqlite;

namespace Tacitus.Store;

/// <summary>
/// One step of the store's schema history: applied once, in order, in its own transaction: its SQL, then
/// <paramref name="Convert"/> when the step rewrites values SQL cannot make (binary forms), in the same transaction.
/// </summary>
internal sealed record StoreMigration(int Version, string Description, string Sql, Action<SqliteConnection, SqliteTransaction>? Convert = null);

/// <summary>
/// The store's schema, as an ordered list of migrations. A store's version is <c>PRAGMA user_version</c>;
/// opening an older store applies the missing steps. Never edit a released step: add a new one.
/// Documents are keyed by their content hash (<c>id</c>); analysis rows refer to the document's <c>seq</c>, an
/// INTEGER PRIMARY KEY that grows with each insert (so child rows are appended, and VACUUM keeps it stable).
/// </summary>
internal static class StoreMigrations
{
    public static readonly IReadOnlyList<StoreMigration> All =
    [
        new(1, "documents, sentences and analysis tables", """
            CREATE TABLE documents (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT, outlet TEXT, published TEXT, url TEXT, author TEXT, external_id TEXT,
                language TEXT NOT NULL, origin TEXT, format TEXT,
                text TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                paragraphs BLOB, tokens BLOB, warnings TEXT,
                sentence_count INTEGER NOT NULL, boilerplate_count INTEGER NOT NULL,
                mention_count INTEGER NOT NULL, attribution_count INTEGER NOT NULL, event_count INTEGER NOT NULL);
            CREATE TABLE sentences (
                document INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, paragraph INTEGER NOT NULL,
                first_token INTEGER NOT NULL, token_count INTEGER NOT NULL,
                boilerplate INTEGER NOT NULL, boilerplate_rule TEXT,
                PRIMARY KEY (document, idx)) WITHOUT ROWID;
            CREATE TABLE mentions (
                document INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                idx INTEGER NOT NULL, kind TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
                sentence INTEGER NOT NULL, entity INTEGER, name TEXT, country TEXT, sector TEXT,
                org_kind TEXT, affiliation TEXT, role TEXT, is_reference INTEGER NOT NULL, rule TEXT,
                time TEXT, place TEXT, quantity TEXT,
                PRIMARY KEY (document, idx)) WITHOUT ROWID;
            CREATE TABLE entities (
                document INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                idx INTEGER NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
                country TEXT, sector TEXT, mentions TEXT NOT NULL,
                PRIMARY KEY (document, idx)) WITHOUT ROWID;
            CREATE TABLE attributions (
                document INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                source TEXT NOT NULL, source_name TEXT, source_kind TEXT NOT NULL, source_country TEXT,
                cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL,
                content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
                via TEXT NOT NULL, anonymous INTEGER NOT NULL, direct_quote INTEGER NOT NULL, denial INTEGER NOT NULL,
                evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
                date TEXT, rule TEXT,
                PRIMARY KEY (document, idx)) WITHOUT ROWID;
            CREATE TABLE events (
                document INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                type TEXT NOT NULL, mode TEXT, context TEXT, cameo TEXT, score REAL,
                actor TEXT NOT NULL, actor_text TEXT NOT NULL, actor_name TEXT, actor_country TEXT, actor_sector TEXT,
                recipient TEXT, recipient_text TEXT, recipient_name TEXT, recipient_country TEXT, recipient_sector TEXT,
                date_text TEXT, date_value TEXT, date_basis TEXT, date_start INTEGER, date_end INTEGER,
                location TEXT, location_name TEXT, location_country TEXT,
                attribution INTEGER,
                negated INTEGER NOT NULL, denied INTEGER NOT NULL, hedged INTEGER NOT NULL,
                future INTEGER NOT NULL, conditional INTEGER NOT NULL,
                confidence REAL NOT NULL,
                evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
                trigger_start INTEGER, trigger_end INTEGER,
                explanation TEXT,
                PRIMARY KEY (document, idx)) WITHOUT ROWID;
            """),
        new(2, "full-text index over title and text", """
            CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='seq');
            CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
            END;
            CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
            END;
            CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
                INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
                INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
            END;
            INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
            """),
        new(3, "indexes for listing and exporting", """
            CREATE INDEX documents_published ON documents(published);
            CREATE INDEX events_type ON events(type);
            CREATE INDEX events_actor_country ON events(actor_country);
            """),
        new(4, "sightings (every outlet, URL and origin a text arrived under) and what produced each document's records", """
            CREATE TABLE sightings (
                document INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
                outlet TEXT NOT NULL, url TEXT NOT NULL, origin TEXT NOT NULL, published TEXT NOT NULL,
                first_seen TEXT NOT NULL,
                PRIMARY KEY (document, outlet, url, origin, published)) WITHOUT ROWID;
            INSERT OR IGNORE INTO sightings (document, outlet, url, origin, published, first_seen)
                SELECT seq, ifnull(outlet, ''), ifnull(url, ''), ifnull(origin, ''), ifnull(published, ''), ingested_at FROM documents;
            ALTER TABLE documents ADD COLUMN pipeline TEXT;
            ALTER TABLE documents ADD COLUMN knowledge TEXT;
            ALTER TABLE documents ADD COLUMN patterns TEXT;
            ALTER TABLE documents ADD COLUMN dictionaries TEXT;
            ALTER TABLE documents ADD COLUMN analysed_at TEXT;
            """),
        new(5, "stories and fused events (issue 10): online story clustering, one event from many reports, sources and status", """
            CREATE TABLE fusion_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO fusion_state (name, value) VALUES ('documents', 0);
            CREATE TABLE fusion_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL, display TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE stories (
                id INTEGER PRIMARY KEY, title TEXT NOT NULL, first_day INTEGER, last_day INTEGER,
                documents INTEGER NOT NULL, norm2 REAL NOT NULL, terms INTEGER NOT NULL);
            CREATE TABLE story_terms (
                term TEXT NOT NULL, story INTEGER NOT NULL, weight REAL NOT NULL, last_day INTEGER,
                PRIMARY KEY (term, story)) WITHOUT ROWID;
            CREATE INDEX story_terms_story ON story_terms(story, weight);
            CREATE TABLE story_documents (
                document INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
                story INTEGER NOT NULL, similarity REAL);
            CREATE INDEX story_documents_story ON story_documents(story, document);
            CREATE TABLE fused_events (
                id INTEGER PRIMARY KEY, story INTEGER, family TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, cameo TEXT,
                actor_name TEXT, actor_country TEXT, actor_sector TEXT,
                recipient_name TEXT, recipient_country TEXT, recipient_sector TEXT,
                date_value TEXT, date_precision INTEGER, date_earliest TEXT, date_latest TEXT,
                location_name TEXT, location_country TEXT, lat REAL, lon REAL, location_country_level INTEGER,
                reports INTEGER NOT NULL);
            CREATE INDEX fused_events_story ON fused_events(story, family);
            CREATE INDEX fused_events_family ON fused_events(family, actor_country, date_earliest);
            CREATE TABLE fused_reports (
                document INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE, event INTEGER NOT NULL,
                fused INTEGER NOT NULL, sentence INTEGER NOT NULL, evidence TEXT NOT NULL,
                type TEXT NOT NULL, mode TEXT, cameo TEXT,
                actor_name TEXT, actor_country TEXT, actor_sector TEXT,
                has_recipient INTEGER NOT NULL, recipient_name TEXT, recipient_country TEXT, recipient_sector TEXT,
                date_value TEXT, date_basis TEXT,
                location_name TEXT, location_country TEXT, lat REAL, lon REAL, location_country_level INTEGER,
                chain TEXT, denial INTEGER NOT NULL,
                source_key TEXT NOT NULL, source_name TEXT NOT NULL, source_kind TEXT NOT NULL, source_anonymous INTEGER NOT NULL, source_country TEXT,
                negated INTEGER NOT NULL, denied INTEGER NOT NULL, hedged INTEGER NOT NULL,
                figures TEXT, claims TEXT,
                PRIMARY KEY (document, event)) WITHOUT ROWID;
            CREATE INDEX fused_reports_fused ON fused_reports(fused);
            """),
        new(6, "fused events keep their status (filtered in SQL); a story's terms are indexed by story alone, so adding weight does not move index entries", """
            ALTER TABLE fused_events ADD COLUMN status TEXT;
            CREATE INDEX fused_events_status ON fused_events(status);
            DROP INDEX story_terms_story;
            CREATE INDEX story_terms_story ON story_terms(story);
            """),
        new(7, "full PETRARCH actor codes of event actors and recipients (issue 9: USAGOV, IGOUNO, ARNREL), filled from the stored actor JSON", """
            ALTER TABLE events ADD COLUMN actor_code TEXT;
            ALTER TABLE events ADD COLUMN recipient_code TEXT;
            UPDATE events SET actor_code = json_extract(actor, '$.code'), recipient_code = json_extract(recipient, '$.code');
            CREATE INDEX events_actor_code ON events(actor_code);
            """),
        new(8, "a fused report keeps where fusion read its place from when its record names no town (issue 10: the record and sentence of the same document's placed report it continues)", """
            ALTER TABLE fused_reports ADD COLUMN place_event INTEGER;
            ALTER TABLE fused_reports ADD COLUMN place_sentence INTEGER;
            """),
        new(9, "a mention keeps how it is written (name, description, group, ...) and what made an unknown name an actor (a cue, an acronym): the typed readings the rules read (issue 8)", """
            ALTER TABLE mentions ADD COLUMN form TEXT;
            ALTER TABLE mentions ADD COLUMN evidence TEXT;
            """),
        new(10, "a story keeps its centroid as one JSON value ([term, weight, last day] in term order) and the arrival number of its latest document (stories not joined for a while close, dated or not); story clustering keeps the open stories in memory and writes each changed one once per batch", """
            ALTER TABLE stories ADD COLUMN centroid TEXT;
            ALTER TABLE stories ADD COLUMN last_document INTEGER;
            UPDATE stories SET centroid = (SELECT json_group_array(json_array(term, weight, last_day))
                FROM (SELECT term, weight, last_day FROM story_terms WHERE story = stories.id ORDER BY term));
            UPDATE stories SET last_document = a.n FROM (
                SELECT story, max(n) AS n FROM (SELECT story, row_number() OVER (ORDER BY document) AS n FROM story_documents) GROUP BY story) AS a
            WHERE a.story = stories.id;
            DROP TABLE story_terms;
            """),
        new(11, "a document keeps its mentions as one JSON value (documents.mention_rows: one array per mention, in the old mentions table's column order): nothing queries a single mention, and one value per document is a fraction of the cost of a row per mention", """
            ALTER TABLE documents ADD COLUMN mention_rows TEXT;
            UPDATE documents SET mention_rows = (SELECT json_group_array(json_array(kind, start, end, sentence, entity, name, country, sector, org_kind, affiliation,
                    role, is_reference, rule, json(time), json(place), json(quantity), form, evidence))
                FROM (SELECT * FROM mentions WHERE document = documents.seq ORDER BY idx))
            WHERE EXISTS (SELECT 1 FROM mentions WHERE document = documents.seq);
            DROP TABLE mentions;
            """),
        new(12, "an event keeps the issue codes of its evidence sentence (issue 9: events.issues, one JSON value [{code, count}] in the order first found, null when none); stores analysed before have none until reanalysed", """
            ALTER TABLE events ADD COLUMN issues TEXT;
            """),
        new(13, "a document keeps its sentences and its entities as one JSON value each (documents.sentence_rows: [idx, start, end, paragraph, first_token, token_count, boilerplate, boilerplate_rule] per sentence; documents.entity_rows: [id, name, kind, country, sector, [mentions]] per entity, in the old tables' order): nothing queries a single sentence or entity, and one value per document costs a fraction of a row each to write (issue 10: store cost)", """
            ALTER TABLE documents ADD COLUMN sentence_rows TEXT;
            ALTER TABLE documents ADD COLUMN entity_rows TEXT;
            UPDATE documents SET sentence_rows = (SELECT json_group_array(json_array(idx, start, end, paragraph, first_token, token_count, boilerplate, boilerplate_rule) ORDER BY idx)
                FROM sentences WHERE document = documents.seq)
            WHERE EXISTS (SELECT 1 FROM sentences WHERE document = documents.seq);
            UPDATE documents SET entity_rows = (SELECT json_group_array(json_array(id, name, kind, country, sector, json(mentions)) ORDER BY idx)
                FROM entities WHERE document = documents.seq)
            WHERE EXISTS (SELECT 1 FROM entities WHERE document = documents.seq);
            DROP TABLE sentences;
            DROP TABLE entities;
            """),
        new(14, "a story keeps its centroid as a BLOB (Fusion/CentroidBlob: front-coded terms, weights as their 8 bytes, last days as numbers), not JSON: each changed story's centroid is rewritten every batch, and the JSON's size and number formatting were most of that cost (issue 10: store cost); the JSON centroids are converted", """
            ALTER TABLE stories ADD COLUMN centroid_blob BLOB;
            """, StoryCentroidConversion.Run),
        new(15, "a story's document keeps its contribution (story_documents.contribution, a Fusion/CentroidBlob of its terms and the normalised weights it added, no days), so fusion can be taken back exactly to before any document and a re-analysed store ends as a fresh ingest (issue 10); documents placed before have none, and the first re-analysis that needs them places every document again once", """
            ALTER TABLE story_documents ADD COLUMN contribution BLOB;
            """),
        new(16, "the full-text index merges its segments 8 at a time instead of FTS5's default 4 (automerge): each ingest batch adds a segment, and merging them four by four rewrote every posting about twice as often as eight by eight, the largest part of the index's cost per document in a store of thousands (issue 10: store cost); searches read a few more segments, with the same results and ranks", """
            INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 8);
            """),
        new(17, "a document keeps its attributions as one JSON value (documents.attribution_rows: [source, cue_start, cue_end, content_start, content_end, via, anonymous, direct_quote, denial, evidence_start, evidence_end, date, rule] per attribution, in the old table's order, the source's name, kind and country read from its object): the events query reads an event's source from it by index, and one value per document costs a fraction of a row of 18 columns per attribution to write (issue 10: store cost)", """
            ALTER TABLE documents ADD COLUMN attribution_rows TEXT;
            UPDATE documents SET attribution_rows = (SELECT json_group_array(json_array(json(source), cue_start, cue_end, content_start, content_end, json(via),
                    anonymous, direct_quote, denial, evidence_start, evidence_end, json(date), rule) ORDER BY idx)
                FROM attributions WHERE document = documents.seq)
            WHERE EXISTS (SELECT 1 FROM attributions WHERE document = documents.seq);
            DROP TABLE attributions;
            """),
        new(18, "a document keeps its mentions in a binary form, not JSON (documents.mention_rows, Store/MentionRows: the same fields in the same order, numbers as varints, texts length-first, a time, place or quantity as the same JSON object): about two thirds of the bytes (3.65 against 5.67 KB per BBC document), written with no escaping or number formatting, where the JSON was the largest part of writing a document's rows (issue 10: store cost); the JSON values are converted", """
            ALTER TABLE documents ADD COLUMN mention_blob BLOB;
            """, MentionRowsConversion.Run),
        new(19, "the full-text index merges its segments 16 at a time instead of 8 (automerge; 16 is also FTS5's crisis-merge level, so more would not be kept): merging rewrites every posting once per level, and the levels grow with the store (a level every 8 batches of 256 documents at 8, every 16 at 16), so the index's cost per document grew with the store (issue 10: +22 % at 1,000 documents, +26.5 % at 10,000); searches read up to 15 segments a level instead of 7, with the same results and ranks", """
            INSERT INTO documents_fts(documents_fts, rank) VALUES ('automerge', 16);
            """),
        new(20, "documents fusion left out because their stored values did not decode (fusion_skipped: the document's row and the TAC504 it met): fusion goes on past them, in store order, and they are not read again until a re-analysis or a new ingest of the same text replaces their records; taking fusion back to before one (a rewind) clears its record, so it is tried again there", """
            CREATE TABLE fusion_skipped (
                document INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
                code TEXT NOT NULL, message TEXT NOT NULL);
            """),
        new(21, "the store's writer adds a new document to the full-text index itself, in the same transaction, instead of the insert trigger (dropped): a trigger makes the document's INSERT a statement transaction, and FTS5 writes its pending terms out as a segment at every savepoint, so every document became a segment of one document that merging then rewrote once per level (16 at a time, levels growing with the store); now a batch's documents make one segment (issue 10: store cost). Deletes and changes of title or text still go through their triggers; the index holds the same rows and terms", """
            DROP TRIGGER IF EXISTS documents_fts_insert;
            """),
        new(22, "story clustering writes the document frequencies (fusion_terms.df) every few thousand documents, not every batch: they count the documents up to row fusion_state.terms_through, and the later documents' terms are counted again from their stored contributions (story_documents.contribution) when the state is read; a term new to the store gets its row (df 0) with its batch. Every batch rewrote thousands of rows, the largest single part of the stories phase (issue 10: store cost). A build before this one would read the frequencies as complete, so it must not open such a store (TAC502), and the table is renamed (fusion_terms to fusion_term_counts) so that one already running when the store migrates fails at its next statement on the table and writes nothing, instead of adding the newer documents' counts that this build counts again; a store from before counts every placed document", """
            INSERT INTO fusion_state (name, value) SELECT 'terms_through', coalesce(max(document), 0) FROM story_documents;
            ALTER TABLE fusion_terms RENAME TO fusion_term_counts;
            """),
        new(23, "story clustering numbers the batches it writes (fusion_state.batches, raised in each batch's transaction), so a clusterer whose last written batch was rolled back finds the store an older number and reads the state again, whatever its caller did after the failure (issue 10: the unwritten-batch check no longer relies on callers); and the events index on actor_code goes: no query filters on it, and SQLite used it only as a path for a full scan, which the index on actor_country (kept: the actors list by country reads it) serves as well (EXPLAIN QUERY PLAN, docs/PERFORMANCE.md s17-store), while every stored event paid for it. A build before this one gets TAC502 on such a store (the version goes up); one already running when the store migrates does not raise the number, but its commits move the store's data_version, so this build reads the state again after them", """
            INSERT OR IGNORE INTO fusion_state (name, value) VALUES ('batches', 0);
            DROP INDEX IF EXISTS events_actor_code;
            """),
    ];

    public static int Latest => All[^1].Version;
}
