using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Tacitus.Bench;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus bench PATH</c>: streams a corpus through the pipeline and prints documents, MB, wall seconds, documents/s,
/// MB/s and peak working set for read + segment (the floor) and the full analysis, with one worker and all cores.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("path") { Description = "A folder of text files, a JSON Lines file, or a WARC file (or a folder of them).", Arity = ArgumentArity.ZeroOrOne };
        var serve = new Option<bool>("--serve") { Description = "Load-test the API instead: GET /api/events?... on loopback over --db (default: a fresh demo store); p50/p99 and requests/s." };
        var db = new Option<string?>("--db") { Description = "With --serve: the store to serve." };
        var requests = new Option<int>("--requests") { Description = "With --serve: requests to send.", DefaultValueFactory = _ => 5000 };
        var concurrency = new Option<int>("--concurrency") { Description = "With --serve: concurrent clients.", DefaultValueFactory = _ => 4 };
        var cores = new Option<int?>("--cores") { Description = "With --serve: run the server and its clients on this many cores (processor affinity)." };
        var docs = new Option<int?>("--docs") { Description = "Use at most N documents." };
        var stage = new Option<string?>("--stage") { Description = "Measure only this stage: read, segment (read + segment), full, fusion (full analysis, then ingest without and with fusion, each into a new store), fusion-only (ingest with fusion alone: for memory against corpus size), store (the store with fusion alone: the corpus analysed once, untimed, then stored into a new store each pass), or syntax (tagger, parser and entity recogniser on one thread, tokens/s of each). Default: segment, then full, and the ratio." };
        stage.AcceptOnlyFromAmong("read", "segment", "full", "fusion", "fusion-only", "store", "syntax");
        var workers = new Option<int?>("--workers") { Description = "Run with this many workers only (default: 1, then all cores)." };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs per configuration; the median is reported. 0 measures the first pass alone, stage by stage with --stages (with --stage fusion-only: a long corpus read once for memory).", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print JSON as well as the table." };
        var dates = CommonOptions.Dates();
        var window = CommonOptions.FusionStagesOnly(CommonOptions.StoryWindow());
        var reports = CommonOptions.FusionStagesOnly(CommonOptions.OpenEventReports());
        var stages = new Option<bool>("--stages") { Description = "Time each stage of the full analysis too: ms per document and share of the total." };
        var unseen = new Option<string?>("--unseen") { Description = "After the full analysis's warmed passes, read this second corpus (not cycled) twice, once, with the first worker setting: text the process has not read, with the code the main corpus compiled, then the same text again; what new text costs (stage by stage with --stages; the methods compiled during each reading are shown). Full analysis only." };
        var command = new Command("bench", "Measure throughput: read + segment (the floor) and the full analysis, one worker and all cores.")
        {
            path, docs, stage, workers, repeat, json, stages, unseen, dates, serve, db, requests, concurrency, cores, window, reports,
        };

        command.SetAction((parse, ct) =>
        {
            // the unseen corpus is read only after the full analysis's passes: elsewhere it would be ignored without a word
            if (parse.GetValue(unseen) is not null && (parse.GetValue(serve) || parse.GetValue(stage) is "read" or "segment" or "fusion-only" or "store" or "syntax"))
            {
                Console.Error.WriteLine("tacitus bench: --unseen needs the full analysis (no --serve; --stage full, fusion, or the default).");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(serve))
            {
                return ServeBench.Run(parse.GetValue(db), parse.GetValue(requests), parse.GetValue(concurrency), parse.GetValue(cores), ct);
            }

            var corpus = parse.GetValue(path);
            if (corpus is null)
            {
                Console.Error.WriteLine("tacitus bench: give a corpus PATH (or --serve for the API load test).");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (!File.Exists(corpus) && !Directory.Exists(corpus))
            {
                Console.Error.WriteLine($"tacitus bench: no such file or folder '{corpus}'.");
                return Task.FromResult(ExitCodes.Fatal);
            }

            if (parse.GetValue(unseen) is { } other && !File.Exists(other) && !Directory.Exists(other))
            {
                Console.Error.WriteLine($"tacitus bench: no such file or folder '{other}' (--unseen).");
                return Task.FromResult(ExitCodes.Fatal);
            }

            if (parse.GetValue(docs) is <= 0 || parse.GetValue(workers) is <= 0 || parse.GetValue(repeat) < 0)
            {
                Console.Error.WriteLine("tacitus bench: --docs and --workers must be positive, --repeat at least 0.");
                return Task.FromResult(ExitCodes.Usage);
            }

            // checked before the main corpus's passes, which take minutes: an unseen corpus with nothing in it would
            // only give a row of 0 documents at the end
            if (parse.GetValue(unseen) is { } read && !ThroughputRunner.HasDocuments(read, ct))
            {
                Console.Error.WriteLine($"tacitus bench: --unseen '{read}' has no document that can be read (an empty file or folder?).");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(stage) == "syntax")
            {
                var syntax = SyntaxThroughput.Run(corpus, parse.GetValue(docs), parse.GetValue(repeat), ct);
                Console.WriteLine(syntax.ToMarkdown());
                if (parse.GetValue(json))
                {
                    Console.WriteLine(syntax.ToJson());
                }

                return Task.FromResult(ExitCodes.Ok);
            }

            var options = new BenchOptions
            {
                Path = corpus,
                Documents = parse.GetValue(docs),
                Repeat = parse.GetValue(repeat),
                StageBreakdown = parse.GetValue(stages),
                Unseen = parse.GetValue(unseen),
                Dates = parse.GetValue(dates),
                Stories = CommonOptions.Stories(parse, window, reports),
                Stages = parse.GetValue(stage) switch
                {
                    "read" => [BenchStage.Read],
                    "segment" => [BenchStage.Segment],
                    "full" => [BenchStage.Full],
                    "fusion" => [BenchStage.Full, BenchStage.Ingest, BenchStage.Fusion],
                    "fusion-only" => [BenchStage.Fusion],
                    "store" => [BenchStage.Store],
                    _ => [BenchStage.Segment, BenchStage.Full],
                },
                Workers = parse.GetValue(workers) is int w ? [w] : new BenchOptions { Path = corpus }.Workers,
            };

            var results = new List<BenchResult>();
            foreach (var result in ThroughputRunner.Run(options, ct))
            {
                results.Add(result);
                if (!parse.GetValue(Verbosity.Quiet))
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"tacitus bench: {BenchReportFormatter.StageName(result.Stage)}, {result.Workers} worker(s): {result.Documents} documents, first pass {result.FirstPassSeconds:F3} s, warmed {result.MedianSeconds:F3} s (median of {result.Seconds.Count})"));
                }

                if (result.Failed > 0)
                {
                    // Which ones and why: `tacitus code` on the corpus names each input or analysis that failed.
                    Console.Error.WriteLine($"tacitus bench: {result.Failed} documents could not be read or analysed; run `tacitus code` on the corpus to see which and why.");
                }

                if (result.Unseen is { Failed: > 0 } u)
                {
                    Console.Error.WriteLine($"tacitus bench: {u.Failed} documents of the unseen corpus '{u.Path}' could not be read or analysed; run `tacitus code` on it to see which and why.");
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Corpus `{corpus}`; {Environment.ProcessorCount} cores, {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}; a first pass over unseen text (the headline), then the median of {options.Repeat} warmed runs over the same text.\n"));
            Console.Write(BenchReportFormatter.ToMarkdown(results));
            if (parse.GetValue(json))
            {
                Console.WriteLine();
                Console.WriteLine(BenchReportFormatter.ToJson(corpus, results));
            }

            return Task.FromResult(results.Any(r => r.Failed > 0 || r.Unseen is { Failed: > 0 }) ? ExitCodes.PartialFailure : ExitCodes.Ok);
        });
        return command;
    }
}
