using Microsoft.Data.Sqlite;
using Tacitus.Tests.Store;

namespace Tacitus.Tests.Cli;

public sealed class IngestCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tacitus-ingest-").FullName;
    private readonly string db;

    public IngestCommandTests() => db = Path.Combine(dir, "store.db");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Ingest_GoodFilesMixedWithMissingAndEmpty_StoresGoodOnesAndExitsOne()
    {
        var good = new[] { Write("one.txt", "The mayor opened a new library on Tuesday."), Write("two.txt", "Farmers blocked a road near the border.") };
        var empty = Write("empty.txt", string.Empty);
        var missing = Path.Combine(dir, "missing.txt");

        var (exit, stdout, stderr) = CliProcess.Run(["ingest", good[0], missing, empty, good[1], "--db", db, "--quiet"]);

        Assert.Equal(1, exit);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
        Assert.Contains(empty, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(good[0], stderr, StringComparison.Ordinal);
        Assert.Contains("read 4, stored 2 new, 0 already stored, 2 failed", stdout, StringComparison.Ordinal);
        Assert.Equal(good.Order(), Origins());
    }

    [Fact]
    public void Ingest_SameFilesTwice_SecondRunStoresNothingNew()
    {
        var files = Enumerable.Range(0, 5).Select(i => Write($"{i}.txt", $"Council meeting number {i} ended early.")).ToArray();
        var first = CliProcess.Run(["ingest", .. files, "--db", db, "--quiet", "--batch", "2"]);
        var second = CliProcess.Run(["ingest", .. files, "--db", db, "--quiet"]);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("stored 5 new, 0 already stored", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("stored 0 new, 5 already stored", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(5, Origins().Count);
    }

    [Fact]
    public void Ingest_SeveralWorkers_StoresInInputOrder()
    {
        var files = Enumerable.Range(0, 60).Select(i => Write($"{i:D3}.txt", $"Dispatch {i}: the river rose again.\n\nResidents left their homes.")).ToArray();
        var (exit, _, _) = CliProcess.Run(["ingest", .. files, "--db", db, "--quiet", "--workers", "3", "--batch", "7"]);
        Assert.Equal(0, exit);
        Assert.Equal(files, Origins(inStoreOrder: true));
    }

    [Fact]
    public void Ingest_SentenceWithAnIssue_EventsJsonCarriesIt()
    {
        var issues = Write("issues.txt", "<ISSUE CATEGORY=\"TRANSPORT\" TYPE=\"ALL\">\nn:ferry [FERRIES]\n</ISSUE>\n");
        var file = Write("one.txt", "The mayor of Tirana praised the ferry crews on Tuesday.\n\nThe mayor of Tirana visited Durres on Friday.");
        Assert.Equal(0, CliProcess.Run(["ingest", file, "--db", db, "--quiet", "--issues", issues]).ExitCode);

        var (exit, stdout, stderr) = CliProcess.Run("events", "--db", db, "--json");

        Assert.True(exit == 0, stderr);
        var records = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["FERRIES=1", null], records.Select(r => r.GetProperty("issues").GetString()));
    }

    [Theory]
    [InlineData(new string[0], 1)]
    [InlineData(new[] { "--dates", "recognizer" }, 0)]
    public void Documents_StaleAfterIngestWithRecognizer_ComparesWithTheDateReaderAsked(string[] options, int staleCount)
    {
        var file = Write("one.txt", "The mayor opened a new library on Tuesday.");
        Assert.Equal(0, CliProcess.Run(["ingest", file, "--db", db, "--quiet", "--dates", "recognizer"]).ExitCode);

        var (exit, stdout, _) = CliProcess.Run(["documents", "--db", db, "--stale", "--json", .. options]);

        Assert.Equal(0, exit);
        Assert.Equal(staleCount, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("ingest", "--story-window", "0")]
    [InlineData("ingest", "--story-window", "-5")]
    [InlineData("ingest", "--story-window", "ten")]
    [InlineData("ingest", "--story-window", "1.5")]
    [InlineData("ingest", "--open-event-reports", "0")]
    [InlineData("ingest", "--open-event-reports", "99999999999")]
    [InlineData("reanalyse", "--story-window", "0")]
    [InlineData("bench", "--open-event-reports", "-1")]
    public void Main_StoryOptionNotAPositiveWholeNumber_UsageErrorNamingIt(string command, string option, string value)
    {
        var file = Write("one.txt", "The mayor opened a new library on Tuesday.");
        string[] args = command == "ingest" ? [command, file, "--db", db, option, value] : command == "bench" ? [command, file, option, value] : [command, "--db", db, option, value];

        var parse = Tacitus.Cli.Program.CreateRoot().Parse(args);

        var error = Assert.Single(parse.Errors);
        Assert.Contains($"{option}: '{value}' is not a whole number", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Tacitus.Cli.Program.Main(args));
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData(new string[0], 2_000L, 32)]
    [InlineData(new[] { "--story-window", "7", "--open-event-reports", "3" }, 7L, 3)]
    public void Ingest_StoryOptions_ReadAsStoryOptions(string[] options, long window, int reports)
    {
        var root = Tacitus.Cli.Program.CreateRoot();
        var parse = root.Parse(["ingest", "x.txt", .. options]);
        var ingest = parse.CommandResult.Command;

        var stories = Tacitus.Cli.Commands.CommonOptions.Stories(parse, (System.CommandLine.Option<long>)ingest.Options.Single(o => o.Name == "--story-window"), (System.CommandLine.Option<int>)ingest.Options.Single(o => o.Name == "--open-event-reports"));

        Assert.Empty(parse.Errors);
        Assert.Equal(Tacitus.Fusion.StoryOptions.Default with { CloseAfterDocuments = window, OpenEventReports = reports }, stories);
    }

    [Fact]
    public void Ingest_StoryWindowOfOne_StoryClosedByTheDocumentBetween()
    {
        const string Pier = "Title: Pier repairs\nPublished: 2024-03-02\n\nThe harbour council agreed to repair the old pier at Velmar harbour, a harbour spokeswoman said. The pier repairs start in May.\n";
        const string Pier2 = "Title: Pier repairs agreed\nPublished: 2024-03-02\n\nVelmar harbour council will repair the old pier, the harbour spokeswoman said. Pier repairs begin in May.\n";
        const string Flood = "Title: Flood warning\nPublished: 2024-03-02\n\nForecasters warned of floods along the northern river valley after heavy rain, and farmers moved cattle to higher fields.\n";
        var files = new[] { Write("1.txt", Pier), Write("2.txt", Flood), Write("3.txt", Pier2) };
        var wide = Path.Combine(dir, "wide.db");

        var narrow = CliProcess.Run(["ingest", .. files, "--db", db, "--quiet", "--workers", "1", "--story-window", "1"]);
        var usual = CliProcess.Run(["ingest", .. files, "--db", wide, "--quiet", "--workers", "1"]);

        Assert.Equal((0, 0), (narrow.ExitCode, usual.ExitCode));
        Assert.Equal(2, Stories(wide));
        Assert.Equal(3, Stories(db));
    }

    [Fact]
    public void Ingest_LaterRunsOnAStoreFusedWithWindowOne_KeepItRefuseAnotherAndReanalyseAllChangesIt()
    {
        const string Pier = "Title: Pier repairs\nPublished: 2024-03-02\n\nThe harbour council agreed to repair the old pier at Velmar harbour, a harbour spokeswoman said. The pier repairs start in May.\n";
        const string Pier2 = "Title: Pier repairs agreed\nPublished: 2024-03-02\n\nVelmar harbour council will repair the old pier, the harbour spokeswoman said. Pier repairs begin in May.\n";
        const string Flood = "Title: Flood warning\nPublished: 2024-03-02\n\nForecasters warned of floods along the northern river valley after heavy rain, and farmers moved cattle to higher fields.\n";
        var (pier, flood, pier2) = (Write("1.txt", Pier), Write("2.txt", Flood), Write("3.txt", Pier2));

        var first = CliProcess.Run(["ingest", pier, flood, "--db", db, "--quiet", "--workers", "1", "--story-window", "1"]);
        var other = CliProcess.Run(["ingest", pier2, "--db", db, "--quiet", "--workers", "1", "--story-window", "5"]);
        var storiesAfterRefusal = Stories(db);
        var noWindow = CliProcess.Run(["ingest", pier2, "--db", db, "--quiet", "--workers", "1"]);
        var storiesWithRecordedWindow = Stories(db);
        var refit = CliProcess.Run(["reanalyse", "--db", db, "--all", "--quiet", "--workers", "1", "--story-window", "2000"]);

        Assert.Equal((0, 3, 0, 0), (first.ExitCode, other.ExitCode, noWindow.ExitCode, refit.ExitCode));
        Assert.Contains("TAC506", other.Stderr, StringComparison.Ordinal);
        Assert.Contains("--story-window 1", other.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, storiesAfterRefusal);
        Assert.Equal(3, storiesWithRecordedWindow); // the second pier report arrived after the window of 1 closed its story
        Assert.Equal(2, Stories(db)); // re-fused with the wider window, the two pier reports are one story again
    }

    [Fact]
    public void Reanalyse_AllOverAStoredDocumentThatNoLongerDecodes_NamesItFusesTheRestAndLaterIngestsGoOn()
    {
        var files = Enumerable.Range(0, 3).Select(i => Write($"{i}.txt", $"Dispatch {i}: the river rose again near the mill.")).ToArray();
        Assert.Equal(0, CliProcess.Run(["ingest", .. files, "--db", db, "--quiet", "--workers", "1"]).ExitCode);
        Execute($"UPDATE documents SET warnings = '[{{' WHERE origin = '{files[1]}'");
        var damaged = Execute($"SELECT id FROM documents WHERE origin = '{files[1]}'");

        var reanalyse = CliProcess.Run("reanalyse", "--db", db, "--all", "--quiet", "--workers", "1");
        var later = CliProcess.Run(["ingest", Write("3.txt", "Dispatch 3: the bridge over the river reopened."), "--db", db, "--quiet", "--workers", "1"]);
        var leftOut = Execute("SELECT group_concat(document) FROM fusion_skipped");
        var stale = CliProcess.Run("documents", "--db", db, "--stale", "--json");
        var again = CliProcess.Run(["ingest", files[1], "--db", db, "--quiet", "--workers", "1"]);

        Assert.Equal(1, reanalyse.ExitCode);
        Assert.Contains($"[document {damaged}]: TAC504 store: unreadable row of document {damaged}", reanalyse.Stderr, StringComparison.Ordinal);
        Assert.Contains("left out of stories and fused events", reanalyse.Stderr, StringComparison.Ordinal);
        Assert.True(later.ExitCode == 0, later.Stderr);
        Assert.Equal("2", leftOut);
        var staleLine = Assert.Single(stale.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // reanalyse would select it
        Assert.Contains($"\"id\":\"{damaged}\"", staleLine, StringComparison.Ordinal);
        Assert.Contains("\"left_out_of_fusion\":true", staleLine, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Stderr); // the text ingested again replaces the damaged records and is fused again
        Assert.Contains("1 already stored (1 re-analysed), 0 failed", again.Stdout, StringComparison.Ordinal);
        Assert.Equal("1,2,3,4", Execute("SELECT group_concat(document) FROM (SELECT document FROM story_documents ORDER BY document)"));
        Assert.Null(Execute("SELECT group_concat(document) FROM fusion_skipped"));
    }

    /// <summary>Runs <paramref name="sql"/> on the store behind tacitus's back; its first value, as text.</summary>
    private string? Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static long Stories(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM stories";
        return (long)command.ExecuteScalar()!;
    }

    private List<string> Origins(bool inStoreOrder = false)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT origin FROM documents ORDER BY " + (inStoreOrder ? "seq" : "origin");
        using var r = command.ExecuteReader();
        var origins = new List<string>();
        while (r.Read())
        {
            origins.Add(r.GetString(0));
        }

        return origins;
    }
}
