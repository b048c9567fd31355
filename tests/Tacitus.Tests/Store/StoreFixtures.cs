using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Store;

/// <summary>Hand-built documents (invented text) with every kind of analysis filled in, and temp store paths.</summary>
internal static class StoreFixtures
{
    public const string AnalysedText =
        "Foreign Minister Ana Varga visited Vienna on Monday, the agency Radio Nord reported, citing unnamed diplomats.\n\n" +
        "She met Chancellor Otto Brenner, \"a long-time rival\", officials said.\n\n" +
        "Subscribe to our newsletter.";

    /// <summary>The analysis JSON of a stored document without its sightings (which the store adds), and how many there were.</summary>
    public static string WithoutSightings(string json, out int sightings)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var document = node["document"]!.AsObject();
        sightings = document["sightings"] is System.Text.Json.Nodes.JsonArray array ? array.Count : 0;
        document.Remove("sightings");
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The first column of every row <paramref name="query"/> gives, read on a read-only connection of its own.</summary>
    public static List<T> Column<T>(string path, string query)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var r = command.ExecuteReader();
        var values = new List<T>();
        while (r.Read())
        {
            values.Add(r.GetFieldValue<T>(0));
        }

        return values;
    }

    public static string TempDb() => Path.Combine(Path.GetTempPath(), $"tacitus-test-{Guid.NewGuid():N}.db");

    public static void DeleteDb(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    /// <summary>
    /// Stores a short document and a long one (about 28 KB of text, so its row runs on over overflow pages) in a new store
    /// at <paramref name="db"/>, closes it, and overwrites on disk the next-page pointer of the page that holds the middle of
    /// the long text, as a bad disk would: SQLite then finds the row's page chain malformed (SQLITE_CORRUPT) when it reads
    /// past that page in that row, and only there.
    /// </summary>
    public static (Document Short, Document Long) StoreAndCorruptALongDocumentsPage(string db)
    {
        var filler = string.Concat(Enumerable.Range(0, 700).Select(i => $"Convoy {i} moved on. "));
        var (small, large) = (Plain("The ferry sailed at dawn.", "Ferry"), Plain(filler + "Zqxmarker here. " + filler, "Long convoy"));
        using (var store = Tacitus.Store.DocumentStore.Open(db))
        {
            store.SaveBatch([small, large]);
        }

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }

        var bytes = File.ReadAllBytes(db);
        var pageSize = (bytes[16] << 8) | bytes[17];
        var at = bytes.AsSpan().IndexOf("Zqxmarker"u8);
        if (at <= pageSize)
        {
            throw new InvalidOperationException("the long text is not on an overflow page of the file");
        }

        bytes.AsSpan(at / pageSize * pageSize, 4).Fill(0xFF); // an overflow page starts with the number of the next one
        File.WriteAllBytes(db, bytes);
        return (small, large);
    }

    public static Document Plain(string text, string? title = null, string? origin = null)
    {
        var document = new Document(text, new DocumentMetadata { Title = title, Origin = origin ?? "fixture.txt", Format = "text", Published = new DateOnly(2021, 3, 1) })
        {
            Language = "en",
        };
        return PipelineFactory.Create(new PipelineOptions { TextOnly = true }).Process(document);
    }

    public static Document Analysed()
    {
        var text = AnalysedText;
        var doc = Plain(text, "Varga in Vienna", "articles/varga.txt");
        doc.Metadata = doc.Metadata with { Outlet = "Daily Ledger", Url = "https://example.org/varga", Author = "J. Doe", ExternalId = "rec-7" };
        doc.Sentences[^1].Boilerplate = true;
        doc.Sentences[^1].BoilerplateRule = "subscription-plea";
        TextSpan At(string words, int from = 0) => new(text.IndexOf(words, from, StringComparison.Ordinal), text.IndexOf(words, from, StringComparison.Ordinal) + words.Length);

        doc.Mentions.Add(new Mention { Kind = MentionKind.Person, Span = At("Ana Varga"), Sentence = 0, Entity = 0, Name = "Ana Varga", Country = CountryCode.From("HUN"), Sector = Sector.Government, Role = "foreign minister", Rule = "name:title", Evidence = MentionEvidence.Title });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Place, Span = At("Vienna"), Sentence = 0, Entity = 1, Name = "Vienna", Country = CountryCode.From("AUT"), Place = new PlaceInfo { Lat = 48.2, Lon = 16.37, GeoNamesId = 2761369, FeatureType = "city", Population = 1691468 } });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Time, Span = At("Monday"), Sentence = 0, Time = new TimeInfo { Value = "2021-03-01", Precision = TimePrecision.Day, Basis = "publication" } });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Organization, Span = At("Radio Nord"), Sentence = 0, OrgKind = "media", Name = "Radio Nord", Form = MentionForm.Name });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Person, Span = At("She"), Sentence = 1, Entity = 0, IsReference = true, Form = MentionForm.Description });
        doc.Mentions.Add(new Mention { Kind = MentionKind.Quantity, Span = At("long"), Sentence = 1, Quantity = new QuantityInfo { Value = 2, Unit = "hour", SiValue = 7200, SiUnit = "s", SameAs = 1, Consistent = true } });
        var varga = new Entity { Id = 0, Name = "Ana Varga", Kind = MentionKind.Person, Country = CountryCode.From("HUN"), Sector = Sector.Government };
        varga.Mentions.AddRange([0, 4]);
        doc.Entities.Add(varga);
        doc.Entities.Add(new Entity { Id = 1, Name = "Vienna", Kind = MentionKind.Place, Country = CountryCode.From("AUT") });

        var first = doc.Sentences[0].Span;
        var attribution = new Attribution
        {
            Source = new SourceRef { Text = "the agency Radio Nord", Span = At("the agency Radio Nord"), Name = "Radio Nord", Kind = "media" },
            Cue = At("reported"),
            Content = new TextSpan(first.Start, At("Monday").End),
            Evidence = first,
            Anonymous = true,
            Date = new TimeInfo { Value = "2021-03-01", Precision = TimePrecision.Day },
            Rule = "reported-citing",
        };
        attribution.Via.Add(new SourceRef { Text = "unnamed diplomats", Span = At("unnamed diplomats"), Kind = "anonymous" });
        doc.Attributions.Add(attribution);
        doc.Attributions.Add(new Attribution
        {
            Source = new SourceRef { Text = "officials", Kind = "official", Country = CountryCode.From("HUN") },
            Cue = At("said"),
            Content = new TextSpan(doc.Sentences[1].Span.Start, At("rival\"").End),
            Evidence = doc.Sentences[1].Span,
            DirectQuote = true,
            Denial = true,
        });

        var visit = new EventRecord
        {
            Event = PloverType.Consult,
            Mode = "visit",
            Cameo = CameoCode.From("042"),
            Score = 1.9,
            Actor = new ActorRef { Text = "Foreign Minister Ana Varga", Span = At("Foreign Minister Ana Varga"), Name = "Ana Varga", Country = CountryCode.From("HUN"), Sector = Sector.Government, Entity = 0, Mention = 0 },
            Recipient = new ActorRef { Text = "Vienna", Name = "Austria", Country = CountryCode.From("AUT") },
            Date = new EventDate("Monday", "2021-03-01", "publication", At("Monday")),
            Location = new EventLocation { Text = "Vienna", Name = "Vienna", Country = CountryCode.From("AUT"), Lat = 48.2, Lon = 16.37, GeoNamesId = 2761369, Mention = 1 },
            Attribution = 0,
            Modality = new Modality { Hedged = true },
            Confidence = 0.8125,
            Evidence = first,
            Trigger = At("visited"),
        };
        visit.Issues = [new IssueCount("DIPLOMACY", 2), new IssueCount("TOURISM", 1)];
        visit.Explanation["event"] = "verb:visit";
        visit.Explanation["actor"] = "subject";
        doc.Events.Add(visit);
        doc.Events.Add(new EventRecord
        {
            Event = PloverType.Consult,
            Mode = "meet",
            Actor = new ActorRef { Text = "She", Name = "Ana Varga", Country = CountryCode.From("HUN") },
            Recipient = new ActorRef { Text = "Chancellor Otto Brenner", Name = "Otto Brenner", Country = CountryCode.From("AUT"), Sector = Sector.Government },
            Attribution = 1,
            Modality = new Modality { Negated = true, Denied = true, Future = true, Conditional = true },
            Confidence = 0.4,
            Evidence = doc.Sentences[1].Span,
        });
        doc.Warnings.Add(new TacitusError("TAC401", "events", "two readings of 'met'"));
        return doc;
    }

    /// <summary>The full-text index's segments (a segment's pages are the data rows whose id has its number above bit 37).</summary>
    public static long FullTextSegments(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(DISTINCT id >> 37) FROM documents_fts_data WHERE id >> 37 > 0";
        return (long)command.ExecuteScalar()!;
    }
}
