using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Eval.Scoring;
using Tacitus.Fusion;
using Tacitus.Ingest;
using Tacitus.Pipeline;
using Tacitus.Store;

namespace Tacitus.Eval.Tasks;

/// <summary>
/// <c>eval stories</c>: WikiRef220-style story clustering. Each file is one article (first line the headline), its
/// story label is the file name without its number ("malaysia.airlines.flight.10.txt", "ParisAttacks2015 (12).txt").
/// The files are split by the parity of that number: even (and unnumbered) files are the half the threshold was tuned
/// on, odd files are held out. Each half is stored into a new store the way ingest stores (fusion included), in a
/// fixed order that mixes the stories, and the stories it makes are scored with B-cubed precision, recall and F1.
/// A sweep of thresholds on the tuning half shows how the default was chosen.
/// </summary>
internal static partial class StoriesTask
{
    private static readonly double[] Sweep = [0.05, 0.075, 0.10, 0.125, 0.15, 0.20, 0.25, 0.30];

    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        var report = new EvalReport("stories", request.Gold);
        var analysed = Read(request, pipeline, report, cancellationToken);
        var table = new EvalTable("Story clustering, B-cubed (threshold " + Num(StoryOptions.Default.Threshold) + ")", ["half", "documents", "gold stories", "stories made", "precision", "recall", "F1"]);
        foreach (var (half, tuning) in new[] { ("even (tuned on)", true), ("odd (held out)", false) })
        {
            var part = analysed.Where(a => a.Tuning == tuning).ToList();
            var (p, r, f, made) = Score(part, StoryOptions.Default, report);
            table.Row(half, EvalReport.Int(part.Count), EvalReport.Int(part.Select(a => a.Label).Distinct().Count()), EvalReport.Int(made), Num(p), Num(r), Num(f));
            var key = tuning ? "even" : "odd";
            report.Figures[$"{key}_precision"] = p;
            report.Figures[$"{key}_recall"] = r;
            report.Figures[$"{key}_f1"] = f;
        }

        var all = Score(analysed, StoryOptions.Default, report: null);
        table.Row("all", EvalReport.Int(analysed.Count), EvalReport.Int(analysed.Select(a => a.Label).Distinct().Count()), EvalReport.Int(all.Stories), Num(all.Precision), Num(all.Recall), Num(all.F1));
        report.Figures["all_f1"] = all.F1;
        report.Tables.Add(table);

        var sweep = new EvalTable("Threshold sweep on the tuning half (even)", ["threshold", "stories made", "precision", "recall", "F1"]);
        var tuningHalf = analysed.Where(a => a.Tuning).ToList();
        foreach (var threshold in Sweep)
        {
            var (p, r, f, made) = Score(tuningHalf, StoryOptions.Default with { Threshold = threshold }, report: null);
            sweep.Row(Num(threshold), EvalReport.Int(made), Num(p), Num(r), Num(f));
        }

        report.Tables.Add(sweep);
        report.Notes.Add("Label: the file name without its number. Split: even-numbered (and unnumbered) files are the tuning half, odd-numbered files the held-out half.");
        report.Notes.Add("Each half goes into a new store in the order of a hash of the file name (stories mixed), the way ingest stores: the articles have no dates, so no time window applies.");
        report.Notes.Add("B-cubed: per article, the share of its story (as made) with its label (precision) and the share of its label in its story (recall), averaged over articles.");
        return report;
    }

    /// <summary>
    /// Reads and analyses every article of a WikiRef220-style folder: its label (the file name without its number) and
    /// whether it is in the tuning half (even or no number). A stage that fails is a miss; the article is kept.
    /// </summary>
    internal static List<(Document Document, string Label, bool Tuning)> Read(EvalRequest request, AnalysisPipeline pipeline, EvalReport report, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(request.Gold))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such folder", request.Gold));
        }

        var files = Directory.EnumerateFiles(request.Gold, "*.txt").Order(StringComparer.Ordinal).Take(request.Limit ?? int.MaxValue).ToList();
        var analysed = new List<(Document Document, string Label, bool Tuning)>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var match = LabelPattern().Match(name);
            var label = match.Success ? match.Groups["label"].Value : name;
            var number = match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
            var text = TextDecoder.Windows1252.GetString(File.ReadAllBytes(file)).Replace("\r\n", "\n", StringComparison.Ordinal);
            var title = text.Split('\n', 2)[0].Trim();
            var document = new Document(text, new DocumentMetadata { Title = title, Origin = file, Format = "text" }) { Language = "en" };
            try
            {
                pipeline.Process(document, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                report.Misses.Add(new EvalMiss(file, "pipeline-error", label, $"{ex.GetType().Name}: {ex.Message}", title));
            }

            report.Documents++;
            analysed.Add((document, label, number % 2 == 0));
        }

        return analysed;
    }

    /// <summary>The documents in a fixed order that mixes the stories (a hash of the file name), as the eval stores them.</summary>
    internal static List<Document> Mixed(IEnumerable<(Document Document, string Label, bool Tuning)> part) =>
        [.. part.OrderBy(a => Hash(Path.GetFileName(a.Document.Metadata.Origin!))).Select(a => a.Document)];

    private static (double Precision, double Recall, double F1, int Stories) Score(List<(Document Document, string Label, bool Tuning)> part, StoryOptions options, EvalReport? report)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tacitus-eval-stories-{Guid.NewGuid():N}.db");
        try
        {
            var clusters = new Dictionary<string, long>(StringComparer.Ordinal);
            using (var store = DocumentStore.Open(path, stories: options))
            {
                var result = store.SaveBatch(Mixed(part));
                foreach (var error in result.Failed)
                {
                    report?.Misses.Add(new EvalMiss(error.File ?? string.Empty, "store-error", string.Empty, error.Message, string.Empty));
                }

                using var fusion = store.Fusion();
                foreach (var story in fusion.Stories())
                {
                    foreach (var d in story.Documents)
                    {
                        clusters[d.Id] = story.Id;
                    }
                }
            }

            var gold = part.GroupBy(a => a.Document.Id.Value).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
            var (p, r, f) = BCubed.Score(gold, clusters);
            return (p, r, f, clusters.Values.Distinct().Count());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    /// <summary>FNV-1a of the name: a fixed order that does not follow the file names (which group the stories).</summary>
    private static uint Hash(string name)
    {
        var h = 2166136261u;
        foreach (var c in name)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }

    private static string Num(double value) => EvalReport.Num(value);

    [GeneratedRegex(@"^(?<label>.+?)(?:\s*\((?<n>\d+)\)|\.(?<n>\d+))$")]
    private static partial Regex LabelPattern();
}
