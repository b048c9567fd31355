using System.Globalization;
using System.Runtime.InteropServices;

namespace Tacitus.Fusion;

/// <summary>
/// Works out, from a fused event's reports, what the event is (type, actors, the most precise date and place with
/// the range the reports span), who says so (independent sources: the ends of attribution chains), the figures in
/// time order, the conflicts between reports, and the status with the reports that earned it.
/// </summary>
internal static class FusedEventJudge
{
    /// <summary>Two same-day figures this many times apart are flagged.</summary>
    public const double SpreadRatio = 1.5;

    private static readonly HashSet<string> PartySectors = new(["GOV", "ELI", "MIL", "COP", "JUD", "LEG", "SPY"], StringComparer.Ordinal);

    public static void Judge(FusedEvent fused)
    {
        ArgumentNullException.ThrowIfNull(fused);
        var reports = fused.Reports;
        if (reports.Count == 0)
        {
            return;
        }

        if (reports.Count == 1)
        {
            JudgeOne(fused, reports[0]);
        }
        else
        {
            var asserting = reports.Where(r => !r.Contradicts).ToList();
            var basis = asserting.Count > 0 ? asserting : reports;
            fused.Type = Most(basis.Select(r => r.Type))!;
            fused.Mode = Most(basis.Select(r => r.Mode).OfType<string>());
            fused.Cameo = Most(basis.Select(r => r.Cameo).OfType<string>());
            fused.Actor = Merge(basis.Select(r => r.Actor).ToList()) ?? fused.Actor;
            fused.Recipient = Merge(basis.Select(r => r.Recipient).OfType<ActorKey>().ToList());
            JudgeDate(fused, basis);
            fused.Location = basis.Select(r => r.Location).OfType<PlaceKey>().GroupBy(p => p).OrderByDescending(g => g.Key.Precision)
                .ThenByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

            fused.Sources = [.. reports.Select((r, i) => (r, i)).GroupBy(x => x.r.Source.Key, StringComparer.Ordinal).Select(g =>
            {
                var s = g.First().r.Source;
                return new FusedSource(s.Name, s.Kind, s.Anonymous, IsParty(s, fused.Actor, fused.Recipient), [.. g.Select(x => x.i)]);
            })];
        }

        fused.Figures = Figures(reports);
        fused.Conflicts.Clear();
        fused.Conflicts.AddRange(FigureConflicts(fused.Figures));
        fused.Conflicts.AddRange(Contradictions(fused, reports));
        (fused.Status, fused.StatusReports) = Status(fused, reports);
    }

    /// <summary>
    /// A new fused event of one report as ingest stores it: what <see cref="Judge"/> makes of it and the status it
    /// gives, without the figures' series and the conflicts, which one report cannot have (a figure conflict is between
    /// two reports, a contradiction between one that says it happened and one that says not); they are made in full when
    /// the event is read (<see cref="FusionStore"/>).
    /// </summary>
    public static void JudgeNew(FusedEvent fused)
    {
        ArgumentNullException.ThrowIfNull(fused);
        if (fused.Reports.Count != 1)
        {
            throw new ArgumentException("A new fused event has exactly one report.", nameof(fused));
        }

        var report = fused.Reports[0];
        JudgeOne(fused, report);
        var source = fused.Sources[0];
        fused.Status = source.Party ? (report.Contradicts ? FusionStatus.Denied : FusionStatus.Confirmed)
            : source.Anonymous ? FusionStatus.AnonymousOnly : FusionStatus.SingleSource;
        fused.StatusReports = [0];
    }

    /// <summary>
    /// What the grouping above makes of a single report (every new fused event, judged as it is stored), without its
    /// groupings and sorts: the report's type, mode, CAMEO code, actors and place, its date (a publication-only date cut
    /// to its day), its source. Those allocations were most of what fusing a document's events allocated (issue 10).
    /// </summary>
    private static void JudgeOne(FusedEvent fused, FusedReport report)
    {
        fused.Type = report.Type;
        fused.Mode = report.Mode;
        fused.Cameo = report.Cameo;
        fused.Actor = new ActorKey(report.Actor.Name, report.Actor.Country, report.Actor.Sector);
        fused.Recipient = report.Recipient is { } r ? new ActorKey(r.Name, r.Country, r.Sector) : null;
        if (report.Date is { } date)
        {
            fused.DatePrecision = date.Precision;
            fused.DateValue = date.Precision == 0 ? report.DateValue![..Math.Min(10, report.DateValue!.Length)] : report.DateValue;
            (fused.Earliest, fused.Latest) = (date.Earliest, date.Latest);
        }
        else
        {
            fused.DateValue = null;
            fused.DatePrecision = null;
            fused.Earliest = fused.Latest = null;
        }

        fused.Location = report.Location;
        var s = report.Source;
        fused.Sources = [new FusedSource(s.Name, s.Kind, s.Anonymous, IsParty(s, fused.Actor, fused.Recipient), [0])];
    }

