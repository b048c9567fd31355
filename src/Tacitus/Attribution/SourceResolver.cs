using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Syntax.Clauses;

namespace Tacitus.Attributions;

/// <summary>
/// Turns the words of a source into a <see cref="SourceRef"/>: the actor mention inside it (a person before an
/// organisation before a country), its name, kind (person, official, media, government, organization, document,
/// anonymous) and country. Without a mention it falls back on source nouns (data/attribution/source-nouns.tsv:
/// "the Harbour Gazette newspaper" → media "Harbour Gazette"), on an earlier source for a surname ("Novak said"
/// after "Interior Minister Pavel Novak") or a pronoun ("he said"), and on the words themselves.
/// </summary>
internal sealed class SourceResolver
{
    private readonly FrozenDictionary<string, (string Kind, bool Outlet)> nouns;
    private readonly AnonymousSourcePatterns anonymous;

    public SourceResolver(IEnumerable<(string Noun, string Kind, bool Outlet)> sourceNouns, AnonymousSourcePatterns anonymous)
    {
        nouns = sourceNouns.ToFrozenDictionary(n => n.Noun, n => (n.Kind, n.Outlet), StringComparer.Ordinal);
        this.anonymous = anonymous;
    }

    public static SourceResolver Shipped { get; } = new(
        DataFile.Embedded(DataFile.ResourceName("attribution", "source-nouns.tsv"))
            .Where(l => l.Fields.Length >= 3)
            .Select(l => (l.Fields[0].Trim().ToLowerInvariant(), l.Fields[1].Trim(), l.Fields[2].Trim() == "outlet")),
        AnonymousSourcePatterns.Shipped);

    /// <summary>True when the word names a kind of source (a source noun or an unnamed-source head: "pollster", "officials").</summary>
    public bool IsSourceNoun(string lower) => nouns.ContainsKey(lower) || anonymous.IsHead(lower);

    /// <summary>Resolves tokens [first, last] of a sentence as a source.</summary>
    /// <param name="earlier">Attributions already found in the document (for surnames and pronouns).</param>
    public (SourceRef Source, bool Anonymous, string Rule) Resolve(SentenceWords w, MentionIndex mentions, int first, int last, IReadOnlyList<Documents.Attribution> earlier)
    {
        var whole = w.SpanOf(first, last); // mentions may include the determiner ("The Kenyan president")

        // trim determiners and punctuation at the edges
        while (first < last && (w.IsPunctuation(first) || ClauseReader.Articles.Contains(w.Lower(first))))
        {
            first++;
        }

        while (last > first && w.IsPunctuation(last))
        {
            last--;
        }

        var document = w.Document;
        var span = w.SpanOf(first, last);
        var text = span.TextOf(document.Text);
        var sentence = w.Sentence.Index;
        var chosen = -1;
        var actorCount = 0;
        var namesPerson = false;
        foreach (var m in mentions.ActorsWithin(sentence, whole))
        {
            actorCount++;
            var mention = mentions[m];
            namesPerson |= mention.Kind == MentionKind.Person && !mention.IsReference;
            if (chosen < 0 || Rank(mention.Kind) > Rank(mentions[chosen].Kind))
            {
                chosen = m;
            }
        }

        var anonymousRule = anonymous.Match(w, first, last, namesPerson);
        var isAnonymous = anonymousRule is not null;
        var (nounKind, name, nounRule) = FromNouns(w, first, last);

        if (chosen >= 0)
        {
            var mention = mentions[chosen];
            var kind = isAnonymous ? "anonymous" : nounKind is "media" or "document" ? nounKind : KindOf(mention, mentions);
            var combined = actorCount > 1 && IsConjoined(w, first, last);
            return (new SourceRef
            {
                Text = text,
                Span = span,
                Name = combined || isAnonymous || (nounKind == "media" && mention.Kind == MentionKind.Country) ? name ?? text : mentions.NameOf(mention) ?? mention.Span.TextOf(document.Text),
                Kind = kind,
                Country = mentions.CountryOf(mention),
                Entity = mention.Entity,
            }, isAnonymous, $"source: {mention.Kind.ToString().ToLowerInvariant()} mention \"{mention.Span.TextOf(document.Text)}\"" + (anonymousRule is null ? string.Empty : "; " + anonymousRule));
        }

        if (isAnonymous)
        {
            return (new SourceRef { Text = text, Span = span, Name = text, Kind = "anonymous" }, true, "source: words; " + anonymousRule);
        }

        if (nounKind is not null)
        {
            return (new SourceRef { Text = text, Span = span, Name = name ?? text, Kind = nounKind }, false, nounRule!);
        }

        // a pronoun or a bare surname refers to an earlier source
        var single = first == last ? w.Lower(first) : null;
        if (single is not null && (AttributionWords.PersonPronouns.Contains(single) || AttributionWords.SpeakerPronouns.Contains(single)))
        {
            for (var a = earlier.Count - 1; a >= 0; a--)
            {
                var previous = earlier[a].Source;
                if (previous.Kind is "person" or "official" && AttributionWords.PersonPronouns.Contains(single) || previous.Kind != "anonymous" && AttributionWords.SpeakerPronouns.Contains(single))
                {
                    return (previous with { Text = text, Span = span }, earlier[a].Anonymous, $"source: pronoun → earlier source \"{previous.Name ?? previous.Text}\"");
                }
            }
        }

        if (first == last && w.IsCapitalized(first))
        {
            var word = span.TextOf(document.Text);
            for (var a = earlier.Count - 1; a >= 0; a--)
            {
                var previous = earlier[a].Source;
                if (previous.Kind is "person" or "official" && previous.Name is { } n && n != word && !n.Contains(" and ", StringComparison.Ordinal)
                    && n.Split(' ').Contains(word, StringComparer.Ordinal))
                {
                    return (previous with { Text = text, Span = span }, false, $"source: \"{word}\" → earlier source \"{n}\"");
                }
            }
        }

        var kindOfWords = LooksLikeName(w, first, last) ? "person" : "organization";
        return (new SourceRef { Text = text, Span = span, Name = text, Kind = kindOfWords }, false, $"source: words ({kindOfWords}, no actor mention)");
    }

