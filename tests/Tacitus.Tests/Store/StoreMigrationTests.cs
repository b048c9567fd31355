using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class StoreMigrationTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    [Fact]
    public void Open_NewStore_IsAtLatestVersion()
    {
        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Open_OlderStoreWithDocuments_UpgradesAndIndexesThem(int olderVersion)
    {
        var doc = StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "harbour.txt");
        using (var old = DocumentStore.Open(db, schemaVersion: olderVersion))
        {
            Assert.Equal(olderVersion, old.SchemaVersion);
        }

        // a row as the version-1 schema holds it (this program's writer needs the latest schema)
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO documents (id, title, outlet, language, origin, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count) " +
                "VALUES ($id, $title, 'Harbour Herald', 'en', 'harbour.txt', $text, '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0)";
            command.Parameters.AddWithValue("$id", doc.Id.Value);
            command.Parameters.AddWithValue("$title", doc.Metadata.Title);
            command.Parameters.AddWithValue("$text", doc.Text);
            command.ExecuteNonQuery();
        }

        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        Assert.Equal(doc.Id, Assert.Single(store.List("lighthouse")).Id);
        var loaded = store.Load(doc.Id)!;
        Assert.Equal(doc.Text, loaded.Text);
        Assert.Null(loaded.Provenance);
        var sighting = Assert.Single(loaded.Sightings);
        Assert.Equal(("Harbour Herald", "harbour.txt", (string?)null), (sighting.Outlet, sighting.Origin, sighting.Url));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), sighting.FirstSeen);
    }

    [Fact]
    public void Migrations_AreNumberedInOrderFromOne()
    {
        // version 4 belongs to another branch (exports); numbers only have to grow
        var versions = StoreMigrations.All.Select(m => m.Version).ToList();
        Assert.Equal(1, versions[0]);
        Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Fact]
    public void Open_StoreNewerThanProgram_FailsWithTac502()
    {
        using (DocumentStore.Open(db))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {StoreMigrations.Latest + 1}";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StoreException>(() => DocumentStore.Open(db));
        Assert.Equal("TAC502", ex.Error.Code);
    }

    [Fact]
    public void Migrate_FailingStep_LeavesStoreAtPreviousVersion()
    {
        using (DocumentStore.Open(db, schemaVersion: 2))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE INDEX events_type ON events(type)"; // makes step 3 fail half-way
            command.ExecuteNonQuery();
        }

        Assert.Throws<StoreException>(() => DocumentStore.Open(db));
        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        Assert.Equal(2, StoreSchemaMigrator.CurrentVersion(check));
        using var query = check.CreateCommand();
        query.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'documents_published'";
        Assert.Equal(0L, query.ExecuteScalar());
    }

    [Fact]
    public void Save_ActorsWithFullCodes_CodeColumnsHoldThem()
    {
        var doc = StoreFixtures.Analysed();
        var visit = doc.Events[0];
        doc.Events[0] = new EventRecord
        {
            Event = visit.Event,
            Actor = visit.Actor with { Code = "HUNGOV" },
            Recipient = visit.Recipient! with { Code = "AUT" },
            Evidence = visit.Evidence,
            Confidence = visit.Confidence,
        };
        using (var store = DocumentStore.Open(db))
        {
            store.Save(doc);
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT actor_code, recipient_code FROM events ORDER BY idx";
        using var reader = command.ExecuteReader();
        var rows = new List<(string?, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        Assert.Equal([("HUNGOV", "AUT"), (null, null)], rows);
    }

    [Fact]
    public void Open_StoreWithStoryTerms_StoriesKeepTheirCentroidAndLatestArrival()
    {
        using (DocumentStore.Open(db, schemaVersion: 8))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False;Foreign Keys=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO stories (id, title, first_day, last_day, documents, norm2, terms) VALUES (1, 'wheat', NULL, NULL, 2, 6.25, 2), (2, 'port', NULL, NULL, 1, 1, 1);
                INSERT INTO story_terms (term, story, weight, last_day) VALUES ('wheat', 1, 2.0, NULL), ('harvest', 1, 1.5, 19000), ('port', 2, 1.0, NULL);
                INSERT INTO story_documents (document, story, similarity) VALUES (1, 1, NULL), (2, 2, NULL), (3, 1, 0.4);
                """;
            command.ExecuteNonQuery();
        }

        using (var store = DocumentStore.Open(db))
        {
            Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
            store.Save(StoreFixtures.Analysed());
        }

        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "SELECT id, centroid, last_document FROM stories WHERE id <= 2 ORDER BY id";
        using var reader = query.ExecuteReader();
        var rows = new List<(long, string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), CentroidTerms(reader.GetFieldValue<byte[]>(1)), reader.GetInt64(2)));
        }

        Assert.Equal([(1L, "harvest 1.5 19000, wheat 2 -", 3L), (2L, "port 1 -", 2L)], rows);
    }

    [Fact]
    public void Open_StoreWithJsonCentroids_StoriesKeepTheSameTermsAsBlobs()
    {
        var doc = StoreFixtures.Plain("Ships waited offshore.", "Port closed", origin: "port.txt");
        InsertIntoOldStore(13, doc, """
                INSERT INTO stories (id, title, first_day, last_day, documents, norm2, terms, centroid, last_document) VALUES
                    (1, 'wheat', 19000, 19001, 2, 6.25, 3, '[["harvest",1.5,19000],["wheat",0.30000000000000004,null],["~zoë",2.5e-7,19001]]', 2),
                    (2, 'port', NULL, NULL, 1, 1, 1, '[["port",1.0,null]]', 1),
                    (3, 'closed', NULL, NULL, 0, 0, 0, NULL, NULL);
            """);

        using (var store = DocumentStore.Open(db))
        {
            Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        }

        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "SELECT id, typeof(centroid), centroid FROM stories ORDER BY id";
        using var reader = query.ExecuteReader();
        var rows = new List<(long, string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : CentroidTerms(reader.GetFieldValue<byte[]>(2))));
        }

        Assert.Equal(
            [(1L, "blob", "harvest 1.5 19000, wheat 0.30000000000000004 -, ~zoë 2.5E-07 19001"), (2L, "blob", "port 1 -"), (3L, "null", null)],
            rows);
    }

    [Fact]
    public void Open_StoreWithUnreadableJsonCentroid_FailsWithTac504AndStaysAtItsVersion()
    {
        var doc = StoreFixtures.Plain("Ships waited offshore.", "Port closed", origin: "port.txt");
        InsertIntoOldStore(13, doc, """
                INSERT INTO stories (id, title, documents, norm2, terms, centroid, last_document) VALUES (7, 'port', 1, 1, 1, '[["port"]]', 1);
            """);

        var ex = Assert.Throws<StoreException>(() => DocumentStore.Open(db));

        Assert.Equal(("TAC504", "story 7"), (ex.Error.Code, ex.Error.Record));
        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        Assert.Equal(13, StoreSchemaMigrator.CurrentVersion(check));
    }

    /// <summary>A stored centroid as "term weight day" items (day "-" when none), weights written round-trip.</summary>
    private static string CentroidTerms(byte[] blob)
    {
        var items = new List<string>();
        Tacitus.Fusion.CentroidBlob.Read(blob, items, static (list, term, weight, day) =>
            list.Add($"{term} {weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} {(day is int d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}"));
        return string.Join(", ", items);
    }

    [Fact]
    public void Open_StoreWithMentionsTable_KeepsEveryMentionAsOneValuePerDocument()
    {
        var doc = StoreFixtures.Plain("Ana Varga flew to Vienna on Monday with two aides.", "Varga abroad", origin: "varga.txt");
        InsertIntoOldStore(10, doc, """
                INSERT INTO documents (seq, id, title, language, origin, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count)
                    VALUES (1, $id, 'Varga abroad', 'en', 'varga.txt', $text, '2026-01-02T03:04:05Z', 0, 0, 3, 0, 0);
                INSERT INTO documents (seq, id, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count)
                    VALUES (2, $other, 'en', 'Nothing here.', '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0);
                INSERT INTO mentions (document, idx, kind, start, end, sentence, entity, name, country, sector, org_kind, affiliation, role, is_reference, rule, time, place, quantity, form, evidence) VALUES
                    (1, 2, 'quantity', 44, 47, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, '{"value":2,"unit":"person"}', 'Name', NULL),
                    (1, 0, 'person', 0, 9, 0, 0, 'Ana Varga', 'HUN', 'GOV', NULL, NULL, 'minister', 0, 'name:title', NULL, NULL, NULL, 'Name', 'Title'),
                    (1, 1, 'place', 18, 24, 0, 1, 'Vienna', 'AUT', NULL, NULL, NULL, NULL, 1, NULL, NULL, '{"lat":48.2,"lon":16.37,"feature_type":"city"}', NULL, 'Description', NULL);
            """);

        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        var mentions = store.Load(doc.Id)!.Mentions;
        Assert.Equal(
            [
                (MentionKind.Person, 0, 9, (int?)0, "Ana Varga", "HUN", "GOV", "minister", false, "name:title", MentionForm.Name, MentionEvidence.Title),
                (MentionKind.Place, 18, 24, 1, "Vienna", "AUT", null, null, true, null, MentionForm.Description, MentionEvidence.None),
                (MentionKind.Quantity, 44, 47, null, null, null, null, null, false, null, MentionForm.Name, MentionEvidence.None),
            ],
            mentions.Select(m => (m.Kind, m.Span.Start, m.Span.End, m.Entity, m.Name, m.Country?.Value, m.Sector?.Value, m.Role, m.IsReference, m.Rule, m.Form, m.Evidence)));
        Assert.Equal((48.2, 16.37, "city"), (mentions[1].Place!.Lat, mentions[1].Place!.Lon, mentions[1].Place!.FeatureType));
        Assert.Equal((2.0, "person"), (mentions[2].Quantity!.Value, mentions[2].Quantity!.Unit));
        Assert.Empty(store.Load(DocumentId.FromText("Nothing here."))!.Mentions);
    }

    [Fact]
    public void Open_StoreAtVersion11WithEvents_MigratesAndReadsThemWithoutIssues()
    {
        var doc = StoreFixtures.Plain("The ferry company thanked the harbour pilots.", "Pilots thanked", origin: "pilots.txt");
        using (DocumentStore.Open(db, schemaVersion: 11))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO documents (seq, id, title, language, origin, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count)
                    VALUES (1, $id, 'Pilots thanked', 'en', 'pilots.txt', $text, '2026-01-02T03:04:05Z', 0, 0, 0, 0, 1);
                INSERT INTO events (document, idx, type, actor, actor_text, negated, denied, hedged, future, conditional, confidence, evidence_start, evidence_end)
                    VALUES (1, 0, 'SUPPORT', '{"text":"The ferry company"}', 'The ferry company', 0, 0, 0, 0, 0, 0.5, 0, 46);
                """;
            command.Parameters.AddWithValue("$id", doc.Id.Value);
            command.Parameters.AddWithValue("$text", doc.Text);
            command.ExecuteNonQuery();
        }

        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        var record = Assert.Single(store.Load(doc.Id)!.Events);
        Assert.Equal(("The ferry company", 0), (record.Actor.Text, record.Issues.Count));
    }

    [Fact]
    public void Save_EventsWithAndWithoutIssues_IssuesColumnHoldsJsonOrNull()
    {
        using (var store = DocumentStore.Open(db))
        {
            store.Save(StoreFixtures.Analysed());
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT issues FROM events ORDER BY idx";
        using var reader = command.ExecuteReader();
        var rows = new List<string?>();
        while (reader.Read())
        {
            rows.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        Assert.Equal(["""[{"code":"DIPLOMACY","count":2},{"code":"TOURISM","count":1}]""", null], rows);
    }
    [Fact]
    public void Open_StoreWithSentenceAndEntityTables_KeepsThemAsOneValueEachPerDocument()
    {
        var doc = StoreFixtures.Plain("Ana Varga flew to Vienna. She met aides.", "Varga abroad", origin: "varga.txt");
        InsertIntoOldStore(12, doc, """
                INSERT INTO documents (seq, id, title, language, origin, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count)
                    VALUES (1, $id, 'Varga abroad', 'en', 'varga.txt', $text, '2026-01-02T03:04:05Z', 2, 1, 0, 0, 0);
                INSERT INTO documents (seq, id, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count)
                    VALUES (2, $other, 'en', 'Nothing here.', '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0);
                INSERT INTO sentences (document, idx, start, end, paragraph, first_token, token_count, boilerplate, boilerplate_rule) VALUES
                    (1, 1, 26, 40, 1, 6, 4, 1, 'byline'),
                    (1, 0, 0, 25, 0, 0, 6, 0, NULL);
                INSERT INTO entities (document, idx, id, name, kind, country, sector, mentions) VALUES
                    (1, 1, 1, 'Vienna', 'place', 'AUT', NULL, '[1]'),
                    (1, 0, 0, 'Ana Varga', 'person', 'HUN', 'GOV', '[0,2]');
            """);

        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        var read = store.Load(doc.Id)!;
        Assert.Equal(
            [(0, 0, 25, 0, 0, 6, false, null), (1, 26, 40, 1, 6, 4, true, "byline")],
            read.Sentences.Select(s => (s.Index, s.Span.Start, s.Span.End, s.Paragraph, s.FirstToken, s.TokenCount, s.Boilerplate, s.BoilerplateRule)));
        Assert.Equal(
            [(0, "Ana Varga", MentionKind.Person, "HUN", "GOV", "0,2"), (1, "Vienna", MentionKind.Place, "AUT", null, "1")],
            read.Entities.Select(e => (e.Id, e.Name, e.Kind, e.Country?.Value, e.Sector?.Value, string.Join(",", e.Mentions))));
        var empty = store.Load(DocumentId.FromText("Nothing here."))!;
        Assert.Equal((0, 0), (empty.Sentences.Count, empty.Entities.Count));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(15)]
    [InlineData(18)]
    public void Open_NewOrOlderStore_FullTextIndexMergesSixteenSegmentsAtATime(int? olderVersion)
    {
        var doc = StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "harbour.txt");
        if (olderVersion is int version)
        {
            InsertIntoOldStore(version, doc, "INSERT INTO documents (id, title, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count) " +
                "VALUES ($id, 'Harbour protest', 'en', $text, '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0)");
        }

        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT v FROM documents_fts_config WHERE k = 'automerge'";
            Assert.Equal(16L, command.ExecuteScalar());
        }

        if (olderVersion is not null)
        {
            Assert.Equal(doc.Id, Assert.Single(store.List("lighthouse")).Id);
        }
    }

    [Fact]
    public void Open_StoreAtVersion16WithAttributionsTable_KeepsThemAsOneValuePerDocumentAndEventsReadTheirSource()
    {
        var doc = StoreFixtures.Plain("Port officials said the ferry sank, citing a pilot.", "Ferry sank", origin: "ferry.txt");
        InsertIntoOldStore(16, doc, """
                INSERT INTO documents (seq, id, title, language, origin, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count)
                    VALUES (1, $id, 'Ferry sank', 'en', 'ferry.txt', $text, '2026-01-02T03:04:05Z', 0, 0, 0, 2, 1);
                INSERT INTO documents (seq, id, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count)
                    VALUES (2, $other, 'en', 'Nothing here.', '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0);
                INSERT INTO attributions (document, idx, source, source_name, source_kind, source_country, cue_start, cue_end, content_start, content_end,
                        via, anonymous, direct_quote, denial, evidence_start, evidence_end, date, rule) VALUES
                    (1, 1, '{"text":"a pilot","kind":"person"}', NULL, 'person', NULL, 36, 42, 15, 34, '[]', 0, 1, 0, 0, 51, NULL, NULL),
                    (1, 0, '{"text":"Port officials","kind":"official","country":"NOR"}', NULL, 'official', 'NOR', 15, 19, 20, 34,
                        '[{"text":"a pilot","kind":"person"}]', 1, 0, 1, 0, 51, '{"value":"2026-01-02","precision":"day"}', 'said');
                INSERT INTO events (document, idx, type, actor, actor_text, attribution, negated, denied, hedged, future, conditional, confidence, evidence_start, evidence_end)
                    VALUES (1, 0, 'INVESTIGATE', '{"text":"Port officials"}', 'Port officials', 0, 0, 0, 0, 0, 0, 0.5, 0, 51);
            """);

        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        var read = store.Load(doc.Id)!.Attributions;
        Assert.Equal(
            [("Port officials", "NOR", 15, 19, 20, 34, "a pilot", true, false, true, "2026-01-02", "said"), ("a pilot", null, 36, 42, 15, 34, "", false, true, false, null, null)],
            read.Select(a => (a.Source.Text, a.Source.Country?.Value, a.Cue.Start, a.Cue.End, a.Content.Start, a.Content.End, string.Join(",", a.Via.Select(v => v.Text)),
                a.Anonymous, a.DirectQuote, a.Denial, a.Date?.Value, a.Rule)));
        Assert.Empty(store.Load(DocumentId.FromText("Nothing here."))!.Attributions);
        var row = Assert.Single(store.Queries.Events(new EventFilter(), 0, 10).Items);
        Assert.Equal(("Port officials", "a pilot", true), (row.Source!.Text, Assert.Single(row.Via).Text, row.Anonymous));
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'attributions'";
        Assert.Equal(0L, command.ExecuteScalar());
    }

    [Fact]
    public void Open_StoreAtVersion17WithJsonMentions_KeepsEveryMentionInTheBinaryForm()
    {
        var doc = StoreFixtures.Plain("Ana Varga flew to Vienna on Monday with two aides.", "Varga abroad", origin: "varga.txt");
        InsertIntoOldStore(17, doc, """
                INSERT INTO documents (seq, id, title, language, origin, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count, mention_rows)
                    VALUES (1, $id, 'Varga abroad', 'en', 'varga.txt', $text, '2026-01-02T03:04:05Z', 0, 0, 3, 0, 0,
                    '[["person",0,9,0,0,"Ana Varga","HUN","GOV",null,null,"minister",0,"name:title",null,null,null,"Name","Title"],' ||
                    '["place",18,24,0,1,"Vienna","AUT",null,null,null,null,1,null,null,{"lat":48.2,"lon":16.37,"feature_type":"city"},null,"Description",null],' ||
                    '["time",28,34,0,null,null,null,null,null,null,null,0,null,{"value":"2026-01-05","precision":"day"},null,null,"Name",null]]');
                INSERT INTO documents (seq, id, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count)
                    VALUES (2, $other, 'en', 'Nothing here.', '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0);
            """);

        using var store = DocumentStore.Open(db);
        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        var mentions = store.Load(doc.Id)!.Mentions;
        Assert.Equal(
            [
                (MentionKind.Person, 0, 9, (int?)0, "Ana Varga", "HUN", "GOV", "minister", false, "name:title", MentionForm.Name, MentionEvidence.Title),
                (MentionKind.Place, 18, 24, 1, "Vienna", "AUT", null, null, true, null, MentionForm.Description, MentionEvidence.None),
                (MentionKind.Time, 28, 34, null, null, null, null, null, false, null, MentionForm.Name, MentionEvidence.None),
            ],
            mentions.Select(m => (m.Kind, m.Span.Start, m.Span.End, m.Entity, m.Name, m.Country?.Value, m.Sector?.Value, m.Role, m.IsReference, m.Rule, m.Form, m.Evidence)));
        Assert.Equal((48.2, 16.37, "city"), (mentions[1].Place!.Lat, mentions[1].Place!.Lon, mentions[1].Place!.FeatureType));
        Assert.Equal(("2026-01-05", TimePrecision.Day), (mentions[2].Time!.Value, mentions[2].Time!.Precision));
        Assert.Empty(store.Load(DocumentId.FromText("Nothing here."))!.Mentions);
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(mention_rows) FROM documents ORDER BY seq";
        using var r = command.ExecuteReader();
        var types = new List<string>();
        while (r.Read())
        {
            types.Add(r.GetString(0));
        }

        Assert.Equal(["blob", "null"], types);
    }

    [Fact]
    public void Open_StoreAtVersion17WithMoreDocumentsThanAPage_ConvertsEveryDocumentsMentions()
    {
        // migration 18 converts 256 documents a page: 300, every seventh with no mentions, cross a page's end
        const int Count = 300;
        using (DocumentStore.Open(db, schemaVersion: 17))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO documents (seq, id, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count, mention_rows) " +
                "VALUES ($seq, $id, 'en', $text, '2026-01-02T03:04:05Z', 0, 0, $count, 0, 0, $rows)";
            var (seq, id, text, count, rows) = (command.Parameters.Add("$seq", SqliteType.Integer), command.Parameters.Add("$id", SqliteType.Text),
                command.Parameters.Add("$text", SqliteType.Text), command.Parameters.Add("$count", SqliteType.Integer), command.Parameters.Add("$rows", SqliteType.Text));
            for (var i = 0; i < Count; i++)
            {
                var mentions = MigratedMentions(i);
                (seq.Value, id.Value, text.Value, count.Value) = (i + 1, DocumentId.FromText(MigratedText(i)).Value, MigratedText(i), mentions.Count);
                rows.Value = mentions.Count == 0 ? DBNull.Value : "[" + string.Join(",", mentions.Select(m =>
                    $"[\"{m.Kind.ToString().ToLowerInvariant()}\",{m.Start},{m.End},0,{m.Entity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"},\"{m.Name}\",null,null,null,null,null,0,null,null,null,null,\"Name\",null]")) + "]";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        using var store = DocumentStore.Open(db);

        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        for (var i = 0; i < Count; i++)
        {
            var loaded = store.Load(DocumentId.FromText(MigratedText(i)))!;
            Assert.Equal(MigratedMentions(i), loaded.Mentions.Select(m => (m.Kind, m.Span.Start, m.Span.End, m.Entity, m.Name!)).ToList());
        }
    }

    private static string MigratedText(int i) => $"Report {i}: the council met the harbour pilots.";

    /// <summary>Document <paramref name="i"/>'s mentions in the migration test: none for every seventh, else one to three that differ by document.</summary>
    private static List<(MentionKind Kind, int Start, int End, int? Entity, string Name)> MigratedMentions(int i) =>
        i % 7 == 3 ? [] : [.. Enumerable.Range(0, 1 + (i % 3)).Select(k => (k == 1 ? MentionKind.Organization : MentionKind.Person, k * 10, (k * 10) + 3 + (i % 5), k == 2 ? (int?)null : i + k, $"name {i}.{k}"))];

    [Fact]
    public void Open_StoreAtVersion17WithUnreadableMentions_FailsWithTac504AndStaysAtItsVersion()
    {
        var doc = StoreFixtures.Plain("Ana Varga flew to Vienna.", "Varga abroad", origin: "varga.txt");
        InsertIntoOldStore(17, doc, """
                INSERT INTO documents (seq, id, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count, mention_rows)
                    VALUES (1, $id, 'en', $text, '2026-01-02T03:04:05Z', 0, 0, 1, 0, 0, '[["person",0]]');
            """);

        var ex = Assert.Throws<StoreException>(() => DocumentStore.Open(db));

        Assert.Equal(("TAC504", "document 1"), (ex.Error.Code, ex.Error.Record));
        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        Assert.Equal(17, StoreSchemaMigrator.CurrentVersion(check));
    }

    [Fact]
    public void Open_StoreAtVersion20_DropsTheInsertTriggerAndIndexesOldAndNewDocuments()
    {
        var old = StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "harbour.txt");
        InsertIntoOldStore(20, old, "INSERT INTO documents (id, title, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count) " +
            "VALUES ($id, 'Harbour protest', 'en', $text, '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0)");

        using var store = DocumentStore.Open(db);
        var added = StoreFixtures.Plain("The ferry sailed late after the storm.", "Ferry delayed", origin: "ferry.txt");
        Assert.Equal(1, store.Save(added).Stored);

        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name)";
        Assert.Equal("documents_fts_delete,documents_fts_update", command.ExecuteScalar());
        Assert.Equal(old.Id, Assert.Single(store.List("lighthouse")).Id);
        Assert.Equal(added.Id, Assert.Single(store.List("ferry")).Id);
        command.CommandText = "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_DocumentsAddedWithoutIndexAfterMigration_IndexesTheTailOnNextOpen()
    {
        // what a writer of an older build that was running while this one migrated the store leaves behind: rows
        // without index entries, since its insert trigger is gone
        var first = StoreFixtures.Plain("The ferry sailed late after the storm.", "Ferry delayed", origin: "ferry.txt");
        using (var store = DocumentStore.Open(db))
        {
            Assert.Equal(1, store.Save(first).Stored);
        }

        var late = StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "harbour.txt");
        InsertIntoOldStore(StoreMigrations.Latest, late, "INSERT INTO documents (id, title, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count) " +
            "VALUES ($id, 'Harbour protest', 'en', $text, '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0)");

        using var reopened = DocumentStore.Open(db);
        Assert.Equal(late.Id, Assert.Single(reopened.List("lighthouse")).Id);
        Assert.Equal(first.Id, Assert.Single(reopened.List("ferry")).Id);
        using var check = new SqliteConnection($"Data Source={db};Pooling=False");
        check.Open();
        using var command = check.CreateCommand();
        command.CommandText = "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_StoreWithStoriesBeforeDeferredFrequencies_CountsEveryPlacedDocumentOnce()
    {
        StoreWithOneStoryAt21();

        using var store = DocumentStore.Open(db);

        Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        Assert.Equal(["fisherman|1|fisherman", "lighthouse|1|lighthouse"], Tacitus.Tests.Fusion.StoredFrequencies.Of(db));
    }

    [Fact]
    public void Open_OlderBuildAlreadyRunningWhenTheStoreMigratesTo22_ItsFrequencyWriteFailsAndWritesNothing()
    {
        StoreWithOneStoryAt21();
        // a build before migration 22 with the store open: its statement on the frequencies already prepared (as the
        // store's statement cache keeps them), to run after another connection migrated the store
        using var old = new SqliteConnection($"Data Source={db};Pooling=False");
        old.Open();
        using var write = old.CreateCommand();
        write.CommandText = "INSERT INTO fusion_terms (term, df, display) VALUES ('lighthouse', 1, 'lighthouse') ON CONFLICT (term) DO UPDATE SET df = df + 1";
        write.Prepare();

        using (var store = DocumentStore.Open(db))
        {
            Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        }

        var failed = Assert.Throws<SqliteException>(() => write.ExecuteNonQuery());

        Assert.Contains("fusion_terms", failed.Message, StringComparison.Ordinal);
        Assert.Equal(["fisherman|1|fisherman", "lighthouse|1|lighthouse"], Tacitus.Tests.Fusion.StoredFrequencies.Of(db));
    }

    [Fact]
    public void Open_StoreAtVersion22_NumbersBatchesFromZeroAndDropsTheEventsIndexNoQueryFiltersOn()
    {
        using (DocumentStore.Open(db, schemaVersion: 22))
        {
        }

        Assert.Equal(["events_actor_code", "events_actor_country", "events_type"], StoreFixtures.Column<string>(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name"));
        Assert.Empty(StoreFixtures.Column<string>(db, "SELECT name FROM fusion_state WHERE name = 'batches'"));

        using (var store = DocumentStore.Open(db))
        {
            Assert.Equal(StoreMigrations.Latest, store.SchemaVersion);
        }

        Assert.Equal(["events_actor_country", "events_type"], StoreFixtures.Column<string>(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name"));
        Assert.Equal(["batches|0"], StoreFixtures.Column<string>(db, "SELECT name || '|' || value FROM fusion_state WHERE name = 'batches'"));
    }

    /// <summary>A store at version 21 with one document placed in one story, as a build before migration 22 wrote it: its contribution and its terms' full frequencies.</summary>
    private void StoreWithOneStoryAt21()
    {
        var doc = StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "harbour.txt");
        InsertIntoOldStore(21, doc, "INSERT INTO documents (id, title, language, text, ingested_at, sentence_count, boilerplate_count, mention_count, attribution_count, event_count) " +
            "VALUES ($id, 'Harbour protest', 'en', $text, '2026-01-02T03:04:05Z', 0, 0, 0, 0, 0)");
        var contribution = new Tacitus.Fusion.CentroidBlob();
        contribution.Begin(2);
        contribution.Add("fisherman", 0.6, null);
        contribution.Add("lighthouse", 0.8, null);
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO stories (id, title, first_day, last_day, documents, norm2, terms) VALUES (1, 'lighthouse', NULL, NULL, 1, 1.0, 2);
            INSERT INTO story_documents (document, story, similarity, contribution) SELECT seq, 1, NULL, $blob FROM documents;
            INSERT INTO fusion_terms (term, df, display) VALUES ('fisherman', 1, 'fisherman'), ('lighthouse', 1, 'lighthouse');
            UPDATE fusion_state SET value = 1 WHERE name = 'documents';
            """;
        command.Parameters.AddWithValue("$blob", contribution.Written.ToArray());
        command.ExecuteNonQuery();
    }

    /// <summary>Creates the store at an older (or the latest) schema version and runs <paramref name="sql"/> on it, with $id and $text of <paramref name="doc"/> and $other, the id of "Nothing here.".</summary>
    private void InsertIntoOldStore(int version, Document doc, string sql)
    {
        using (DocumentStore.Open(db, schemaVersion: version))
        {
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", doc.Id.Value);
        command.Parameters.AddWithValue("$text", doc.Text);
        command.Parameters.AddWithValue("$other", DocumentId.FromText("Nothing here.").Value);
        command.ExecuteNonQuery();
    }
}
