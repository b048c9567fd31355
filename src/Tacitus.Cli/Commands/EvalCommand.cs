using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tacitus.Eval;
using Tacitus.Eval.Tasks;
using Tacitus.Pipeline;
using Tacitus.Syntax.Parsing;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus eval TASK</c>: runs the pipeline over a gold set in its native format, prints the scores as tables and
/// writes every error (gold, output, text) to a JSON Lines file.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = $"What to evaluate: {string.Join(", ", EvalTasks.Names)}, or all." };
        task.AcceptOnlyFromAmong([.. EvalTasks.Names, "all"]);
        var gold = new Option<string?>("--gold") { Description = "Gold file or folder (default: the task's set in ../shared/data/eval, or ../shared/seed)." };
        var texts = new Option<string?>("--texts") { Description = "Folder of article texts for brat annotations (attribution), or the story text (seed)." };
        var limit = new Option<int?>("--limit") { Description = "Evaluate at most N documents (per gold file)." };
        var errors = new Option<string?>("--errors") { Description = "Where to write the errors (JSON Lines): a file for one task, a folder for 'all' (default eval-errors/<task>.jsonl)." };
        var split = new Option<string?>("--split") { Description = "Treebank split for 'syntax': test (default) or dev (for tuning)." };
        var models = new Option<string?>("--models") { Description = "Folder of token-layer models for 'syntax' (default: the embedded ones)." };
        var beam = new Option<int?>("--beam") { Description = "The parser's beam for 'syntax' (1: greedy; default: the width its model was trained for)." };
        var margin = new Option<float?>("--beam-margin") { Description = "With a beam for 'syntax': drop successors whose total is more than this below the best one's, so the beam narrows where the parser is sure (default: none)." };
        var json = new Option<bool>("--json") { Description = "Print the headline figures as JSON instead of tables." };
        var analysis = new AnalysisOptions(withBudget: false);
        var command = new Command("eval", "Score the analysis against gold data: events, attribution, time, geo, ner, or the reference story (seed).")
        {
            task, gold, texts, limit, errors, json, split, models, beam, margin,
        };
        analysis.AddTo(command);

        command.SetAction((parse, ct) =>
        {
            var name = parse.GetValue(task)!;
            var goldPath = parse.GetValue(gold);
            if (name == "all" && (goldPath is not null || parse.GetValue(texts) is not null))
            {
                Console.Error.WriteLine("tacitus eval all: --gold and --texts name one task's data; run 'tacitus eval TASK --gold ...' instead.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(limit) is int n && n <= 0)
            {
                Console.Error.WriteLine("tacitus eval: --limit must be a positive number.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(beam) is < 1 or > DependencyParser.MaxBeam || parse.GetValue(margin) is { } m && !(m >= 0))
            {
                Console.Error.WriteLine($"tacitus eval: --beam must be between 1 and {DependencyParser.MaxBeam}, --beam-margin 0 or more.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var root = RepositoryRoot.Find();
            var pipeline = PipelineSetup.Build(analysis.Read(parse));
            var tasks = name == "all" ? EvalTasks.Names : [name];
            var errorsOption = parse.GetValue(errors);
            var reports = new List<EvalReport>();
            var failed = 0;
            foreach (var t in tasks)
            {
                var defaults = EvalTasks.Default(t, root);
                var request = new EvalRequest(goldPath ?? Shown(defaults.Gold), parse.GetValue(texts) ?? (goldPath is null && defaults.Texts is not null ? Shown(defaults.Texts) : null), parse.GetValue(limit), parse.GetValue(split), parse.GetValue(models), parse.GetValue(beam), parse.GetValue(margin));
                var clock = Stopwatch.StartNew();
                EvalReport report;
                try
                {
                    report = EvalTasks.Run(t, request, pipeline, ct);
                }
                catch (GoldFormatException ex)
                {
                    Console.Error.WriteLine($"tacitus eval {t}: {ex.Error}");
                    failed++;
                    continue;
                }
                catch (Exception ex) when (t == "syntax" && ex is FileNotFoundException or InvalidDataException or BeamRefusedException)
                {
                    // the models of --models (TAC621), or the beam asked of them (TAC625: an arc-eager parser is greedy only): as `parse` reports them
                    Console.Error.WriteLine($"tacitus eval {t}: {ex.Message}");
                    failed++;
                    continue;
                }

                reports.Add(report);
                var errorFile = name == "all" || errorsOption is null
                    ? Path.Combine(name == "all" ? errorsOption ?? "eval-errors" : "eval-errors", $"{t}.jsonl")
                    : errorsOption;
                var dir = Path.GetDirectoryName(Path.GetFullPath(errorFile));
                Directory.CreateDirectory(dir!);
                using (var writer = new StreamWriter(errorFile))
                {
                    EvalReportFormatter.WriteMisses(writer, report);
                }

                if (!parse.GetValue(Verbosity.Quiet))
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"tacitus eval {t}: {report.Documents} documents in {clock.Elapsed.TotalSeconds:F1} s; {report.Misses.Count} errors written to {errorFile}"));
                }

                foreach (var problem in report.GoldProblems.Take(parse.GetValue(Verbosity.Verbose) ? int.MaxValue : 5))
                {
                    Console.Error.WriteLine($"  gold: {problem}");
                }

                if (report.GoldProblems.Count > 5 && !parse.GetValue(Verbosity.Verbose))
                {
                    Console.Error.WriteLine($"  gold: ... and {report.GoldProblems.Count - 5} more unreadable records (all listed in {errorFile})");
                }

                if (!parse.GetValue(json))
                {
                    Console.Write(EvalReportFormatter.ToMarkdown(report));
                }
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(EvalReportFormatter.ToJson(reports));
            }

            return Task.FromResult(failed == 0 ? ExitCodes.Ok : reports.Count == 0 ? ExitCodes.Fatal : ExitCodes.PartialFailure);
        });
        return command;
    }

    /// <summary>A default path as the user would type it: relative to the current folder.</summary>
    private static string Shown(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
