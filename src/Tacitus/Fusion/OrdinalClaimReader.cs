using System.Globalization;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Fusion;

/// <summary>
/// Reads counts a sentence states about its own event: an ordinal ("fourth", "2nd") then, within two words, a noun
/// that counts events of the event's type family ("his fourth visit to China since March", "the second summit",
/// "the third attack this week"), and the period it counts in ("since" and a date, or "this week"). A claim whose
/// "since" cannot be read is left out (it cannot be checked).
/// </summary>
internal sealed class OrdinalClaimReader(FusionLexicon lexicon)
{
    private const int NounReach = 3;
    private const int PeriodReach = 6;

    private readonly System.Collections.Frozen.FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ordinals = lexicon.Ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly System.Collections.Frozen.FrozenDictionary<string, PloverType>.AlternateLookup<ReadOnlySpan<char>> nouns = lexicon.OrdinalNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    public IEnumerable<OrdinalClaim> Read(Document document, int sentence, PloverType type)
    {
        if (sentence < 0 || sentence >= document.Sentences.Count)
        {
            yield break;
        }

        var tokens = document.TokensOf(document.Sentences[sentence]).ToArray();
        var family = lexicon.Family(type);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (Ordinal(document.Slice(tokens[i].Span)) is not int ordinal)
            {
                continue;
            }

            for (var j = i + 1; j <= Math.Min(tokens.Length - 1, i + NounReach); j++)
            {
                if (Noun(document.Slice(tokens[j].Span)) is not { } found || lexicon.Family(found.Counted) != family)
                {
                    continue;
                }

                if (Period(document, tokens, j + 1, out var since, out var end) is false)
                {
                    break;
                }

                var span = new TextSpan(tokens[i].Span.Start, tokens[Math.Max(j, end)].Span.End);
                yield return new OrdinalClaim(ordinal, found.Noun, type, span.TextOf(document.Text), since);
                break;
            }
        }
    }

    /// <summary>The number an ordinal word says ("third", "21st"), by its lower case; null for any other word.</summary>
    private int? Ordinal(ReadOnlySpan<char> token)
    {
        var word = LowerWord.Of(token, stackalloc char[LowerWord.Buffer]);
        if (ordinals.TryGetValue(word, out var n))
        {
            return n;
        }

        if (word.Length >= 3 && (word.EndsWith("st", StringComparison.Ordinal) || word.EndsWith("nd", StringComparison.Ordinal) ||
            word.EndsWith("rd", StringComparison.Ordinal) || word.EndsWith("th", StringComparison.Ordinal)) &&
            int.TryParse(word[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var digits) && digits is > 0 and < 1000)
        {
            return digits;
        }

        return null;
    }

    /// <summary>A noun that ordinal claims count ("attack"), as the table spells it, and the type it counts; null for any other word.</summary>
    private (string Noun, PloverType Counted)? Noun(ReadOnlySpan<char> token)
    {
        var word = LowerWord.Of(token, stackalloc char[LowerWord.Buffer]);
        return nouns.TryGetValue(word, out var counted) ? (word.ToString(), counted) : null;
    }

    /// <summary>
    /// The period after the noun: "since" and a time mention, or a period phrase. True with <paramref name="since"/>
    /// null when there is none (the count is over all time); false when "since" comes with no readable date.
    /// </summary>
    private bool Period(Document document, Token[] tokens, int from, out DateOnly? since, out int end)
    {
        since = null;
        end = from - 1;
        for (var k = from; k < Math.Min(tokens.Length, from + PeriodReach); k++)
        {
            var word = document.Slice(tokens[k].Span);
            if (word.Equals("since", StringComparison.OrdinalIgnoreCase))
            {
                var start = k + 1 < tokens.Length ? tokens[k + 1].Span.Start : -1;
                var time = document.Mentions.FirstOrDefault(m => m.Kind == MentionKind.Time && m.Span.Start == start && m.Time is not null);
                if (time is null || DateRange.Of(time.Time!.Value, "explicit") is not { } range)
                {
                    return false;
                }

                since = range.Earliest;
                end = Array.FindLastIndex(tokens, t => t.Span.End <= time.Span.End);
                return true;
            }

            foreach (var (words, days) in lexicon.Periods)
            {
                if (k + words.Length > tokens.Length)
                {
                    continue;
                }

                var match = true;
                for (var w = 0; w < words.Length && match; w++)
                {
                    match = document.Slice(tokens[k + w].Span).Equals(words[w], StringComparison.OrdinalIgnoreCase);
                }

                if (match && document.Metadata.Published is { } published)
                {
                    since = published.AddDays(-days);
                    end = k + words.Length - 1;
                    return true;
                }
            }
        }

        return true;
    }
}
