using System.Text;
using System.Text.Json;
using Tacitus.Contract;
using Tacitus.Store;
using Tacitus.Tests.Store;

namespace Tacitus.Tests.Cli;

/// <summary>Exports the events of a small store once, as CSV and as JSON Lines, for the field-by-field checks.</summary>
public sealed class EventExports : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public EventExports()
    {
        using (var store = DocumentStore.Open(db))
        {
            store.SaveBatch([StoreFixtures.Analysed(), StoreFixtures.Plain("Nothing happened, \"really\".", "Quiet day")]);
        }

        Csv = Export("csv");
        Tsv = Export("tsv");
        JsonLines = Export("jsonl");
    }

    public string Csv { get; }

    public string Tsv { get; }

    public string JsonLines { get; }

    public void Dispose() => StoreFixtures.DeleteDb(db);

    private string Export(string format)
    {
        var output = db + "." + format;
        var (exit, _, stderr) = CliProcess.Run("export", "--db", db, "--format", format, "--what", "events", "--out", output);
        Assert.True(exit == 0, stderr);
        var text = File.ReadAllText(output, Encoding.UTF8);
        File.Delete(output);
        return text;
    }
}

public sealed class ExportCommandTests(EventExports exports) : IDisposable, IClassFixture<EventExports>
{
    private readonly string db = StoreFixtures.TempDb();
    private readonly string output = Path.Combine(Path.GetTempPath(), $"tacitus-export-{Guid.NewGuid():N}");

    private void Seed()
    {
        using var store = DocumentStore.Open(db);
        store.SaveBatch([StoreFixtures.Analysed(), StoreFixtures.Plain("Nothing happened, \"really\".", "Quiet day")]);
    }

    public void Dispose()
    {
        StoreFixtures.DeleteDb(db);
        File.Delete(output);
    }

    public static TheoryData<string, string, string> EventFields => new()
    {
        { "0", "event_id", StoreFixtures.Analysed().Id.Value + "-0" },
        { "0", "title", "Varga in Vienna" },
        { "0", "url", "https://example.org/varga" },
        { "0", "sentence", "0" },
        { "0", "trigger", "visited" },
        { "0", "score", "1.9" },
        { "0", "actor_text", "Foreign Minister Ana Varga" },
        { "0", "actor_name", "Ana Varga" },
        { "0", "actor_code", "HUNGOV" },
        { "0", "actor_country", "HUN" },
        { "0", "actor_sector", "GOV" },
        { "0", "event", "CONSULT" },
        { "0", "mode", "visit" },
        { "0", "cameo", "042" },
        { "0", "recipient_name", "Austria" },
        { "0", "recipient_code", "AUT" },
        { "0", "location_name", "Vienna" },
        { "0", "location_lat", "48.2" },
        { "0", "location_lon", "16.37" },
        { "0", "location_geonames_id", "2761369" },
        { "0", "date_start", "2021-03-01" },
        { "0", "date_end", "2021-03-01" },
        { "0", "date_precision", "day" },
        { "0", "outlets", "Daily Ledger" },
        { "0", "location_country", "AUT" },
        { "0", "date", "2021-03-01" },
        { "0", "published", "2021-03-01" },
        { "0", "outlet", "Daily Ledger" },
        { "0", "source", "Radio Nord" },
        { "0", "via", "unnamed diplomats" },
        { "0", "anonymous", "true" },
        { "0", "hedged", "true" },
        { "0", "negated", "false" },
        { "0", "confidence", "0.812" }, // 0.8125 rounded to even, as the analysis JSON does
        { "0", "evidence", "Foreign Minister Ana Varga visited Vienna on Monday, the agency Radio Nord reported, citing unnamed diplomats." },
        { "0", "issues", "DIPLOMACY=2; TOURISM=1" },
        { "1", "issues", string.Empty },
        { "1", "recipient_name", "Otto Brenner" },
        { "1", "date_precision", "unknown" },
        { "1", "date_start", string.Empty },
        { "1", "recipient_sector", "GOV" },
        { "1", "source", "officials" },
        { "1", "anonymous", "false" },
        { "1", "negated", "true" },
        { "1", "denied", "true" },
        { "1", "date", string.Empty },
        { "1", "evidence", "She met Chancellor Otto Brenner, \"a long-time rival\", officials said." },
    };

