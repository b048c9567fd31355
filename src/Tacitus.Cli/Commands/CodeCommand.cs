using System.CommandLine;
using System.Globalization;
using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Pipeline;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus code</c>: analyse documents and print the analysis (JSON, or readable records).</summary>
internal static class CodeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Files, directories or globs to analyse; '-' reads stdin.", Arity = ArgumentArity.ZeroOrMore };
        var date = CommonOptions.Date();
        var outlet = CommonOptions.Outlet();
        var json = new Option<bool>("--json") { Description = "Print the analysis as JSON (one object per document; JSON Lines when several)." };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read documents as JSON Lines from stdin (id, title, outlet, published, url, text) and write one analysis per line, in order." };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON (a single document)." };
        var explain = new Option<bool>("--explain") { Description = "Say which pattern, dictionary entry or model produced each field." };
        var dictionaries = CommonOptions.Dictionaries();
        var patterns = CommonOptions.Patterns();
        var verbFiles = CommonOptions.Verbs();
        var discardFiles = CommonOptions.Discards();
        var noShipped = CommonOptions.NoShipped();

        var command = new Command("code", "Analyse news articles: sentences, actors, places, times, attributions and event records.")
        {
            files, date, outlet, json, jsonl, pretty, explain, dictionaries, patterns, verbFiles, discardFiles, noShipped,
        };

        command.SetAction((parse, ct) =>
        {
            var inputs = parse.GetValue(files) ?? [];
            var readJsonl = parse.GetValue(jsonl);
            if (inputs.Length == 0 && !readJsonl)
            {
                Console.Error.WriteLine("tacitus code: name at least one file, or use --jsonl to read JSON Lines from stdin.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var ingest = new IngestOptions
            {
                Published = parse.GetValue(date),
                Outlet = parse.GetValue(outlet),
                StdinFormat = readJsonl ? "jsonl" : "text",
            };
            var pipeline = PipelineSetup.Build(new PipelineOptions { UserDictionaries = parse.GetValue(dictionaries) ?? [], EventPatternFiles = parse.GetValue(patterns) ?? [], VerbFiles = parse.GetValue(verbFiles) ?? [], DiscardFiles = parse.GetValue(discardFiles) ?? [], NoShipped = parse.GetValue(noShipped) });
            var asJson = parse.GetValue(json) || readJsonl;
            var withExplain = parse.GetValue(explain);
            var indent = parse.GetValue(pretty);
            var failed = 0;
            using var stdout = Console.OpenStandardOutput();
            foreach (var item in DocumentSources.Read(readJsonl ? ["-"] : inputs, ingest, ct))
            {
                if (item.Error is not null)
                {
                    failed++;
                    Console.Error.WriteLine(item.Error.ToString());
                    continue;
                }

                Document document;
                try
                {
                    document = pipeline.Process(item.Document!, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A fault in a stage is ours, not the input's: name the document, report it, go on with the rest.
                    failed++;
                    var origin = item.Document!.Metadata.Origin ?? item.Document.Id.Value;
                    Console.Error.WriteLine(new TacitusError("TAC400", "analysis", $"analysis failed: {ex.GetType().Name}: {ex.Message}", origin).ToString());
                    if (Environment.GetEnvironmentVariable("TACITUS_TRACE") == "1")
                    {
                        Console.Error.WriteLine(ex.ToString());
                    }
                    continue;
                }

                if (asJson)
                {
                    AnalysisJsonWriter.Write(stdout, document, indent, withExplain);
                    stdout.WriteByte((byte)'\n');
                    stdout.Flush();
                }
                else
                {
                    WriteReadable(document, withExplain);
                }
            }

            return Task.FromResult(failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok);
        });
        return command;
    }

    private static void WriteReadable(Document document, bool explain)
    {
        var m = document.Metadata;
        Console.WriteLine($"# {m.Title ?? m.Origin ?? document.Id.Value}");
        Console.WriteLine($"  outlet {m.Outlet ?? "?"}, published {m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"}, language {document.Language}, " +
            $"{document.Sentences.Count} sentences ({document.Sentences.Count(s => s.Boilerplate)} boilerplate), {document.Mentions.Count} mentions, " +
            $"{document.Attributions.Count} attributions, {document.Events.Count} events");
        foreach (var e in document.Events)
        {
            Console.WriteLine("  " + RecordFormatter.Format(document, e));
            if (explain)
            {
                foreach (var (field, rule) in e.Explanation)
                {
                    Console.WriteLine($"      {field}: {rule}");
                }
            }
        }

        Console.WriteLine();
    }
}
