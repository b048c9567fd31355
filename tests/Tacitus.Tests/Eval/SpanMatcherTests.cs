using Tacitus.Documents;
using Tacitus.Eval.Scoring;

namespace Tacitus.Tests.Eval;

public class SpanMatcherTests
{
    private static List<TextSpan> Spans(string spec) =>
        spec.Length == 0 ? [] : [.. spec.Split(' ').Select(p => p.Split('-')).Select(p => new TextSpan(int.Parse(p[0]), int.Parse(p[1])))];

    [Theory]
    // gold, system, mode, tp, fp, fn
    [InlineData("0-5 10-15", "0-5 10-15", SpanMatchMode.Exact, 2, 0, 0)]
    [InlineData("0-5 10-15", "0-4 10-15", SpanMatchMode.Exact, 1, 1, 1)]
    [InlineData("0-5 10-15", "0-4 10-15", SpanMatchMode.Overlap, 2, 0, 0)]
    [InlineData("0-5", "5-9", SpanMatchMode.Overlap, 0, 1, 1)]
    [InlineData("0-10", "0-3 4-8", SpanMatchMode.Overlap, 1, 1, 0)]
    [InlineData("0-3 4-8", "0-10", SpanMatchMode.Overlap, 1, 0, 1)]
    [InlineData("", "1-2", SpanMatchMode.Exact, 0, 1, 0)]
    [InlineData("1-2", "", SpanMatchMode.Overlap, 0, 0, 1)]
    [InlineData("0-5 0-5", "0-5", SpanMatchMode.Exact, 1, 0, 1)]
    public void Align_Spans_CountsOneToOne(string gold, string system, SpanMatchMode mode, int tp, int fp, int fn)
    {
        var counts = SpanMatcher.Align(Spans(gold), Spans(system), mode).Counts;

        Assert.Equal(new PrfCounts(tp, fp, fn), counts);
    }

    [Fact]
    public void Align_Overlap_PrefersTheLargestSharedLength()
    {
        var alignment = SpanMatcher.Align(Spans("0-10"), Spans("0-2 3-10"), SpanMatchMode.Overlap);

        Assert.Equal([(0, 1)], alignment.Pairs);
        Assert.Equal([0], alignment.SpuriousSystem);
    }

    [Theory]
    [InlineData(2, 1, 1, 0.6667, 0.6667, 0.6667)]
    [InlineData(3, 1, 2, 0.75, 0.6, 0.6667)]
    [InlineData(0, 0, 4, 0, 0, 0)]
    [InlineData(0, 0, 0, 0, 0, 0)]
    public void PrfCounts_Counts_GivePrecisionRecallF1(int tp, int fp, int fn, double p, double r, double f1)
    {
        var c = new PrfCounts(tp, fp, fn);

        Assert.Equal(p, c.Precision, 4);
        Assert.Equal(r, c.Recall, 4);
        Assert.Equal(f1, c.F1, 4);
    }

    [Fact]
    public void Accuracy_Count_AddsToTotalAndCorrect()
    {
        var a = default(Accuracy).Count(true).Count(false).Count(true);

        Assert.Equal(new Accuracy(2, 3), a);
        Assert.Equal(2.0 / 3, a.Value, 6);
    }
}
