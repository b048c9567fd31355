using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// A century named by its ordinal: "the 19th century", "the nineteenth century", "21st-century" (a modifier). TimeML
/// writes a century as its first two digits ("18" for the 19th century); the value here is the recogniser's range of
/// the century's years, which the resolver writes so. The ordinals written out: data/time/words.tsv (ordinal-century).
/// </summary>
internal static class Centuries
{
    /// <summary>Extra tokens consumed after "century" at <paramref name="i"/> (0), or null when no ordinal names it ("a century").</summary>
    public static int? Read(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        var word = tokens[i].Span.Of(text);
        var hyphen = word.LastIndexOf('-');
        int first;
        int number;
        if (hyphen > 0 && word[(hyphen + 1)..].Equals("century", StringComparison.OrdinalIgnoreCase) && Ordinal(word[..hyphen]) is { } joined)
        {
            first = i; // "21st-century" as one token
            number = joined;
        }
        else if (!word.Equals("century", StringComparison.OrdinalIgnoreCase) || i == 0)
        {
            return null;
        }
        else if (Ordinal(tokens[i - 1].Span.Of(text)) is { } n)
        {
            first = i - 1;
            number = n;
        }
        else if (i >= 2 && tokens[i - 1].Span.Of(text) is "-" && tokens[i - 1].Span.Start == tokens[i - 2].Span.End && tokens[i - 1].Span.End == tokens[i].Span.Start &&
                 Ordinal(tokens[i - 2].Span.Of(text)) is { } m)
        {
            first = i - 2; // "21st", "-", "century"
            number = m;
        }
        else
        {
            return null;
        }

        if (number is < 1 or > 21)
        {
            return null;
        }

        if (first > 0 && tokens[first - 1].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            first--;
        }

        var startYear = (number - 1) * 100;
        added.Add(new TimeCandidate(new TextSpan(tokens[first].Span.Start, tokens[i].Span.End), "daterange",
            string.Create(CultureInfo.InvariantCulture, $"({startYear:D4}-01-01,{startYear + 100:D4}-01-01,P100Y)"), null, "common"));
        return 0;
    }

    /// <summary>"19th", "21st", "nineteenth": the number; null otherwise.</summary>
    private static int? Ordinal(ReadOnlySpan<char> word)
    {
        if (TimeWords.Shipped.CenturyOrdinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var written))
        {
            return written;
        }

        var digits = word.IndexOfAnyExceptInRange('0', '9');
        if (digits is < 1 or > 2 || word.Length != digits + 2)
        {
            return null;
        }

        var suffix = word[digits..];
        if (!(suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase) ||
              suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return int.Parse(word[..digits], CultureInfo.InvariantCulture);
    }
}
