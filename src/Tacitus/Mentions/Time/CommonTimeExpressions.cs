using System.Collections.Frozen;
using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// The fast path in front of the recogniser: reads the common, simple time expressions of news itself ("Tuesday",
/// "in March", "in 2004", "last year", "next week", "yesterday", "now", "three years", "two days ago", "annual") and
/// writes the same timex the recogniser would. A window is read here only when every trigger in it is one of these
/// forms and nothing around it could make a longer expression ("early", "the end of", a day number, a range);
/// anything else goes to the recogniser. Most windows in news are simple, and the recogniser costs ≈0.4 ms a call.
/// </summary>
internal static class CommonTimeExpressions
{
    /// <summary>Words before a trigger that can make a longer or different expression: the window goes to the recogniser.</summary>
    private static readonly FrozenSet<string> ComplexBefore = new[]
    {
        "early", "late", "mid", "end", "beginning", "start", "middle", "half", "of", "to", "through", "between", "from", "-", "–",
        "—", "/", "every", "each", "per", "the", "last", "next", "this", "that", "coming", "past", "following", "previous", "first",
        "final", "recent", "same", "until", "till", "within", "a", "an", "once", "twice", "later", "earlier", "$", "£", "€", "no",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a trigger that make a longer expression ("March of 2004", "Tuesday next week", "two days ago").</summary>
    private static readonly FrozenSet<string> ComplexAfter = new[]
    {
        "of", "last", "next", "this", "ago", "later", "earlier", "before", "after", "old", "-", "–", "—", "/", "'s", "’s",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Joining words that make a range or a list only when another time or number follows them.</summary>
    private static readonly FrozenSet<string> Joins = new[] { "to", "through", "until", "till", "and", "or", "-", "–" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> Weekdays = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = 1, ["tuesday"] = 2, ["wednesday"] = 3, ["thursday"] = 4, ["friday"] = 5, ["saturday"] = 6, ["sunday"] = 7,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> Sets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["annual"] = "P1Y", ["annually"] = "P1Y", ["yearly"] = "P1Y", ["daily"] = "P1D", ["weekly"] = "P1W", ["monthly"] = "P1M", ["hourly"] = "PT1H",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> DurationUnits = new[]
    {
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Modifiers = new[]
    {
        "about", "around", "nearly", "almost", "some", "roughly", "approximately", "over", "under",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the window's expressions into <paramref name="found"/> if every trigger in tokens
    /// <c>[first, last]</c> is a common form; returns false (and adds nothing) otherwise.
    /// </summary>
    public static bool TryRead(string text, ReadOnlySpan<Token> tokens, int first, int last, DateOnly? published, List<TimeCandidate> found)
    {
        var added = new List<TimeCandidate>(2);
        for (var i = first; i <= last; i++)
        {
            if (!TimeTriggers.IsTrigger(text, tokens, i))
            {
                continue;
            }

            var consumed = Read(text, tokens, i, published, added);
            if (consumed < 0)
            {
                return false;
            }

            i += consumed;
        }

        found.AddRange(added);
        return true;
    }

    /// <summary>Reads the expression at trigger <paramref name="i"/>: extra tokens consumed after it, or -1 when not common.</summary>
    private static int Read(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? published, List<TimeCandidate> added)
    {
        var token = tokens[i];
        var word = token.Span.Of(text);
        var bare = StripPossessive(word);
        var prev = i > 0 ? tokens[i - 1].Span.Of(text) : default;
        var next = i + 1 < tokens.Length ? tokens[i + 1].Span.Of(text) : default;
        var nextIsNumber = i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Number;
        var mod = prev.Equals("since", StringComparison.OrdinalIgnoreCase) ? "since" : null;
        var span = token.Span;

        if (token.Kind == TokenKind.Number)
        {
            // a year: "in 2004", "since 1998"
            if (word.Length != 4 || word.IndexOfAnyExceptInRange('0', '9') >= 0 || word[0] is not ('1' or '2') ||
                int.Parse(word, CultureInfo.InvariantCulture) is < 1900 or > 2099 || IsComplexBefore(prev) || IsComplexAfter(text, tokens, i) ||
                (i > 0 && tokens[i - 1].Kind is TokenKind.Number or TokenKind.Symbol))
            {
                return -1;
            }

            added.Add(new TimeCandidate(span, "daterange", word.ToString(), mod, "common"));
            return 0;
        }

        if (word.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            added.Add(new TimeCandidate(span, "datetime", "PRESENT_REF", null, "common"));
            return 0;
        }

        if (word.Equals("recently", StringComparison.OrdinalIgnoreCase))
        {
            added.Add(new TimeCandidate(span, "datetime", "PAST_REF", null, "common"));
            return 0;
        }

        if (word.Equals("currently", StringComparison.OrdinalIgnoreCase))
        {
            return 0; // no expression of its own
        }

        if (Sets.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var set))
        {
            added.Add(new TimeCandidate(span, "set", set, null, "common"));
            return 0;
        }

        if (DayOffset(word) is { } offset)
        {
            if (IsComplexBefore(prev) || IsComplexAfter(text, tokens, i))
            {
                return -1;
            }

            if (published is not { } p)
            {
                return 0; // a day counted from a publication date we do not know: no value
            }

            var day = DayWord(word, p, offset);
            var kind = word.Equals("tonight", StringComparison.OrdinalIgnoreCase) ? "datetimerange" : "date";
            added.Add(new TimeCandidate(span, kind, day, null, "common"));
            return 0;
        }

        if (Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(bare, out var weekday))
        {
            if (IsComplexBefore(prev) || IsComplexAfter(text, tokens, i) || (i > 0 && tokens[i - 1].Kind == TokenKind.Number) ||
                (i + 1 < tokens.Length && char.IsUpper(text[tokens[i + 1].Span.Start]) && tokens[i + 1].Kind == TokenKind.Word && !TimeTriggers.IsTrigger(text, tokens, i + 1)))
            {
                return -1;
            }

            added.Add(new TimeCandidate(span, "date", "XXXX-WXX-" + (char)('0' + weekday), mod, "common"));
            return 0;
        }

        if (Months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(bare, out var month))
        {
            // "May" at the start of a sentence may be the verb; a day or year next to a month makes a longer date
            if (IsComplexBefore(prev) || IsComplexAfter(text, tokens, i) || i == 0 || !char.IsUpper(word[0]) ||
                (i > 0 && tokens[i - 1].Kind == TokenKind.Number))
            {
                return -1;
            }

            added.Add(new TimeCandidate(span, "daterange", "XXXX-" + month.ToString("D2", CultureInfo.InvariantCulture), mod, "common"));
            return 0;
        }

        if (bare.Equals("year", StringComparison.OrdinalIgnoreCase) || bare.Equals("month", StringComparison.OrdinalIgnoreCase) ||
            bare.Equals("week", StringComparison.OrdinalIgnoreCase))
        {
            return RelativePeriod(text, tokens, i, bare, published, added);
        }

        if (word.Equals("quarter", StringComparison.OrdinalIgnoreCase))
        {
            return Quarter(text, tokens, i, added);
        }

        if (DurationUnits.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return Amount(text, tokens, i, published, added);
        }

        return -1;
    }

    /// <summary>"last year", "this month", "next week": the recogniser's values ("2018", "2019-01", "2019-W03").</summary>
    private static int RelativePeriod(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> unit, DateOnly? date, List<TimeCandidate> added)
    {
        if (i == 0)
        {
            return -1;
        }

        var which = tokens[i - 1].Span.Of(text);
        var step = which.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1 :
                   which.Equals("this", StringComparison.OrdinalIgnoreCase) ? 0 :
                   which.Equals("next", StringComparison.OrdinalIgnoreCase) ? 1 : (int?)null;
        var before = i >= 2 ? tokens[i - 2].Span.Of(text) : default;
        if (step is not { } s || IsComplexBefore(before) || IsComplexAfter(text, tokens, i))
        {
            return -1;
        }

        if (date is not { } published)
        {
            return 0; // "last year" of a publication date we do not know: no value
        }

        string timex;
        if (unit.Equals("year", StringComparison.OrdinalIgnoreCase))
        {
            timex = (published.Year + s).ToString("D4", CultureInfo.InvariantCulture);
        }
        else if (unit.Equals("month", StringComparison.OrdinalIgnoreCase))
        {
            var m = published.AddMonths(s);
            timex = $"{m.Year:D4}-{m.Month:D2}";
        }
        else
        {
            var d = published.AddDays(7 * s).ToDateTime(TimeOnly.MinValue);
            timex = $"{ISOWeek.GetYear(d):D4}-W{ISOWeek.GetWeekOfYear(d):D2}";
        }

        var end = tokens[i].Span.End;
        if (tokens[i].Span.Of(text) is var w && w.Length > unit.Length)
        {
            end = tokens[i].Span.Start + unit.Length; // "this year's": the expression is "this year"
        }

        added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, end), "daterange", timex, null, "common"));
        return 0;
    }

    /// <summary>"three years", "40 minutes", "about five years", "two days ago". Not ranges, not "the past three years".</summary>
    private static int Amount(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? date, List<TimeCandidate> added)
    {
        if (i == 0)
        {
            return -1;
        }

        var number = tokens[i - 1];
        var amount = number.Span.Of(text);
        var vague = amount.Equals("few", StringComparison.OrdinalIgnoreCase) || amount.Equals("several", StringComparison.OrdinalIgnoreCase);
        var value = 0.0;
        if (!vague && (!NumberReader.TryRead(amount, out value, out var length) || length != number.Span.Length ||
            amount.Equals("a", StringComparison.OrdinalIgnoreCase) || amount.Equals("an", StringComparison.OrdinalIgnoreCase) ||
            value != Math.Floor(value) || value <= 0))
        {
            return -1;
        }

        var start = number.Span.Start;
        var lookback = false;
        if (i >= 2)
        {
            var before = tokens[i - 2];
            var b = before.Span.Of(text);
            if (i >= 3 && IsLookback(b) && tokens[i - 3].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase) &&
                (i < 4 || !IsComplexBefore(tokens[i - 4].Span.Of(text))))
            {
                start = tokens[i - 3].Span.Start; // "the past five years": an amount of time up to now
                lookback = true;
            }
            else if (before.Kind == TokenKind.Number || NumberReader.TryRead(b, out _, out _) || IsComplexBefore(b) ||
                     b.Equals("than", StringComparison.OrdinalIgnoreCase) || b.Equals("least", StringComparison.OrdinalIgnoreCase) ||
                     b.Equals("recent", StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }
            else if (Modifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(b))
            {
                start = before.Span.Start;
            }
        }

        if (vague && !lookback)
        {
            return -1;
        }

        var next = i + 1 < tokens.Length ? tokens[i + 1].Span.Of(text) : default;
        if (next.Equals("ago", StringComparison.OrdinalIgnoreCase))
        {
            if (date is not { } published)
            {
                return 1; // "two days ago" of a publication date we do not know: no value
            }

            var unit = tokens[i].Span.Of(text);

            // "6,000 years ago" lies before the calendar DateOnly can hold: no calendar date for it.
            var daysBack = unit.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? value * 366 :
                           unit.StartsWith("month", StringComparison.OrdinalIgnoreCase) ? value * 31 :
                           unit.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? value * 7 : value;
            if (value < 0 || daysBack >= published.DayNumber)
            {
                return -1;
            }

            var n = (int)value;
            var past = unit.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? published.AddYears(-n) :
                       unit.StartsWith("month", StringComparison.OrdinalIgnoreCase) ? published.AddMonths(-n) :
                       unit.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? published.AddDays(-7 * n) :
                       unit.StartsWith("day", StringComparison.OrdinalIgnoreCase) ? published.AddDays(-n) : (DateOnly?)null;
            if (past is not { } d)
            {
                return -1;
            }

            added.Add(new TimeCandidate(new TextSpan(start, tokens[i + 1].Span.End), "date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, "common"));
            return 1;
        }

        if (IsComplexAfter(text, tokens, i) || lookback && next.Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        var span = new TextSpan(start, tokens[i].Span.End);
        if (DurationPhrase.Read(span.Of(text)) is not { } duration)
        {
            return -1;
        }

        added.Add(new TimeCandidate(span, "duration", duration, null, "common"));
        return 0;
    }

    private static bool IsLookback(ReadOnlySpan<char> word) =>
        word.Equals("past", StringComparison.OrdinalIgnoreCase) || word.Equals("last", StringComparison.OrdinalIgnoreCase) ||
        word.Equals("next", StringComparison.OrdinalIgnoreCase) || word.Equals("coming", StringComparison.OrdinalIgnoreCase) ||
        word.Equals("previous", StringComparison.OrdinalIgnoreCase) || word.Equals("following", StringComparison.OrdinalIgnoreCase);

    /// <summary>"the third quarter", "fourth quarter": the recogniser's range for the quarter, year left open.</summary>
    private static int Quarter(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        if (i == 0 || !Ordinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tokens[i - 1].Span.Of(text), out var q) || IsComplexAfter(text, tokens, i))
        {
            return -1;
        }

        var start = tokens[i - 1].Span.Start;
        if (i >= 2)
        {
            var before = tokens[i - 2].Span.Of(text);
            if (before.Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                start = tokens[i - 2].Span.Start;
            }
            else if (IsComplexBefore(before) || tokens[i - 2].Kind == TokenKind.Number)
            {
                return -1;
            }
        }

        var first = (q * 3) - 2;
        var timex = $"(XXXX-{first:D2}-01,XXXX-{(first + 2) % 12 + 1:D2}-01,P3M)";
        added.Add(new TimeCandidate(new TextSpan(start, tokens[i].Span.End), "daterange", timex, null, "common"));
        return 0;
    }

    private static int? DayOffset(ReadOnlySpan<char> word) =>
        word.Equals("yesterday", StringComparison.OrdinalIgnoreCase) ? -1 :
        word.Equals("today", StringComparison.OrdinalIgnoreCase) || word.Equals("tonight", StringComparison.OrdinalIgnoreCase) ? 0 :
        word.Equals("tomorrow", StringComparison.OrdinalIgnoreCase) ? 1 : null;

    private static string DayWord(ReadOnlySpan<char> word, DateOnly published, int offset)
    {
        var value = published.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return word.Equals("tonight", StringComparison.OrdinalIgnoreCase) ? value + "TNI" : value;
    }

    private static bool IsComplexBefore(ReadOnlySpan<char> word) => !word.IsEmpty && ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>True when the token after position <paramref name="i"/> starts something longer.</summary>
    private static bool IsComplexAfter(string text, ReadOnlySpan<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Length)
        {
            return false;
        }

        var next = tokens[i + 1];
        var word = next.Span.Of(text);
        if (next.Kind == TokenKind.Number || ComplexAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        return Joins.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && i + 2 < tokens.Length &&
               (tokens[i + 2].Kind == TokenKind.Number || TimeTriggers.IsTrigger(text, tokens, i + 2));
    }

    private static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) ? word[..^2] : word;
}
