using Tacitus.Documents;
using Tacitus.Eval.Readers;

namespace Tacitus.Eval.Scoring;

/// <summary>
/// Scores named entities: gold PER / ORG / LOC spans against the names of the entity recogniser
/// (<see cref="Document.Names"/>) mapped as PER ↔ <see cref="NameKind.Person"/>, ORG ↔ <see cref="NameKind.Organisation"/>,
/// LOC ↔ <see cref="NameKind.Place"/>; group adjectives and other names are not scored (gold's OTH is not either).
/// A span counts only with its own type: exact (CoNLL) and overlap F1 per type, and micro-averaged.
/// </summary>
internal sealed class NerScorer
{
    public static readonly IReadOnlyList<string> Types = ["PER", "ORG", "LOC"];

    private readonly Dictionary<string, (PrfCounts Exact, PrfCounts Overlap)> counts = [];

    public List<EvalMiss> Misses { get; } = [];

    public static string? TypeOf(NameKind kind) => kind switch
    {
        NameKind.Person => "PER",
        NameKind.Organisation => "ORG",
        NameKind.Place => "LOC",
        _ => null,
    };

    public PrfCounts Exact(string type) => counts.GetValueOrDefault(type).Exact;

    public PrfCounts Overlap(string type) => counts.GetValueOrDefault(type).Overlap;

    public PrfCounts MicroExact => Types.Aggregate(default(PrfCounts), (a, t) => a + Exact(t));

    public PrfCounts MicroOverlap => Types.Aggregate(default(PrfCounts), (a, t) => a + Overlap(t));

    public void Add(string name, IReadOnlyList<GoldEntity> gold, Document document)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(document);
        var output = document.Names.Where(n => TypeOf(n.Kind) is not null)
            .Select(n => (Type: TypeOf(n.Kind)!, n.Span)).Distinct().ToList();
        foreach (var type in Types)
        {
            var g = gold.Where(e => e.Type == type).Select(e => e.Span).ToList();
            var s = output.Where(o => o.Type == type).Select(o => o.Span).ToList();
            var exact = SpanMatcher.Align(g, s, SpanMatchMode.Exact);
            var overlap = SpanMatcher.Align(g, s, SpanMatchMode.Overlap);
            var c = counts.GetValueOrDefault(type);
            counts[type] = (c.Exact + exact.Counts, c.Overlap + overlap.Counts);
            foreach (var i in exact.MissedGold)
            {
                // the name the recogniser gave there, of any kind (an "other" name or a group too: they tell why it was missed)
                var other = document.Names.Where(o => o.Span.Overlaps(g[i])).Select(o => $"{TypeOf(o.Kind) ?? o.Kind.ToString()} {EvalText.Cut(document.Text, o.Span)}").FirstOrDefault() ?? string.Empty;
                Misses.Add(new EvalMiss(name, $"missed-{type}", $"{type} {EvalText.Cut(document.Text, g[i])}", other, EvalText.Around(document.Text, g[i], 60)));
            }

            foreach (var i in exact.SpuriousSystem)
            {
                Misses.Add(new EvalMiss(name, $"spurious-{type}", string.Empty, $"{type} {EvalText.Cut(document.Text, s[i])}", EvalText.Around(document.Text, s[i], 60)));
            }
        }
    }

    public void Report(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new EvalTable("Named entities (span F1)", ["type", "gold", "output", "exact P", "exact R", "exact F1", "overlap F1"]);
        foreach (var type in Types)
        {
            Row(table, type, Exact(type), Overlap(type));
            report.Figures[$"{type.ToLowerInvariant()}_f1"] = Exact(type).F1;
        }

        Row(table, "all (micro)", MicroExact, MicroOverlap);
        report.Figures["micro_f1"] = MicroExact.F1;
        report.Tables.Add(table);
        report.Misses.AddRange(Misses);
    }

    private static void Row(EvalTable table, string label, PrfCounts exact, PrfCounts overlap) =>
        table.Row(label, EvalReport.Int(exact.Gold), EvalReport.Int(exact.System), EvalReport.Num(exact.Precision), EvalReport.Num(exact.Recall), EvalReport.Num(exact.F1), EvalReport.Num(overlap.F1));
}
