using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Store;
using Tacitus.Tests.Fusion;

namespace Tacitus.Tests.Store;

public sealed class StoreReanalysisTests : IDisposable
{
    private static readonly AnalysisProvenance OldRules = new("1.0+aaaa/full", "k-old", "-", "-");
    private static readonly AnalysisProvenance NewRules = new("1.0+aaaa/full", "k-old", "p-new", "-");

    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    /// <summary>Codes one SUPPORT record when the text contains <c>word</c>; counts its calls; a fragile one breaks on "explode".</summary>
    private sealed class WordStage(string word, bool fragile = false, string? issue = null) : IPipelineStage
    {
        private int calls;

        public int Calls => calls;

        public string Name => "word";

        public Annotations Requires => Annotations.None;

        public Annotations Assigns => Annotations.None;

        public void Process(Document document, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            if (fragile && document.Text.Contains("explode", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("stage broke");
            }

            var at = document.Text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                document.Events.Add(new EventRecord
                {
                    Event = PloverType.Support,
                    Actor = new ActorRef { Text = word },
                    Evidence = new TextSpan(0, document.Text.Length),
                    Trigger = new TextSpan(at, at + word.Length),
                    Issues = issue is null ? [] : [new IssueCount(issue, 1)],
                });
            }
        }
    }

    [Fact]
    public void Run_StaleDocuments_ReplacesRecordsInPlaceKeepsSightingsAndIsIdempotent()
    {
        using var store = DocumentStore.Open(db);
        Ingest(store, new WordStage("praised"), OldRules, "The mayor praised the ferry crew.", "The mayor thanked the harbour pilots.");
        var before = store.List().ToList();
        Assert.Equal([1, 0], before.Select(d => d.Events));

        var stage = new WordStage("thanked");
        var run = new StoreReanalysis(store, new AnalysisPipeline([stage], provenance: NewRules), workers: 2, batchSize: 1);
        var ids = run.Select(null, all: false);
        var summary = run.Run(ids, all: false);

        Assert.Equal((2L, 2L, 0L), (summary.Selected, summary.Reanalysed, summary.Failed));
        var after = store.List().ToList();
        Assert.Equal(before.Select(d => d.Id), after.Select(d => d.Id));
        Assert.Equal([0, 1], after.Select(d => d.Events));
        Assert.All(after, d => Assert.Equal(NewRules, d.Provenance));
        Assert.All(after, d => Assert.Equal(1, d.Sightings));
        var thanked = store.Load(after[1].Id)!;
        Assert.Equal("thanked", Assert.Single(thanked.Events).Actor.Text);
        Assert.Equal(thanked.Sentences.Count, before[1].Sentences);

        Assert.Empty(run.Select(null, all: false));
        Assert.Equal(2, stage.Calls);
    }

    [Fact]
    public void Run_StageNowCodingIssues_StoredRecordsGetThem()
    {
        using var store = DocumentStore.Open(db);
        Ingest(store, new WordStage("praised"), OldRules, "The mayor praised the ferry crew.");
        Assert.Empty(store.Load(store.List().Single().Id)!.Events.Single().Issues);
        var run = new StoreReanalysis(store, new AnalysisPipeline([new WordStage("praised", issue: "TRANSPORT")], provenance: NewRules));

        run.Run(run.Select(null, all: false), all: false);

        Assert.Equal([new IssueCount("TRANSPORT", 1)], store.Load(store.List().Single().Id)!.Events.Single().Issues);
    }

    [Fact]
    public void Run_StageThrowsOnOneDocument_KeepsItsStoredAnalysisAndReportsTac400()
    {
        using var store = DocumentStore.Open(db);
        Ingest(store, new WordStage("praised"), OldRules, "The mayor praised the crew.", "The boiler may explode, the mayor praised.");
        var errors = new List<TacitusError>();
        var run = new StoreReanalysis(store, new AnalysisPipeline([new WordStage("crew", fragile: true)], provenance: NewRules));

        var summary = run.Run(run.Select(null, all: false), all: false, new IngestObserver(errors.Add));

        Assert.Equal((1L, 1L, 1L), (summary.Reanalysed, summary.Failed, summary.Internal));
        Assert.Equal("TAC400", Assert.Single(errors).Code);
        Assert.Equal(Tacitus.Cli.ExitCodes.Internal, Tacitus.Cli.Commands.ReanalyseCommand.ExitCode(summary)); // as ingest and code exit on TAC400
        var stale = Assert.Single(run.Select(null, all: false));
        Assert.Equal(OldRules, store.Load(stale)!.Provenance);
        Assert.Equal("praised", Assert.Single(store.Load(stale)!.Events).Actor.Text);
    }

