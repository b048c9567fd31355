using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON of a single document (several are always JSON Lines)." };
        var explain = new Option<bool>("--explain") { Description = "Say which pattern, dictionary entry or model produced each field." };
        var analysis = new AnalysisOptions(withBudget: true);
        var workers = new Option<int>("--workers") { Description = "Analysis workers; output stays in input order.", DefaultValueFactory = _ => Environment.ProcessorCount };
        CommonOptions.RefuseOptionLike(files);

        var command = new Command("code", "Analyse news articles: sentences, actors, places, times, attributions and event records.")
        {
            files, date, outlet, json, jsonl, pretty, explain, workers,
        };
        analysis.AddTo(command);

        command.SetAction((parse, ct) =>
        {
            var inputs = parse.GetValue(files) ?? [];
            var readJsonl = parse.GetValue(jsonl);
            if (inputs.Length == 0 && !readJsonl)
            {
                Console.Error.WriteLine("tacitus code: name at least one file, or use --jsonl to read JSON Lines from stdin.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(workers) < 1)
            {
                Console.Error.WriteLine("tacitus code: --workers must be at least 1.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var ingest = new IngestOptions
            {
                Published = parse.GetValue(date),
                Outlet = parse.GetValue(outlet),
                StdinFormat = readJsonl ? "jsonl" : "text",
            };
            var report = new RunReport(parse.GetValue(Verbosity.Quiet), parse.GetValue(Verbosity.Verbose));
            var pipeline = PipelineSetup.Build(analysis.Read(parse));
            pipeline.TraceInternalErrors |= report.Verbose;
            var asJson = parse.GetValue(json) || readJsonl;
            var withExplain = parse.GetValue(explain);
            using var stdout = Console.OpenStandardOutput();
            // one JSON writer for the run (its buffer is kept from one document to the next), made with the first document
            Utf8JsonWriter? jsonWriter = null;
            // Analysis runs on the workers (OrderedWorkers keeps input order); this thread only writes.
            var analysed = OrderedWorkers.Map(report.Watch(DocumentSources.Read(readJsonl ? ["-"] : inputs, ingest, ct)), (item, token) => AnalyseItem(pipeline, item, token), parse.GetValue(workers), ct);
            using var items = analysed.GetEnumerator();

            // --pretty indents a single document; with several, the output is JSON Lines whatever was asked, so a
            // reader can always split it by line. One document of look-ahead tells which.
            if (items.MoveNext())
            {
                var first = items.Current;
                var more = items.MoveNext();
                var indent = parse.GetValue(pretty) && !more;
                Write(first, indent);
                while (more)
                {
                    Write(items.Current, indent);
                    more = items.MoveNext();
                }
            }

            jsonWriter?.Dispose();
            return Task.FromResult(report.ExitCode());

            void Write((IngestItem Item, TacitusError? Failure) result, bool indent)
            {
                var item = result.Item;
                if (item.Error is not null)
                {
                    report.Error(item.Error);
                    return;
                }

                var document = item.Document!;
                if (result.Failure is { } failure)
                {
                    report.Error(failure);
                    return;
                }

                report.Analysed(document);
                if (asJson)
                {
                    jsonWriter ??= AnalysisJsonWriter.Open(stdout, indent);
                    AnalysisJsonWriter.Write(jsonWriter, document, withExplain);
                    jsonWriter.Flush();
                    jsonWriter.Reset();
                    stdout.WriteByte((byte)'\n');
                    stdout.Flush();
                }
                else
                {
                    WriteReadable(document, withExplain);
                }
            }
        });
        return command;
    }

    /// <summary>
    /// Runs on the workers: the analysis, or the coded error that stopped it (TAC400/TAC401, or TAC900 for anything else
    /// that escaped it), so one document's failure is that document's, on one worker or several, and the run goes on.
    /// Only the run's own cancellation ends it.
    /// </summary>
    internal static (IngestItem Item, TacitusError? Failure) AnalyseItem(AnalysisPipeline pipeline, IngestItem item, CancellationToken token)
    {
        if (item.Document is not { } document)
        {
            return (item, null);
        }

        try
        {
            return (item, pipeline.Analyse(document, token));
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            return (item, AnalysisErrors.UnexpectedFailure(AnalysisErrors.Stage, document, ex, pipeline.TraceInternalErrors));
        }
    }

    private static void WriteReadable(Document document, bool explain)
    {
        var m = document.Metadata;
        Console.WriteLine(TerminalText.Escape($"# {m.Title ?? m.Origin ?? document.Id.Value}"));
        Console.WriteLine(TerminalText.Escape($"  outlet {m.Outlet ?? "?"}, published {m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"}, language {document.Language}, " +
            $"{document.Sentences.Count} sentences ({document.Sentences.Count(s => s.Boilerplate)} boilerplate), {document.Mentions.Count} mentions, " +
            $"{document.Attributions.Count} attributions, {document.Events.Count} events"));
        foreach (var e in document.Events)
        {
            Console.WriteLine(TerminalText.Escape("  " + RecordFormatter.Format(document, e)));
            if (explain)
            {
                foreach (var (field, rule) in e.Explanation)
                {
                    Console.WriteLine(TerminalText.Escape($"      {field}: {rule}"));
                }
            }
        }

        Console.WriteLine();
    }
}
