using System.CommandLine;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus ingest</c>: read, analyse and store documents; the same article twice is stored once.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, directories or globs to ingest; '-' reads stdin.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var date = CommonOptions.Date();
        var outlet = CommonOptions.Outlet();
        var textOnly = new Option<bool>("--text-only") { Description = "Only segment the text (sentences, boilerplate); skip actors, attribution and events." };
        var maxSize = new Option<long>("--max-size") { Description = "Refuse documents larger than this many bytes.", DefaultValueFactory = _ => IngestOptions.Default.MaxDocumentBytes };
        var workers = new Option<int>("--workers") { Description = "Analysis workers (the store has one writer).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Documents per store transaction.", DefaultValueFactory = _ => 256 };
        var reanalyse = new Option<bool>("--reanalyse") { Description = "Analyse again documents stored before whose records another pipeline, knowledge, patterns or dictionaries made, and replace their records." };
        var window = CommonOptions.StoryWindow();
        var reports = CommonOptions.OpenEventReports();
        var analysis = new AnalysisOptions(withBudget: true);
        CommonOptions.RefuseOptionLike(paths);
        var command = new Command("ingest", "Read, analyse and store documents in the SQLite store.")
        {
            paths, db, date, outlet, textOnly, maxSize, workers, batch, reanalyse, window, reports,
        };
        analysis.AddTo(command);

        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(workers) < 1 || parse.GetValue(batch) < 1 || parse.GetValue(maxSize) < 1)
            {
                Console.Error.WriteLine("tacitus ingest: --workers, --batch and --max-size must be at least 1.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var ingest = new IngestOptions { Published = parse.GetValue(date), Outlet = parse.GetValue(outlet), MaxDocumentBytes = parse.GetValue(maxSize) };
            var report = new RunReport(parse.GetValue(Verbosity.Quiet), parse.GetValue(Verbosity.Verbose));
            var pipeline = PipelineSetup.Build(analysis.Read(parse, textOnly: parse.GetValue(textOnly)));
            pipeline.TraceInternalErrors |= report.Verbose;
            try
            {
                using var store = DocumentStore.Open(parse.GetValue(db)!, stories: CommonOptions.Stories(parse, window, reports), window: CommonOptions.Window(parse, window));
                var inputs = parse.GetValue(paths) ?? [];
                var progress = new Progress("ingest", inputs, report);
                var summary = progress.Run(() =>
                {
                    var observer = new IngestObserver(report.Error, progress.Advance);
                    var run = new StoreIngestion(store, pipeline, parse.GetValue(workers), parse.GetValue(batch), parse.GetValue(reanalyse) ? ReplaceMode.Stale : ReplaceMode.Never);
                    return run.Run(progress.Track(report.Watch(DocumentSources.Read(inputs, ingest, ct))), observer, ct);
                });

                Console.WriteLine($"read {summary.Read}, stored {summary.Stored} new, {summary.AlreadyStored} already stored{(parse.GetValue(reanalyse) || summary.Reanalysed > 0 ? $" ({summary.Reanalysed} re-analysed)" : string.Empty)}, {summary.Failed} failed, " +
                    $"{summary.Elapsed.TotalSeconds:F1} s, {summary.DocumentsPerSecond:F0} docs/s, {summary.TextBytes / 1e6 / Math.Max(summary.Elapsed.TotalSeconds, 1e-9):F1} MB/s of text");
                return Task.FromResult(report.ExitCode());
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine(ex.Error.ToString());
                return Task.FromResult(ExitCodes.Fatal);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("tacitus ingest: interrupted; documents stored so far are kept, run it again to finish.");
                return Task.FromResult(ExitCodes.Fatal);
            }
        });
        return command;
    }
}
