using System.Globalization;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;
using Tacitus.Pipeline;
using Tacitus.Store;

namespace Tacitus.Eval.Tasks;

/// <summary>
/// <c>eval fusion</c>: does one real event reported by many articles come out as one fused event? On a WikiRef220-style
/// folder (several outlets' articles per story, the story in the file name), each half (even-numbered files: tuned on;
/// odd: held out) is stored into a new store the way ingest stores. For each story and each family of interest
/// (violence: attacks and fighting; meetings and visits) it counts the reports, the documents they come from, the
/// fused events they went into and the share in the largest one; and it lists the figures (killed, injured, ...) on
/// each fused event of those families with their document and date, for a reader to check against the articles.
/// </summary>
internal static class FusionTask
{
    /// <summary>The fused-event families checked: violence (ASSAULT, FIGHT) and meetings and visits (CONSULT).</summary>
    private static readonly (string Family, string Name)[] Families = [("violence", "attack / violence"), ("consult", "meeting / visit")];

    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        var report = new EvalReport("fusion", request.Gold);
        var analysed = StoriesTask.Read(request, pipeline, report, cancellationToken);
        foreach (var (half, tuning) in new[] { ("even (tuned on)", true), ("odd (held out)", false) })
        {
            var part = analysed.Where(a => a.Tuning == tuning).ToList();
            Score(half, tuning ? "even" : "odd", part, report);
        }

