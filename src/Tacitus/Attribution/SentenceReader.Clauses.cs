using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>Clause edges, times and trimming within the sentence.</summary>
internal sealed partial class SentenceReader
{
    private int SkipTime(int from)
    {
        while (from < w.Count && Time(from))
        {
            from++;
        }

        if (from < w.Count && w.Lower(from) == "that")
        {
            from++;
        }

        return from;
    }

    private bool Time(int t)
    {
        var span = w.Span(t);
        foreach (var m in mentions.TimesIn(w.Sentence.Index))
        {
            if (mentions[m].Span.Contains(span.Start))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPassive(CueMatch cue)
    {
        if (w.Lower(cue.Start).EndsWith("ing", StringComparison.Ordinal))
        {
            return false;
        }

        var j = cue.Start - 1;
        while (j >= 0 && AttributionWords.SkipBeforeCue.Contains(w.Lower(j)) && w.Lemma(j) != "be")
        {
            j--;
        }

        return j >= 0 && w.Lemma(j) == "be" && !(cue.End < w.Count && w.Lower(cue.End) == "by");
    }

    private bool StartsClause(int t)
    {
        var k = t - 1;
        while (k >= 0 && (w.IsPunctuation(k) || AttributionWords.ClauseLinks.Contains(w.Lower(k))))
        {
            k--;
        }

        return k < 0;
    }

    private bool IsClauseBreak(int t)
    {
        if (!w.IsPunctuation(t))
        {
            return false;
        }

        var x = w.Lower(t);
        return x is "," or ";" or ":" or "—" or "(" or ")" or "\"" or "?" or "!" || (x == "." && t == w.Count - 1) || IsQuoteMark(t);
    }

    /// <summary>A double quotation mark: “ ” " or two apostrophes in a row ('' — the convention of some archives).</summary>
    private bool IsQuoteMark(int t)
    {
        if (w.IsQuote(t))
        {
            return true;
        }

        if (t < 0 || t >= w.Count || w.Lower(t) != "'")
        {
            return false;
        }

        return (t > 0 && w.Lower(t - 1) == "'" && w.Span(t - 1).End == w.Span(t).Start)
            || (t + 1 < w.Count && w.Lower(t + 1) == "'" && w.Span(t).End == w.Span(t + 1).Start);
    }

    private bool IsSourceBoundary(int t)
    {
        if (w.IsPunctuation(t))
        {
            return w.Lower(t) is not ("." or "'" or "-" or "&") || IsQuoteMark(t);
        }

        return AttributionWords.SourceBoundaries.Contains(w.Lower(t));
    }

    private TextSpan Trimmed(int start, int end)
    {
        var text = Text;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ':'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '.' or ':'))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
