using Tacitus.Documents;
using Tacitus.Syntax.Clauses;

namespace Tacitus.Attributions;

/// <summary>The verb frames: leading, trailing, inverted and participle cues, and the content each governs.</summary>
internal sealed partial class SentenceReader
{
    /// <summary>A verb cue: leading ("X said that ..."), trailing ("..., X said"), inverted ("..., said X") or participle (", saying ...").</summary>
    public Documents.Attribution? Verbal(CueMatch cue)
    {
        var c = cue.Start;
        var lower = w.Lower(c);
        if (c > 0 && (IsNounUse(c) || IsPassive(cue)))
        {
            return null;
        }

        // "believed to be", "is said to have": a raising verb, no source; but "wants to leave" (an intention) and
        // "said to reporters" (a listener) are statements
        if (cue.End < w.Count && w.Lower(cue.End) == "to" && cue.Cue.Kind is not ("request" or "intention") && !ListenerAfter(cue.End + 1))
        {
            return null;
        }

        // a bare base form ("state media", "report cards") is a verb only after a pronoun, modal or plural subject
        if (lower == w.Lemma(c) && !lower.EndsWith("ing", StringComparison.Ordinal) && !BaseFormSubject(c))
        {
            return null;
        }

        var j = c - 1;
        while (j >= 0 && AttributionWords.SkipBeforeCue.Contains(w.Lower(j)))
        {
            j--;
        }

        if (lower.EndsWith("ing", StringComparison.Ordinal) && j >= 0 && (w.Lower(j) is "," or "and" || IsQuoteMark(j)))
        {
            return Participle(cue);
        }

        // "is saying", "has been telling": the subject is before the auxiliary
        if (lower.EndsWith("ing", StringComparison.Ordinal) && j > 0 && w.Lemma(j) == "be")
        {
            while (j >= 0 && (AttributionWords.SkipBeforeCue.Contains(w.Lower(j)) || w.Lemma(j) == "be"))
            {
                j--;
            }

            if (j < 0 || IsClauseBreak(j))
            {
                return null;
            }
        }

        if (j < 0)
        {
            return null;
        }

        if (w.Lower(j) is "," or "—" || IsQuoteMark(j) || w.Lower(j) == "and")
        {
            if (j == c - 1 && w.Lower(j) != "and" && Inverted(cue.End) is { } inverted)
            {
                var content = Before(j, out var direct);
                if (content.IsEmpty)
                {
                    return null;
                }

                var a = Build(cue, inverted.First, inverted.Last, content, direct, "inverted: \"..., said X\"", inverted.Last + 1);
                if (a is not null)
                {
                    trailing.Add(a);
                }

                return a;
            }

            if (w.Lower(j) == "and")
            {
                return Participle(cue);
            }

            if (ApposedSubject(j) is { } apposed)
            {
                return Trailing(cue, apposed.First, apposed.Last, "trailing, subject before an apposition: \"..., X, a ..., said\"")
                    ?? Leading(cue, apposed.First, apposed.Last, "subject before an apposition or relative clause");
            }

            return null;
        }

        // "critics who say ...": the source is the noun the relative clause hangs on
        if (w.Lower(j) == "who" && j == c - 1 && j > 0 && !w.IsPunctuation(j - 1) && !ClauseReader.Pronouns.Contains(w.Lower(j - 1)))
        {
            var antecedent = j - 1;
            while (antecedent - 1 >= 0 && j - antecedent < 6 && !IsSourceBoundary(antecedent - 1) && !owner.VerbLemmas.Contains(w.Lemma(antecedent - 1))
                && !w.Lower(antecedent - 1).EndsWith("ed", StringComparison.Ordinal) && w.Lemma(antecedent - 1) is not ("be" or "have"))
            {
                antecedent--;
            }

            return Leading(cue, antecedent, j - 1, "leading, the antecedent of \"who\"", inRelative: true);
        }

        var k = SourceStart(j);
        if (j - k >= MaxSourceTokens || (owner.VerbLemmas.Contains(w.Lemma(j)) && !w.IsCapitalized(j) && w.Lemma(j) != w.Lower(j) && !w.Lower(j).EndsWith('s')))
        {
            return null;
        }

        var before = k - 1;
        if (Trailing(cue, k, j, "trailing: \"..., X said\"") is { } trailed)
        {
            return trailed;
        }

        return Leading(cue, k, j, before >= 0 && AttributionWords.SubjectRelatives.Contains(w.Lower(before)) ? "leading, in a relative clause" : "leading: \"X said (that) ...\"");
    }

    /// <summary>"said to Fox News", "wrote to his supporters": the words after "to" name who was told, not a verb.</summary>
    private bool ListenerAfter(int t) =>
        t < w.Count && (w.IsCapitalized(t) || AttributionWords.Listeners.Contains(w.Lower(t)));

    /// <summary>"..., X said": a source after a comma or quotation and a cue that ends its clause; the content is before.</summary>
    private Documents.Attribution? Trailing(CueMatch cue, int first, int last, string rule)
    {
        var before = first - 1;
        if (before <= 0 || !(w.Lower(before) == "," || IsQuoteMark(before)) || !EndsClauseSoon(cue))
        {
            return null;
        }

        var content = Before(before, out var direct);
        if (content.IsEmpty)
        {
            return null;
        }

        var a = Build(cue, first, last, content, direct, rule, cue.End);
        if (a is not null)
        {
            trailing.Add(a);
        }

        return a;
    }

