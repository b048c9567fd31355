using Tacitus.Contract;
using Tacitus.Store;
using Tacitus.Tests.Store;

namespace Tacitus.Tests.Cli;

public sealed class ShowCommandTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public ShowCommandTests()
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch([StoreFixtures.Analysed(), StoreFixtures.Plain("Lanterns lit the old market square.", "Market night")]);
    }

    public void Dispose() => StoreFixtures.DeleteDb(db);

    [Fact]
    public void Show_Json_PrintsTheStoredAnalysis()
    {
        var original = StoreFixtures.Analysed();
        var (exit, stdout, _) = CliProcess.Run("show", original.Id.Value[..10], "--db", db, "--json");
        Assert.Equal(0, exit);
        var stored = StoreFixtures.WithoutSightings(stdout.TrimEnd('\n'), out var sightings);
        Assert.Equal(StoreFixtures.WithoutSightings(AnalysisJsonWriter.ToJson(original), out _), stored);
        Assert.Equal(1, sightings);
    }

    [Fact]
    public void Show_Readable_MarksBoilerplateAndPrintsRecords()
    {
        var original = StoreFixtures.Analysed();
        var (exit, stdout, _) = CliProcess.Run("show", original.Id.Value, "--db", db);
        Assert.Equal(0, exit);
        Assert.Contains("Subscribe to our newsletter.  [boilerplate: subscription-plea]", stdout, StringComparison.Ordinal);
        Assert.Contains(RecordFormatter.Format(original, original.Events[0]), stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ffffffffffffffffffffffffffffffff", 1)]
    [InlineData("not-hex", 1)]
    public void Show_UnknownId_ExitsOneWithTac505(string id, int expected)
    {
        var (exit, _, stderr) = CliProcess.Run("show", id, "--db", db);
        Assert.Equal(expected, exit);
        Assert.Contains("TAC505", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lanterns", "Market night")]
    [InlineData("Vienna diplomats", "Varga in Vienna")]
    [InlineData("lantern*", "Market night")]
    [InlineData("Vien* diplo*", "Varga in Vienna")]
    public void Documents_Search_ListsMatchingDocumentUnderHeader(string words, string title)
    {
        var (exit, stdout, _) = CliProcess.Run("documents", "--db", db, "--search", words);
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^id\s+published\s+outlet\s+title\s+sentences\s+events$", lines[0]);
        Assert.Contains(title, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_MissingStore_ExitsFatalWithoutCreatingIt()
    {
        var missing = StoreFixtures.TempDb();
        var (exit, _, stderr) = CliProcess.Run("documents", "--db", missing);
        Assert.Equal(3, exit);
        Assert.Contains("TAC500", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
