using Json.Schema;
using Tacitus.Fusion;
using Tacitus.Store;
using Tacitus.Tests.Fusion;
using Tacitus.Tests.Store;
using static Tacitus.Tests.Fusion.FusionFixtures;

namespace Tacitus.Tests.Cli;

/// <summary>`tacitus stories`, `tacitus events --fused` and `tacitus export --what fused` on a store of invented reports.</summary>
public sealed class FusionCommandTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public FusionCommandTests()
    {
        var first = Document("Norland's navy blockaded the port of Velmar on Wednesday. Ships waited offshore.", "Harbour Post", "2024-05-02", "a/harbour.txt");
        AddEvent(first, "blockaded", Tacitus.Domain.PloverType.Coerce, Actor("Norland Navy", "NRL", "MIL"), Actor("Velmar", "VLM"), "2024-05-01");
        var second = Document("Norland warships blockaded Velmar, the Velmar Courier learned. Ships waited offshore.", "Velmar Courier", "2024-05-02", "b/courier.txt");
        AddEvent(second, "blockaded", Tacitus.Domain.PloverType.Coerce, Actor("Norland", "NRL"), Actor("Velmar", "VLM"));
        using var store = DocumentStore.Open(db);
        store.SaveBatch([first, second]);
    }

    public void Dispose() => StoreFixtures.DeleteDb(db);

    [Fact]
    public void Stories_Json_OneValidStoryPerLineWithFilesAndEvents()
    {
        var (exit, stdout, stderr) = CliProcess.Run("stories", "--db", db, "--json");

        Assert.True(exit == 0, stderr);
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "story.schema.json"));
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        FusionStoreTests.AssertValid(schema, line);
        Assert.Contains("\"file\":\"a/harbour.txt\"", line, StringComparison.Ordinal);
        Assert.Contains("\"events\":[1]", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], 1)]
    [InlineData(new[] { "--status", "corroborated" }, 1)]
    [InlineData(new[] { "--status", "denied" }, 0)]
    [InlineData(new[] { "--type", "CONSULT" }, 0)]
    [InlineData(new[] { "--actor", "NRLMIL" }, 1)]
    [InlineData(new[] { "--actor", "VLM" }, 0)]
    [InlineData(new[] { "--country", "VLM" }, 1)]
    [InlineData(new[] { "--since", "2024-05-02" }, 0)]
    [InlineData(new[] { "--until", "2024-05-01", "--story", "1" }, 1)]
    public void Events_FusedJson_FiltersAndValidates(string[] filter, int expected)
    {
        var (exit, stdout, stderr) = CliProcess.Run(["events", "--db", db, "--fused", "--json", .. filter]);

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Length);
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "fused-event.schema.json"));
        foreach (var line in lines)
        {
            FusionStoreTests.AssertValid(schema, line);
            Assert.Contains("\"independent_sources\":2", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Events_StatusWithoutFused_IsAUsageError()
    {
        var (exit, _, stderr) = CliProcess.Run("events", "--db", db, "--status", "confirmed");

        Assert.Equal(2, exit);
        Assert.Contains("--fused", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_WithoutFused_RecordsAsStored()
    {
        var (exit, stdout, stderr) = CliProcess.Run("events", "--db", db, "--json");

        Assert.True(exit == 0, stderr);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void Export_Fused_OneRowPerFusedEvent(string format)
    {
        var (exit, stdout, stderr) = CliProcess.Run("export", "--db", db, "--what", "fused", "--format", format);

        Assert.True(exit == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(format == "csv" ? 2 : 1, rows.Length);
        Assert.Contains(FusionStatus.Corroborated, rows[^1], StringComparison.Ordinal);
        Assert.Contains("Harbour Post; Velmar Courier", rows[^1], StringComparison.Ordinal);
    }
}
