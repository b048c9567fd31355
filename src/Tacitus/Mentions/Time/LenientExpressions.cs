using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// The second try of the rules-only date reader (no recogniser behind it), for a trigger whose context
/// <see cref="CommonTimeExpressions"/> would leave to the recogniser: the core of the expression is read, which is its
/// value in most news. A year in any phrase ("the 1996 games", "until 1989", "2009-2010"), a decade with an edge ("the
/// early 1990s"), an amount with more after it ("three days of talks", "one minute", "a five-hour visit"), a month with
/// an edge written together ("mid-March"). What still makes no certain value (a bare number, an age) gives nothing.
/// </summary>
internal static class LenientExpressions
{
    /// <summary>The year at <paramref name="i"/> alone (0 tokens consumed), or -1 when it is not a year standing apart.</summary>
    public static int Year(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        var token = tokens[i];
        var word = token.Span.Of(text);
        if (!CommonTimeExpressions.IsYearDigits(word) ||
            (i > 0 && tokens[i - 1].Kind is TokenKind.Number or TokenKind.Symbol && !IsYearRangeAt(text, tokens, i - 2)) ||
            (i + 1 < tokens.Length && IsAmountAfter(text, tokens, i)))
        {
            return -1;
        }

        var joinedBefore = i > 0 && tokens[i - 1].Span.End == token.Span.Start;
        var joinedAfter = i + 1 < tokens.Length && tokens[i + 1].Span.Start == token.Span.End;
        if ((joinedBefore && !IsYearRangeAt(text, tokens, i - 2)) || (joinedAfter && !IsYearRangeAt(text, tokens, i) && !CommonTimeExpressions.IsPhrasePunctuation(text[token.Span.End])))
        {
            return -1; // "£2000", "2000m", "1900-2000" read only as a range of years
        }

        added.Add(new TimeCandidate(token.Span, "daterange", word.ToString(), null, "lenient"));
        return 0;
    }

