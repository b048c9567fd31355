using Tacitus.Attributions;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Pipeline;

public sealed class PipelineFactoryTests
{
    private const string Sentence = "France snubbed Germany at the summit on Monday.";

    private static Document Analyse(PipelineOptions options) =>
        PipelineFactory.Create(options).Process(new Document(Sentence, new DocumentMetadata { Published = new DateOnly(2024, 5, 8) }) { Language = "en" });

    [Fact]
    public void Create_UserPatternFile_CodesItsVerb()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# id\tpattern\tcameo\tplover\tmode\tflags\tstrength\tnotes\nuser.snub\tsnub {R}\t12\t\t\treq\t0.8\ta user's verb\n");
            Assert.DoesNotContain(Analyse(PipelineOptions.Default).Events, e => e.Event == PloverType.Reject);

            var pipeline = PipelineFactory.Create(new PipelineOptions { EventPatternFiles = [file] });
            Assert.Empty(pipeline.SetupErrors);
            var record = Assert.Single(Analyse(new PipelineOptions { EventPatternFiles = [file] }).Events, e => e.Event == PloverType.Reject);
            Assert.Equal("FRA", record.Actor.Country?.Value);
            Assert.Equal("DEU", record.Recipient?.Country?.Value);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Create_UserPatternFile_ReachesAttributionAsWellAsEvents()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "user.snub\tsnub {R}\t12\t\t\treq\t0.8\ta user's verb\n");
            var shipped = PipelineFactory.Create(PipelineOptions.Default).Stages.OfType<AttributionFinder>().Single();
            var withUser = PipelineFactory.Create(new PipelineOptions { EventPatternFiles = [file] }).Stages.OfType<AttributionFinder>().Single();

            Assert.DoesNotContain("snub", (IReadOnlySet<string>)shipped.VerbLemmas);
            Assert.Contains("snub", (IReadOnlySet<string>)withUser.VerbLemmas);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Create_MissingPatternFile_ReportsSetupErrorAndKeepsShippedPatterns()
    {
        var pipeline = PipelineFactory.Create(new PipelineOptions { EventPatternFiles = ["/nonexistent/patterns.tsv"] });

        var error = Assert.Single(pipeline.SetupErrors);
        Assert.Equal("TAC305", error.Code);
        Assert.Equal("/nonexistent/patterns.tsv", error.File);
    }

    [Theory]
    [InlineData(DateReaderChoice.Rules, false)]
    [InlineData(DateReaderChoice.Recognizer, true)]
    public void Create_DateReader_NamedInTheProvenance(DateReaderChoice dates, bool named)
    {
        var pipeline = PipelineFactory.Create(new PipelineOptions { Dates = dates }).Provenance!.Pipeline;
        Assert.Equal(named, pipeline.EndsWith("/dates-recognizer", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_DefaultDateReader_ReadsTheWeekdayWithoutTheRecognizer()
    {
        var time = Assert.Single(Analyse(PipelineOptions.Default).Mentions, m => m.Kind == MentionKind.Time);
        Assert.Equal("2024-05-06", time.Time!.Value);
        Assert.StartsWith("common:", time.Rule, StringComparison.Ordinal);
    }
}