    [Fact]
    public void Run_OneStoredDocumentUnreadable_ReportsTac504AndReanalysesTheRest()
    {
        using var store = DocumentStore.Open(db);
        Ingest(store, new WordStage("praised"), OldRules, "The mayor praised the crew.", "The council praised the nurses.");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE documents SET warnings = '[{' WHERE seq = (SELECT min(seq) FROM documents)";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var errors = new List<TacitusError>();
        var run = new StoreReanalysis(store, new AnalysisPipeline([new WordStage("praised")], provenance: NewRules));

        var summary = run.Run(run.Select(null, all: false), all: false, new IngestObserver(errors.Add));

        Assert.Equal((1L, 1L), (summary.Reanalysed, summary.Failed));
        var error = Assert.Single(errors);
        Assert.Equal("TAC504", error.Code);
        Assert.StartsWith("document ", error.Record, StringComparison.Ordinal);
        Assert.Single(run.Select(null, all: false)); // the damaged one, still stale
    }

    [Theory]
    [InlineData("title = 'Ferry'", false, 1)]
    [InlineData("title = 'Ferry'", true, 1)]
    [InlineData("published >= '2021-01-01'", false, 2)]
    [InlineData(null, true, 2)]
    public void Select_Where_FiltersTheDocuments(string? where, bool all, int expected)
    {
        using var store = DocumentStore.Open(db);
        Ingest(store, new WordStage("x"), OldRules, "The ferry sailed.", "The train left.");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE documents SET title = 'Ferry' WHERE text LIKE '%ferry%'";
            command.ExecuteNonQuery();
        }

