using System.CommandLine;
using Tacitus.Pipeline;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus reanalyse</c>: run the current pipeline (with the given patterns and dictionaries) again over stored
/// texts and replace their records in place, a batch per transaction. By default only stale documents (records made by
/// another pipeline, knowledge, patterns or dictionaries): a run that was interrupted finishes when run again.
/// </summary>
internal static class ReanalyseCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var where = new Option<string?>("--where")
        {
            Description = "Only documents matching this SQLite condition on the documents table (columns id, title, outlet, published, url, author, origin, format, language, ingested_at, pipeline, knowledge, patterns, dictionaries), e.g. \"outlet = 'BBC' AND published >= '2024-01-01'\".",
        };
        var all = new Option<bool>("--all") { Description = "Re-analyse every selected document, not only the stale ones." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say how many documents would be re-analysed." };
        var workers = new Option<int>("--workers") { Description = "Analysis workers (the store has one writer).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Documents per store transaction.", DefaultValueFactory = _ => 64 };
        var window = CommonOptions.StoryWindow();
        var reports = CommonOptions.OpenEventReports();
        var analysis = new AnalysisOptions(withBudget: true);
        var command = new Command("reanalyse", "Analyse stored documents again with the current pipeline, patterns and dictionaries; replace their records in place.")
        {
            db, where, all, dryRun, workers, batch, window, reports,
        };
        command.Aliases.Add("reanalyze");
        analysis.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(workers) < 1 || parse.GetValue(batch) < 1)
            {
                Console.Error.WriteLine("tacitus reanalyse: --workers and --batch must be at least 1.");
                return Task.FromResult(ExitCodes.Usage);
            }

            try
            {
                // every document analysed again re-fuses the whole store, so only then may the story window change
                var fusesAllAgain = parse.GetValue(all) && string.IsNullOrWhiteSpace(parse.GetValue(where));
                using var store = DocumentStore.Open(parse.GetValue(db)!, create: false, stories: CommonOptions.Stories(parse, window, reports),
                    window: CommonOptions.Window(parse, window, fusesAllAgain));
                var pipeline = PipelineSetup.Build(analysis.Read(parse));
                var run = new StoreReanalysis(store, pipeline, parse.GetValue(workers), parse.GetValue(batch));
                var everything = parse.GetValue(all);
                List<Documents.DocumentId> ids;
                try
                {
                    ids = run.Select(parse.GetValue(where), everything);
                }
                catch (StoreException ex) when (ex.Error.Code == "TAC504")
                {
                    Console.Error.WriteLine(ex.Error.ToString());
                    return Task.FromResult(ExitCodes.Usage);
                }

                var what = everything ? "selected" : "stale";
                var report = new RunReport(parse.GetValue(Verbosity.Quiet), parse.GetValue(Verbosity.Verbose));
                if (parse.GetValue(dryRun) || ids.Count == 0)
                {
                    // a run stopped part way may have left documents unfused: nothing to analyse, but they are fused now
                    var fused = parse.GetValue(dryRun) ? 0 : store.FuseBacklog(report.Error, ct);
                    Console.WriteLine($"{ids.Count} {what} document{(ids.Count == 1 ? string.Empty : "s")} to re-analyse with {pipeline.Provenance}{(ids.Count == 0 ? "; nothing to do" : string.Empty)}" +
                        (fused > 0 ? $"; fused {fused} documents an earlier run left unfused" : string.Empty));
                    return Task.FromResult(report.Failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok);
                }

                // Stored texts have no input files to measure, so the bar counts documents without a total.
                var progress = new Progress("reanalyse", [], report);
                var summary = progress.Run(() => run.Run(ids, everything, new IngestObserver(report.Error, progress.Advance), fusesAllAgain, ct));

                Console.WriteLine($"re-analysed {summary.Reanalysed} of {summary.Selected} {what} documents, {summary.Failed} failed, {summary.Elapsed.TotalSeconds:F1} s; records now from {pipeline.Provenance}" +
                    (summary.FusedAfter > 0 ? $"; {summary.FusedAfter} documents after them fused again in store order" : string.Empty) +
                    (summary.LeftOut > 0 ? $"; {summary.LeftOut} stored document{(summary.LeftOut == 1 ? string.Empty : "s")} fusion could not read left out of stories and fused events (named above)" : string.Empty));
                if (summary.Reclustered)
                {
                    Console.WriteLine("the store's documents were placed in stories before each one's contribution was kept (a store from before version 15): every document was placed again once, in store order");
                }

                return Task.FromResult(ExitCode(summary));
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine(ex.Error.ToString());
                return Task.FromResult(ExitCodes.Fatal);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("tacitus reanalyse: interrupted; finished batches are kept, run it again to finish.");
                return Task.FromResult(ExitCodes.Fatal);
            }
        });
        return command;
    }

    /// <summary>
    /// As the other batch commands end (<see cref="RunReport.ExitCode"/>): 4 when a document failed by Tacitus's fault
    /// (TAC400: a stage threw), else 1 when any failed or was left out of fusion, else 0.
    /// </summary>
    internal static int ExitCode(ReanalysisSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Internal > 0 ? ExitCodes.Internal : summary.Failed + summary.LeftOut > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
    }
}
