using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus documents</c>: list stored documents, or those matching a full-text search.</summary>
internal static class DocumentsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var search = new Option<string?>("--search") { Description = "Only documents whose title or text contains all these words (best matches first); a trailing * makes a word a prefix ('Blai*')." };
        var limit = new Option<int?>("--limit") { Description = "At most this many documents." };
        var json = new Option<bool>("--json") { Description = "One JSON object per document (JSON Lines)." };
        var stale = new Option<bool>("--stale") { Description = "Only documents whose records another pipeline, knowledge, patterns or dictionaries made, or that fusion left out because their stored values did not decode ('tacitus reanalyse' brings them up to date)." };
        // the same options as the commands that analyse, so "stale" compares against the pipeline they would run
        var analysis = new AnalysisOptions(withBudget: false);
        var command = new Command("documents", "List the documents in the store.") { db, search, limit, json, stale };
        analysis.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            try
            {
                using var store = DocumentStore.Open(parse.GetValue(db)!, create: false);
                var current = ProvenanceFingerprint.For(analysis.Read(parse));
                var rows = store.List(parse.GetValue(search), parse.GetValue(limit)).Where(d => !parse.GetValue(stale) || DocumentStore.IsStale(d, current));
                if (parse.GetValue(json))
                {
                    WriteJson(rows, current);
                }
                else
                {
                    WriteTable(rows, current, parse.GetValue(Verbosity.Quiet));
                }

                return Task.FromResult(ExitCodes.Ok);
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine(ex.Error.ToString());
                return Task.FromResult(ExitCodes.Fatal);
            }
        });
        return command;
    }

    private static void WriteTable(IEnumerable<StoredDocumentSummary> rows, AnalysisProvenance current, bool quiet)
    {
        int count = 0, stale = 0;
        foreach (var d in rows)
        {
            if (count == 0)
            {
                Console.WriteLine($"{"id",-12}  {"published",-10}  {"outlet",-16}  {"title",-60}  {"sentences",9}  {"events",6}");
            }

            var title = d.Title ?? (d.Origin is null ? "(untitled)" : Path.GetFileName(d.Origin));
            Console.WriteLine(TerminalText.Escape($"{d.Id.Value[..12]}  {d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------"}  " +
                $"{Cut(d.Outlet ?? "-", 16),-16}  {Cut(title, 60),-60}  {d.Sentences,9}  {d.Events,6}" +
                (d.Sightings > 1 ? $"  {d.Sightings} sightings" : string.Empty) + (DocumentStore.IsStale(d, current) ? "  stale" : string.Empty) + (d.LeftOutOfFusion ? " (left out of fusion)" : string.Empty)));
            count++;
            stale += DocumentStore.IsStale(d, current) ? 1 : 0;
        }

        if (!quiet)
        {
            Console.Error.WriteLine($"{count} document{(count == 1 ? string.Empty : "s")}" +
                (stale == 0 ? string.Empty : $", {stale} stale (records from another pipeline, knowledge, patterns or dictionaries; 'tacitus reanalyse' updates them)"));
        }
    }

    private static void WriteJson(IEnumerable<StoredDocumentSummary> rows, AnalysisProvenance current)
    {
        using var stdout = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var d in rows)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id.Value);
            w.WriteString("published", d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("outlet", d.Outlet);
            w.WriteString("title", d.Title);
            w.WriteString("origin", d.Origin);
            w.WriteString("language", d.Language);
            w.WriteNumber("sentences", d.Sentences);
            w.WriteNumber("boilerplate", d.Boilerplate);
            w.WriteNumber("mentions", d.Mentions);
            w.WriteNumber("attributions", d.Attributions);
            w.WriteNumber("events", d.Events);
            w.WriteNumber("sightings", d.Sightings);
            w.WriteString("pipeline", d.Provenance?.Pipeline);
            w.WriteString("knowledge", d.Provenance?.Knowledge);
            w.WriteString("patterns", d.Provenance?.Patterns);
            w.WriteString("dictionaries", d.Provenance?.Dictionaries);
            w.WriteBoolean("stale", DocumentStore.IsStale(d, current));
            w.WriteBoolean("left_out_of_fusion", d.LeftOutOfFusion);
            w.WriteEndObject();
            w.Flush();
            w.Reset();
            stdout.WriteByte((byte)'\n');
        }
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
}