    /// <summary>"2019-01-09" (one token or several written together): the date; extra tokens consumed, or -1.</summary>
    public static int IsoDate(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        var last = i;
        while (last + 1 < tokens.Length && last - i < 4 && tokens[last].Span.End == tokens[last + 1].Span.Start)
        {
            last++;
        }

        for (var end = last; end >= i; end--)
        {
            var span = new TextSpan(tokens[i].Span.Start, tokens[end].Span.End);
            if (span.Length == 10 && DateOnly.TryParseExact(span.Of(text), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) &&
                (end + 1 >= tokens.Length || tokens[end + 1].Span.Start > span.End || CommonTimeExpressions.IsPhrasePunctuation(text[span.End])))
            {
                added.Add(new TimeCandidate(span, "date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, "lenient"));
                return end - i;
            }
        }

        return -1;
    }

    /// <summary>"the early 1990s", "until the 1980s": the decade (its range), the edge words left out.</summary>
    public static int Decade(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        var word = tokens[i].Span.Of(text);
        if (word.Length != 5 || word[^1] != 's' || word[..4].IndexOfAnyExceptInRange('0', '9') >= 0 || word[3] != '0' || word[2] == '0' ||
            int.Parse(word[..4], CultureInfo.InvariantCulture) is not (>= 1000 and <= 2099 and var first) ||
            (i > 0 && (tokens[i - 1].Kind is TokenKind.Number or TokenKind.Symbol || tokens[i - 1].Span.End == tokens[i].Span.Start)))
        {
            return -1;
        }

        added.Add(new TimeCandidate(tokens[i].Span, "daterange", $"({first:D4}-01-01,{first + 10:D4}-01-01,P10Y)", null, "lenient"));
        return 0;
    }

    /// <summary>
    /// An amount of time the strict reader left ("three days of talks", "one minute", "at least 72 hours", "a five-hour
    /// visit"), a day told from the event before ("the next morning", "two days later", see <see cref="EventRelative"/>)
    /// or a month with an edge written together ("mid-March"): extra tokens consumed, or -1.
    /// </summary>
    public static int Core(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? published, List<TimeCandidate> added)
    {
        var token = tokens[i];
        var word = token.Span.Of(text);
        var hyphen = word.IndexOf('-');
        if (hyphen > 0)
        {
            return Hyphenated(text, tokens, i, hyphen, added);
        }

        if (NamedHoliday(text, tokens, i, added) is >= 0 and var holiday)
        {
            return holiday;
        }

        if (EventRelative.Read(text, tokens, i, published, added) is >= 0 and var relative)
        {
            return relative;
        }

        var next = i + 1 < tokens.Length ? tokens[i + 1].Span.Of(text) : default;
        if (i == 0 || IsAge(text, tokens, i) || next.Equals("ago", StringComparison.OrdinalIgnoreCase))
        {
            return -1; // an age; "900,000 days ago" (the strict reader found no calendar date for it)
        }

        var number = tokens[i - 1];
        var amount = number.Span.Of(text);
        if (!NumberReader.TryRead(amount, out var value, out var length) || length != amount.Length || value <= 0 || value != Math.Floor(value) ||
            (i >= 2 && (tokens[i - 2].Kind is TokenKind.Number or TokenKind.Symbol || (NumberReader.TryRead(tokens[i - 2].Span.Of(text), out _, out _) && !IsArticle(tokens[i - 2].Span.Of(text))))) ||
            number.Span.End != token.Span.Start - 1)
        {
            return -1; // "2.5 hours" may be fine, but "3-4 days", "£5 a day" and "1 1/2 hours" are not one amount
        }

        var span = new TextSpan(number.Span.Start, token.Span.End);
        if (DurationPhrase.Read(span.Of(text)) is not { } duration)
        {
            return -1;
        }

        added.Add(new TimeCandidate(span, "duration", duration, null, "lenient"));
        return 0;
    }

    /// <summary>A holiday of two capitalised words ("New Year", "New Year's Day"): its day, year left open; or -1.</summary>
    private static int NamedHoliday(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        if (i == 0 || !char.IsUpper(text[tokens[i].Span.Start]) || !char.IsUpper(text[tokens[i - 1].Span.Start]))
        {
            return -1;
        }

        var word = tokens[i].Span.Of(text);
        var bare = CommonTimeExpressions.StripPossessive(word);
        var name = string.Concat(tokens[i - 1].Span.Of(text), " ", bare);
        if (!TimeWords.Shipped.Holidays.TryGetValue(name, out var monthDay))
        {
            return -1;
        }

        var next = i + 1 < tokens.Length ? tokens[i + 1].Span.Of(text) : default;
        if (next is "'s" or "’s" && i + 2 < tokens.Length)
        {
            next = tokens[i + 2].Span.Of(text);
        }

        if (next.Equals("Eve", StringComparison.Ordinal) || CommonTimeExpressions.IsHolidayInName(text, tokens, i - 1, i))
        {
            return -1; // the day before has no reading of its own; a holiday inside a longer name is not the day
        }

        added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, tokens[i].Span.Start + bare.Length), "date", "XXXX-" + monthDay, null, "lenient"));
        return 0;
    }

    /// <summary>"five-hour", "16-hour", "two-day" (an amount), "third-quarter" (the quarter), "mid-March", "late-November" (the month).</summary>
    private static int Hyphenated(string text, ReadOnlySpan<Token> tokens, int i, int hyphen, List<TimeCandidate> added)
    {
        var token = tokens[i];
        var word = token.Span.Of(text);
        var tail = word[(hyphen + 1)..];
        if (TimeWords.Shipped.Months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tail, out var month))
        {
            if (!char.IsUpper(tail[0]) || !TimeWords.Shipped.HyphenEdges.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word[..hyphen]))
            {
                return -1;
            }

            added.Add(new TimeCandidate(token.Span, "daterange", "XXXX-" + month.ToString("D2", CultureInfo.InvariantCulture), null, "lenient"));
            return 0;
        }

        if (tail.Equals("quarter", StringComparison.OrdinalIgnoreCase) &&
            TimeWords.Shipped.Ordinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word[..hyphen], out var quarter) && quarter is >= 1 and <= 4)
        {
            added.Add(new TimeCandidate(token.Span, "daterange", CommonTimeExpressions.QuarterTimex(quarter), null, "lenient")); // "third-quarter profits"
            return 0;
        }

        if (word.Count('-') != 1 || IsAge(text, tokens, i))
        {
            return -1; // "47-year-old", "a year-by-year"
        }

        var phrase = string.Concat(word[..hyphen], " ", tail);
        if (DurationPhrase.Read(phrase) is not { } duration || !NumberReader.TryRead(word[..hyphen], out var value, out var length) || length != hyphen || value <= 0)
        {
            return -1;
        }

        added.Add(new TimeCandidate(token.Span, "duration", duration, null, "lenient"));
        return 0;
    }

    /// <summary>"a five year low": the article is not a number before the amount.</summary>
    private static bool IsArticle(ReadOnlySpan<char> word) => word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase);

    /// <summary>"47 years old", "a 10-year-old": an age, not a time.</summary>
    private static bool IsAge(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var next = i + 1 < tokens.Length ? tokens[i + 1].Span.Of(text) : default;
        return next.Equals("old", StringComparison.OrdinalIgnoreCase) || next.StartsWith("-old", StringComparison.OrdinalIgnoreCase) ||
               (next is "-" && i + 2 < tokens.Length && tokens[i + 2].Span.Of(text).StartsWith("old", StringComparison.OrdinalIgnoreCase)) ||
               tokens[i].Span.Of(text).EndsWith("-old", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"2000 people", "2000 %": a number of things after the year's digits.</summary>
    private static bool IsAmountAfter(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var next = tokens[i + 1];
        var word = next.Span.Of(text);
        return word is "%" || word.Equals("percent", StringComparison.OrdinalIgnoreCase) || word.Equals("per", StringComparison.OrdinalIgnoreCase) ||
               (next.Kind == TokenKind.Word && char.IsLower(word[0]) && TimeWords.Shipped.Triggers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));
    }

    /// <summary>True when tokens <paramref name="j"/>, j+1, j+2 are "YYYY", "-", "YYYY" written together ("2009-2010").</summary>
    private static bool IsYearRangeAt(string text, ReadOnlySpan<Token> tokens, int j) =>
        j >= 0 && j + 2 < tokens.Length && tokens[j + 1].Span.Of(text) is "-" or "–" &&
        tokens[j].Span.End == tokens[j + 1].Span.Start && tokens[j + 1].Span.End == tokens[j + 2].Span.Start &&
        CommonTimeExpressions.IsYearDigits(tokens[j].Span.Of(text)) && CommonTimeExpressions.IsYearDigits(tokens[j + 2].Span.Of(text));
}
