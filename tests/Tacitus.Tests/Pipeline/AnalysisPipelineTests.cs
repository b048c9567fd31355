using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Pipeline;

public sealed class AnalysisPipelineTests
{
    private sealed class FakeStage(string name, Annotations requires, Annotations assigns, bool englishOnly = true) : IPipelineStage
    {
        public string Name => name;

        public Annotations Requires => requires;

        public Annotations Assigns => assigns;

        public bool EnglishOnly => englishOnly;

        public int Calls { get; private set; }

        public void Process(Document document, CancellationToken cancellationToken) => Calls++;
    }

    [Fact]
    public void Constructor_StageRequiresUnassigned_Throws()
    {
        var events = new FakeStage("events", Annotations.Actors, Annotations.Events);
        var ex = Assert.Throws<StageRequirementException>(() => new AnalysisPipeline([events]));
        Assert.Equal("TAC402", ex.Error.Code);
        Assert.Contains("Actors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_NonEnglishDocument_SkipsEnglishOnlyStages()
    {
        var segment = new FakeStage("segment", Annotations.None, Annotations.Sentences, englishOnly: false);
        var actors = new FakeStage("actors", Annotations.Sentences, Annotations.Actors);
        var pipeline = new AnalysisPipeline([segment, actors]);
        pipeline.Process(new Document("Le président a parlé.", new DocumentMetadata()) { Language = "fr" });
        Assert.Equal(1, segment.Calls);
        Assert.Equal(0, actors.Calls);
    }

    [Theory]
    [InlineData("en", 1)]
    [InlineData("und", 1)]
    [InlineData("de", 0)]
    public void Process_Language_RunsEnglishStagesUnlessAnotherLanguage(string language, int calls)
    {
        var actors = new FakeStage("actors", Annotations.None, Annotations.Actors);
        new AnalysisPipeline([actors]).Process(new Document("Beirut rejected the appeal.", new DocumentMetadata()) { Language = language });
        Assert.Equal(calls, actors.Calls);
    }

    [Fact]
    public void Create_DefaultOptions_BuildsValidPipeline()
    {
        var pipeline = PipelineFactory.Create();
        Assert.NotNull(pipeline);
    }

    /// <summary>A stage that never ends by itself (it waits for cancellation) or that fails.</summary>
    private sealed class StuckStage(bool throws) : IPipelineStage
    {
        public string Name => "stuck";

        public Annotations Requires => Annotations.None;

        public Annotations Assigns => Annotations.Sentences;

        public void Process(Document document, CancellationToken cancellationToken)
        {
            if (throws)
            {
                throw new IndexOutOfRangeException("a bug");
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(5);
            }
        }
    }

    [Theory]
    [InlineData(false, "TAC401")]
    [InlineData(true, "TAC400")]
    public void Analyse_StageHangsOrFails_CodedErrorNamingTheDocument(bool throws, string code)
    {
        var pipeline = new AnalysisPipeline([new StuckStage(throws)]) { TimeBudget = TimeSpan.FromMilliseconds(200) };
        var document = new Document("The council met.", new DocumentMetadata { Origin = "a.txt" }) { Language = "en" };

        var error = pipeline.Analyse(document);

        Assert.Equal(code, error?.Code);
        Assert.Equal("a.txt", error?.File);
        Assert.Equal(code == "TAC400", AnalysisErrors.IsInternal(error!));
    }

    [Fact]
    public void Analyse_CallerCancels_Throws()
    {
        var pipeline = new AnalysisPipeline([new StuckStage(false)]) { TimeBudget = TimeSpan.FromSeconds(30) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.Analyse(new Document("The council met.", new DocumentMetadata()) { Language = "en" }, cancel.Token));
    }

    [Theory]
    [InlineData("fr", false)]
    [InlineData("en", true)]
    public void Process_Language_SaysWhetherAnalysed(string language, bool analysed)
    {
        var actors = new FakeStage("actors", Annotations.None, Annotations.Actors);
        var document = new AnalysisPipeline([actors]).Process(new Document("Le président a parlé.", new DocumentMetadata()) { Language = language });

        Assert.Equal(analysed, document.NotAnalysedReason is null);
    }

    [Fact]
    public void Process_TableAsOneLongSentence_TimeGrowsLinearlyWithLength()
    {
        // A table with no blank lines reads as one sentence of thousands of tokens, dates in every row; the date
        // recogniser used to be handed the whole of it (9 KB took 23 s, 30 KB more than 90). Eight times the rows
        // must take about eight times as long, not sixty-four.
        var pipeline = PipelineFactory.Create();
        Time(pipeline, 5);
        var small = Time(pipeline, 25);
        var large = Time(pipeline, 200);

        Assert.True(large.Elapsed < small.Elapsed * 24 + TimeSpan.FromSeconds(2), $"25 rows: {small.Elapsed}, 200 rows: {large.Elapsed}");
        Assert.Single(large.Document.Sentences);
        Assert.True(large.Document.Mentions.Count(m => m.Kind == MentionKind.Time) >= 200 * 2);
    }

    private static (TimeSpan Elapsed, Document Document) Time(AnalysisPipeline pipeline, int rows)
    {
        var text = string.Join('\n', Enumerable.Range(0, rows).Select(i =>
            $"training\tstory_2016-0{1 + (i % 9)}-1{i % 10}_item-{i}\tNone\tAB|CD\toutlet{i % 7}\t2016-0{1 + (i % 9)}-1{i % 10}\tJane Doe\tSenator meets mayor on Tuesday in March\t{i}\t0"));
        var document = new Document(text, new DocumentMetadata { Published = new DateOnly(2016, 11, 1) }) { Language = "en" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        pipeline.Process(document);
        return (clock.Elapsed, document);
    }
}
