using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Syntax.Clauses;

namespace Tacitus.Events;

/// <summary>
/// The country of an event actor that its own mention does not give ("the government", "rebels", "Israeli tanks",
/// "Beirut again"), read from the words around it, nearest evidence first:
/// <list type="number">
/// <item>inside the actor's words: a nationality or country ("Palestinian prisoners" → PSE), a people named by its
/// plural demonym ("Palestinians", "Young Algerians"), or a national capital standing for its government ("Beirut
/// rejected" → LBN);</item>
/// <item>a possessive country before it ("Sudan's government", "the Ivory Coast's Supreme Court");</item>
/// <item>a place attached after it ("rebels in the Ivory Coast", "opposition groups in Zimbabwe", "the government
/// of Sindh province", "a newspaper based in Beirut");</item>
/// <item>the country of the record's location, the place where it happened ("prisoners rioted at a jail in Dili");</item>
/// <item>the sentence's single country: every country, nationality and place named in the sentence lies in one
/// country;</item>
/// <item>the document's single country, the same over the whole document.</item>
/// </list>
/// The last three are guesses from the setting, not from the actor's own words, and say so in their rule. Bodies
/// with no country (UNO, IGO, NGO, IMG, ITL) are never context. Each answer names its rule for <c>--explain</c>.
/// One instance per document; not shared between threads.
/// </summary>
internal sealed class CountryContext
{
    private static readonly FrozenSet<string> NoCountry = FrozenSet.ToFrozenSet(["UNO", "IGO", "NGO", "IMG", "ITL"], StringComparer.Ordinal);

    /// <summary>Prepositions that attach a place to the noun before them: "rebels in X", "the government of X".</summary>
    private static readonly FrozenSet<string> Attaching = FrozenSet.ToFrozenSet(
        ["in", "of", "from", "throughout", "across", "inside"], StringComparer.Ordinal);

    /// <summary>Participles that may come between a noun and its attached place: "a newspaper based in X".</summary>
    private static readonly FrozenSet<string> Locating = FrozenSet.ToFrozenSet(
        ["based", "operating", "stationed", "deployed", "living", "located"], StringComparer.Ordinal);

    private readonly Document document;
    private readonly MentionIndex mentions;
    private CountryCode? documentCountry;
    private bool documentCountryRead;

    public CountryContext(Document document, MentionIndex mentions)
    {
        this.document = document;
        this.mentions = mentions;
    }

    /// <summary>True for a code that names a country (not UNO, IGO, NGO, IMG, ITL).</summary>
    public static bool IsCountry(CountryCode? code) => code is { } c && !NoCountry.Contains(c.Value);

    /// <summary>
    /// The country of the party spanning <paramref name="span"/> in the sentence of <paramref name="w"/>, and the
    /// rule that found it; null when the context names none or several.
    /// </summary>
    /// <param name="w">The sentence.</param>
    /// <param name="span">The party's words or mention.</param>
    /// <param name="words">The party is words with no actor mention (a description: a place inside it tells its country).</param>
    /// <param name="location">The record's location country, if any.</param>
    /// <param name="verbLemmas">Lemmas of event and speech verbs (they end an attached phrase).</param>
    public (CountryCode Country, string Rule)? Resolve(SentenceWords w, TextSpan span, bool words, CountryCode? location, IReadOnlySet<string> verbLemmas)
    {
        if (!span.IsEmpty && Inside(w, span, words) is { } inside)
        {
            return inside;
        }

        if (!span.IsEmpty && Possessive(w, span) is { } owner)
        {
            return owner;
        }

        if (!span.IsEmpty && Attached(w, span, verbLemmas) is { } attached)
        {
            return attached;
        }

        if (location is { } l && IsCountry(l))
        {
            return (l, $"the country where it happened ({l.Value})");
        }

        if (Single(w) is { } one)
        {
            return (one, $"one country named in the sentence ({one.Value})");
        }

        return DocumentCountry() is { } d ? (d, $"one country named in the document ({d.Value})") : null;
    }

    private (CountryCode, string)? Inside(SentenceWords w, TextSpan span, bool words)
    {
        var sentence = w.Sentence.Index;
        foreach (var m in mentions.ActorsIn(sentence))
        {
            var mention = mentions[m];
            if (mention.Kind == MentionKind.Country && span.Contains(mention.Span) && mentions.CountryOf(mention) is { } c && IsCountry(c))
            {
                return (c, $"the country in its words (\"{mention.Span.TextOf(document.Text)}\")");
            }
        }

        foreach (var m in mentions.PlacesIn(sentence))
        {
            var mention = mentions[m];
            if (!span.Contains(mention.Span) || mention.Country is not { } c || !IsCountry(c))
            {
                continue;
            }

            if (mention.Place?.FeatureType == "country")
            {
                return (c, $"the country or nationality in its words (\"{mention.Span.TextOf(document.Text)}\")");
            }

            if (IsCapital(mention, c) && mention.Span.Start == span.Start)
            {
                return (c, $"the capital stands for its government (\"{mention.Span.TextOf(document.Text)}\")");
            }
        }

        for (var i = w.TokenAtOrAfter(span.Start); i < w.Count && w.Span(i).End <= span.End; i++)
        {
            if (PluralDemonym(w, i) is { } people)
            {
                return (people, $"the people named in its words (\"{w.Span(i).TextOf(document.Text)}\")");
            }
        }

        if (words)
        {
            // a description that names a place: "a missionary from Calgary", "a newspaper based in east Beirut"
            foreach (var m in mentions.PlacesIn(sentence))
            {
                var mention = mentions[m];
                if (span.Contains(mention.Span) && mention.Country is { } c && IsCountry(c))
                {
                    return (c, $"the place named in its words (\"{mention.Span.TextOf(document.Text)}\")");
                }
            }
        }

        return null;
    }

