using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Mentions;

/// <summary>
/// Bare surnames and given names of people already named in the document ("Macron", "Lopez", "Wang") become Person
/// mentions with rule "name-part"; coreference links each to the person it names.
/// </summary>
internal static class NameParts
{
    public static void Add(Document document, TokenKeys view, KnowledgeBase kb, int firstMention)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        var covered = new bool[document.Tokens.Count];
        for (var m = 0; m < document.Mentions.Count; m++)
        {
            var mention = document.Mentions[m];
            var (first, end) = TokensOf(document, mention.Span);
            for (var t = first; t < end; t++)
            {
                covered[t] = true;
            }

            if (m < firstMention || mention.Kind != MentionKind.Person || mention.Name is null || end - first < 2)
            {
                continue;
            }

            foreach (var t in new[] { first, end - 1 })
            {
                if (view.IsNameLike(t) && view.Keys[t].Length >= 2 && !view.Has(t, WordClass.NameConnector | WordClass.Honorific | WordClass.NotName)
                    && !kb.Roles.Index.TryGet(view.Keys[t], out _))
                {
                    parts.Add(view.Keys[t]);
                }
            }
        }

        if (parts.Count == 0)
        {
            return;
        }

        foreach (var sentence in document.Sentences)
        {
            if (sentence.Boilerplate)
            {
                continue;
            }

            var last = sentence.FirstToken + sentence.TokenCount;
            for (var t = sentence.FirstToken; t < last; t++)
            {
                if (covered[t] || !view.IsNameLike(t) || !parts.Contains(view.Keys[t]))
                {
                    continue;
                }

                // Not part of a longer capitalised run that is some other name ("Kim Campbell").
                if ((t > sentence.FirstToken && view.IsNameLike(t - 1) && !covered[t - 1] && !view.HasPossessive[t - 1])
                    || (t + 1 < last && view.IsNameLike(t + 1) && !covered[t + 1] && !view.HasPossessive[t]))
                {
                    continue;
                }

                document.Mentions.Add(new Mention
                {
                    Kind = MentionKind.Person,
                    Span = view.SpanOf(t, t + 1),
                    Sentence = sentence.Index,
                    Form = MentionForm.NamePart,
                    Rule = "name-part",
                });
            }
        }
    }

    /// <summary>Token range [first, end) covered by a character span (binary search over token starts).</summary>
    internal static (int First, int End) TokensOf(Document document, TextSpan span)
    {
        var tokens = document.Tokens;
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].Span.End <= span.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var end = lo;
        while (end < tokens.Count && tokens[end].Span.Start < span.End)
        {
            end++;
        }

        return (lo, end);
    }
}
