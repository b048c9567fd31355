using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Mentions;

/// <summary>
/// Short forms of organisations already named in the document become Organization mentions with rule "org-part":
/// the acronym given in brackets after the name ("Harbor Fair Housing Center (HFHC)") and the distinctive first word of a
/// name whose other words are organisation or common words ("Quellco" after "Quellco Energy Services, Inc.").
/// Each takes the organisation's name, country, sector and kind, so coreference puts it in the same entity. A lone word read as
/// a person only by a weak cue ("Quellco said") is such a short form too.
/// </summary>
internal static class OrgParts
{
    private const int MaxAcronym = 10;

    public static void Add(Document document, TokenKeys view, KnowledgeBase kb, int firstMention)
    {
        var forms = new Dictionary<string, Mention>(StringComparer.Ordinal);
        var covered = new bool[document.Tokens.Count];
        var weakPeople = new Dictionary<int, int>();
        var acronyms = new Dictionary<int, int>();
        var personWords = new HashSet<string>(StringComparer.Ordinal);
        for (var m = 0; m < document.Mentions.Count; m++)
        {
            var mention = document.Mentions[m];
            var (first, end) = NameParts.TokensOf(document, mention.Span);
            for (var t = first; t < end; t++)
            {
                covered[t] = true;
            }

            if (m >= firstMention && end - first == 1 && mention.Kind == MentionKind.Person && mention.Evidence is MentionEvidence.Speech or MentionEvidence.KnownSurname)
            {
                weakPeople[first] = m;
            }

            if (m >= firstMention && end - first == 1 && mention.Kind == MentionKind.Organization && mention.Evidence == MentionEvidence.Acronym)
            {
                acronyms[first] = m;
            }

            if (mention.Kind == MentionKind.Person && end - first >= 2)
            {
                personWords.Add(view.Keys[first]);
                personWords.Add(view.Keys[end - 1]);
            }

            if (m < firstMention || mention.Kind != MentionKind.Organization || mention.IsReference || mention.Name is null || end <= first)
            {
                continue;
            }

            if (BracketedAcronym(view, end, mention) is { } acronym)
            {
                forms.TryAdd(view.Keys[acronym], mention);
            }

            if (end - first >= 2 && DistinctiveFirstWord(view, kb, first, end))
            {
                forms.TryAdd(view.Keys[first], mention);
            }
        }

        if (forms.Count == 0)
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
                if (!view.IsNameLike(t) || !forms.TryGetValue(view.Keys[t], out var org) || personWords.Contains(view.Keys[t]))
                {
                    continue;
                }

                // "Quellco said": a person only by a weak cue is the organisation the document named.
                if (weakPeople.TryGetValue(t, out var person))
                {
                    var replaced = new Mention { Kind = MentionKind.Organization, Span = document.Mentions[person].Span, Sentence = sentence.Index };
                    Fill(replaced, org);
                    document.Mentions[person] = replaced;
                    continue;
                }

                // "HANO" read as an acronym: the organisation whose name it shortens.
                if (acronyms.TryGetValue(t, out var acronym))
                {
                    Fill(document.Mentions[acronym], org);
                    continue;
                }

                if (covered[t])
                {
                    continue;
                }

                // Not part of a longer capitalised run that is some other name ("Quellco Tower").
                if ((t > sentence.FirstToken && view.IsNameLike(t - 1) && !covered[t - 1] && !view.HasPossessive[t - 1])
                    || (t + 1 < last && view.IsNameLike(t + 1) && !covered[t + 1] && !view.HasPossessive[t]))
                {
                    continue;
                }

                covered[t] = true;
                var mention = new Mention { Kind = MentionKind.Organization, Span = view.SpanOf(t, t + 1), Sentence = sentence.Index };
                Fill(mention, org);
                document.Mentions.Add(mention);
            }
        }
    }

    private static void Fill(Mention mention, Mention org)
    {
        mention.Name = org.Name;
        mention.Country = org.Country;
        mention.Sector = org.Sector;
        mention.OrgKind = org.OrgKind;
        mention.Rule = "org-part";
    }

    /// <summary>"... Center (HFHC)" or "... Inc. ("QPS")": an all-capital word in brackets right after the name, starting with the
    /// name's first letter. Returns its token, or null.</summary>
    private static int? BracketedAcronym(TokenKeys view, int end, Mention org)
    {
        var i = end;
        var n = view.Keys.Length;
        if (i < n && view.IsPunct(i, '.') && MentionWords.CompanySuffixes.Contains(view.Keys[i - 1]))
        {
            i++;
        }

        if (i + 2 >= n || !view.IsPunct(i, '('))
        {
            return null;
        }

        i++;
        if (view.IsPunct(i, '"') || view.IsPunct(i, '\u201C'))
        {
            i++;
        }

        if (i + 1 >= n || !view.IsWord(i) || !view.AllCaps[i] || view.Keys[i].Length is < 2 or > MaxAcronym || !view.Keys[i].All(char.IsAsciiLetter)
            || char.ToLowerInvariant(org.Name![0]) != view.Keys[i][0])
        {
            return null;
        }

        var close = view.IsPunct(i + 1, '"') || view.IsPunct(i + 1, '\u201D') ? i + 2 : i + 1;
        return close < n && view.IsPunct(close, ')') ? i : null;
    }

    /// <summary>
    /// "Quellco Energy Services", "Quellco Corp.": a first word that no table knows as a common word, given name, place or
    /// country word, followed only by organisation words, legal forms and common words.
    /// </summary>
    private static bool DistinctiveFirstWord(TokenKeys view, KnowledgeBase kb, int first, int end)
    {
        var key = view.Keys[first];
        if (!view.IsNameLike(first) || key.Length < 3 || view.HasPossessive[first]
            || view.Has(first, WordClass.Common | WordClass.GivenName | WordClass.NotName | WordClass.OrgHead | WordClass.PlaceHead | WordClass.Honorific)
            || kb.Countries.Adjectives.TryGet(key, out _) || kb.Countries.Names.TryGet(key, out _) || kb.Countries.Capitals.TryGet(key, out _))
        {
            return false;
        }

        var words = 0;
        for (var t = first + 1; t < end; t++)
        {
            if (!view.IsWord(t))
            {
                continue;
            }

            words++;
            if (!view.Capitalized[t] || !view.Has(t, WordClass.Common | WordClass.OrgHead))
            {
                return false;
            }
        }

        return words > 0;
    }
}