    /// <summary>
    /// Folds one more report into what is stored for matching (ingest's bounded step; the full judgement is made
    /// when the event is read): missing actor details filled, a more precise place or date taken, the range widened.
    /// </summary>
    public static void Absorb(FusedEvent fused, FusedReport report)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Contradicts)
        {
            fused.Mode ??= report.Mode;
            fused.Cameo ??= report.Cameo;
            fused.Actor = Fill(fused.Actor, report.Actor);
            fused.Recipient = report.Recipient is null ? fused.Recipient : fused.Recipient is null ? report.Recipient : Fill(fused.Recipient, report.Recipient);
            if (report.Location is { } place && (fused.Location is null || place.Precision > fused.Location.Precision))
            {
                fused.Location = place;
            }
        }

        if (report.Date is not { } date)
        {
            return;
        }

        var had = fused.DatePrecision ?? -1;
        if (date.Precision > had)
        {
            fused.DateValue = date.Precision == 0 ? report.DateValue![..Math.Min(10, report.DateValue!.Length)] : report.DateValue;
            fused.DatePrecision = date.Precision;
            if (had <= 0 && date.Precision > 0)
            {
                // the first dated report: the range is what it says, not the days around publication
                (fused.Earliest, fused.Latest) = (date.Earliest, date.Latest);
                return;
            }
        }

        if (date.Precision > 0 || fused.DatePrecision is null or 0)
        {
            fused.Earliest = fused.Earliest is { } e && e < date.Earliest ? e : date.Earliest;
            fused.Latest = fused.Latest is { } l && l > date.Latest ? l : date.Latest;
        }
    }

    private static ActorKey Fill(ActorKey a, ActorKey b) => new(a.Name ?? b.Name, a.Country ?? b.Country, a.Sector ?? b.Sector);

    /// <summary>A source speaks for a party to the event: the actor or recipient itself, or its country's government.</summary>
    public static bool IsParty(ReportSource source, ActorKey? actor, ActorKey? recipient)
    {
        ArgumentNullException.ThrowIfNull(source);
        return !source.Anonymous && (SpeaksFor(source, actor) || SpeaksFor(source, recipient));
    }

    private static bool SpeaksFor(ReportSource source, ActorKey? party)
    {
        if (party is null || party.IsEmpty)
        {
            return false;
        }

        // an outlet is a party only to events of the media sector ("Velmar Courier" does not speak for Velmar)
        if (source.Kind == "media" && party.Sector != "MED")
        {
            return false;
        }

        // the source's name within the party's ("Macron" for "Emmanuel Macron"), not the other way round
        if (party.Name is not null && EventMatcher.NameWithin(source.Name, party.Name))
        {
            return true;
        }

        return source.Country is not null && source.Country == party.Country && source.Kind is "government" or "official" &&
            (party.Sector is null || PartySectors.Contains(party.Sector));
    }

    private static (string Status, IReadOnlyList<int> Reports) Status(FusedEvent fused, List<FusedReport> reports)
    {
        var partyDenials = Indexes(reports, r => r.Contradicts && IsParty(r.Source, fused.Actor, fused.Recipient));
        if (partyDenials.Count > 0)
        {
            return (FusionStatus.Denied, partyDenials);
        }

        if (fused.Conflicts.Count > 0)
        {
            return (FusionStatus.Disputed, [.. fused.Conflicts.SelectMany(c => c.Reports).Distinct().Order()]);
        }

        var partyReports = Indexes(reports, r => !r.Contradicts && IsParty(r.Source, fused.Actor, fused.Recipient));
        if (partyReports.Count > 0)
        {
            return (FusionStatus.Confirmed, partyReports);
        }

        if (fused.Sources.All(s => s.Anonymous))
        {
            return (FusionStatus.AnonymousOnly, [.. fused.Sources.SelectMany(s => s.Reports).Order()]);
        }

        return fused.Sources.Count >= 2
            ? (FusionStatus.Corroborated, [.. fused.Sources.Select(s => s.Reports[0]).Order()])
            : (FusionStatus.SingleSource, [.. fused.Sources.SelectMany(s => s.Reports).Order()]);
    }

    private static List<int> Indexes(List<FusedReport> reports, Func<FusedReport, bool> test) =>
        [.. reports.Select((r, i) => (r, i)).Where(x => test(x.r)).Select(x => x.i)];

    private static void JudgeDate(FusedEvent fused, List<FusedReport> reports)
    {
        var dated = reports.Where(r => r.Date is not null).ToList();
        if (dated.Count == 0)
        {
            fused.DateValue = null;
            fused.DatePrecision = null;
            fused.Earliest = fused.Latest = null;
            return;
        }

        var best = dated.Max(r => r.Date!.Value.Precision);
        fused.DatePrecision = best;
        fused.DateValue = dated.Where(r => r.Date!.Value.Precision == best).GroupBy(r => best == 0 ? r.DateValue![..Math.Min(10, r.DateValue!.Length)] : r.DateValue)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var spanning = dated.Where(r => best == 0 || r.Date!.Value.Precision > 0).ToList();
        fused.Earliest = spanning.Min(r => r.Date!.Value.Earliest);
        fused.Latest = spanning.Max(r => r.Date!.Value.Latest);
    }

    private static ActorKey? Merge(List<ActorKey> keys)
    {
        if (keys.Count == 0)
        {
            return null;
        }

        return new ActorKey(Most(keys.Select(k => k.Name).OfType<string>()), Most(keys.Select(k => k.Country).OfType<string>()), Most(keys.Select(k => k.Sector).OfType<string>()));
    }

    private static T? Most<T>(IEnumerable<T> values) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key?.ToString(), StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();

    /// <summary>Every report's figures, once per document and quantity, in time order; the last of each kind is marked latest.</summary>
    private static List<FusedFigure> Figures(List<FusedReport> reports)
    {
        if (reports.TrueForAll(static r => r.Figures.Count == 0))
        {
            return []; // most events: nothing to order or mark
        }

        var seen = new HashSet<(string, int)>();
        var all = new List<FusedFigure>();
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            foreach (var f in r.Figures)
            {
                if (seen.Add((r.Document.Id, f.Mention)))
                {
                    all.Add(Placed(f, i, r));
                }
            }
        }

        var ordered = InTimeOrder(all);
        var latest = ordered.Select((f, i) => (f, i)).GroupBy(x => x.f.Kind).Select(g => g.Last().i).ToHashSet();
        return [.. ordered.Select((f, i) => latest.Contains(i) ? f with { Latest = true } : f)];
    }

    /// <summary>A report's figure as the event's series holds it: which report (index) gave it, its document and source.</summary>
    public static FusedFigure Placed(FusedFigure figure, int report, FusedReport from)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(from);
        return figure with { Report = report, Document = from.Document, Source = from.Source.Name, SourceKind = from.Source.Kind };
    }

    /// <summary>
    /// Whether figures collected as <see cref="Figures"/> collects them (once per document and quantity,
    /// <see cref="Placed"/>) conflict, as <see cref="FigureConflicts"/> finds: what the status needs of them
    /// (<see cref="StatusTally"/>, each batch an open event changed). Asked of the pairs in place, without ordering,
    /// grouping or describing them: the conflicts are described only when an event is read, where they are written.
    /// Quadratic in the figures, which the tally bounds.
    /// </summary>
    public static bool FiguresConflict(List<FusedFigure> collected)
    {
        ArgumentNullException.ThrowIfNull(collected);
        var figures = CollectionsMarshal.AsSpan(collected);
        for (var i = 0; i < figures.Length; i++)
        {
            var first = figures[i];
            if (first.Document!.Published is not { } day)
            {
                continue;
            }

            var firstOfDay = true;
            for (var j = 0; j < figures.Length; j++)
            {
                var other = figures[j];
                if (j == i || other.Document!.Published is not { } otherDay || !string.Equals(first.Kind, other.Kind, StringComparison.Ordinal))
                {
                    continue;
                }

                // a later report lower than an earlier one from the same kind of source (the earlier's highest, FigureConflicts
                // says: the pair with it, or any higher one, is the same question)
                if (otherDay > day && other.Value < first.Value && string.Equals(first.SourceKind, other.SourceKind, StringComparison.Ordinal))
                {
                    return true;
                }

                firstOfDay &= !(j < i && otherDay == day);
            }

            if (firstOfDay && SpreadOnDay(figures, i, day))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="FigureConflicts"/>' same-day test for the figures of the kind of <paramref name="figures"/>[<paramref name="from"/>]
    /// published on <paramref name="day"/>, the first of them: the lowest and the highest (each the first in time order:
    /// the earliest report among equal values, as MinBy and MaxBy take them) far apart, from two reports.
    /// </summary>
    private static bool SpreadOnDay(ReadOnlySpan<FusedFigure> figures, int from, DateOnly day)
    {
        var kind = figures[from].Kind;
        FusedFigure low = figures[from], high = figures[from];
        for (var j = from + 1; j < figures.Length; j++)
        {
            var f = figures[j];
            if (f.Document!.Published != day || !string.Equals(f.Kind, kind, StringComparison.Ordinal))
            {
                continue;
            }

            var toLow = f.Value.CompareTo(low.Value);
            if (toLow < 0 || (toLow == 0 && f.Report < low.Report))
            {
                low = f;
            }

            var toHigh = f.Value.CompareTo(high.Value);
            if (toHigh > 0 || (toHigh == 0 && f.Report < high.Report))
            {
                high = f;
            }
        }

        return low.Value > 0 && high.Value / low.Value >= SpreadRatio && high.Report != low.Report;
    }

    private static List<FusedFigure> InTimeOrder(List<FusedFigure> collected) =>
        [.. collected.OrderBy(f => f.Document!.Published ?? DateOnly.MaxValue).ThenBy(f => f.Report)];

    /// <summary>
    /// A later report lower than an earlier one from the same kind of source, and two reports of the same day far
    /// apart (one at least <see cref="SpreadRatio"/> times the other).
    /// </summary>
    private static IEnumerable<FusionConflict> FigureConflicts(IReadOnlyList<FusedFigure> figures)
    {
        foreach (var kind in figures.GroupBy(f => f.Kind))
        {
            var series = kind.ToList();
            foreach (var bySource in series.Where(f => f.Document!.Published is not null).GroupBy(f => f.SourceKind))
            {
                var list = bySource.ToList();
                for (var i = 1; i < list.Count; i++)
                {
                    var earlier = list.Take(i).Where(f => f.Document!.Published < list[i].Document!.Published).MaxBy(f => f.Value);
                    if (earlier is not null && list[i].Value < earlier.Value)
                    {
                        yield return new FusionConflict("figure-decrease",
                            $"{kind.Key}: {Describe(earlier)}, then lower: {Describe(list[i])}", [earlier.Report, list[i].Report]);
                    }
                }
            }

            foreach (var day in series.Where(f => f.Document!.Published is not null).GroupBy(f => f.Document!.Published))
            {
                var low = day.MinBy(f => f.Value)!;
                var high = day.MaxBy(f => f.Value)!;
                if (low.Value > 0 && high.Value / low.Value >= SpreadRatio && high.Report != low.Report)
                {
                    yield return new FusionConflict("figure-spread", $"{kind.Key} on the same day: {Describe(low)} against {Describe(high)}", [low.Report, high.Report]);
                }
            }
        }
    }

    /// <summary>Reports that say the event did not happen, from sources that are not a party, against those that say it did.</summary>
    private static IEnumerable<FusionConflict> Contradictions(FusedEvent fused, List<FusedReport> reports)
    {
        var asserting = Indexes(reports, r => !r.Contradicts);
        if (asserting.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            if (!r.Contradicts || IsParty(r.Source, fused.Actor, fused.Recipient))
            {
                continue;
            }

            var kind = r.Modality.Negated && !r.Modality.Denied && !r.Denial ? "negation" : "denial";
            yield return new FusionConflict(kind, $"{r.Source.Name} says it did not happen (\"{r.Evidence}\"); {asserting.Count} report(s) say it did", [i, .. asserting]);
        }
    }

    /// <summary>A figure as a conflict names it: value, source, outlet (else the start of the document id, which may be short), day.</summary>
    private static string Describe(FusedFigure f) => string.Create(CultureInfo.InvariantCulture,
        $"{(f.Qualifier is null ? string.Empty : f.Qualifier + " ")}{f.Value:0.##} ({f.Source}, {f.Document!.Outlet ?? ShortId(f.Document.Id)}, {f.Document.Published:yyyy-MM-dd})");

    private static string ShortId(string id) => id.Length > 8 ? id[..8] : id;
}
