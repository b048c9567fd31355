using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
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
        var command = new Command("documents", "List the documents in the store.") { db, search, limit, json };
        command.SetAction((parse, ct) =>
        {
            try
            {
                using var store = DocumentStore.Open(parse.GetValue(db)!, create: false);
                var rows = store.List(parse.GetValue(search), parse.GetValue(limit));
                if (parse.GetValue(json))
                {
                    WriteJson(rows);
                }
                else
                {
                    WriteTable(rows, parse.GetValue(Verbosity.Quiet));
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

    private static void WriteTable(IEnumerable<StoredDocumentSummary> rows, bool quiet)
    {
        var count = 0;
        foreach (var d in rows)
        {
            if (count == 0)
            {
                Console.WriteLine($"{"id",-12}  {"published",-10}  {"outlet",-16}  {"title",-60}  {"sentences",9}  {"events",6}");
            }

            var title = d.Title ?? (d.Origin is null ? "(untitled)" : Path.GetFileName(d.Origin));
            Console.WriteLine(TerminalText.Escape($"{d.Id.Value[..12]}  {d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------"}  " +
                $"{Cut(d.Outlet ?? "-", 16),-16}  {Cut(title, 60),-60}  {d.Sentences,9}  {d.Events,6}"));
            count++;
        }

        if (!quiet)
        {
            Console.Error.WriteLine($"{count} document{(count == 1 ? string.Empty : "s")}");
        }
    }

    private static void WriteJson(IEnumerable<StoredDocumentSummary> rows)
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
            w.WriteEndObject();
            w.Flush();
            w.Reset();
            stdout.WriteByte((byte)'\n');
        }
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
}
