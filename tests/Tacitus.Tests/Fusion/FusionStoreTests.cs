using System.Text.Json.Nodes;
using Json.Schema;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;
using Tacitus.Store;
using Tacitus.Tests.Store;
using static Tacitus.Tests.Fusion.FusionFixtures;

namespace Tacitus.Tests.Fusion;

/// <summary>Fusion through the store: invented reports stored the way ingest stores them, read back through <see cref="FusionStore"/>.</summary>
public sealed class FusionStoreTests : IDisposable
{
    private static readonly JsonSchema StorySchema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "story.schema.json"));
    private static readonly JsonSchema FusedEventSchema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "fused-event.schema.json"));
    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    private static List<Document> Blockade()
    {
        var first = Document("Norland's navy blockaded the port of Velmar on Wednesday. Ships waited offshore.", "Harbour Post", "2024-05-02", "a/harbour.txt");
        AddEvent(first, "blockaded", PloverType.Coerce, Actor("Norland Navy", "NRL", "MIL"), Actor("Velmar", "VLM"), "2024-05-01");
        var second = Document("Velmar's port was closed by Norland warships, the Coast Wire agency reported, citing unnamed officers.", "Velmar Courier", "2024-05-02", "b/courier.txt");
        var chain = Attribute(second, "reported", new SourceRef { Text = "the Coast Wire agency", Name = "Coast Wire", Kind = "media" }, new SourceRef { Text = "unnamed officers", Kind = "anonymous" });
        AddEvent(second, "closed", PloverType.Coerce, Actor("Norland", "NRL"), Actor("Velmar", "VLM"), attribution: second.Attributions.IndexOf(chain));
        var third = Document("The Norland defence ministry said its navy had blockaded Velmar since Wednesday. Talks are planned.", "Harbour Post", "2024-05-03", "a/harbour-2.txt");
        var ministry = Attribute(third, "said", new SourceRef { Text = "The Norland defence ministry", Name = "Norland Defence Ministry", Kind = "government", Country = CountryCode.From("NRL") });
        AddEvent(third, "blockaded", PloverType.Coerce, Actor("Norland Navy", "NRL", "MIL"), Actor("Velmar", "VLM"), "2024-05-01", attribution: third.Attributions.IndexOf(ministry));
        return [first, second, third];
    }

    [Fact]
    public void Save_ThreeReportsOfOneBlockade_OneFusedEventConfirmedWithEveryReport()
    {
        using (var store = DocumentStore.Open(db))
        {
            store.SaveBatch(Blockade());
        }

        using var reopened = DocumentStore.Open(db);
        using var fusion = reopened.Fusion();
        var fused = Assert.Single(fusion.FusedEvents(new FusedEventFilter { Type = "COERCE" }));
        Assert.Equal(3, fused.Reports.Count);
        Assert.Equal(FusionStatus.Confirmed, fused.Status);
        Assert.Equal(["Harbour Post", "Coast Wire's anonymous sources (unnamed officers)", "Norland Defence Ministry"], fused.Sources.Select(s => s.Name));
        Assert.Equal("2024-05-01", fused.DateValue);
        Assert.Equal(["a/harbour.txt", "b/courier.txt", "a/harbour-2.txt"], fused.Reports.Select(r => r.Document.File));
        Assert.Equal(2, fused.Reports[1].Chain.Count);
    }

    [Fact]
    public void Save_ReportsArriveOneBatchAtATime_StoredStatusFollowsEachReport()
    {
        using var store = DocumentStore.Open(db);
        using var fusion = store.Fusion();
        string Stored() => (string)Sql("SELECT status FROM fused_events")!;
        var reports = Blockade();

        store.Save(reports[0]);
        Assert.Equal(FusionStatus.SingleSource, Stored());
        store.Save(reports[1]);
        Assert.Equal(FusionStatus.Corroborated, Stored());
        store.Save(reports[2]);
        Assert.Equal(FusionStatus.Confirmed, Stored());
        Assert.Equal(Stored(), Assert.Single(fusion.FusedEvents()).Status);
    }

    [Theory]
    [InlineData("confirmed", 1)]
    [InlineData("CONFIRMED", 1)]
    [InlineData("corroborated", 0)]
    [InlineData("single-source", 1)]
    [InlineData("denied", 0)]
    public void FusedEvents_StatusFilter_ListsOnlyThatStatusFromTheStore(string status, int expected)
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch(Blockade());
        var other = Document("Talks between Norland and Velmar opened in Ostrava on Friday. Delegates met for hours.", "Velmar Courier", "2024-07-12", "b/talks.txt");
        AddEvent(other, "opened", PloverType.Consult, Actor("Norland", "NRL"), Actor("Velmar", "VLM"), "2024-07-12");
        store.Save(other);
        using var fusion = store.Fusion();

        var listed = fusion.FusedEvents(new FusedEventFilter { Status = status }).ToList();

        Assert.Equal(expected, listed.Count);
        Assert.All(listed, e => Assert.Equal(status, e.Status, ignoreCase: true));
        Assert.Equal(listed.Sum(e => e.Reports.Count), fusion.ReportsWithStatus(status).Count());
    }

    [Fact]
    public void Open_StoreFusedBeforeStatusWasKept_JudgesEveryFusedEventOnce()
    {
        using (var store = DocumentStore.Open(db))
        {
            store.SaveBatch(Blockade());
        }

        Sql("UPDATE fused_events SET status = NULL");

        using var reopened = DocumentStore.Open(db);
        using var fusion = reopened.Fusion();
        var listed = Assert.Single(fusion.FusedEvents(new FusedEventFilter { Status = FusionStatus.Confirmed }));
        Assert.Equal(3, listed.Reports.Count);
    }

    [Fact]
    public void FusedEvents_OffsetAndLimit_PageInIdOrder()
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch(Blockade());
        var other = Document("Talks between Norland and Velmar opened in Ostrava on Friday. Delegates met for hours.", "Velmar Courier", "2024-07-12", "b/talks.txt");
        AddEvent(other, "opened", PloverType.Consult, Actor("Norland", "NRL"), Actor("Velmar", "VLM"), "2024-07-12");
        store.Save(other);
        using var fusion = store.Fusion();
        var all = fusion.FusedEvents().Select(e => e.Id).ToList();

        Assert.Equal(2, all.Count);
        Assert.Equal(all[1..], fusion.FusedEvents(offset: 1, limit: 5).Select(e => e.Id));
        Assert.Equal(all[..1], fusion.FusedEvents(offset: 0, limit: 1).Select(e => e.Id));
    }

    /// <summary>Runs one statement on a connection of its own (the store's file in WAL mode) and returns the first value.</summary>
    private object? Sql(string text)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = text;
        return command.ExecuteScalar();
    }

    [Fact]
    public void Save_SameDocumentsAgain_ChangesNothing()
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch(Blockade());
        using var fusion = store.Fusion();
        var before = fusion.Count();

        var again = store.SaveBatch(Blockade());

        Assert.Equal(0, again.Stored);
        Assert.Equal(before, fusion.Count());
        Assert.Equal(3, Assert.Single(fusion.FusedEvents()).Reports.Count);
    }

    /// <summary>The blockade, a harvest report (a fused event of its own) and a later blockade report that joins the first.</summary>
    private static List<Document> BlockadeAndHarvest()
    {
        var harvest = Document("Ostra's farmers union praised the record wheat harvest. Prices fell.", "Farm Weekly", "2024-05-02", "c/harvest.txt");
        AddEvent(harvest, "praised", PloverType.Support, Actor("Ostra farmers union", "OST"));
        var later = Document("Norland warships kept Velmar's port blockaded on Wednesday, harbour pilots said.", "Velmar Courier", "2024-05-04", "b/courier-2.txt");
        AddEvent(later, "blockaded", PloverType.Coerce, Actor("Norland Navy", "NRL", "MIL"), Actor("Velmar", "VLM"), "2024-05-01");
        return [.. Blockade(), harvest, later];
    }

    /// <summary>Each fused event as read (its reports from the store, judged), with the status and report count its row holds (what ingest wrote from memory).</summary>
    internal static List<string> FusedEvents(DocumentStore store)
    {
        using var fusion = store.Fusion();
        var rows = new Dictionary<long, string>();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.Path};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, status || ' ' || reports FROM fused_events";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                rows[r.GetInt64(0)] = r.GetString(1);
            }
        }

        return [.. fusion.FusedEvents().Select(f => $"{f.Type} {f.Actor.Name}/{f.Actor.Country} {f.DateValue} {f.Status} (row: {rows[f.Id]}): {string.Join(", ", f.Reports.Select(r => $"{r.Document.File}#{r.Event}"))}").Order(StringComparer.Ordinal)];
    }

    /// <summary>The blockade reported by <paramref name="outlets"/> outlets of their own, then <see cref="Blockade"/>'s three reports (an anonymous chain and the navy's ministry).</summary>
    private static List<Document> ManyReports(int outlets)
    {
        var documents = new List<Document>();
        for (var i = 0; i < outlets; i++)
        {
            var document = Document($"Norland warships blockaded the port of Velmar on Wednesday, dispatch {i} said.", $"Outlet {i}", "2024-05-02", $"many/{i}.txt");
            AddEvent(document, "blockaded", PloverType.Coerce, Actor("Norland Navy", "NRL", "MIL"), Actor("Velmar", "VLM"), "2024-05-01");
            documents.Add(document);
        }

        return [.. documents, .. Blockade()];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Save_MoreReportsThanAnOpenEventKeeps_SameFusedEventsAsUnbounded(int kept)
    {
        var bounded = StoreFixtures.TempDb();
        try
        {
            using var whole = DocumentStore.Open(db);
            using var small = DocumentStore.Open(bounded, stories: new StoryOptions { OpenEventReports = kept });
            var documents = ManyReports(6);
            foreach (var batch in documents.Chunk(2))
            {
                whole.SaveBatch(batch);
                small.SaveBatch(batch);
                Assert.Equal(FusedEvents(whole), FusedEvents(small));
            }

            // the ministry's report (the last) earns the status from a report the bounded event no longer holds in memory
            var expected = FusedEvents(whole);
            Assert.Contains(expected, e => e.Contains("confirmed (row: confirmed 9)", StringComparison.Ordinal));

            // a re-analysed report takes fusion back (read again from the store) and joins again
            Assert.Equal(1, whole.Save([new StoreWrite(documents[1])], ReplaceMode.Always).Reanalysed);
            Assert.Equal(1, small.Save([new StoreWrite(documents[1])], ReplaceMode.Always).Reanalysed);
            Assert.Equal(FusedEvents(whole), FusedEvents(small));

            // the documents after it fused again (joining past the bound in memory), then the last one re-analysed: read
            // again, the event is past the bound (read without its reports), and the report joins it trimmed, judged from the store
            Assert.Equal(whole.FuseBacklog(), small.FuseBacklog());
            Assert.Equal(FusedEvents(whole), FusedEvents(small));
            Assert.Contains(FusedEvents(whole), e => e.Contains("(row: confirmed 9)", StringComparison.Ordinal));
            Assert.Equal(1, whole.Save([new StoreWrite(documents[^1])], ReplaceMode.Always).Reanalysed);
            Assert.Equal(1, small.Save([new StoreWrite(documents[^1])], ReplaceMode.Always).Reanalysed);
            Assert.Equal(FusedEvents(whole), FusedEvents(small));
        }
        finally
        {
            StoreFixtures.DeleteDb(bounded);
        }
    }

    [Fact]
    public void Save_ReanalysedDocuments_SameFusedEventsAsAFreshIngest()
    {
        var fresh = StoreFixtures.TempDb();
        try
        {
            List<string> expected;
            using (var store = DocumentStore.Open(fresh))
            {
                store.SaveBatch(BlockadeAndHarvest());
                expected = FusedEvents(store);
            }

            using var reanalysed = DocumentStore.Open(db);
            reanalysed.SaveBatch(BlockadeAndHarvest()[..4]);
            // the first report of the blockade, then the second with the harvest (whose fused event empties and starts again), each batch re-fusing in memory
            var documents = BlockadeAndHarvest();
            var first = reanalysed.Save([new StoreWrite(documents[0])], ReplaceMode.Always);
            var second = reanalysed.Save([new StoreWrite(documents[1]), new StoreWrite(documents[3])], ReplaceMode.Always);
            reanalysed.SaveBatch([documents[4]]);

            Assert.Equal((1L, 2L), (first.Reanalysed, second.Reanalysed));
            Assert.Equal(2, expected.Count);
            Assert.Equal(expected, FusedEvents(reanalysed));
        }
        finally
        {
            StoreFixtures.DeleteDb(fresh);
        }
    }

    [Fact]
    public void Save_UnreadableContributionMidSave_FailsCodedAndTheNextSaveFuses()
    {
        // frequencies written every batch: the damaged contribution is read only by the rewind
        using var store = DocumentStore.Open(db, stories: StoryOptions.Default with { TermsWrittenEvery = 1 });
        var documents = BlockadeAndHarvest();
        store.SaveBatch(documents[..4]);
        // the harvest report's contribution is damaged: re-analysing it fails inside the transaction, not in SQLite
        Sql("UPDATE story_documents SET contribution = x'ff' WHERE document = (SELECT max(document) FROM story_documents)");

        var failed = Assert.Throws<StoreException>(() => store.Save([new StoreWrite(documents[3])], ReplaceMode.Always));
        var next = store.SaveBatch([documents[4]]);

        Assert.Equal("TAC504", failed.Error.Code);
        Assert.Equal(1, next.Stored);
        Assert.Contains(FusedEvents(store), e => e.StartsWith("Coerce", StringComparison.Ordinal) && e.Contains("b/courier-2.txt#", StringComparison.Ordinal));
    }

    [Fact]
    public void UnfuseAll_UnreadableContributionNotYetInTheFrequencies_SavesFailCodedThenTheBacklogFusesEveryDocument()
    {
        var fresh = StoreFixtures.TempDb();
        try
        {
            var documents = BlockadeAndHarvest();
            List<string> expected;
            using (var clean = DocumentStore.Open(fresh))
            {
                clean.SaveBatch(documents);
                expected = FusedEvents(clean);
            }

            // default options: the last document's terms are counted again from its contribution whenever the state is read
            using var store = DocumentStore.Open(db);
            store.SaveBatch(documents[..4]);
            Sql("UPDATE story_documents SET contribution = x'ff' WHERE document = (SELECT max(document) FROM story_documents)");

            var failed = Assert.Throws<StoreException>(() => store.SaveBatch([documents[4]]));
            store.UnfuseAll();
            var fused = store.FuseBacklog();
            var next = store.SaveBatch([documents[4]]);

            Assert.Equal("TAC504", failed.Error.Code);
            Assert.Contains("reanalyse --all", failed.Error.Message, StringComparison.Ordinal);
            Assert.Equal((4, 1L), (fused, next.Stored));
            Assert.Equal(expected, FusedEvents(store));
        }
        finally
        {
            StoreFixtures.DeleteDb(fresh);
        }
    }

    [Fact]
    public void SaveBatch_BatchAbandonedAfterItWroteTheFrequencies_SameStoriesFusedEventsAndFrequenciesAsOneCleanRun()
    {
        var options = StoryOptions.Default with { TermsWrittenEvery = 2 };
        var documents = BlockadeAndHarvest();
        var (expected, frequencies, stories) = CleanRun(documents, options, 2, 4);

        using var store = DocumentStore.Open(db, stories: options);
        store.SaveBatch(documents[..2]);
        var through = Sql("SELECT value FROM fusion_state WHERE name = 'terms_through'");
        // the second batch (two documents: its frequencies are due) fails after writing them, placing its first
        // document, and rolls back as a process killed there leaves it; each document is then tried alone and fails too
        Sql("CREATE TRIGGER abandon BEFORE INSERT ON story_documents BEGIN SELECT RAISE(ABORT, 'abandoned'); END");
        var failed = store.SaveBatch(documents[2..4]);
        Sql("DROP TRIGGER abandon");
        var afterFailure = (Sql("SELECT value FROM fusion_state WHERE name = 'terms_through'"), Sql("SELECT count(*) FROM story_documents"));
        store.SaveBatch(documents[2..4]);
        store.SaveBatch(documents[4..]);

        Assert.Equal((0, 2), (failed.Stored, failed.Failed.Count));
        Assert.Equal((through, 2L), afterFailure);
        Assert.Equal(4L, Sql("SELECT value FROM fusion_state WHERE name = 'terms_through'"));
        Assert.Equal(stories, StoryDocuments(db));
        Assert.Equal(expected, FusedEvents(store));
        Assert.Equal(frequencies, StoredFrequencies.Of(db));
        Assert.Equal(StoredFrequencies.Counted(db), StoredFrequencies.Of(db));
    }

    [Fact]
    public void SaveBatch_VocabularyPastTermsInMemoryThenRestarted_BoundWritesTheFrequenciesAndTheCountsStayExact()
    {
        // a test-sized bound: the vocabulary passes it long before TermsWrittenEvery (4,096) documents, so only the bound writes
        var bounded = StoryOptions.Default with { TermsInMemory = 6 };
        var documents = BlockadeAndHarvest();
        var (expected, frequencies, stories) = CleanRun(documents, StoryOptions.Default, 2);

        object? through;
        using (var first = DocumentStore.Open(db, stories: bounded))
        {
            first.SaveBatch(documents[..2]);
            through = Sql("SELECT value FROM fusion_state WHERE name = 'terms_through'");
        }

        using var restarted = DocumentStore.Open(db, stories: bounded);
        restarted.SaveBatch(documents[2..]);

        Assert.Equal(2L, through);
        Assert.Equal(stories, StoryDocuments(db));
        Assert.Equal(expected, FusedEvents(restarted));
        Assert.Equal(frequencies, StoredFrequencies.Of(db));
        Assert.Equal(StoredFrequencies.Counted(db), StoredFrequencies.Of(db));
    }

    /// <summary>
    /// One clean run of <paramref name="documents"/> in a store of its own, in batches starting at each of
    /// <paramref name="starts"/>: its fused events, document frequencies and placed documents, what a store that met a
    /// failure or a restart on the way must end with.
    /// </summary>
    private static (List<string> FusedEvents, List<string> Frequencies, object? Stories) CleanRun(List<Document> documents, StoryOptions options, params int[] starts)
    {
        var path = StoreFixtures.TempDb();
        try
        {
            using var clean = DocumentStore.Open(path, stories: options);
            var from = 0;
            foreach (var start in starts)
            {
                clean.SaveBatch(documents[from..start]);
                from = start;
            }

            clean.SaveBatch(documents[from..]);
            return (FusedEvents(clean), StoredFrequencies.Of(path), StoryDocuments(path));
        }
        finally
        {
            StoreFixtures.DeleteDb(path);
        }
    }

    /// <summary>Each placed document's row and story, in store order.</summary>
    private static object? StoryDocuments(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(document || ':' || story, ' ') FROM (SELECT document, story FROM story_documents ORDER BY document)";
        return command.ExecuteScalar();
    }

    [Fact]
    public void Save_UnreadableContributionNotYetInTheFrequencies_FailsCodedNamingTheDocumentRow()
    {
        using (var first = DocumentStore.Open(db))
        {
            first.SaveBatch(BlockadeAndHarvest()[..4]);
        }

        // the frequencies wait for more documents, so reading the state counts the last document's terms from this
        Sql("UPDATE story_documents SET contribution = x'ff' WHERE document = (SELECT max(document) FROM story_documents)");
        using var store = DocumentStore.Open(db);

        var failed = Assert.Throws<StoreException>(() => store.SaveBatch([BlockadeAndHarvest()[4]]));

        Assert.Equal("TAC504", failed.Error.Code);
        Assert.Contains("contribution", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal($"document row {Sql("SELECT max(document) FROM story_documents")}", failed.Error.Record);
    }

    [Fact]
    public void Save_AnotherConnectionReanalysedAtTheSameCount_ReadsTheStoreAgain()
    {
        var fresh = StoreFixtures.TempDb();
        try
        {
            var documents = BlockadeAndHarvest();
            // the harvest report again, its event gone: its fused event goes, and the document count stays as it was
            var harvest = Document(documents[3].Text, "Farm Weekly", "2024-05-02", "c/harvest.txt");
            var another = Document("Ostra's farmers union praised the record wheat harvest again. Prices fell further.", "Farm Weekly", "2024-05-05", "c/harvest-2.txt");
            AddEvent(another, "praised", PloverType.Support, Actor("Ostra farmers union", "OST"));
            List<string> expected;
            using (var store = DocumentStore.Open(fresh))
            {
                store.SaveBatch([.. documents[..3], harvest, documents[4]]);
                store.SaveBatch([another]);
                expected = FusedEvents(store);
            }

            using var first = DocumentStore.Open(db);
            using var second = DocumentStore.Open(db);
            first.SaveBatch(documents[..4]);
            second.SaveBatch([documents[4]]);
            Assert.Equal(1, first.Save([new StoreWrite(harvest)], ReplaceMode.Always).Reanalysed);
            Assert.Equal(1, first.FuseBacklog());
            second.SaveBatch([another]);

            Assert.Equal(expected, FusedEvents(second));
            Assert.Contains(expected, e => e.StartsWith("Support", StringComparison.Ordinal) && e.Contains("(row: single-source 1): c/harvest-2.txt#", StringComparison.Ordinal));
        }
        finally
        {
            StoreFixtures.DeleteDb(fresh);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Save_ReanalysedDocument_DocumentFrequenciesAsAFreshIngest(int times)
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch(BlockadeAndHarvest());
        string Frequencies() => string.Join(' ', StoredFrequencies.Of(db).Select(row => row.Split('|') is var f ? $"{f[0]}={f[1]}" : row));
        var fresh = (Frequencies(), Sql("SELECT value FROM fusion_state WHERE name = 'documents'"));

        for (var i = 0; i < times; i++)
        {
            var result = store.Save([new StoreWrite(BlockadeAndHarvest()[3])], ReplaceMode.Always);
            Assert.Equal(1, result.Reanalysed);
            Assert.Equal(1, store.FuseBacklog()); // the document after it, fused again after it
        }

        Assert.Equal(fresh, (Frequencies(), Sql("SELECT value FROM fusion_state WHERE name = 'documents'")));
        Assert.Contains("harvest=1", fresh.Item1, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_TwoUnrelatedStories_TwoStoriesEachWithItsDocuments()
    {
        var harvest = Document("Farmers in Ostra harvested a record wheat crop. Wheat prices fell as the harvest grew, farmers said.", "Farm Weekly", "2024-05-02", "c/harvest.txt");
        var harvest2 = Document("The Ostra wheat harvest broke records. Farmers expect wheat prices to fall further.", "Farm Weekly", "2024-05-03", "c/harvest-2.txt");
        using var store = DocumentStore.Open(db);
        store.SaveBatch([.. Blockade(), harvest, harvest2]);
        using var fusion = store.Fusion();

        var stories = fusion.Stories().ToList();

        var wheat = Assert.Single(stories, s => s.Documents.Any(d => d.File == "c/harvest.txt"));
        Assert.Equal(["c/harvest.txt", "c/harvest-2.txt"], wheat.Documents.Select(d => d.File));
        Assert.DoesNotContain(stories, s => s.Documents.Any(d => d.File!.StartsWith("c/", StringComparison.Ordinal)) && s.Documents.Any(d => !d.File!.StartsWith("c/", StringComparison.Ordinal)));
        Assert.Contains("wheat", wheat.Title, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, int, string?> OrdinalCases() => new()
    {
        { "her third visit to Velmar", 3, null },
        { "her fourth visit to Velmar", 4, "the store holds 3 such events" },
        { "her second visit to Velmar since March", 2, null },
        { "her third visit to Velmar since March", 3, "the store holds 2 such events" },
    };

    [Theory]
    [MemberData(nameof(OrdinalCases))]
    public void FusedEvents_OrdinalClaim_CheckedAgainstTheStore(string claim, int ordinal, string? mismatch)
    {
        var documents = new List<Document>();
        foreach (var (day, words) in new[] { ("2024-02-11", "Ana Varga visited Velmar in February."), ("2024-03-10", "Ana Varga visited Velmar in March."), ("2024-05-20", $"Ana Varga visited Velmar, {claim}.") })
        {
            var d = Document(words, "Harbour Post", day, $"visits/{day}.txt");
            AddEvent(d, "visited", PloverType.Consult, Actor("Ana Varga", "NRL", "GOV"), date: day, mode: "visit",
                location: new EventLocation { Text = "Velmar", Name = "Velmar", Country = CountryCode.From("VLM"), Lat = 45, Lon = 10 });
            if (words.Contains("since March", StringComparison.Ordinal))
            {
                var at = words.IndexOf("March", StringComparison.Ordinal);
                d.Mentions.Add(new Mention { Kind = MentionKind.Time, Span = new TextSpan(at, at + 5), Sentence = 0, Time = new TimeInfo { Value = "2024-03", Precision = TimePrecision.Month, Basis = "explicit" } });
            }

            documents.Add(d);
        }

        using var store = DocumentStore.Open(db);
        store.SaveBatch(documents);
        using var fusion = store.Fusion();

        var last = fusion.FusedEvents(new FusedEventFilter { Since = new DateOnly(2024, 5, 1) }).Single();

        var claimed = Assert.Single(last.Reports.SelectMany(r => r.Claims));
        Assert.Equal(ordinal, claimed.Ordinal);
        var conflict = last.Conflicts.SingleOrDefault(c => c.Kind == "ordinal");
        if (mismatch is null)
        {
            Assert.Null(conflict);
        }
        else
        {
            Assert.NotNull(conflict);
            Assert.Contains(mismatch, conflict.Detail, StringComparison.Ordinal);
            Assert.Contains($"({ordinal})", conflict.Detail, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, int> MeetingCases() => new()
    {
        { "Otto Brenner received Ana Varga on 2024-06-07", 1 },     // the same meeting told the other way round
        { "Ana Varga met Otto Brenner on 2024-06-07", 1 },          // told the same way round
        { "Otto Brenner received Ana Varga on 2024-06-20", 2 },     // the same two, another day
        { "Otto Brenner received Lena Holt on 2024-06-07", 2 },     // another party
    };

    [Theory]
    [MemberData(nameof(MeetingCases))]
    public void Save_MeetingReportedByTwoOutlets_OneFusedEventWhenTheSameTwoMetThatDay(string second, int expected)
    {
        var first = Document("Norland's foreign minister Ana Varga met Velmar's prime minister Otto Brenner in Ostrava on Friday.", "Harbour Post", "2024-06-08", "post/meeting.txt");
        AddEvent(first, "met", PloverType.Consult, Actor("Ana Varga", "NRL", "GOV"), Actor("Otto Brenner", "VLM", "GOV"), "2024-06-07", mode: "meet");
        var words = second.Split(' ');
        var (actor, recipient, day) = ($"{words[0]} {words[1]}", $"{words[3]} {words[4]}", words[^1]);
        var other = Document($"{actor} {words[2]} {recipient} for talks, the ministry said.", "Coast Wire", "2024-06-21", "wire/talks.txt");
        AddEvent(other, words[2], PloverType.Consult, Actor(actor, actor == "Otto Brenner" ? "VLM" : "NRL", "GOV"),
            Actor(recipient, recipient == "Otto Brenner" ? "VLM" : "NRL", "GOV"), day, mode: "meet");
        using var store = DocumentStore.Open(db);
        store.SaveBatch([first, other]);

        using var fusion = store.Fusion();
        var events = fusion.FusedEvents().ToList();
        Assert.Equal(expected, events.Count);
        Assert.Equal(new ActorKey("Ana Varga", "NRL", "GOV"), events[0].Actor); // the first report's way round is kept
    }

    [Fact]
    public void Write_StoriesAndFusedEvents_ValidateAgainstSchema()
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch(Blockade());
        using var fusion = store.Fusion();

        foreach (var story in fusion.Stories())
        {
            AssertValid(StorySchema, Json(w => FusionJsonWriter.Write(w, story)));
        }

        foreach (var e in fusion.FusedEvents())
        {
            AssertValid(FusedEventSchema, Json(w => FusionJsonWriter.Write(w, e)));
        }
    }

    internal static string Json(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static void AssertValid(JsonSchema schema, string json)
    {
        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + "\n" + json);
    }
}
