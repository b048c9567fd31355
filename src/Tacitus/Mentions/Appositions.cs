using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Mentions;

/// <summary>
/// Reads the apposition after a person ("Jane Roe, a senior fellow at the Brookings Institution in Washington, said"):
/// the role noun, the organisation after at/of/with/for (its name becomes the person's affiliation and, when the
/// person has none, its country), and the place after an organisation with no country ("... Institute in Seoul").
/// </summary>
internal static class Appositions
{
    private const int Window = 16;

    public static void Link(Document document, TokenKeys view, KnowledgeBase kb, Sentence sentence, List<int> added)
    {
        if (added.Count == 0)
        {
            return;
        }

        var last = sentence.FirstToken + sentence.TokenCount;
        foreach (var index in added)
        {
            var org = document.Mentions[index];
            if (org.Kind == MentionKind.Organization && org.Country is null)
            {
                var end = TokenAfter(document, sentence, org.Span.End);
                if (end >= 0 && end + 1 < last && view.Keys[end] == "in")
                {
                    if (view.LongestMatch(kb.Countries.Capitals, end + 1, last, out var capitals) > 0)
                    {
                        org.Country = capitals[0].Code;
                    }
                    else if (view.LongestMatch(kb.Countries.Names, end + 1, last, out var names) > 0)
                    {
                        org.Country = names[0].Code;
                    }
                }
            }
        }

        foreach (var index in added)
        {
            var person = document.Mentions[index];
            if (person.Kind != MentionKind.Person || person.Name is null)
            {
                continue;
            }

            var comma = TokenAfter(document, sentence, person.Span.End);
            if (comma < 0 || comma + 2 >= last || !view.IsPunct(comma, ','))
            {
                continue;
            }

            RoleInfo? role = null;
            for (var i = comma + 1; i < Math.Min(last, comma + Window); i++)
            {
                if (view.IsPunct(i, ',') || view.IsPunct(i, ';') || (view.IsPunct(i, '.') && i + 1 < last && !view.IsWord(i + 1)))
                {
                    break;
                }

                if (view.LongestMatch(kb.Roles.Index, i, last, out var roles) > 0 && !view.Capitalized[i])
                {
                    role = roles[0];
                }

                if (MentionWords.EmployerPrepositions.Contains(view.Keys[i]) && role is not null)
                {
                    var org = MentionStartingAt(document, added, view, i + 1, last);
                    if (org is not null)
                    {
                        person.Affiliation ??= org.Name;
                        person.Country ??= org.Country;
                        if (role.Type == RoleType.Member)
                        {
                            person.Sector ??= org.Sector;
                        }

                        break;
                    }
                }
            }

            if (role is not null)
            {
                person.Role ??= role.Noun;
                if (role.Type == RoleType.Title && person.Sector is null && person.Evidence is not (MentionEvidence.None or MentionEvidence.Acronym))
                {
                    person.Sector = role.Sector;
                }
            }
        }
    }

    /// <summary>The organisation mention starting at token <paramref name="token"/> (or after "the").</summary>
    private static Mention? MentionStartingAt(Document document, List<int> added, TokenKeys view, int token, int last)
    {
        if (token < last && view.Keys[token] == "the")
        {
            token++;
        }

        if (token >= last)
        {
            return null;
        }

        var start = document.Tokens[token].Span.Start;
        foreach (var index in added)
        {
            var m = document.Mentions[index];
            if (m.Kind == MentionKind.Organization && m.Span.Start == start)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>The index of the first token starting at or after <paramref name="position"/> in the sentence, or -1.</summary>
    internal static int TokenAfter(Document document, Sentence sentence, int position)
    {
        var last = sentence.FirstToken + sentence.TokenCount;
        for (var i = sentence.FirstToken; i < last; i++)
        {
            var span = document.Tokens[i].Span;
            if (span.Start >= position || (span.End > position && span.Start < position))
            {
                // A possessive ending ("'s") inside the token that holds the name's end belongs to it.
                return span.Start >= position ? i : i + 1;
            }
        }

        return -1;
    }
}
