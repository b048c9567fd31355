using Tacitus.Knowledge;

namespace Tacitus.Events.Tree;

/// <summary>What a pattern matched: how much of it (words and markers), and the tokens its markers stood on.</summary>
internal sealed class PatternMatch(PetrarchPattern pattern)
{
    public PetrarchPattern Pattern { get; } = pattern;

    public int Score { get; set; }

    /// <summary>Token under the pattern's <c>$</c>, or -1.</summary>
    public int Source { get; set; } = -1;

    /// <summary>Token under the pattern's <c>+</c>, or -1.</summary>
    public int Target { get; set; } = -1;

    /// <summary>True when the pattern's <c>%</c> stood before the verb (the subject is the compound).</summary>
    public bool CompoundBefore { get; set; }

    /// <summary>True when the pattern's <c>%</c> stood after the verb (the object is the compound).</summary>
    public bool CompoundAfter { get; set; }

    /// <summary>True when a word of the pattern stood on a content word of the sentence (a noun, verb, adjective, adverb, number or name), not only on function words ("* TO", "* + IN").</summary>
    public bool Content { get; set; }
}

/// <summary>
/// Matches the elements of a PETRARCH pattern, in order, over the words before and after a verb. Words may stand
/// apart (other words between them) except inside one element (<c>{PEACE PLAN}</c>, <c>TO_SEND</c>); a word with a
/// trailing <c>_</c> must be the text word or its lemma, one without may also be a stem of it (<c>COOPERAT</c>);
/// a prepositional phrase's words must lie under the preposition's head; <c>$</c> and <c>+</c> must stand on an
/// actor or agent; <c>%</c> needs a coordinated (compound) subject or object.
/// </summary>
internal sealed class PatternMatcher(PetrarchVerbDictionary verbs, PetrarchCodebook codebook)
{
    private const int MinimumStem = 5;

    /// <summary>Matches <paramref name="pattern"/> for the verb at <paramref name="verb"/>; null when it does not match.</summary>
    public PatternMatch? Match(PetrarchPattern pattern, DependencyTree tree, int verb, IReadOnlyList<int> before, IReadOnlyList<int> after, Func<int, bool> compound, DateOnly date)
    {
        var match = new PatternMatch(pattern);
        var context = new Context(tree, compound, date, match);
        if (!Sequence(pattern.Before, 0, before, 0, context, isBefore: true) || !Sequence(pattern.After, 0, after, 0, context, isBefore: false))
        {
            return null;
        }

        _ = verb;
        return match;
    }

    private sealed record Context(DependencyTree Tree, Func<int, bool> Compound, DateOnly Date, PatternMatch Match);

    /// <summary>Matches elements[e..] over seq[from..] in order, backtracking over placements; adds to the score.</summary>
    private bool Sequence(IReadOnlyList<PetrarchElement> elements, int e, IReadOnlyList<int> seq, int from, Context context, bool isBefore)
    {
        if (e == elements.Count)
        {
            return true;
        }

        var element = elements[e];
        var match = context.Match;
        switch (element.Kind)
        {
            case PetrarchElementKind.Skip:
                return Sequence(elements, e + 1, seq, from, context, isBefore);
            case PetrarchElementKind.Compound:
                if (!context.Compound(isBefore ? 0 : 1))
                {
                    return false;
                }

                if (isBefore)
                {
                    match.CompoundBefore = true;
                }
                else
                {
                    match.CompoundAfter = true;
                }

                match.Score++;
                return Sequence(elements, e + 1, seq, from, context, isBefore);
        }

        for (var k = from; k < seq.Count; k++)
        {
            var saved = (match.Score, match.Source, match.Target, match.Content);
            var end = Place(element, seq, k, context);
            if (end > k && Sequence(elements, e + 1, seq, end, context, isBefore))
            {
                return true;
            }

            (match.Score, match.Source, match.Target, match.Content) = saved;
        }

        return false;
    }