        report.Notes.Add("Label: the file name without its number; even-numbered (and unnumbered) files are the half EventMatcher was looked at on, odd-numbered files are held out.");
        report.Notes.Add("A report is one event record that fusion reads (records about the future or under a condition are left out). 'In the largest' is the share of the story's reports of that family in its biggest fused event: 100% means one fused event.");
        report.Notes.Add("The articles carry no publication date or outlet, so a report's date is the one its text gives, and each article counts as its own outlet.");
        return report;
    }

    private static void Score(string half, string key, List<(Document Document, string Label, bool Tuning)> part, EvalReport report)
    {
        var labels = part.GroupBy(a => a.Document.Id.Value).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"tacitus-eval-fusion-{Guid.NewGuid():N}.db");
        try
        {
            using var store = DocumentStore.Open(path);
            var result = store.SaveBatch(StoriesTask.Mixed(part));
            foreach (var error in result.Failed)
            {
                report.Misses.Add(new EvalMiss(error.File ?? string.Empty, "store-error", string.Empty, error.Message, string.Empty));
            }

            using var fusion = store.Fusion();
            var lexicon = FusionLexicon.Default;
            var events = fusion.FusedEvents().Where(e => Families.Any(f => f.Family == lexicon.Family(e.Type))).ToList();
            var table = new EvalTable($"Reports and fused events per story, {half}", ["story", "family", "reports", "documents", "fused events", "fused events with 2+ reports", "in the largest"]);
            double reportsTotal = 0, largestTotal = 0;
            foreach (var label in labels.Values.Distinct().Order(StringComparer.Ordinal))
            {
                foreach (var (family, name) in Families)
                {
                    // a fused event belongs to the story of most of its reports
                    var mine = events.Where(e => lexicon.Family(e.Type) == family)
                        .Select(e => (Event: e, Reports: e.Reports.Where(r => labels.GetValueOrDefault(r.Document.Id) == label).ToList()))
                        .Where(x => x.Reports.Count > 0).ToList();
                    var reports = mine.Sum(x => x.Reports.Count);
                    if (reports == 0)
                    {
                        continue;
                    }

                    var largest = mine.Max(x => x.Reports.Count);
                    reportsTotal += reports;
                    largestTotal += largest;
                    table.Row(label, name, EvalReport.Int(reports), EvalReport.Int(mine.SelectMany(x => x.Reports).Select(r => r.Document.Id).Distinct().Count()),
                        EvalReport.Int(mine.Count), EvalReport.Int(mine.Count(x => x.Reports.Count > 1)), EvalReport.Pct(largest / (double)reports));
                }
            }

            report.Tables.Add(table);
            report.Figures[$"{key}_reports"] = reportsTotal;
            report.Figures[$"{key}_in_largest"] = reportsTotal > 0 ? largestTotal / reportsTotal : 0;

            var figures = new EvalTable($"Figures on fused events of those families, {half}", ["story", "fused event", "type", "actor → recipient", "place", "date", "reports", "figures (value, document, date)"]);
            foreach (var e in events.Where(e => e.Figures.Count > 0).OrderByDescending(e => e.Reports.Count).ThenBy(e => e.Id))
            {
                var story = e.Reports.GroupBy(r => labels.GetValueOrDefault(r.Document.Id) ?? "?").OrderByDescending(g => g.Count()).First().Key;
                figures.Row(story, e.Id.ToString(CultureInfo.InvariantCulture), e.Type.ToCode(), $"{Name(e.Actor)} → {(e.Recipient is { } r ? Name(r) : "-")}",
                    e.Location?.Name ?? "-", e.DateValue ?? "-", EvalReport.Int(e.Reports.Count),
                    string.Join("; ", e.Figures.Select(f => string.Create(CultureInfo.InvariantCulture,
                        $"{f.Kind} {(f.Qualifier is null ? string.Empty : f.Qualifier + " ")}{f.Value:0.##} ({Path.GetFileName(f.Document?.File ?? "?")}, {f.Document?.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"})"))));
            }

            report.Tables.Add(figures);
            Meetings(half, key, events.Where(e => lexicon.Family(e.Type) == "consult").ToList(), labels, report);
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

    /// <summary>
    /// Meetings reported by several documents: the meeting reports (CONSULT family) that name both parties, grouped by
    /// the two parties in either order and the day (or month, or none) the report dates them to, where a group spans
    /// two or more documents; for each, the fused events its reports went into. One fused event per group is the aim.
    /// </summary>
    private static void Meetings(string half, string key, List<FusedEvent> events, Dictionary<string, string> labels, EvalReport report)
    {
        var groups = events.SelectMany(e => e.Reports.Select(r => (Event: e.Id, Report: r)))
            .Where(x => x.Report.Recipient is { IsEmpty: false } && !x.Report.Actor.IsEmpty)
            .GroupBy(x => (Pair: Pair(x.Report.Actor, x.Report.Recipient!), Date: x.Report.DateValue ?? "undated"))
            .Where(g => g.Select(x => x.Report.Document.Id).Distinct().Count() > 1)
            .OrderBy(g => g.Key.Pair, StringComparer.Ordinal).ThenBy(g => g.Key.Date, StringComparer.Ordinal).ToList();
        var table = new EvalTable($"Meetings reported by several documents (the same two parties, either order, and date), {half}", ["story", "parties", "date", "reports", "documents", "fused events", "in the largest"]);
        double reports = 0, largest = 0;
        foreach (var g in groups)
        {
            var biggest = g.GroupBy(x => x.Event).Max(e => e.Count());
            reports += g.Count();
            largest += biggest;
            var story = g.GroupBy(x => labels.GetValueOrDefault(x.Report.Document.Id) ?? "?").OrderByDescending(s => s.Count()).First().Key;
            table.Row(story, g.Key.Pair, g.Key.Date, EvalReport.Int(g.Count()), EvalReport.Int(g.Select(x => x.Report.Document.Id).Distinct().Count()),
                EvalReport.Int(g.Select(x => x.Event).Distinct().Count()), EvalReport.Pct(biggest / (double)g.Count()));
        }

        report.Tables.Add(table);
        report.Figures[$"{key}_meeting_groups"] = groups.Count;
        report.Figures[$"{key}_meeting_in_largest"] = reports > 0 ? largest / reports : 0;
    }

    /// <summary>The two parties of a meeting in a fixed order, each by name (or country and sector codes).</summary>
    private static string Pair(ActorKey a, ActorKey b)
    {
        var (x, y) = (Name(a), Name(b));
        return string.CompareOrdinal(x, y) <= 0 ? $"{x} + {y}" : $"{y} + {x}";
    }

    private static string Name(ActorKey actor)
    {
        var code = string.Join(' ', new[] { actor.Country, actor.Sector }.OfType<string>());
        return actor.Name ?? (code.Length > 0 ? code : "?");
    }
}
