using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Store;

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

        Assert.Equal((1L, 1L), (summary.Reanalysed, summary.Failed));
        Assert.Equal("TAC400", Assert.Single(errors).Code);
        var stale = Assert.Single(run.Select(null, all: false));
        Assert.Equal(OldRules, store.Load(stale)!.Provenance);
        Assert.Equal("praised", Assert.Single(store.Load(stale)!.Events).Actor.Text);
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
