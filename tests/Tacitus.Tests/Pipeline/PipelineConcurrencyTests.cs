using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Pipeline;

/// <summary>One pipeline serves every worker: the same article analysed on several threads at once reads as it does alone.</summary>
public sealed class PipelineConcurrencyTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineFactory.Create();

    private const string Wire =
        "Title: Port talks resume after storm\nOutlet: Fixture Wire\nPublished: 2021-04-14\n\n" +
        "MARSEILLE — French Transport Minister Claire Dubois met dock workers in Marseille on Tuesday, two days after a storm closed the port.\n\n" +
        "\"We will reopen the northern quays by Friday morning,\" Dubois told reporters, adding that repairs would cost about 12 million euros.\n\n" +
        "The union said last week it would strike in May unless wages rose 3 percent. A spokesman for the port authority, who asked not to be named, " +
        "said talks would continue next month in Paris.\n\n" +
        "Italy and Spain offered help on Wednesday. Officials in Rome said ships could be diverted to Genoa until the end of April.";

    private const string Plain =
        "Flooding forced thousands to leave their homes in northern Germany on Saturday, police said. " +
        "The river rose by two metres overnight, and rail services between Hamburg and Berlin were suspended until Monday.";

    private static string Analyse(string text, string published)
    {
        var document = new Document(text, new DocumentMetadata { Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) }) { Language = "en" };
        return AnalysisJsonWriter.ToJson(Pipeline.Process(document), explain: true);
    }

    [Theory]
    [InlineData(Wire, "2021-04-14", 2)]
    [InlineData(Wire, "2021-04-14", 8)]
    [InlineData(Plain, "2019-02-10", 4)]
    public void Process_SameDocumentOnManyThreads_IdenticalJson(string text, string published, int threads)
    {
        var alone = Analyse(text, published);
        Assert.Contains("\"kind\"", alone, StringComparison.Ordinal);

        using var start = new Barrier(threads);
        var results = new string[threads * 5];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 5; i++)
            {
                results[t * 5 + i] = Analyse(text, published);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.All(results, json => Assert.Equal(alone, json));
    }

    [Fact]
    public void Process_DifferentDocumentsInterleaved_EachAsAlone()
    {
        var wire = Analyse(Wire, "2021-04-14");
        var plain = Analyse(Plain, "2019-02-10");

        var results = new System.Collections.Concurrent.ConcurrentBag<(int Kind, string Json)>();
        Parallel.For(0, 24, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            results.Add(i % 2 == 0 ? (0, Analyse(Wire, "2021-04-14")) : (1, Analyse(Plain, "2019-02-10"))));

        Assert.Equal(24, results.Count);
        Assert.All(results, r => Assert.Equal(r.Kind == 0 ? wire : plain, r.Json));
    }
}
