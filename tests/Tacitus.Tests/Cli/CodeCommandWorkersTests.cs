using System.Text.Json;
using Tacitus.Cli.Commands;
using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Tests.Pipeline;

namespace Tacitus.Tests.Cli;

/// <summary><c>tacitus code</c> on several workers writes what one worker writes, in input order.</summary>
public sealed class CodeCommandWorkersTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tacitus-code-workers-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string WriteCorpus(int count)
    {
        var path = Path.Combine(dir, "stories.jsonl");
        string[] places = ["Lyon", "Porto", "Gdansk", "Tampere", "Cork"];
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            // uneven lengths, so that documents finish out of order on several workers
            var text = $"Story {i}. The mayor of {places[i % places.Length]} met union leaders on Tuesday, officials said." +
                string.Concat(Enumerable.Repeat(" Talks on wages resumed last week and will go on in March.", 1 + (i * 7 % 11)));
            writer.WriteLine(JsonSerializer.Serialize(new { id = $"story-{i}", published = "2021-04-14", text }));
        }

        return path;
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public void Code_SeveralWorkers_SameLinesInInputOrder(string workers)
    {
        var corpus = WriteCorpus(24);

        var (oneExit, one, _) = CliProcess.Run("code", corpus, "--json", "--workers", "1");
        var (manyExit, many, _) = CliProcess.Run("code", corpus, "--json", "--workers", workers);

        Assert.Equal(0, oneExit);
        Assert.Equal(0, manyExit);
        var lines = many.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(24, lines.Length);
        Assert.Equal(one, many);
        Assert.Contains("Story 23.", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AnalyseItem_OnWorkersWorkFailsUnexpectedly_EachDocumentTac900NamingItAndTheRunGoesOn(int workers)
    {
        var pipeline = new AnalysisPipeline([new StallingStage()]);
        var documents = Enumerable.Range(0, 5).Select(i => new Document($"Talks {i} may stall.", new DocumentMetadata { Origin = $"{i}.txt" })).ToList();

        var results = OrderedWorkers.Map(documents.Select(IngestItem.Ok), (item, token) => CodeCommand.AnalyseItem(pipeline, item, token), workers).ToList();

        Assert.Equal(documents.Select(d => ("TAC900", "analysis", d.Metadata.Origin, (string?)$"document {d.Id.Value}")),
            results.Select(r => (r.Failure!.Code, r.Failure.Stage, r.Failure.File, r.Failure.Record)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AnalyseItem_RunCancelledMidRun_RunEndsWithOperationCanceledAndNoTac900(int workers)
    {
        using var run = new CancellationTokenSource();
        var pipeline = new AnalysisPipeline([new HaltingStage(run)]);
        var documents = Enumerable.Range(0, 5).Select(i => new Document(i == 1 ? "The talks had to halt." : $"Talks {i} went on.", new DocumentMetadata { Origin = $"{i}.txt" })).ToList();
        var seen = new List<TacitusError?>();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var (_, failure) in OrderedWorkers.Map(documents.Select(IngestItem.Ok), (item, token) => CodeCommand.AnalyseItem(pipeline, item, token), workers, run.Token))
            {
                seen.Add(failure);
            }
        });

        Assert.DoesNotContain(seen, f => f?.Code == AnalysisErrors.Unexpected);
        Assert.True(seen.Count < documents.Count);
    }

    [Fact]
    public void AnalyseItem_RunAlreadyCancelled_ThrowsOperationCanceledNotTac900()
    {
        using var run = new CancellationTokenSource();
        var pipeline = new AnalysisPipeline([new HaltingStage(run)]);
        var item = IngestItem.Ok(new Document("The talks had to halt.", new DocumentMetadata { Origin = "halt.txt" }));

        Assert.ThrowsAny<OperationCanceledException>(() => CodeCommand.AnalyseItem(pipeline, item, run.Token));
    }

    [Fact]
    public void Code_ZeroWorkers_IsAUsageError()
    {
        var (exit, _, stderr) = CliProcess.Run("code", WriteCorpus(1), "--workers", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--workers", stderr, StringComparison.Ordinal);
    }
}
