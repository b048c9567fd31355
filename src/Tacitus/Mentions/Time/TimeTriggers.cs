using System.Collections.Frozen;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// The cheap pre-filter in front of the date-time recogniser: finds the tokens that can start or carry a time
/// expression (month and weekday names, "yesterday", "ago", units of time, parts of the day, years, clock times) and
/// returns small token windows around them. Only those windows are handed to the (slow, regex-heavy) recogniser.
/// The words are data: data/time/words.tsv (<see cref="TimeWords"/>).
/// </summary>
internal static class TimeTriggers
{
    // the shipped tables' span lookups, made once: asking the set for one each call checks its comparer every time
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalisedTriggersLookup = TimeWords.Shipped.CapitalisedTriggers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TriggersLookup = TimeWords.Shipped.Triggers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TriggersAfterStepLookup = TimeWords.Shipped.TriggersAfterStep.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Tokens of context kept on each side of a trigger.</summary>
    public const int Context = 3;

    /// <summary>Token index ranges <c>[first, last]</c> (into the sentence's tokens) worth recognising, merged.</summary>
    public static List<(int First, int Last)> Windows(string text, ReadOnlySpan<Token> tokens)
    {
        var windows = new List<(int First, int Last)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsTrigger(text, tokens, i))
            {
                continue;
            }

            var first = Math.Max(0, i - Context);
            var last = Math.Min(tokens.Length - 1, i + Context);

            // Never cut through a written-together run ("2019-01-09" is five tokens): widen to its ends.
            while (first > 0 && tokens[first - 1].Span.End == tokens[first].Span.Start)
            {
                first--;
            }

            while (last < tokens.Length - 1 && tokens[last].Span.End == tokens[last + 1].Span.Start)
            {
                last++;
            }
            if (windows.Count > 0 && windows[^1].Last >= first - 1)
            {
                windows[^1] = (windows[^1].First, last);
            }
            else
            {
                windows.Add((first, last));
            }
        }

        return windows;
    }

    /// <summary>
    /// The windows widened by <paramref name="widen"/> tokens on each side, merged where they meet, and cut into pieces
    /// of at most <paramref name="maxTokens"/> tokens (never inside a written-together run): bounded pieces for the
    /// recogniser in a very long sentence.
    /// </summary>
    public static List<(int First, int Last)> Bounded(ReadOnlySpan<Token> tokens, List<(int First, int Last)> windows, int widen, int maxTokens)
    {
        var merged = new List<(int First, int Last)>();
        foreach (var (first, last) in windows)
        {
            var wideFirst = Math.Max(0, first - widen);
            var wideLast = Math.Min(tokens.Length - 1, last + widen);
            if (merged.Count > 0 && merged[^1].Last >= wideFirst - 1)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, wideLast));
            }
            else
            {
                merged.Add((wideFirst, wideLast));
            }
        }

        var pieces = new List<(int First, int Last)>();
        foreach (var (first, last) in merged)
        {
            var start = first;
            while (start <= last)
            {
                var end = Math.Min(last, start + maxTokens - 1);
                while (end < last && end - start < 2 * maxTokens && tokens[end].Span.End == tokens[end + 1].Span.Start)
                {
                    end++;
                }

                pieces.Add((start, end));
                start = end + 1;
            }
        }

        return pieces;
    }

    public static bool IsTrigger(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        var word = token.Span.Of(text);
        if (token.Kind == TokenKind.Number)
        {
            return IsYearLike(word) || (i + 1 < tokens.Length && text[tokens[i + 1].Span.Start] == ':' && token.Span.End == tokens[i + 1].Span.Start) ||
                   word.Contains(':') || HasDateShape(word);
        }

        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        word = StripPossessive(word);
        if (CommonTimeExpressions.MonthAbbreviationsLookup.ContainsKey(word))
        {
            return true; // "Aug.", with its full stop: a month, not a name ("Jan")
        }

        // The tokenizer keeps an abbreviation's full stop ("Jan.", "p.m.").
        if (word.Length > 1 && word[^1] == '.')
        {
            word = word[..^1];
        }
        if (TriggersLookup.Contains(word) || CapitalisedTriggersLookup.Contains(word))
        {
            return true;
        }

        if (i > 0 && TriggersAfterStepLookup.Contains(word) &&
            CommonTimeExpressions.StepsLookup.ContainsKey(tokens[i - 1].Span.Of(text)) && !tokens[i - 1].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return true; // "last fall", "this fall"
        }

        // "two-week", "mid-afternoon", "year-ago": the part after a hyphen
        var hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1 &&
            (TriggersLookup.Contains(word[(hyphen + 1)..]) || TriggersLookup.Contains(word[..hyphen])))
        {
            return true;
        }

        // "am"/"pm" right after a number
        return i > 0 && tokens[i - 1].Kind == TokenKind.Number && (word.Equals("am", StringComparison.OrdinalIgnoreCase) || word.Equals("pm", StringComparison.OrdinalIgnoreCase));
    }

    private static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase)))
        {
            return word[..^2];
        }

        return word;
    }

    /// <summary>1000–2199, optionally as a decade ("1990s") or with a suffix the tokenizer kept ("2019-01-09").</summary>
    private static bool IsYearLike(ReadOnlySpan<char> word)
    {
        if (word.Length >= 4 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[1]) && char.IsAsciiDigit(word[2]) && char.IsAsciiDigit(word[3]))
        {
            var rest = word[4..];
            var lead = (word[0] - '0') * 10 + (word[1] - '0');
            return lead is >= 10 and <= 21 && (rest.IsEmpty || rest is "s" || rest[0] is '-' or '/');
        }

        return false;
    }

    /// <summary>"9/1/2019", "2019-01-09", "12-14" is not a date: needs two separators.</summary>
    private static bool HasDateShape(ReadOnlySpan<char> word)
    {
        var seps = 0;
        foreach (var c in word)
        {
            if (c is '/' or '-' or '.')
            {
                seps++;
            }
        }

        return seps == 2 && word.IndexOfAnyExcept("0123456789/-.") < 0;
    }
}