    /// <summary>Places one element at seq[k]; returns the position after it, or k when it does not fit there.</summary>
    private int Place(PetrarchElement element, IReadOnlyList<int> seq, int k, Context context)
    {
        var tree = context.Tree;
        var match = context.Match;
        switch (element.Kind)
        {
            case PetrarchElementKind.Source or PetrarchElementKind.Target:
            {
                var words = seq.Skip(k).Select(i => tree.Words[i]).ToList();
                if (codebook.Match(words, 0, context.Date) is null)
                {
                    return k;
                }

                if (element.Kind == PetrarchElementKind.Source)
                {
                    match.Source = seq[k];
                }
                else
                {
                    match.Target = seq[k];
                }

                match.Score++;
                return k + 1;
            }

            case PetrarchElementKind.Words:
            {
                var (end, matched) = Words(element.Words, seq, k, tree);
                match.Score += matched;
                match.Content |= matched > 0 && HasContent(seq, k, end, tree);
                return end;
            }

            case PetrarchElementKind.Synset:
            {
                var (end, matched) = Synset(element.Words[0], seq, k, tree);
                match.Score += matched;
                match.Content |= matched > 0 && HasContent(seq, k, end, tree);
                return end;
            }

            case PetrarchElementKind.Preposition:
            {
                if (element.Words.Count == 0)
                {
                    return Sequence(element.Inner, 0, seq, k, context, isBefore: false) ? Math.Max(k + 1, seq.Count) : k;
                }

                if (!Same(element.Words[0], seq[k], tree))
                {
                    return k;
                }

                match.Score++;
                var head = tree.Heads[seq[k]];
                var inside = seq.Skip(k + 1).Where(i => head >= 0 && Under(tree, i, head)).ToList();
                if (!Sequence(element.Inner, 0, inside, 0, context, isBefore: false))
                {
                    match.Score--;
                    return k;
                }

                var last = inside.Count == 0 ? seq[k] : inside[^1];
                var after = k + 1;
                while (after < seq.Count && seq[after] <= last)
                {
                    after++;
                }

                return after;
            }

            default:
                return k;
        }
    }

    /// <summary>
    /// Words that must stand together from seq[k] — in order in one noun phrase, modifiers may come between ("new
    /// global economic relations" for {NEW &amp;TIETYPES RELATIONS}); a "&amp;NAME" among them is any member of that set.
    /// Returns where the match ends (k when it fails) and how many dictionary words it matched.
    /// </summary>
    private (int End, int Matched) Words(IReadOnlyList<string> words, IReadOnlyList<int> seq, int k, DependencyTree tree)
    {
        var at = k;
        var matched = 0;
        foreach (var word in words)
        {
            var synset = word.StartsWith('&');
            var fits = false;
            while (at < seq.Count)
            {
                if (synset && Synset(word[1..], seq, at, tree) is { End: var end, Matched: > 0 } found && end > at)
                {
                    (at, matched, fits) = (end, matched + found.Matched, true);
                    break;
                }

                if (!synset && Same(word, seq[at], tree))
                {
                    (at, matched, fits) = (at + 1, matched + 1, true);
                    break;
                }

                var modifier = at > k && tree.Upos[seq[at]] is "ADJ" or "NOUN" or "PROPN" or "NUM" or "ADV" && at + 1 < seq.Count && seq[at + 1] == seq[at] + 1;
                if (!modifier)
                {
                    break;
                }

                at++;
            }

            if (!fits)
            {
                return (k, 0);
            }
        }

        return (at, matched);
    }

    /// <summary>The member of a synonym set that matches most words from seq[k] (the shorter span on a tie).</summary>
    private (int End, int Matched) Synset(string name, IReadOnlyList<int> seq, int k, DependencyTree tree)
    {
        var best = (End: k, Matched: 0);
        foreach (var member in verbs.Members(name))
        {
            var found = Words(member, seq, k, tree);
            if (found.Matched > best.Matched || (found.Matched == best.Matched && found.Matched > 0 && found.End < best.End))
            {
                best = found;
            }
        }

        return best;
    }

    private static bool HasContent(IReadOnlyList<int> seq, int from, int to, DependencyTree tree)
    {
        for (var i = from; i < to; i++)
        {
            if (tree.Upos[seq[i]] is "NOUN" or "PROPN" or "VERB" or "ADJ" or "ADV" or "NUM")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a dictionary word matches the text word at <paramref name="token"/>.</summary>
    internal static bool Same(string word, int token, DependencyTree tree)
    {
        var text = tree.Words[token];
        var lemma = tree.Lemmas[token];
        if (word.EndsWith('_'))
        {
            var exact = word[..^1];
            return text == exact || lemma == exact;
        }

        return text == word || lemma == word || (word.Length >= MinimumStem && text.StartsWith(word, StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="ancestor"/> governs <paramref name="token"/> (or is it).</summary>
    internal static bool Under(DependencyTree tree, int token, int ancestor)
    {
        for (var n = token; n >= 0; n = tree.Heads[n])
        {
            if (n == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
