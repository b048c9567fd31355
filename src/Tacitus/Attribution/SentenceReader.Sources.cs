using Tacitus.Documents;
using Tacitus.Events;

namespace Tacitus.Attributions;

/// <summary>Where a verb cue's source lies: before the cue, after it (inverted), before an apposition, or the sentence subject.</summary>
internal sealed partial class SentenceReader
{
    /// <summary>Where the source ending at token <paramref name="j"/> begins: back to a clause boundary, taking in
    /// an unnamed source's own relative clause ("diplomats who asked not to be named").</summary>
    private int SourceStart(int j)
    {
        var k = j;
        while (true)
        {
            while (k - 1 >= 0 && !IsSourceBoundary(k - 1) && j - k < MaxSourceTokens)
            {
                k--;
            }

            var b = k - 1;
            if (b > 0 && w.Lower(b) is "who" or "that" && !w.IsCapitalized(b - 1) && !w.IsPunctuation(b - 1) && NoCapitals(k, j))
            {
                k = b;
                continue;
            }

            return k;
        }
    }

    private bool NoCapitals(int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            if (w.IsCapitalized(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The subject of the sentence's main clause: the first actor (or capitalised noun phrase) of the
    /// first segment that has one, before <paramref name="limit"/>.</summary>
    private (int First, int Last)? SentenceSubject(int limit)
    {
        clauses ??= new ClauseReader(w, mentions, owner.VerbLemmas, []);
        foreach (var seg in clauses.Segments)
        {
            if (seg.Start >= limit)
            {
                break;
            }

            if (seg.Kind is BoundaryKind.Relative or BoundaryKind.That or BoundaryKind.Subordinator)
            {
                continue;
            }

            var end = Math.Min(seg.End, limit);
            var actor = clauses.FirstActor(seg.Start, end);
            if (actor >= 0)
            {
                var compound = clauses.Compound(actor, end);
                var span = new TextSpan(mentions[compound[0]].Span.Start, mentions[compound[^1]].Span.End);
                var first = w.TokenAtOrAfter(span.Start);
                return (first, Math.Max(first, w.TokenEndingBy(span.End)));
            }

            if (clauses.NounPhrase(seg.Start, end) is { } np && (w.IsCapitalized(np.First) || ClauseReader.Pronouns.Contains(w.Lower(np.First))))
            {
                return np;
            }
        }

        return null;
    }

    private bool BaseFormSubject(int c)
    {
        var j = c - 1;
        while (j >= 0 && (SkipBeforeCue.Contains(w.Lower(j)) && w.Lower(j) is not ("will" or "would" or "could" or "may" or "might" or "must" or "should" or "can" or "do" or "did" or "does")))
        {
            j--;
        }

        if (j < 0)
        {
            return false;
        }

        var prev = w.Lower(j);
        return prev is "i" or "we" or "you" or "they" or "," or "will" or "would" or "could" or "may" or "might" or "must" or "should" or "can" or "do" or "did" or "does" or "to" or "\""
            || (prev.EndsWith('s') && !prev.EndsWith("ss", StringComparison.Ordinal));
    }

    /// <summary>True when the cue ends its clause: at most a few words ("in a statement", "on Tuesday") before a comma or the end.</summary>
    private bool EndsClauseSoon(CueMatch cue)
    {
        var from = cue.End;
        if (from < w.Count && !IsClauseBreak(from) && !Time(from) && !w.Lower(from).EndsWith("ly", StringComparison.Ordinal)
            && w.Lower(from) is not ("on" or "in" or "at" or "during" or "late" or "early" or "earlier" or "later" or "last" or "this" or "today" or "yesterday" or "tonight" or "via" or "through" or "after" or "before")
            && !(cue.Cue.Words[0] == "tell" && from + 2 < w.Count && (IsClauseBreak(from + 1) || IsClauseBreak(from + 2))))
        {
            return false; // an object or complement follows: "denied any role", "said the plan failed"
        }

        for (var t = from; t < w.Count; t++)
        {
            if (IsClauseBreak(t))
            {
                return true;
            }

            if (t - from >= 6 || w.Lower(t) == "that")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>", said Omar Haddad." : a short source right after the cue, then the end or a comma.</summary>
    private (int First, int Last)? Inverted(int from)
    {
        var t = from;
        while (t < w.Count && !IsClauseBreak(t) && t - from < 8)
        {
            t++;
        }

        if (t == from || (t < w.Count && !IsClauseBreak(t)))
        {
            return null;
        }

        // the source must look like a noun phrase: a capitalised word, a determiner or a pronoun first
        var lead = w.Lower(from);
        if (lead == "that" || !(w.IsCapitalized(from) || ClauseReader.Determiners.Contains(lead) || ClauseReader.Pronouns.Contains(lead)) || mentions.HasActors && Time(from))
        {
            return null;
        }

        if (lead is "on" or "in" or "at" || owner.VerbLemmas.Contains(w.Lemma(from)))
        {
            return null;
        }

        var last = t - 1;
        while (last > from && (w.IsPunctuation(last) || Time(last)))
        {
            last--;
        }

        for (var i = from; i <= last; i++)
        {
            if (w.Lemma(i) is "be" or "have" or "do" || ClauseReader.Auxiliaries.Contains(w.Lemma(i)) || (i > from && ClauseReader.Determiners.Contains(w.Lower(i)) && w.Lower(i) is "the" or "a" or "an"))
            {
                return null; // a clause, not a name: "..., said the flood was the worst"
            }
        }

        return last - from <= 5 ? (from, last) : null;
    }

    /// <summary>"Lena Berg, a researcher at ..., said" / "Egypt and Kenya, which both ..., have called": the subject before the aside.</summary>
    private (int First, int Last)? ApposedSubject(int comma)
    {
        var open = comma - 1;
        while (open >= 0 && w.Lower(open) is not ("," or "—"))
        {
            open--;
        }

        if (open <= 0 || open == comma - 1)
        {
            return null;
        }

        var lead = w.Lower(open + 1);
        if (!(lead is "who" or "which" or "whose" or "a" or "an" or "the" or "one" or "former" or "also" or "now" or "along" or "like"
            || w.Lower(open) == "—" || char.IsDigit(lead[0]) || w.IsCapitalized(open + 1)))
        {
            return null;
        }

        var j = open - 1;
        var k = j;
        while (k - 1 >= 0 && !IsSourceBoundary(k - 1) && j - k < MaxSourceTokens)
        {
            k--;
        }

        return j >= 0 && j - k < MaxSourceTokens ? (k, j) : null;
    }
}