        Assert.Equal(expected, store.SelectForAnalysis(where, NewRules, all).Count);
    }

    [Theory]
    [InlineData("no_such_column = 1")]
    [InlineData("1); DELETE FROM documents; SELECT (1")]
    public void Select_BadOrWritingWhere_FailsWithTac504AndChangesNothing(string where)
    {
        using var store = DocumentStore.Open(db);
        Ingest(store, new WordStage("x"), OldRules, "The ferry sailed.");

        var ex = Assert.Throws<StoreException>(() => store.SelectForAnalysis(where, NewRules, all: true));

        Assert.Equal("TAC504", ex.Error.Code);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void Ingest_Reanalyse_ReplacesOnlyStaleDocuments()
    {
        using var store = DocumentStore.Open(db);
        Ingest(store, new WordStage("praised"), OldRules, "The mayor praised the crew.");
        Ingest(store, new WordStage("praised"), NewRules, "The mayor praised the pilots.");
        var stage = new WordStage("mayor");
        var ingestion = new StoreIngestion(store, new AnalysisPipeline([stage], provenance: NewRules), replace: ReplaceMode.Stale);

        var summary = ingestion.Run([Item("The mayor praised the crew."), Item("The mayor praised the pilots.")]);

        Assert.Equal((0L, 2L, 1L), (summary.Stored, summary.AlreadyStored, summary.Reanalysed));
        Assert.Equal(1, stage.Calls);
        Assert.Equal(["mayor", "praised"], store.List().Select(d => store.Load(d.Id)!.Events.Single().Actor.Text));
    }

    [Fact]
    public void Run_FusedDocument_OldReportsLeaveAndEmptiedFusedEventsGo()
    {
        using var store = DocumentStore.Open(db);
        Ingest(store, new WordStage("praised"), OldRules, "The mayor praised the ferry crew.");
        Assert.Equal((1L, 1L), (Count(store, "fused_reports"), Count(store, "fused_events")));

        var run = new StoreReanalysis(store, new AnalysisPipeline([new WordStage("thanked")], provenance: NewRules), workers: 1, batchSize: 1);
        run.Run(run.Select(null, all: false), all: false);
        Assert.Equal((0L, 0L), (Count(store, "fused_reports"), Count(store, "fused_events")));

        var again = new StoreReanalysis(store, new AnalysisPipeline([new WordStage("praised")], provenance: OldRules), workers: 1, batchSize: 1);
        again.Run(again.Select(null, all: false), all: false);
        Assert.Equal((1L, 1L), (Count(store, "fused_reports"), Count(store, "fused_events")));
    }

    /// <summary>
    /// Codes the invented news below by keyword (a blockade, a harvest, talks); <c>withPlaces</c> (the "new pipeline") also
    /// finds the places named, which moves every document's story profile. Cancels <c>stop</c> on the text holding <c>stopAt</c>.
    /// </summary>
    private sealed class NewsStage(bool withPlaces, string? stopAt = null, CancellationTokenSource? stop = null) : IPipelineStage
    {
        public string Name => "news";

        public Annotations Requires => Annotations.None;

        public Annotations Assigns => Annotations.None;

        public void Process(Document document, CancellationToken cancellationToken)
        {
            if (stopAt is not null && document.Text.Contains(stopAt, StringComparison.Ordinal))
            {
                stop!.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }

            foreach (var (word, type, actor, recipient) in Codes)
            {
                var at = document.Text.IndexOf(word, StringComparison.Ordinal);
                if (at >= 0)
                {
                    document.Events.Add(new EventRecord
                    {
                        Event = type,
                        Actor = Party(actor),
                        Recipient = recipient is null ? null : Party(recipient),
                        Date = new EventDate("Wednesday", "2024-05-01", "explicit"),
                        Evidence = new TextSpan(at, Math.Min(document.Text.Length, at + 40)),
                        Trigger = new TextSpan(at, at + word.Length),
                    });
                }
            }

            if (withPlaces)
            {
                foreach (var place in (string[])["Velmar", "Ostra", "Norland"])
                {
                    if (document.Text.Contains(place, StringComparison.Ordinal))
                    {
                        document.Entities.Add(new Entity { Id = document.Entities.Count, Name = place, Kind = MentionKind.Place });
                    }
                }
            }
        }

        private static readonly (string Word, PloverType Type, string Actor, string? Recipient)[] Codes =
        [
            ("blockaded", PloverType.Coerce, "NRL", "VLM"),
            ("closed by", PloverType.Coerce, "NRL", "VLM"),
            ("praised", PloverType.Support, "OST", null),
            ("met", PloverType.Consult, "NRL", "VLM"),
        ];

        private static ActorRef Party(string country) => new() { Text = country, Name = country, Country = CountryCode.From(country) };
    }

    /// <summary>Fails the analysis (TAC400) of every document whose text holds one of <c>words</c>.</summary>
    private sealed class FailingStage(params string[] words) : IPipelineStage
    {
        public string Name => "failing";

        public Annotations Requires => Annotations.None;

        public Annotations Assigns => Annotations.None;

        public void Process(Document document, CancellationToken cancellationToken)
        {
            if (words.Any(w => document.Text.Contains(w, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException("stage broke");
            }
        }
    }

    /// <summary>Invented news in store order: two stories (a blockade, a harvest) interleaved, the blockade's talks last.</summary>
    private static readonly (string Text, string Outlet, string Day)[] News =
    [
        ("Norland's navy blockaded the port of Velmar on Wednesday. Ships waited offshore.", "Harbour Post", "2024-05-02"),
        ("Farmers in Ostra harvested a record wheat crop. Wheat prices fell as the harvest grew, farmers said.", "Farm Weekly", "2024-05-02"),
        ("Velmar's port stayed closed by Norland warships; ships waited offshore for a second day.", "Velmar Courier", "2024-05-03"),
        ("The Ostra wheat harvest broke records. Farmers expect wheat prices to fall further.", "Farm Weekly", "2024-05-03"),
        ("Norland and Velmar envoys met in Ostra about the blockade of the port. Ships still waited offshore.", "Coast Wire", "2024-05-04"),
        ("Ostra's farmers union praised the record wheat harvest. Prices fell as farmers sold wheat.", "Farm Weekly", "2024-05-04"),
    ];

    private static IngestItem NewsItem(int i) => IngestItem.Ok(new Document(News[i].Text, new DocumentMetadata
    {
        Title = News[i].Text.Split('.')[0],
        Outlet = News[i].Outlet,
        Published = DateOnly.Parse(News[i].Day, System.Globalization.CultureInfo.InvariantCulture),
        Origin = $"news/{i}.txt",
    })
    { Language = "en" });

    private static AnalysisPipeline NewsPipeline(bool withPlaces, string? stopAt = null, CancellationTokenSource? stop = null) =>
        new([.. PipelineFactory.Create(new PipelineOptions { TextOnly = true }).Stages, new NewsStage(withPlaces, stopAt, stop)], provenance: withPlaces ? NewRules : OldRules);

    /// <summary>Stores the news items <paramref name="from"/>..<paramref name="to"/> (exclusive) as ingest does.</summary>
    private static void IngestNews(DocumentStore store, bool withPlaces, int from = 0, int to = 6) =>
        new StoreIngestion(store, NewsPipeline(withPlaces)).Run(Enumerable.Range(from, to - from).Select(NewsItem));

    /// <summary>
    /// What a user and the next document see of fusion: <c>stories --json</c> and <c>events --fused --json</c> as written,
    /// then every fusion table row (centroids and contributions in hex).
    /// </summary>
    private static string Fusion(DocumentStore store)
    {
        var text = new StringBuilder();
        using (var fusion = store.Fusion())
        {
            foreach (var story in fusion.Stories())
            {
                text.AppendLine(Json(w => FusionJsonWriter.Write(w, story)));
            }

            foreach (var fused in fusion.FusedEvents())
            {
                text.AppendLine(Json(w => FusionJsonWriter.Write(w, fused)));
            }
        }

        using var connection = new SqliteConnection($"Data Source={store.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        // the document frequencies as reading the state gives them: when they were last written depends on the batches
        foreach (var row in StoredFrequencies.Of(connection))
        {
            text.AppendLine(row);
        }

        foreach (var query in (string[])[
            // terms_through and batches depend on how the documents were batched, not on what was fused
            "SELECT * FROM fusion_state WHERE name NOT IN ('terms_through', 'batches')",
            "SELECT id, title, first_day, last_day, documents, norm2, terms, hex(centroid), last_document FROM stories ORDER BY id",
            "SELECT document, story, similarity, hex(contribution) FROM story_documents ORDER BY document",
            "SELECT * FROM fused_events ORDER BY id", "SELECT * FROM fused_reports ORDER BY document, event"])
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                var values = new object[r.FieldCount];
                r.GetValues(values);
                text.AppendLine(string.Join("|", values.Select(v => v is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return text.ToString();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// A fresh store of the news: all analysed by the new pipeline in one run, or (<paramref name="renewed"/>) one item at a
    /// time in store order, the items given by the new pipeline and the others by the old.
    /// </summary>
    private static string FreshIngest(params int[] renewed) => FreshIngest(StoryOptions.Default, renewed);

    private static string FreshIngest(StoryOptions options, params int[] renewed)
    {
        var path = StoreFixtures.TempDb();
        try
        {
            using var store = DocumentStore.Open(path, stories: options);
            if (renewed.Length == 0)
            {
                IngestNews(store, withPlaces: true);
            }

            for (var i = 0; i < 6 && renewed.Length > 0; i++)
            {
                IngestNews(store, renewed.Contains(i), i, i + 1);
            }

            return Fusion(store);
        }
        finally
        {
            StoreFixtures.DeleteDb(path);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(64)]
    public void Run_AllAfterPipelineChange_FusionAsAFreshIngest(int batchSize)
    {
        using var store = DocumentStore.Open(db);
        IngestNews(store, withPlaces: false);
        var before = Fusion(store);
        var run = new StoreReanalysis(store, NewsPipeline(withPlaces: true), workers: 2, batchSize: batchSize);

        var summary = run.Run(run.Select(null, all: true), all: true);

        Assert.Equal((6L, 0L, false), (summary.Reanalysed, summary.FusedAfter, summary.Reclustered));
        var expected = FreshIngest();
        Assert.NotEqual(before, expected);
        Assert.Equal(expected, Fusion(store));
    }

    [Fact]
    public void Run_AllWithANewWindowWhenTheFirstDocumentsFailAnalysis_FusesEveryDocumentAgainWithIt()
    {
        var narrow = StoryOptions.Default with { CloseAfterDocuments = 1 };
        using (var store = DocumentStore.Open(db))
        {
            IngestNews(store, withPlaces: false); // fused with the default window
        }

        using var refit = DocumentStore.Open(db, stories: narrow, window: new StoryWindowChoice(1, FusesAllAgain: true));
        var failingFirst = new AnalysisPipeline([.. NewsPipeline(withPlaces: true).Stages, new FailingStage("navy blockaded", "harvested a record", "stayed closed")], provenance: NewRules);
        var run = new StoreReanalysis(refit, failingFirst, batchSize: 1);

        var summary = run.Run(run.Select(null, all: true), all: true, fuseAllAgain: true);

        // the first three keep their stored analysis, and are fused again with the new window all the same, as the rest are
        Assert.Equal((3L, 3L), (summary.Reanalysed, summary.Failed));
        Assert.NotEqual(FreshIngest(StoryOptions.Default, 3, 4, 5), FreshIngest(narrow, 3, 4, 5));
        Assert.Equal(FreshIngest(narrow, 3, 4, 5), Fusion(refit));
    }

    [Fact]
    public void Run_AllWithTheSamePipelineTwice_ChangesNothing()
    {
        using var store = DocumentStore.Open(db);
        IngestNews(store, withPlaces: false);
        var before = Fusion(store);
        var run = new StoreReanalysis(store, NewsPipeline(withPlaces: false), batchSize: 4);

        run.Run(run.Select(null, all: true), all: true);
        var once = Fusion(store);
        run.Run(run.Select(null, all: true), all: true);

        Assert.Equal(before, once);
        Assert.Equal(before, Fusion(store));
        Assert.Contains("\"reports\"", before, StringComparison.Ordinal);
    }

    public static TheoryData<string, int[], int, int> PartCases() => new()
    {
        { "origin = 'news/2.txt'", [2], 200, 1 << 16 },                   // one in the middle: its stories and fused events go on from the earlier documents
        { "origin = 'news/2.txt'", [2], 4, 1 << 16 },                     // the same with centroids pruned as they grow: the replay prunes as they did
        { "origin = 'news/2.txt'", [2], 200, 3 },                         // the same with 3 document frequencies in memory: the rest read from the store
        { "origin IN ('news/1.txt', 'news/4.txt')", [1, 4], 200, 1 << 16 }, // two with a gap: those between are fused again from the store
        { "origin = 'news/5.txt'", [5], 200, 1 << 16 },                   // the last
    };

    [Theory]
    [MemberData(nameof(PartCases))]
    public void Run_SomeDocuments_FusionAsAFreshIngestWithTheirNewAnalyses(string where, int[] renewed, int centroidTerms, int termsInMemory)
    {
        var options = StoryOptions.Default with { CentroidTerms = centroidTerms, TermsInMemory = termsInMemory };
        using var store = DocumentStore.Open(db, stories: options);
        IngestNews(store, withPlaces: false);
        var run = new StoreReanalysis(store, NewsPipeline(withPlaces: true), batchSize: 1);

        var summary = run.Run(run.Select(where, all: true), all: true);

        Assert.Equal(renewed.Length, summary.Reanalysed);
        Assert.Equal(FreshIngest(options with { TermsInMemory = StoryOptions.Default.TermsInMemory }, renewed), Fusion(store));
    }

    [Fact]
    public void Run_StoppedPartWay_FusedPrefixAndTheNextRunConvergesToAFreshIngest()
    {
        using (var store = DocumentStore.Open(db))
        {
            IngestNews(store, withPlaces: false);
            using var stop = new CancellationTokenSource();
            var run = new StoreReanalysis(store, NewsPipeline(withPlaces: true, stopAt: "harvest broke", stop), batchSize: 1);

            Assert.ThrowsAny<OperationCanceledException>(() => run.Run(run.Select(null, all: false), all: false, cancellationToken: stop.Token));

            // the first three re-analysed and fused, in store order; the rest waits unfused with its old analysis
            Assert.Equal([1L, 2L, 3L], Column(store, "SELECT document FROM story_documents ORDER BY document"));
            Assert.Equal([3L], Column(store, "SELECT value FROM fusion_state WHERE name = 'documents'"));
            Assert.Equal([3L], Column(store, "SELECT sum(documents) FROM stories"));
            Assert.Empty(Column(store, "SELECT document FROM fused_reports WHERE document > 3"));
        }

        using var reopened = DocumentStore.Open(db);
        var again = new StoreReanalysis(reopened, NewsPipeline(withPlaces: true), batchSize: 1);
        var summary = again.Run(again.Select(null, all: false), all: false);

        Assert.Equal(3L, summary.Reanalysed);
        Assert.Equal(FreshIngest(), Fusion(reopened));
    }

    [Fact]
    public void FuseBacklog_AfterARunStoppedBeforeIt_FusionAsAFreshIngest()
    {
        using (var store = DocumentStore.Open(db))
        {
            IngestNews(store, withPlaces: false);
            var second = NewsItem(1).Document!;
            NewsPipeline(withPlaces: true).Process(second);
            store.Save([new StoreWrite(second)], ReplaceMode.Always);
            Assert.Equal([1L, 2L], Column(store, "SELECT document FROM story_documents ORDER BY document"));
        }

        using var reopened = DocumentStore.Open(db);
        Assert.Equal(4, reopened.FuseBacklog());
        Assert.Equal(FreshIngest(1), Fusion(reopened));
    }

    [Fact]
    public void Run_StorePlacedWithoutContributions_PlacesEveryDocumentAgainAsAFreshIngest()
    {
        // as a store before migration 15 placed them: every document frequency written (migration 22 marks them so)
        using var store = DocumentStore.Open(db, stories: StoryOptions.Default with { TermsWrittenEvery = 1 });
        IngestNews(store, withPlaces: false);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE story_documents SET contribution = NULL";
            command.ExecuteNonQuery();
        }

        var run = new StoreReanalysis(store, NewsPipeline(withPlaces: true), batchSize: 1);
        var summary = run.Run(run.Select("origin = 'news/3.txt'", all: true), all: true);

        Assert.Equal((1L, 6L, true), (summary.Reanalysed, summary.FusedAfter, summary.Reclustered));
        Assert.Equal(FreshIngest(3), Fusion(store));
    }

    /// <summary>Overwrites one stored value of the news item <paramref name="item"/> (its row is item + 1) behind the store's back.</summary>
    private void Damage(int item, string assignment)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE documents SET {assignment} WHERE seq = {item + 1}";
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    /// <summary>The news stored and fused, then item 2's sentences damaged and fusion taken back to the first document (as <c>reanalyse --all</c> does).</summary>
    private string BacklogWithDamagedItem(DocumentStore store)
    {
        IngestNews(store, withPlaces: false);
        var whole = Fusion(store);
        Damage(2, "sentence_rows = '[['");
        store.UnfuseAll();
        return whole;
    }

    [Fact]
    public void FuseBacklog_OneDocumentUnreadable_ReportsTac504LeavesItOutRecordedAndFusesTheRest()
    {
        using var store = DocumentStore.Open(db);
        BacklogWithDamagedItem(store);
        var errors = new List<TacitusError>();

        var fused = store.FuseBacklog(unreadable: errors.Add);

        Assert.Equal(5, fused);
        var error = Assert.Single(errors);
        Assert.Equal(("TAC504", db, $"document {NewsItem(2).Document!.Id.Value}"), (error.Code, error.File, error.Record));
        Assert.Equal([1L, 2L, 4L, 5L, 6L], Column(store, "SELECT document FROM story_documents ORDER BY document"));
        Assert.Equal([3L], Column(store, "SELECT document FROM fusion_skipped"));

        // recorded: not read again by the next backlog, and documents stored after it are fused as they come
        Assert.Equal(0, store.FuseBacklog(unreadable: errors.Add));
        new StoreIngestion(store, NewsPipeline(withPlaces: false)).Run([Item("Norland's envoys met Velmar's mayor in Ostra on Thursday.")], new IngestObserver(errors.Add));
        Assert.Single(errors);
        Assert.Equal([1L, 2L, 4L, 5L, 6L, 7L], Column(store, "SELECT document FROM story_documents ORDER BY document"));
    }

    [Fact]
    public void Run_IngestOverABacklogWithAnUnreadableDocument_ReportsItFailedAndStoresAndFusesTheRest()
    {
        using var store = DocumentStore.Open(db);
        BacklogWithDamagedItem(store);
        var errors = new List<TacitusError>();

        var summary = new StoreIngestion(store, NewsPipeline(withPlaces: false)).Run([Item("Norland's envoys met Velmar's mayor in Ostra on Thursday.")], new IngestObserver(errors.Add));

        Assert.Equal((1L, 1L), (summary.Stored, summary.Failed));
        Assert.Equal("TAC504", Assert.Single(errors).Code);
        Assert.Equal([1L, 2L, 4L, 5L, 6L, 7L], Column(store, "SELECT document FROM story_documents ORDER BY document"));
    }

    [Fact]
    public void Save_OverABacklogWithAnUnreadableDocument_StoresItWithoutFailureAndReportsTheOtherLeftOut()
    {
        using var store = DocumentStore.Open(db);
        BacklogWithDamagedItem(store);
        var posted = NewsPipeline(withPlaces: false).Process(Item("Norland's envoys met Velmar's mayor in Ostra on Thursday.").Document!);

        var result = store.Save(posted);

        Assert.Equal((1, 0), (result.Stored, result.Failed.Count));
        var leftOut = Assert.Single(result.LeftOut);
        Assert.Equal(("TAC504", $"document {NewsItem(2).Document!.Id.Value}"), (leftOut.Code, leftOut.Record));
        Assert.Equal([1L, 2L, 4L, 5L, 6L, 7L], Column(store, "SELECT document FROM story_documents ORDER BY document"));
    }

    [Fact]
    public void Run_SelectionOverABacklogWithAnUnreadableOtherDocument_CountsItLeftOutNotFailed()
    {
        using var store = DocumentStore.Open(db);
        BacklogWithDamagedItem(store);
        var errors = new List<TacitusError>();
        var run = new StoreReanalysis(store, NewsPipeline(withPlaces: false), batchSize: 1);

        var summary = run.Run(run.Select("origin = 'news/0.txt'", all: true), all: true, new IngestObserver(errors.Add));

        Assert.Equal((1L, 1L, 0L, 1L), (summary.Selected, summary.Reanalysed, summary.Failed, summary.LeftOut));
        var error = Assert.Single(errors);
        Assert.Equal(("TAC504", $"document {NewsItem(2).Document!.Id.Value}"), (error.Code, error.Record));
    }

    [Fact]
    public void Run_ReanalyseAfterTheBacklogLeftADocumentOut_BringsItBackAsAFreshIngest()
    {
        using var store = DocumentStore.Open(db);
        var whole = BacklogWithDamagedItem(store);
        new StoreIngestion(store, NewsPipeline(withPlaces: false)).Run([]); // its backlog leaves item 2 out
        var run = new StoreReanalysis(store, NewsPipeline(withPlaces: false), batchSize: 1);

        var ids = run.Select(null, all: false);
        var summary = run.Run(ids, all: false);

        Assert.Equal(NewsItem(2).Document!.Id, Assert.Single(ids)); // the one left out is due, though its records are current
        Assert.Equal((1L, 0L), (summary.Reanalysed, summary.Failed));
        Assert.Equal(whole, Fusion(store));
        Assert.Empty(Column(store, "SELECT document FROM fusion_skipped"));
    }

    [Fact]
    public void Run_IngestAgainOfADocumentTheBacklogLeftOut_BringsItBackAsAFreshIngest()
    {
        using var store = DocumentStore.Open(db);
        var whole = BacklogWithDamagedItem(store);
        new StoreIngestion(store, NewsPipeline(withPlaces: false)).Run([]); // its backlog leaves item 2 out

        var summary = new StoreIngestion(store, NewsPipeline(withPlaces: false)).Run([NewsItem(2)]);

        Assert.Equal((0L, 1L, 0L), (summary.Stored, summary.Reanalysed, summary.Failed));
        Assert.Equal(whole, Fusion(store));
        Assert.Empty(Column(store, "SELECT document FROM fusion_skipped"));
    }

    private static List<long> Column(DocumentStore store, string query) => StoreFixtures.Column<long>(store.Path, query);

    private static long Count(DocumentStore store, string table)
    {
        using var connection = new SqliteConnection($"Data Source={store.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static void Ingest(DocumentStore store, IPipelineStage stage, AnalysisProvenance provenance, params string[] texts) =>
        new StoreIngestion(store, new AnalysisPipeline([stage], provenance: provenance)).Run(texts.Select(Item));

    private static IngestItem Item(string text) =>
        IngestItem.Ok(new Document(text, new DocumentMetadata { Origin = "wire.txt", Published = new DateOnly(2021, 3, 1) }) { Language = "en" });
}
