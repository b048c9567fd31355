using System.Text.Json;

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

    [Fact]
    public void Code_ZeroWorkers_IsAUsageError()
    {
        var (exit, _, stderr) = CliProcess.Run("code", WriteCorpus(1), "--workers", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--workers", stderr, StringComparison.Ordinal);
    }
}