    private Documents.Attribution? Leading(CueMatch cue, int first, int last, string rule, bool inRelative = false)
    {
        var from = cue.End;
        inRelative |= first > 0 && AttributionWords.SubjectRelatives.Contains(w.Lower(first - 1));
        var limit = Math.Min(w.Count, from + (cue.Cue.Words[0] == "tell" ? 14 : 10));
        for (var t = from; t < limit; t++)
        {
            if (w.Lower(t) == "that")
            {
                from = t + 1;
                break;
            }

            if (w.IsPunctuation(t) && w.Lower(t) != "." && w.Lower(t) != "'")
            {
                break;
            }
        }

        if (from == cue.End && cue.Cue.Words[0] == "tell")
        {
            // "told reporters ..." : skip a short object
            var t = from;
            while (t < w.Count && t - from < 3 && !w.IsPunctuation(t) && !ClauseReader.Pronouns.Contains(w.Lower(t)) && !w.IsCapitalized(t))
            {
                t++;
            }

            from = t < w.Count && t > from ? t : from;
        }

        while (from < w.Count && w.IsPunctuation(from) && !IsQuoteMark(from))
        {
            from++;
        }

        if (from >= w.Count)
        {
            // "He said." : the content is the quotation or sentence before
            var prevQuote = QuoteTracker.EndingNear(quotes, Text, w.Sentence.Span.Start);
            if (prevQuote < 0)
            {
                return null;
            }

            return Build(cue, first, last, quotes[prevQuote].Inner, direct: true, rule + "; content: the quotation before", cue.End);
        }

        if (IsQuoteMark(from) && QuoteTracker.StartingNear(quotes, Text, w.Span(from).Start) is var q and >= 0)
        {
            return Build(cue, first, last, quotes[q].Inner, direct: true, rule + "; content: quotation", cue.End);
        }

        from = SkipTime(from);
        if (from >= w.Count)
        {
            return null; // the cue ends the sentence ("... as the company said"): nothing follows it to report
        }

        var end = ParticipleAfter(from) is var p and >= 0 ? w.Span(p).Start : w.Sentence.Span.End;
        if (inRelative)
        {
            for (var t = from; t < w.Count; t++)
            {
                if (w.Lower(t) == ",")
                {
                    end = w.Span(t).Start;
                    break;
                }
            }
        }

        var content = Trimmed(w.Span(from).Start, end);
        return content.IsEmpty ? null : Build(cue, first, last, content, direct: false, rule, cue.End);
    }

    /// <summary>The comma before a participle cue that opens a statement of its own (", noting that ..."), or -1.</summary>
    private int ParticipleAfter(int from)
    {
        for (var t = from; t + 1 < w.Count; t++)
        {
            if (w.Lower(t) == "," && w.Lower(t + 1).EndsWith("ing", StringComparison.Ordinal) && owner.Cues.At(w, t + 1) is { Cue.Frame: CueFrame.Verb })
            {
                return t;
            }
        }

        return -1;
    }

    private Documents.Attribution? Participle(CueMatch cue)
    {
        if ((MainClauseSource(cue.Start) ?? SentenceSubject(cue.Start)) is not { } subject)
        {
            return null;
        }

        var (first, last) = subject;

        var from = cue.End;
        if (from < w.Count && w.Lower(from) == "that")
        {
            from++;
        }

        from = SkipTime(from);
        if (from >= w.Count)
        {
            return null;
        }

        var content = Trimmed(w.Span(from).Start, w.Sentence.Span.End);
        return content.IsEmpty ? null : Build(cue, first, last, content, direct: false, "participle: \", saying ...\" (subject of the sentence)", cue.End);
    }

    /// <summary>The source of an attribution already read in this sentence before <paramref name="limit"/> ("He
    /// rejected the label, noting ..."): a participle shares its main clause's source.</summary>
    private (int First, int Last)? MainClauseSource(int limit)
    {
        var sentence = w.Sentence.Span;
        var before = w.Span(limit).Start;
        for (var a = earlier.Count - 1; a >= 0; a--)
        {
            var previous = earlier[a];
            if (!sentence.Contains(previous.Cue.Start) || previous.Cue.Start >= before)
            {
                break;
            }

            if (previous.Source.Span is { } span && sentence.Contains(span.Start) && span.End <= before)
            {
                var first = w.TokenAtOrAfter(span.Start);
                return (first, Math.Max(first, w.TokenEndingBy(span.End)));
            }
        }

        return null;
    }

    /// <summary>Content before a comma or closing quote at token <paramref name="boundary"/>.</summary>
    private TextSpan Before(int boundary, out bool direct)
    {
        direct = false;
        var at = w.Span(boundary).Start;
        var q = QuoteTracker.EndingNear(quotes, Text, IsQuoteMark(boundary) ? w.Span(boundary).End : at);
        if (q < 0 && boundary > 0 && IsQuoteMark(boundary - 1))
        {
            q = QuoteTracker.EndingNear(quotes, Text, w.Span(boundary - 1).End);
        }

        if (q >= 0)
        {
            direct = true;
            return quotes[q].Inner;
        }

        return Trimmed(w.Sentence.Span.Start, at);
    }
}
