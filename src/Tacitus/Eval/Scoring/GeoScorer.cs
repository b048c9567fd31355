using Tacitus.Documents;
using Tacitus.Eval.Readers;

namespace Tacitus.Eval.Scoring;

/// <summary>
/// Scores geoparsing on one gold set. Toponym precision / recall / F1: gold toponyms against the mentions of kind
/// <see cref="MentionKind.Place"/> and <see cref="MentionKind.Country"/>, matched one-to-one by overlap (exact F1 too).
/// On matched toponyms with gold coordinates: accuracy within 161 km (an output with no coordinates counts as wrong)
/// and the median error in km (over those with coordinates on both sides). Correct country: on matched toponyms whose
/// gold names a country, the mention's <see cref="Mention.Country"/> equals it. Both are also given over all gold toponyms
/// (<see cref="Within161All"/>, <see cref="CountryAll"/>), where a missed toponym counts as wrong.
/// </summary>
internal sealed class GeoScorer
{
    private readonly List<double> errors = [];

    public PrfCounts Exact { get; private set; }

    public PrfCounts Overlap { get; private set; }

    public Accuracy Within161 { get; private set; }

    public Accuracy Country { get; private set; }

    /// <summary>Within 161 km over every gold toponym with coordinates: a missed one counts as wrong.</summary>
    public Accuracy Within161All { get; private set; }

    /// <summary>Correct country over every gold toponym with a country: a missed one counts as wrong.</summary>
    public Accuracy CountryAll { get; private set; }

    public double MedianKm => GeoDistance.Median(errors);

    public int Resolved => errors.Count;

    public List<EvalMiss> Misses { get; } = [];

    public void Add(string name, IReadOnlyList<GoldToponym> gold, Document document)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(document);
        // A Country mention over the same words as a Place mention ("Russian" read both ways) is one toponym, not two.
        var places = document.Mentions.Where(m => m.Kind == MentionKind.Place).ToList();
        var output = places.Concat(document.Mentions.Where(m => m.Kind == MentionKind.Country && !places.Exists(p => p.Span.Overlaps(m.Span)))).ToList();
        var goldSpans = gold.Select(g => g.Span).ToList();
        var outSpans = output.Select(m => m.Span).ToList();
        Exact += SpanMatcher.Align(goldSpans, outSpans, SpanMatchMode.Exact).Counts;
        var loose = SpanMatcher.Align(goldSpans, outSpans, SpanMatchMode.Overlap);
        Overlap += loose.Counts;
        var text = document.Text;
        var within161 = 0;
        var rightCountry = 0;
        foreach (var (g, s) in loose.Pairs)
        {
            var gt = gold[g];
            var m = output[s];
            if (gt.Lat is double glat && gt.Lon is double glon)
            {
                var within = false;
                var said = "(no coordinates)";
                if (m.Place?.Lat is double lat && m.Place?.Lon is double lon)
                {
                    var km = GeoDistance.Kilometres(glat, glon, lat, lon);
                    errors.Add(km);
                    within = km <= GeoDistance.AccuracyThresholdKm;
                    said = FormattableString.Invariant($"{lat:F3},{lon:F3} ({km:F0} km off)");
                }

                Within161 = Within161.Count(within);
                within161 += within ? 1 : 0;
                if (!within)
                {
                    Misses.Add(new EvalMiss(name, "wrong-place", FormattableString.Invariant($"{gt.Phrase} {glat:F3},{glon:F3}{(gt.GeoNamesId is long id ? $" geonames {id}" : string.Empty)}"), $"{m.Name ?? EvalText.Cut(text, m.Span)} {said}", EvalText.Around(text, gt.Span)));
                }
            }

            if (gt.Country is { } country)
            {
                var right = m.Country == country;
                Country = Country.Count(right);
                rightCountry += right ? 1 : 0;
                if (!right)
                {
                    Misses.Add(new EvalMiss(name, "wrong-country", $"{gt.Phrase} {country.Value}", $"{m.Name ?? EvalText.Cut(text, m.Span)} {m.Country?.Value ?? "(no country)"}", EvalText.Around(text, gt.Span)));
                }
            }
        }

        Within161All += new Accuracy(within161, gold.Count(g => g.Lat is not null && g.Lon is not null));
        CountryAll += new Accuracy(rightCountry, gold.Count(g => g.Country is not null));
        foreach (var g in loose.MissedGold)
        {
            Misses.Add(new EvalMiss(name, "missed", $"{gold[g].Phrase} {gold[g].Span}", string.Empty, EvalText.Around(text, gold[g].Span)));
        }

        foreach (var s in loose.SpuriousSystem)
        {
            Misses.Add(new EvalMiss(name, "spurious", string.Empty, $"{EvalText.Cut(text, outSpans[s])} {outSpans[s]} ({output[s].Kind})", EvalText.Around(text, outSpans[s])));
        }
    }

    public static EvalTable NewTable() =>
        new("Geoparsing", ["gold set", "toponyms", "output", "exact F1", "P (overlap)", "R (overlap)", "F1 (overlap)", "within 161 km", "median km", "correct country", "within 161 km (all gold)", "correct country (all gold)"]);

    public void AddRow(EvalTable table, string label)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Row(label, EvalReport.Int(Overlap.Gold), EvalReport.Int(Overlap.System), EvalReport.Num(Exact.F1), EvalReport.Num(Overlap.Precision), EvalReport.Num(Overlap.Recall), EvalReport.Num(Overlap.F1),
            $"{EvalReport.Pct(Within161.Value)} of {Within161.Total}", double.IsNaN(MedianKm) ? "–" : EvalReport.Num(MedianKm, "F0"), $"{EvalReport.Pct(Country.Value)} of {Country.Total}",
            $"{EvalReport.Pct(Within161All.Value)} of {Within161All.Total}", $"{EvalReport.Pct(CountryAll.Value)} of {CountryAll.Total}");
    }
}
