using Tacitus.Documents;
using Tacitus.Syntax.Clauses;

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
            if (b > 0 && AttributionWords.ObjectRelatives.Contains(w.Lower(b)) && !w.IsCapitalized(b - 1) && !w.IsPunctuation(b - 1) && NoCapitals(k, j))
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
        while (j >= 0 && (AttributionWords.SkipBeforeCue.Contains(w.Lower(j)) && !AttributionWords.Modals.Contains(w.Lower(j))))
        {
            j--;
        }

        if (j < 0)
        {
            return false;
        }

        var prev = w.Lower(j);
        return AttributionWords.VerbContextBefore.Contains(prev)
            || (prev.EndsWith('s') && !prev.EndsWith("ss", StringComparison.Ordinal));
    }

    /// <summary>True when the cue ends its clause: at most a few words ("in a statement", "on Tuesday") before a comma or the end.</summary>
    private bool EndsClauseSoon(CueMatch cue)
    {
        var from = cue.End;
        if (from < w.Count && !IsClauseBreak(from) && !Time(from) && !w.Lower(from).EndsWith("ly", StringComparison.Ordinal)
            && w.Lower(from) is not ("on" or "in" or "at" or "during" or "late" or "early" or "earlier" or "later" or "last" or "this" or "today" or "yesterday" or "tonight" or "via" or "through" or "after" or "before")
            && !(cue.Cue.Words[0] == "tell" && (from + 1 < w.Count && IsClauseBreak(from + 1) || from + 2 < w.Count && IsClauseBreak(from + 2)))
            && !(w.Lower(from) == "to" && ListenerAfter(from + 1)))
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

    /// <summary>", said Omar Haddad." / ", said pollster Ann Lee (D-Ohio)." / ", said one official who asked not to be
    /// named": a short source right after the cue, then the end, a comma or the source's own relative clause.</summary>
    private (int First, int Last)? Inverted(int from)
    {
        var t = from;
        while (t < w.Count && !IsClauseBreak(t) && t - from < 8 && !(t > from && AttributionWords.PersonRelatives.Contains(w.Lower(t))))
        {
            t++;
        }

        if (t == from || (t < w.Count && !IsClauseBreak(t) && !AttributionWords.PersonRelatives.Contains(w.Lower(t))))
        {
            return null;
        }

        // the source must look like a noun phrase: a capitalised word, a determiner, a pronoun, or a title before a name
        var lead = w.Lower(from);
        if (lead == "that" || mentions.HasActors && Time(from))
        {
            return null;
        }

        if (AttributionWords.PrepositionsAfterCue.Contains(lead) || owner.VerbLemmas.Contains(w.Lemma(from)))
        {
            return null;
        }

        var last = t - 1;
        while (last > from && (w.IsPunctuation(last) || Time(last)))
        {
            last--;
        }

        if (!(w.IsCapitalized(from) || ClauseReader.Determiners.Contains(lead) || ClauseReader.Pronouns.Contains(lead) || TitledName(from, last)))
        {
            return null;
        }

        for (var i = from; i <= last; i++)
        {
            if ((AttributionWords.ClauseVerbs.Contains(w.Lemma(i)) && !(w.Lower(i) == "'s" && i < last)) || ClauseReader.Auxiliaries.Contains(w.Lemma(i))
                || (i > from && ClauseReader.Articles.Contains(w.Lower(i)) && !AttributionWords.ArticlePrepositions.Contains(w.Lower(i - 1))))
            {
                return null; // a clause, not a name: "..., said the flood was the worst"
            }
        }

        if (last - from > 6)
        {
            return null;
        }

        // an unnamed source's own relative clause belongs to it: "one aide who asked not to be named"
        if (t < w.Count && AttributionWords.PersonRelatives.Contains(w.Lower(t)))
        {
            var end = t + 1;
            while (end < w.Count && !IsClauseBreak(end) && end - t < 14)
            {
                end++;
            }

            last = end - 1;
        }

        return (from, last);
    }

    /// <summary>Lower-case words ending in a name or a source noun: "pollster Ann Lee", "former senior officials".</summary>
    private bool TitledName(int from, int last)
    {
        for (var i = from; i <= last; i++)
        {
            if (w.IsCapitalized(i))
            {
                return i > from;
            }
        }

        return owner.Resolver.IsSourceNoun(w.Lower(last));
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
        if (!(AttributionWords.AsideOpeners.Contains(lead)
            || w.Lower(open) == "—" || char.IsDigit(lead[0]) || w.IsCapitalized(open + 1) || NamedBeforeAside(open, comma)))
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

    /// <summary>"Scott Lane, its chief executive, said": a name before a short aside that holds no cue of its own.</summary>
    private bool NamedBeforeAside(int open, int comma)
    {
        if (open < 1 || comma - open > 16 || !w.IsCapitalized(open - 1))
        {
            return false;
        }

        for (var t = open + 1; t < comma; t++)
        {
            if (IsQuoteMark(t) || owner.Cues.At(w, t) is not null || ClauseReader.Auxiliaries.Contains(w.Lemma(t)) || AttributionWords.AsideVerbs.Contains(w.Lemma(t)))
            {
                return false;
            }
        }

        return true;
    }
}
