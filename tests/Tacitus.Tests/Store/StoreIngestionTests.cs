using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Tests.Pipeline;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class StoreIngestionTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    /// <summary>Counts the documents it sees; fails on any whose text contains "explode".</summary>
    private sealed class CountingStage : IPipelineStage
    {
        private int calls;

        public int Calls => calls;

        public string Name => "count";

        public Annotations Requires => Annotations.None;

        public Annotations Assigns => Annotations.None;

        public void Process(Document document, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            if (document.Text.Contains("explode", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("stage broke");
            }
        }
    }

    /// <summary>Fills a token layer the way the tagger does, so a test can see whether ingest lets go of it.</summary>
    private sealed class LayerStage : IPipelineStage
    {
        public string Name => "layer";

        public Annotations Requires => Annotations.None;

        public Annotations Assigns => Annotations.Tags;

        public void Process(Document document, CancellationToken cancellationToken)
        {
            document.Syntax.Add(new TokenSyntax("dispatch", "NOUN", "NN", -1, "", default));
            document.MarkAnnotated(Annotations.Tags);
        }
    }

    [Fact]
    public void Run_BatchLongerThanInput_HeldDocumentsWithoutTokenLayer()
    {
        var documents = Enumerable.Range(0, 5).Select(i => Doc($"Dispatch {i} arrived.")).ToList();
        using var store = DocumentStore.Open(db);
        var ingestion = new StoreIngestion(store, new AnalysisPipeline([new LayerStage()]), workers: 1, batchSize: 100);

        var summary = ingestion.Run(documents.Select(IngestItem.Ok));

        Assert.Equal(5L, summary.Stored);
        Assert.All(documents, d => Assert.Empty(d.Syntax));
        Assert.All(documents, d => Assert.False(d.Annotated.HasFlag(Annotations.Tags)));
    }

    [Fact]
    public void Run_SqliteRefusesOneDocumentOfABatch_OnlyItFailsNamedAndFusionAsAFreshStore()
    {
        var fresh = StoreFixtures.TempDb();
        try
        {
            using (DocumentStore.Open(db))
            {
            }

            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                // SQLite refuses the sighting of one document, after its documents row is written and before it is fused
                command.CommandText = "CREATE TRIGGER poison BEFORE INSERT ON sightings WHEN (SELECT outlet FROM documents WHERE seq = new.document) = 'Poison Post' " +
                    "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END";
                command.ExecuteNonQuery();
            }

            var poison = Fusion.FusionFixtures.Document("Norland warships blockaded Velmar on Wednesday.", "Poison Post", "2024-05-02", "poison.txt");
            Fusion.FusionFixtures.AddEvent(poison, "blockaded", Tacitus.Domain.PloverType.Coerce, Fusion.FusionFixtures.Actor("Norland Navy", "NRL", "MIL"), Fusion.FusionFixtures.Actor("Velmar", "VLM"), "2024-05-01");
            var good = Blockade();
            var errors = new List<TacitusError>();
            using var store = DocumentStore.Open(db);
            var ingestion = new StoreIngestion(store, new AnalysisPipeline([]), workers: 1, batchSize: 10);

            var first = ingestion.Run([IngestItem.Ok(good[0]), IngestItem.Ok(poison), IngestItem.Ok(good[1])], new IngestObserver(errors.Add));
            var second = ingestion.Run([IngestItem.Ok(good[2])], new IngestObserver(errors.Add));

            Assert.Equal((2L, 1L, 1L), (first.Stored, first.Failed, second.Stored));
            var error = Assert.Single(errors);
            Assert.Equal(("TAC501", "poison.txt"), (error.Code, error.File));
            using var whole = DocumentStore.Open(fresh);
            whole.SaveBatch(Blockade());
            Assert.Equal(Fusion.FusionStoreTests.FusedEvents(whole), Fusion.FusionStoreTests.FusedEvents(store));
        }
        finally
        {
            StoreFixtures.DeleteDb(fresh);
        }
    }

    /// <summary>Three reports of one blockade (as <c>FusionStoreTests</c> builds them), analysed by hand.</summary>
    private static List<Document> Blockade()
    {
        var first = Fusion.FusionFixtures.Document("Norland's navy blockaded the port of Velmar on Wednesday. Ships waited offshore.", "Harbour Post", "2024-05-02", "a/harbour.txt");
        Fusion.FusionFixtures.AddEvent(first, "blockaded", Tacitus.Domain.PloverType.Coerce, Fusion.FusionFixtures.Actor("Norland Navy", "NRL", "MIL"), Fusion.FusionFixtures.Actor("Velmar", "VLM"), "2024-05-01");
        var second = Fusion.FusionFixtures.Document("Norland warships closed Velmar's port on Wednesday, sailors said.", "Velmar Courier", "2024-05-03", "b/courier.txt");
        Fusion.FusionFixtures.AddEvent(second, "closed", Tacitus.Domain.PloverType.Coerce, Fusion.FusionFixtures.Actor("Norland", "NRL"), Fusion.FusionFixtures.Actor("Velmar", "VLM"), "2024-05-01");
        var third = Fusion.FusionFixtures.Document("The blockade of Velmar by Norland's navy went on, a coast guard officer said.", "Coast Wire", "2024-05-04", "c/wire.txt");
        Fusion.FusionFixtures.AddEvent(third, "blockade", Tacitus.Domain.PloverType.Coerce, Fusion.FusionFixtures.Actor("Norland Navy", "NRL", "MIL"), Fusion.FusionFixtures.Actor("Velmar", "VLM"), "2024-05-01");
        return [first, second, third];
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(2, 100)]
    public void Run_SecondTime_SkipsAnalysisOfStoredDocuments(int workers, int batch)
    {
        var items = Enumerable.Range(0, 25).Select(i => IngestItem.Ok(Doc($"Dispatch {i} arrived."))).ToList();
        var stage = new CountingStage();
        using var store = DocumentStore.Open(db);
        var ingestion = new StoreIngestion(store, new AnalysisPipeline([stage]), workers, batch);

        var first = ingestion.Run(items.Select(i => IngestItem.Ok(Doc(i.Document!.Text))));
        var second = ingestion.Run(items.Select(i => IngestItem.Ok(Doc(i.Document!.Text))));

        Assert.Equal((25L, 25L, 0L), (first.Read, first.Stored, first.AlreadyStored));
        Assert.Equal((25L, 0L, 25L), (second.Read, second.Stored, second.AlreadyStored));
        Assert.Equal(25, stage.Calls);
    }

    [Fact]
    public void Run_StageThrowsOnOneDocument_ReportsTac400AndStoresTheRest()
    {
        var errors = new List<TacitusError>();
        using var store = DocumentStore.Open(db);
        var ingestion = new StoreIngestion(store, new AnalysisPipeline([new CountingStage()]), workers: 2, batchSize: 2);
        IngestItem[] items =
        [
            IngestItem.Ok(Doc("A ferry sailed.", "a.txt")),
            IngestItem.Fail(new TacitusError("TAC101", "ingest", "no such file", "gone.txt")),
            IngestItem.Ok(Doc("The boiler may explode.", "b.txt")),
            IngestItem.Ok(Doc("A train left.", "c.txt")),
        ];

        var summary = ingestion.Run(items, new IngestObserver(errors.Add));

        Assert.Equal((4L, 2L, 2L), (summary.Read, summary.Stored, summary.Failed));
        Assert.Equal([("TAC101", "gone.txt"), ("TAC400", "b.txt")], errors.Select(e => (e.Code, e.File)));
        Assert.Equal(["a.txt", "c.txt"], store.List().Select(d => d.Origin));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Run_WorkerFailsUnexpectedlyOnOneDocument_ReportsTac900NamingStageAndDocumentAndStoresTheRest(int workers)
    {
        var errors = new List<TacitusError>();
        using var store = DocumentStore.Open(db);
        var ingestion = new StoreIngestion(store, new AnalysisPipeline([new StallingStage()]), workers, batchSize: 2);
        var stalled = Doc("The talks may stall.", "b.txt");
        IngestItem[] items = [IngestItem.Ok(Doc("A ferry sailed.", "a.txt")), IngestItem.Ok(stalled), IngestItem.Ok(Doc("A train left.", "c.txt"))];

        var summary = ingestion.Run(items, new IngestObserver(errors.Add));

        Assert.Equal((3L, 2L, 1L), (summary.Read, summary.Stored, summary.Failed));
        var error = Assert.Single(errors);
        Assert.Equal(("TAC900", "analysis", "b.txt", $"document {stalled.Id.Value}"), (error.Code, error.Stage, error.File, error.Record));
        Assert.Contains("OperationCanceledException: the stage gave up", error.Message, StringComparison.Ordinal);
        Assert.Equal(["a.txt", "c.txt"], store.List().Select(d => d.Origin));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Run_CancelledMidRun_EndsWithOperationCanceledAndNoDocumentFailsWithTac900(int workers)
    {
        var errors = new List<TacitusError>();
        using var run = new CancellationTokenSource();
        using var store = DocumentStore.Open(db);
        var ingestion = new StoreIngestion(store, new AnalysisPipeline([new HaltingStage(run)]), workers, batchSize: 1);
        IngestItem[] items = [IngestItem.Ok(Doc("A ferry sailed.", "a.txt")), IngestItem.Ok(Doc("The convoy had to halt.", "b.txt")), IngestItem.Ok(Doc("A train left.", "c.txt"))];

        Assert.ThrowsAny<OperationCanceledException>(() => ingestion.Run(items, new IngestObserver(errors.Add), run.Token));

        Assert.DoesNotContain(errors, e => e.Code == AnalysisErrors.Unexpected);
        Assert.DoesNotContain("c.txt", store.List().Select(d => d.Origin));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Run_StoredIdProbeMeetsADamagedPage_FailsWithTheStoresTac500NotATac900PerDocument(int workers)
    {
        var (_, large) = StoreFixtures.StoreAndCorruptALongDocumentsPage(db);
        var errors = new List<TacitusError>();
        using var store = DocumentStore.Open(db);
        var ingestion = new StoreIngestion(store, new AnalysisPipeline([new CountingStage()]), workers);

        var ex = Assert.Throws<StoreException>(() => ingestion.Run([IngestItem.Ok(Doc(large.Text, "again.txt"))], new IngestObserver(errors.Add)));

        Assert.Equal(("TAC500", "store", db), (ex.Error.Code, ex.Error.Stage, ex.Error.File));
        Assert.Contains("damaged", ex.Error.Message, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public void Run_SameTextFromTwoOutlets_OneDocumentWithBothSightings()
    {
        using var store = DocumentStore.Open(db);
        var stage = new CountingStage();
        var ingestion = new StoreIngestion(store, new AnalysisPipeline([stage]), workers: 2, batchSize: 1);
        const string Wire = "Storm closes the northern ferry route.";

        ingestion.Run([Sighted(Wire, "Harbour Herald", "https://herald.example/storm", "herald.jsonl:3")]);
        var second = ingestion.Run([
            Sighted(Wire, "Coast Courier", "https://courier.example/ferry", "courier.jsonl:9"),
            Sighted(Wire, "Harbour Herald", "https://herald.example/storm", "herald.jsonl:3"),
        ]);

        Assert.Equal((0L, 2L), (second.Stored, second.AlreadyStored));
        Assert.Equal(1, stage.Calls);
        var document = Assert.Single(store.List());
        Assert.Equal(2, document.Sightings);
        var loaded = store.Load(document.Id)!;
        Assert.Equal("Harbour Herald", loaded.Metadata.Outlet);
        Assert.Equal(
            [("Coast Courier", "https://courier.example/ferry", "courier.jsonl:9"), ("Harbour Herald", "https://herald.example/storm", "herald.jsonl:3")],
            loaded.Sightings.Select(s => (s.Outlet, s.Url, s.Origin)).Order());
    }

    private static IngestItem Sighted(string text, string outlet, string url, string origin) =>
        IngestItem.Ok(new Document(text, new DocumentMetadata { Outlet = outlet, Url = url, Origin = origin, Published = new DateOnly(2024, 5, 2) }) { Language = "en" });

    private static Document Doc(string text, string? origin = null) => new(text, new DocumentMetadata { Origin = origin }) { Language = "en" };
}
