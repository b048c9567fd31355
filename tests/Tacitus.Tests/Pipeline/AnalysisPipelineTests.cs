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
        var ex = Assert.Throws<InvalidOperationException>(() => new AnalysisPipeline([events]));
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
}
