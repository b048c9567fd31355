using Tacitus.Documents;
using Tacitus.Eval.Readers;

namespace Tacitus.Eval.Scoring;

/// <summary>
/// The TempEval-3 time-expression measures: extent precision, recall and F1, strict (same offsets) and relaxed (any
/// overlap); on relaxed matches, value accuracy (exact string match of the TIMEX3 <c>value</c> with
/// <see cref="TimeInfo.Value"/>) and type accuracy; and the value F1 TempEval-3 ranks by (matches with the right value
/// over all output and all gold expressions). Output expressions are the mentions of kind <see cref="MentionKind.Time"/>.
/// </summary>
internal sealed class TimeScorer
{
    public PrfCounts Strict { get; private set; }

    public PrfCounts Relaxed { get; private set; }

    public Accuracy Value { get; private set; }

    public Accuracy Type { get; private set; }

    public List<EvalMiss> Misses { get; } = [];

    /// <summary>TempEval-3 value F1: relaxed matches with the right value, over output (P) and gold (R).</summary>
    public PrfCounts ValueCounts => new(Value.Correct, Relaxed.System - Value.Correct, Relaxed.Gold - Value.Correct);

    public void Add(string name, IReadOnlyList<GoldTimex> gold, Document document)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(document);
        var output = document.Mentions.Where(m => m.Kind == MentionKind.Time).ToList();
        var goldSpans = gold.Select(g => g.Span).ToList();
        var outSpans = output.Select(m => m.Span).ToList();
        Strict += SpanMatcher.Align(goldSpans, outSpans, SpanMatchMode.Exact).Counts;
        var relaxed = SpanMatcher.Align(goldSpans, outSpans, SpanMatchMode.Overlap);
        Relaxed += relaxed.Counts;
        var text = document.Text;
        foreach (var (g, s) in relaxed.Pairs)
        {
            var value = output[s].Time?.Value;
            var right = string.Equals(value, gold[g].Value, StringComparison.Ordinal);
            Value = Value.Count(right);
            Type = Type.Count(string.Equals(output[s].Time?.Type, gold[g].Type, StringComparison.OrdinalIgnoreCase));
            if (!right)
            {
                Misses.Add(new EvalMiss(name, "wrong-value", $"{gold[g].Value} ({gold[g].Type}) {EvalText.Cut(text, gold[g].Span)}", $"{value ?? "(no value)"} {EvalText.Cut(text, output[s].Span)}", EvalText.Around(text, gold[g].Span)));
            }
            else if (goldSpans[g] != outSpans[s])
            {
                Misses.Add(new EvalMiss(name, "boundary", $"{gold[g].Value} {goldSpans[g]} {EvalText.Cut(text, goldSpans[g])}", $"{value} {outSpans[s]} {EvalText.Cut(text, outSpans[s])}", EvalText.Around(text, gold[g].Span)));
            }
        }

        foreach (var g in relaxed.MissedGold)
        {
            Misses.Add(new EvalMiss(name, "missed", $"{gold[g].Value} ({gold[g].Type}) {EvalText.Cut(text, gold[g].Span)}", string.Empty, EvalText.Around(text, gold[g].Span)));
        }

        foreach (var s in relaxed.SpuriousSystem)
        {
            Misses.Add(new EvalMiss(name, "spurious", string.Empty, $"{output[s].Time?.Value ?? "(no value)"} {EvalText.Cut(text, outSpans[s])}", EvalText.Around(text, outSpans[s])));
        }
    }

    public void Report(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new EvalTable("Time expressions (TempEval-3 measures)", ["measure", "P", "R", "F1", "n"]);
        table.Row("extent, strict", EvalReport.Num(Strict.Precision), EvalReport.Num(Strict.Recall), EvalReport.Num(Strict.F1), $"{Strict.Gold} gold / {Strict.System} output")
            .Row("extent, relaxed", EvalReport.Num(Relaxed.Precision), EvalReport.Num(Relaxed.Recall), EvalReport.Num(Relaxed.F1), $"{Relaxed.TruePositives} matched")
            .Row("value (TempEval-3 value F1)", EvalReport.Num(ValueCounts.Precision), EvalReport.Num(ValueCounts.Recall), EvalReport.Num(ValueCounts.F1), $"{Value.Correct} right values")
            .Row("value accuracy on relaxed matches", string.Empty, string.Empty, EvalReport.Pct(Value.Value), EvalReport.Int(Value.Total))
            .Row("type accuracy on relaxed matches", string.Empty, string.Empty, EvalReport.Pct(Type.Value), EvalReport.Int(Type.Total));
        report.Tables.Add(table);
        report.Figures["strict_f1"] = Strict.F1;
        report.Figures["relaxed_f1"] = Relaxed.F1;
        report.Figures["value_f1"] = ValueCounts.F1;
        report.Figures["value_accuracy"] = Value.Value;
        report.Misses.AddRange(Misses);
    }
}