    [Theory]
    [MemberData(nameof(EventFields))]
    public void Export_EventsCsv_RoundTripsField(string row, string column, string expected)
    {
        var rows = ParseCsv(exports.Csv);
        Assert.Equal(3, rows.Count);
        var header = rows[0];
        Assert.Equal(expected, rows[1 + int.Parse(row, System.Globalization.CultureInfo.InvariantCulture)][header.IndexOf(column)]);
    }

    [Theory]
    [MemberData(nameof(EventFields))]
    public void Export_EventsTsv_RoundTripsField(string row, string column, string expected)
    {
        var rows = exports.Tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        Assert.Equal(expected, rows[1 + int.Parse(row, System.Globalization.CultureInfo.InvariantCulture)][Array.IndexOf(rows[0], column)]);
    }

    [Theory]
    [MemberData(nameof(EventFields))]
    public void Export_EventsJsonLines_RoundTripsField(string row, string column, string expected)
    {
        var lines = exports.JsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var value = JsonDocument.Parse(lines[int.Parse(row, System.Globalization.CultureInfo.InvariantCulture)]).RootElement.GetProperty(column);
        var text = value.ValueKind switch
        {
            JsonValueKind.Null => string.Empty,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => value.GetString(),
        };
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Export_DocumentsCsv_KeepsTextWithQuotesAndNewlines()
    {
        Seed();
        var (exit, _, _) = CliProcess.Run("export", "--db", db, "--format", "csv", "--what", "documents", "--out", output);
        Assert.Equal(0, exit);
        var rows = ParseCsv(File.ReadAllText(output, Encoding.UTF8));
        var text = rows[0].IndexOf("text");
        Assert.Equal([StoreFixtures.AnalysedText, "Nothing happened, \"really\"."], rows.Skip(1).Select(r => r[text]));
        Assert.Equal("Varga in Vienna", rows[1][rows[0].IndexOf("title")]);
    }

    [Fact]
    public void Export_Analyses_MatchesTheAnalysisContract()
    {
        Seed();
        var (exit, _, _) = CliProcess.Run("export", "--db", db, "--what", "analyses", "--out", output);
        Assert.Equal(0, exit);
        var stored = StoreFixtures.WithoutSightings(File.ReadLines(output).First(), out var sightings);
        Assert.Equal(StoreFixtures.WithoutSightings(AnalysisJsonWriter.ToJson(StoreFixtures.Analysed()), out _), stored);
        Assert.Equal(1, sightings);
    }

    [Theory]
    [InlineData("analyses", "jsonl")]
    [InlineData("documents", "csv")]
    [InlineData("events", "jsonl")]
    public void Export_OneDocumentUnreadable_ExportsTheRestNamesItAndExitsPartial(string kind, string format)
    {
        Seed();
        var damaged = StoreFixtures.Analysed().Id.Value;
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE documents SET sentence_rows = '{not json' WHERE id = $id";
            command.Parameters.AddWithValue("$id", damaged);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var (exit, _, stderr) = CliProcess.Run("export", "--db", db, "--what", kind, "--format", format, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains($"TAC504", stderr, StringComparison.Ordinal);
        Assert.Contains($"[document {damaged}]", stderr, StringComparison.Ordinal);
        Assert.Contains("1 unreadable document skipped", stderr, StringComparison.Ordinal);
        var written = File.ReadAllText(output, Encoding.UTF8);
        Assert.DoesNotContain(damaged, written, StringComparison.Ordinal);
        if (kind != "events")
        {
            Assert.Contains("Quiet day", written, StringComparison.Ordinal); // the readable document is still exported
        }
    }

    [Fact]
    public void Export_AnalysesAsCsv_IsAUsageError()
    {
        Seed();
        var (exit, _, stderr) = CliProcess.Run("export", "--db", db, "--what", "analyses", "--format", "csv");
        Assert.Equal(2, exit);
        Assert.Contains("jsonl", stderr, StringComparison.Ordinal);
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