    private (string? Kind, string? Name, string? Rule) FromNouns(SentenceWords w, int first, int last)
    {
        for (var i = last; i >= first; i--)
        {
            var two = i > first ? w.Lower(i - 1) + " " + w.Lower(i) : null;
            var at = i;
            if (two is not null && nouns.TryGetValue(two, out var entry2))
            {
                at = i - 1;
                return Describe(w, first, last, at, i, entry2, two);
            }

            if (nouns.TryGetValue(w.Lower(i), out var entry))
            {
                return Describe(w, first, last, at, i, entry, w.Lower(i));
            }
        }

        return (null, null, null);
    }

    private static (string? Kind, string? Name, string? Rule) Describe(SentenceWords w, int first, int last, int nounStart, int nounEnd, (string Kind, bool Outlet) entry, string noun)
    {
        var text = w.Document.Text;
        if (entry.Outlet)
        {
            // the capitalised words right before the noun ("the Harbour Gazette newspaper"), else right after ("the newspaper Le Monde")
            var k = nounStart - 1;
            while (k >= first && w.IsCapitalized(k))
            {
                k--;
            }

            if (k + 1 < nounStart)
            {
                return (entry.Kind, w.SpanOf(k + 1, nounStart - 1).TextOf(text), $"source: outlet noun \"{noun}\"");
            }

            k = nounEnd + 1;
            while (k <= last && w.IsCapitalized(k))
            {
                k++;
            }

            if (k > nounEnd + 1)
            {
                return (entry.Kind, w.SpanOf(nounEnd + 1, k - 1).TextOf(text), $"source: outlet noun \"{noun}\"");
            }
        }

        // a title before a name: "spokeswoman Ana Ruiz" → Ana Ruiz
        var end = nounEnd + 1;
        while (end <= last && w.IsCapitalized(end))
        {
            end++;
        }

        if (entry.Kind == "official" && end > nounEnd + 1 && end > last)
        {
            return ("official", w.SpanOf(nounEnd + 1, last).TextOf(text), $"source: title \"{noun}\" before a name");
        }

        return (entry.Kind, null, $"source: noun \"{noun}\"");
    }

    private static bool LooksLikeName(SentenceWords w, int first, int last)
    {
        if (last - first > 3)
        {
            return false;
        }

        for (var i = first; i <= last; i++)
        {
            if (!w.IsCapitalized(i) || MentionWords.CompanySuffixes.Contains(w.Lower(i).TrimEnd('.')) || AttributionWords.OrganisationHeads.Contains(w.Lower(i)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsConjoined(SentenceWords w, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (AttributionWords.NameConjunctions.Contains(w.Lower(i)))
            {
                return true;
            }
        }

        return false;
    }

    private static int Rank(MentionKind kind) => kind switch
    {
        MentionKind.Person => 3,
        MentionKind.Organization => 2,
        MentionKind.Country => 1,
        _ => 0,
    };

    private static string KindOf(Mention m, MentionIndex mentions) => m.Kind switch
    {
        MentionKind.Person => mentions.SectorOf(m) is { Value: "GOV" or "MIL" or "JUD" or "LEG" } ? "official" : "person",
        MentionKind.Organization => m.OrgKind switch
        {
            "media" => "media",
            "government" or "military" or "party" => "government",
            _ => "organization",
        },
        MentionKind.Country => "government",
        _ => "person",
    };
}
