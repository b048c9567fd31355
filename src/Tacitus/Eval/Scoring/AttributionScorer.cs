using Tacitus.Documents;
using Tacitus.Eval.Readers;

namespace Tacitus.Eval.Scoring;

/// <summary>
/// Scores attribution spans against brat gold: source, cue and content spans, each matched one-to-one across the
/// document (a span shared by several attributions counts once), exact (same offsets) and overlap (any shared character). Output spans are
/// <see cref="Attribution.Source"/>'s span (when the source is in the text), <see cref="Attribution.Cue"/> and
/// <see cref="Attribution.Content"/>.
/// </summary>
internal sealed class AttributionScorer
{
    private static readonly string[] Roles = ["source", "cue", "content"];
    private readonly PrfCounts[] exact = new PrfCounts[3];
    private readonly PrfCounts[] overlap = new PrfCounts[3];

    public List<EvalMiss> Misses { get; } = [];

    public PrfCounts Exact(string role) => exact[Array.IndexOf(Roles, role)];

    public PrfCounts Overlap(string role) => overlap[Array.IndexOf(Roles, role)];

    public void Add(string name, IReadOnlyList<BratAttribution> gold, Document document)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(document);
        // A span shared by several attributions (one source saying several things) is one span to find.
        List<TextSpan>[] goldSpans =
        [
            [.. gold.Where(g => g.Source is not null).Select(g => g.Source!.Value).Distinct()],
            [.. gold.Where(g => g.Cue is not null).Select(g => g.Cue!.Value).Distinct()],
            [.. gold.Where(g => g.Content is not null).Select(g => g.Content!.Value).Distinct()],
        ];
        List<TextSpan>[] systemSpans =
        [
            [.. document.Attributions.Where(a => a.Source.Span is not null).Select(a => a.Source.Span!.Value).Distinct()],
            [.. document.Attributions.Select(a => a.Cue).Distinct()],
            [.. document.Attributions.Select(a => a.Content).Distinct()],
        ];
        for (var r = 0; r < Roles.Length; r++)
        {
            exact[r] += SpanMatcher.Align(goldSpans[r], systemSpans[r], SpanMatchMode.Exact).Counts;
            var loose = SpanMatcher.Align(goldSpans[r], systemSpans[r], SpanMatchMode.Overlap);
            overlap[r] += loose.Counts;
            foreach (var g in loose.MissedGold)
            {
                Misses.Add(new EvalMiss(name, $"missed-{Roles[r]}", $"{goldSpans[r][g]} {EvalText.Cut(document.Text, goldSpans[r][g])}", string.Empty, EvalText.Around(document.Text, goldSpans[r][g], 60)));
            }

            foreach (var s in loose.SpuriousSystem)
            {
                Misses.Add(new EvalMiss(name, $"spurious-{Roles[r]}", string.Empty, $"{systemSpans[r][s]} {EvalText.Cut(document.Text, systemSpans[r][s])}", EvalText.Around(document.Text, systemSpans[r][s], 60)));
            }

            foreach (var (g, s) in loose.Pairs.Where(p => goldSpans[r][p.Gold] != systemSpans[r][p.System]))
            {
                Misses.Add(new EvalMiss(name, $"boundary-{Roles[r]}", $"{goldSpans[r][g]} {EvalText.Cut(document.Text, goldSpans[r][g])}", $"{systemSpans[r][s]} {EvalText.Cut(document.Text, systemSpans[r][s])}", string.Empty));
            }
        }
    }

    public void Report(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new EvalTable("Attribution spans", ["span", "gold", "output", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"]);
        for (var r = 0; r < Roles.Length; r++)
        {
            var e = exact[r];
            var o = overlap[r];
            table.Row(Roles[r], EvalReport.Int(e.Gold), EvalReport.Int(e.System), EvalReport.Num(e.Precision), EvalReport.Num(e.Recall), EvalReport.Num(e.F1), EvalReport.Num(o.Precision), EvalReport.Num(o.Recall), EvalReport.Num(o.F1));
            report.Figures[$"{Roles[r]}_exact_f1"] = e.F1;
            report.Figures[$"{Roles[r]}_overlap_f1"] = o.F1;
        }

        report.Tables.Add(table);
        report.Misses.AddRange(Misses);
    }
}
