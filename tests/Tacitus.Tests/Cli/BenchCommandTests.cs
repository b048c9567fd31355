namespace Tacitus.Tests.Cli;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tacitus-bench-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Bench_UnseenMissing_FailsNamingIt()
    {
        var corpus = Write("seen/a.txt", "The mayor opened a new library on Tuesday.");
        var missing = Path.Combine(dir, "missing");

        var (exit, stdout, stderr) = CliProcess.Run("bench", corpus, "--stage", "full", "--workers", "1", "--repeat", "1", "--unseen", missing);

        Assert.Equal(3, exit);
        Assert.Contains($"'{missing}' (--unseen)", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("file")]
    public void Bench_UnseenWithNoDocument_UsageErrorBeforeAnyPass(string kind)
    {
        var corpus = Write("seen/a.txt", "The mayor opened a new library on Tuesday.");
        var empty = kind == "file" ? Write("empty.txt", string.Empty) : Directory.CreateDirectory(Path.Combine(dir, "none")).FullName;

        var (exit, stdout, stderr) = CliProcess.Run("bench", corpus, "--stage", "full", "--workers", "1", "--repeat", "1", "--unseen", empty);

        Assert.Equal(2, exit);
        Assert.Contains($"--unseen '{empty}' has no document that can be read", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("--stage", "segment")]
    [InlineData("--stage", "syntax")]
    [InlineData("--serve", null)]
    public void Bench_UnseenWithoutTheFullAnalysis_UsageError(string option, string? value)
    {
        var corpus = Write("seen/a.txt", "The mayor opened a new library on Tuesday.");
        var other = Write("new/b.txt", "Farmers blocked a road near the border.");
        string[] args = value is null ? ["bench", corpus, option, "--unseen", other] : ["bench", corpus, option, value, "--unseen", other];

        var (exit, stdout, stderr) = CliProcess.Run(args);

        Assert.Equal(2, exit);
        Assert.Contains("--unseen needs the full analysis", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Bench_UnseenCorpusWithAFailedDocument_WarnsAndExitsOne()
    {
        var corpus = Write("seen/a.txt", "The mayor opened a new library on Tuesday.");
        Write("new/b.txt", "Farmers blocked a road near the border.");
        Write("new/empty.txt", string.Empty);

        var (exit, stdout, stderr) = CliProcess.Run("bench", corpus, "--stage", "full", "--workers", "1", "--repeat", "1", "--quiet", "--unseen", Path.Combine(dir, "new"));

        Assert.Equal(1, exit);
        Assert.Contains("1 documents of the unseen corpus", stderr, StringComparison.Ordinal);
        Assert.Contains("**Warmed, unseen text**", stdout, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