    /// <summary>"Palestinians", "Algerians", "Israelis": a capitalised plural whose singular is a country's demonym.</summary>
    public static CountryCode? PluralDemonym(SentenceWords w, int i)
    {
        var lower = w.Lower(i);
        if (!w.IsCapitalized(i) || lower.Length < 5 || !lower.EndsWith('s') || lower.EndsWith("ss", StringComparison.Ordinal))
        {
            return null;
        }

        var text = w.Span(i).TextOf(w.Document.Text);
        return Gazetteer.Default.FindCountryByAdjective(text.AsSpan(0, text.Length - 1)) is { Country: { } c } && IsCountry(c) ? c : null;
    }

    private static bool IsCapital(Mention mention, CountryCode country) =>
        mention.Place?.GeoNamesId is long id && id > 0 && Gazetteer.Default.FindCapital(country)?.GeoNameId == id;

    /// <summary>"Sudan's government", "Nicaragua's Sandinista government": a country with "'s" at most two words before.</summary>
    private (CountryCode, string)? Possessive(SentenceWords w, TextSpan span)
    {
        var first = w.TokenAtOrAfter(span.Start);
        var text = document.Text;
        foreach (var m in PlacesAndCountries(w.Sentence.Index))
        {
            var mention = mentions[m];
            if (mention.Span.End > span.Start || mentions.CountryOf(mention) is not { } c || !IsCountry(c))
            {
                continue;
            }

            var gap = text.AsSpan(mention.Span.End, span.Start - mention.Span.End);
            if (!(gap.StartsWith("'s ", StringComparison.Ordinal) || gap.StartsWith("’s ", StringComparison.Ordinal)))
            {
                continue;
            }

            var g = w.TokenAtOrAfter(mention.Span.End);
            while (g < first && (w.Lower(g) is "'s" or "'" or "s" || w.IsPunctuation(g)))
            {
                g++;
            }

            if (first - g <= 2 && AllWords(w, g, first))
            {
                return (c, $"the country it belongs to (\"{text[mention.Span.Start..span.Start].TrimEnd()}\")");
            }
        }

        return null;
    }

    /// <summary>"rebels in the Ivory Coast", "opposition groups in Zimbabwe", "a newspaper based in east Beirut".</summary>
    private (CountryCode, string)? Attached(SentenceWords w, TextSpan span, IReadOnlySet<string> verbLemmas)
    {
        var i = w.TokenEndingBy(span.End) + 1;
        var gap = 0;
        while (i < w.Count && gap < 2 && w.Kind(i) == TokenKind.Word && !w.IsCapitalized(i) && !Attaching.Contains(w.Lower(i))
            && (Locating.Contains(w.Lower(i)) || (!verbLemmas.Contains(w.Lemma(i)) && !ClauseReader.Auxiliaries.Contains(w.Lemma(i)) && !w.Lower(i).EndsWith("ed", StringComparison.Ordinal))))
        {
            i++;
            gap++;
        }

        if (i >= w.Count || !Attaching.Contains(w.Lower(i)))
        {
            return null;
        }

        var from = i + 1;
        var limit = Math.Min(w.Count, from + 4);
        var sentence = w.Sentence.Index;
        foreach (var m in PlacesAndCountries(sentence))
        {
            var mention = mentions[m];
            var start = w.TokenAtOrAfter(mention.Span.Start);
            if (start < from || start >= limit || mentions.CountryOf(mention) is not { } c || !IsCountry(c))
            {
                continue;
            }

            if (!AllWords(w, from, start))
            {
                return null;
            }

            return (c, $"the place it is attached to (\"{document.Text[w.Span(i).Start..mention.Span.End]}\")");
        }

        return null;
    }

    /// <summary>Tokens [from, to) are plain words (no punctuation, no verb group): "Sandinista", "the", "northern".</summary>
    private static bool AllWords(SentenceWords w, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (w.Kind(k) != TokenKind.Word || ClauseReader.Auxiliaries.Contains(w.Lemma(k)) || w.Lower(k) is "and" or "or" or "but")
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<int> PlacesAndCountries(int sentence)
    {
        foreach (var m in mentions.PlacesIn(sentence))
        {
            yield return m;
        }

        foreach (var m in mentions.ActorsIn(sentence))
        {
            if (mentions[m].Kind == MentionKind.Country)
            {
                yield return m;
            }
        }
    }

    /// <summary>The one country every country, nationality and place mention of the sentence (and every people named
    /// by its plural demonym, "Algerians") lies in; null for none or several.</summary>
    private CountryCode? Single(SentenceWords w)
    {
        CountryCode? found = null;
        foreach (var m in PlacesAndCountries(w.Sentence.Index))
        {
            if (mentions.CountryOf(mentions[m]) is not { } c || !IsCountry(c))
            {
                continue;
            }

            if (found is { } f && f != c)
            {
                return null;
            }

            found = c;
        }

        for (var i = 0; i < w.Count; i++)
        {
            if (PluralDemonym(w, i) is { } c)
            {
                if (found is { } f && f != c)
                {
                    return null;
                }

                found = c;
            }
        }

        return found;
    }

    private CountryCode? DocumentCountry()
    {
        if (documentCountryRead)
        {
            return documentCountry;
        }

        documentCountryRead = true;
        foreach (var m in document.Mentions)
        {
            if (m.Kind is not (MentionKind.Place or MentionKind.Country) || mentions.CountryOf(m) is not { } c || !IsCountry(c))
            {
                continue;
            }

            if (documentCountry is { } f && f != c)
            {
                documentCountry = null;
                return null;
            }

            documentCountry = c;
        }

        return documentCountry;
    }
}
