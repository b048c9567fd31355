using System.CommandLine;
using System.Globalization;
using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus demo</c>: the main job in one command — ingest the example stories that ship with Tacitus, analyse
/// them, store them in a fresh SQLite store, and print what was found.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "Store to create for the demo (replaced on every run).", DefaultValueFactory = _ => "tacitus-demo.db" };
        var examples = new Option<string?>("--examples") { Description = "Folder of articles to use instead of the shipped examples." };
        var serve = new Option<bool>("--serve") { Description = "Then serve the demo store in the browser (tacitus serve) until Ctrl+C." };
        var port = ServeCommand.Port();
        var token = ServeCommand.Token();
        var command = new Command("demo", "Analyse and store the example stories, then print their records and sources.") { db, examples, serve, port, token };
        command.SetAction(async (parse, ct) =>
        {
            var code = Run(parse.GetValue(db)!, parse.GetValue(examples), ct);
            if (!parse.GetValue(serve) || code == ExitCodes.Fatal)
            {
                return code;
            }

            Console.WriteLine();
            var served = await ServeCommand.Run(ServeCommand.Options(parse.GetValue(db)!, "127.0.0.1", parse.GetValue(port), parse.GetValue(token)), ct);
            return served != ExitCodes.Ok ? served : code;
        });
        return command;
    }

    private static int Run(string dbPath, string? examplesDir, CancellationToken ct)
    {
        examplesDir ??= Path.Combine(AppContext.BaseDirectory, "examples");
        if (!Directory.Exists(examplesDir))
        {
            Console.Error.WriteLine($"tacitus demo: example folder '{examplesDir}' not found.");
            return ExitCodes.Fatal;
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }

        var pipeline = PipelineFactory.Create();
        IngestSummary summary;
        var failures = new List<TacitusError>();
        using (var store = DocumentStore.Open(dbPath))
        {
            var inputs = Directory.EnumerateFiles(examplesDir, "*.txt").Order(StringComparer.Ordinal).ToArray();
            var run = new StoreIngestion(store, pipeline, workers: 1);
            summary = run.Run(DocumentSources.Read(inputs, IngestOptions.Default, ct), new IngestObserver(failures.Add), ct);

            Console.WriteLine($"Tacitus demo: {summary.Read} example stories read, analysed and stored in {dbPath} ({summary.Elapsed.TotalMilliseconds:F0} ms).");
            Console.WriteLine();
            foreach (var document in store.Documents())
            {
                Print(document);
            }

            var total = store.Events().Count();
            Console.WriteLine($"{store.Count()} documents and {total} event records in the store.");
        }

        foreach (var failure in failures)
        {
            Console.Error.WriteLine(failure.ToString());
        }

        Console.WriteLine();
        Console.WriteLine("Next:");
        Console.WriteLine($"  ./tacitus documents --db {dbPath}               list what is stored");
        Console.WriteLine($"  ./tacitus export --db {dbPath} --format csv     the records as CSV");
        Console.WriteLine("  ./tacitus code examples/01-ankara-talks.txt --explain   records with the rule behind each field");
        Console.WriteLine($"  ./tacitus serve --db {dbPath}                  look at them in the browser (or: ./tacitus demo --serve)");
        return failures.Count > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
    }

    private static void Print(Document document)
    {
        var m = document.Metadata;
        var published = m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        Console.WriteLine(TerminalText.Escape($"■ {m.Title ?? m.Origin} — {m.Outlet ?? "unknown outlet"}, {published}"));
        var boilerplate = document.Sentences.Count(s => s.Boilerplate);
        var people = document.Entities.Count(e => e.Kind == MentionKind.Person);
        var places = document.Mentions.Where(x => x.Kind == MentionKind.Place).Select(x => x.Name).Distinct().Count();
        var times = document.Mentions.Count(x => x.Kind == MentionKind.Time);
        Console.WriteLine($"  {document.Sentences.Count} sentences ({boilerplate} boilerplate), {people} people, {places} places, {times} time expressions, " +
            $"{document.Attributions.Count} attributions, {document.Events.Count} events");
        if (document.Events.Count > 0)
        {
            Console.WriteLine("  What happened:");
            foreach (var e in document.Events)
            {
                Console.WriteLine(TerminalText.Escape("    " + RecordFormatter.Format(document, e)));
            }
        }

        if (document.Attributions.Count > 0)
        {
            Console.WriteLine("  Who said so:");
            foreach (var a in document.Attributions)
            {
                var content = a.Content.TextOf(document.Text);
                if (content.Length > 90)
                {
                    content = string.Concat(content.AsSpan(0, 87), "...");
                }

                Console.WriteLine(TerminalText.Escape($"    {RecordFormatter.Source(a)}: \"{content}\""));
            }
        }

        Console.WriteLine();
    }
}
