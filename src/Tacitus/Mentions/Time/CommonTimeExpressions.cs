using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// The fast path in front of the recogniser: reads the common, simple time expressions of news itself ("Tuesday",
/// "in March", "in 2004", "3 March", "December 2004", "last year", "next week", "yesterday", "now", "three years",
/// "two days ago", "a year ago", "the 1990s", "annual") and writes the same timex the recogniser would (the words: data/time/words.tsv). A window is read here only when every trigger in it is one of these
/// forms and nothing around it could make a longer expression ("early", "the end of", a day number, a range);
/// anything else goes to the recogniser. Most windows in news are simple, and the recogniser costs ≈0.4 ms a call.
/// </summary>
internal static class CommonTimeExpressions
{
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

    /// <summary>
    /// Reads every expression of the window the rules can read into <paramref name="found"/>, and passes over the
    /// triggers they cannot (the rules-only date reader: no recogniser behind them).
    /// </summary>
    public static void ReadAll(string text, ReadOnlySpan<Token> tokens, int first, int last, DateOnly? published, List<TimeCandidate> found)
    {
        for (var i = first; i <= last; i++)
        {
            if (!TimeTriggers.IsTrigger(text, tokens, i))
            {
                continue;
            }

            var before = found.Count;
            var consumed = Read(text, tokens, i, published, found);
            if (consumed < 0)
            {
                found.RemoveRange(before, found.Count - before); // a reader that gave up may have added a part
                consumed = Read(text, tokens, i, published, found, lenient: true);
            }

            if (consumed < 0)
            {
                found.RemoveRange(before, found.Count - before);
                continue;
            }

            i += consumed;
        }
    }

    /// <summary>
    /// Reads the expression at trigger <paramref name="i"/>: extra tokens consumed after it, or -1 when not common.
    /// <paramref name="lenient"/>: the second try of the rules-only reader, with no recogniser behind it. The context
    /// that would make a longer expression ("until Thursday", "the 1996 games", "three days of talks", "late November")
    /// no longer sends the expression away; its core is read (the weekday, the year, the amount, the month), which is
    /// what the longer expression's value is in most news.
    /// </summary>
    private static int Read(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? published, List<TimeCandidate> added, bool lenient = false)
    {
        if (lenient && ClockTimes.Read(text, tokens, i, added) is >= 0 and var clock)
        {
            return clock;
        }

        if (lenient && tokens[i].Kind == TokenKind.Number && LenientExpressions.IsoDate(text, tokens, i, added) is >= 0 and var iso)
        {
            return iso;
        }

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
            if (word.Length == 5 && word[^1] == 's')
            {
                var decade = Decade(text, tokens, i, added);
                return decade >= 0 || !lenient ? decade : LenientExpressions.Decade(text, tokens, i, added);
            }

            // a year: "in 2004", "since 1998"
            if (word.Length != 4 || word.IndexOfAnyExceptInRange('0', '9') >= 0 || word[0] is not ('1' or '2') ||
                int.Parse(word, CultureInfo.InvariantCulture) is < 1900 or > 2099)
            {
                return -1;
            }

            if (IsComplexBefore(prev) || IsComplexAfter(text, tokens, i) || (i > 0 && tokens[i - 1].Kind is TokenKind.Number or TokenKind.Symbol))
            {
                var before = added.Count;
                var year = YearExpressions.Read(text, tokens, i, added);
                if (year >= 0 || !lenient)
                {
                    return year;
                }

                added.RemoveRange(before, added.Count - before);
                return LenientExpressions.Year(text, tokens, i, added);
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

        if (TimeWords.Shipped.Sets.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var set))
        {
            added.Add(new TimeCandidate(span, "set", set, null, "common"));
            return 0;
        }

        if (DayOffset(word) is { } offset)
        {
            if (!lenient && (IsComplexBefore(prev) || IsComplexAfter(text, tokens, i)))
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

        if (TimeWords.Shipped.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(bare, out var weekday))
        {
            if ((!lenient && (IsComplexBefore(prev) || IsComplexAfter(text, tokens, i))) || (i > 0 && tokens[i - 1].Kind == TokenKind.Number) ||
                (!lenient && next is "," && i + 2 < tokens.Length && (tokens[i + 2].Kind == TokenKind.Number || TimeWords.Shipped.Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(tokens[i + 2].Span.Of(text)))) ||
                (i + 1 < tokens.Length && char.IsUpper(text[tokens[i + 1].Span.Start]) && tokens[i + 1].Kind == TokenKind.Word && !TimeTriggers.IsTrigger(text, tokens, i + 1)))
            {
                return -1;
            }

            if (PeriodExpressions.WeekdayPart(text, tokens, i, weekday, mod) is { } withPart)
            {
                added.Add(withPart); // "Friday night"
                return 1;
            }

            added.Add(new TimeCandidate(span, "date", "XXXX-WXX-" + (char)('0' + weekday), mod, "common"));
            return 0;
        }

        if (TimeWords.Shipped.Months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(bare, out var month) ||
            TimeWords.Shipped.MonthAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(bare, out month))
        {
            return Month(text, tokens, i, month, added, lenient);
        }

        if ((prev.Equals("a", StringComparison.OrdinalIgnoreCase) || prev.Equals("an", StringComparison.OrdinalIgnoreCase)) && next.Equals("ago", StringComparison.OrdinalIgnoreCase) &&
            TimeWords.Shipped.PeriodUnits.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return Amount(text, tokens, i, published, added); // "a year ago"
        }

        if (bare.Equals("year", StringComparison.OrdinalIgnoreCase) || bare.Equals("month", StringComparison.OrdinalIgnoreCase) ||
            bare.Equals("week", StringComparison.OrdinalIgnoreCase))
        {
            var relative = RelativePeriod(text, tokens, i, bare, published, added, lenient);
            return relative >= 0 ? relative : PeriodExpressions.Read(text, tokens, i, published, added) ?? (lenient ? LenientExpressions.Core(text, tokens, i, published, added) : -1);
        }

        if (word.Equals("quarter", StringComparison.OrdinalIgnoreCase))
        {
            var quarter = Quarter(text, tokens, i, added);

            // "a quarter of the workers": a share, not a time
            return quarter >= 0 || !(prev.Equals("a", StringComparison.OrdinalIgnoreCase) && next.Equals("of", StringComparison.OrdinalIgnoreCase)) ? quarter : 0;
        }

        if (TimeWords.Shipped.DurationUnits.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            var amount = Amount(text, tokens, i, published, added);
            return amount >= 0 ? amount : PeriodExpressions.Read(text, tokens, i, published, added) ?? (lenient ? LenientExpressions.Core(text, tokens, i, published, added) : -1);
        }

        return PeriodExpressions.Read(text, tokens, i, published, added) ?? (lenient ? LenientExpressions.Core(text, tokens, i, published, added) : -1);
    }

    /// <summary>
    /// A month name and the day and year written with it: "March", "2 February", "March 3", "December 2004",
    /// "31 December 2004", "March 3, 2004" — the recogniser's timex ("XXXX-03", "XXXX-02-02", "2004-12", "2004-12-31").
    /// Ranges, lists and other forms ("2nd", "the 3rd of March", "mid-March") are left to the recogniser.
    /// </summary>
    private static int Month(string text, ReadOnlySpan<Token> tokens, int i, int month, List<TimeCandidate> added, bool lenient = false)
    {
        var word = tokens[i].Span.Of(text);

        // "May" at the start of a sentence may be the verb; possessives ("March's") are left to the recogniser
        var startsSentence = i == 0 && !(lenient && month != 5);
        if (startsSentence || !char.IsUpper(word[0]) || StripPossessive(word).Length != word.Length)
        {
            return i == 0 || !char.IsUpper(word[0]) ? -1 : MonthOnly(text, tokens, i, month, added);
        }

        var first = i;
        var last = i;
        int? day = null;
        int? year = null;
        if (DayNumber(text, tokens, i - 1) is { } before)
        {
            day = before;
            first = i - 1;
        }
        else if (DayNumber(text, tokens, i + 1) is { } after && (i + 2 >= tokens.Length || !IsNumberJoin(text, tokens, i + 2)))
        {
            day = after;
            last = i + 1;
        }

        // the year: right after the month or day, or after a comma ("March 3, 2004", "15 December, 1953")
        var next = last + 1;
        if (next < tokens.Length && text[tokens[next].Span.Start] == ',' && tokens[next].Span.Length == 1 && YearNumber(text, tokens, next + 1) is { } commaYear)
        {
            year = commaYear;
            last = next + 1;
        }
        else if (YearNumber(text, tokens, next) is { } plainYear)
        {
            year = plainYear;
            last = next;
        }

        // "around 5 May", "starting on 21 March", "pre-11 September", "Tuesday, 1 March": the recogniser reads more
        var prev = first > 0 ? tokens[first - 1].Span.Of(text) : default;
        var further = first > 1 ? tokens[first - 2].Span.Of(text) : default;
        var longer = IsComplexBefore(prev) || IsComplexAfter(text, tokens, last) || (first > 0 && tokens[first - 1].Kind is TokenKind.Number or TokenKind.Symbol) ||
            (!prev.IsEmpty && char.IsAsciiDigit(prev[^1])) || TimeWords.Shipped.Modifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev) ||
            (TimeWords.Shipped.LeadingSignals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev) && TimeWords.Shipped.ComplexBeforeSignal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(further)) ||
            (prev is "," && TimeWords.Shipped.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(further));
        if ((longer && !lenient) ||
            (day is { } d && d > DateTime.DaysInMonth(year ?? 2000, month)))
        {
            return -1;
        }

        if (lenient && day is null && first > 0 && TimeWords.Shipped.EdgeAdjectives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev))
        {
            first--; // "late November": the month, the edge in the extent
        }

        var mod = prev.Equals("since", StringComparison.OrdinalIgnoreCase) ? "since" : null;
        var y = year is { } yy ? yy.ToString("D4", CultureInfo.InvariantCulture) : "XXXX";
        var m = month.ToString("D2", CultureInfo.InvariantCulture);
        var timex = day is { } dd ? $"{y}-{m}-{dd:D2}" : $"{y}-{m}";
        added.Add(new TimeCandidate(new TextSpan(tokens[first].Span.Start, tokens[last].Span.End), day is null ? "daterange" : "date", timex, mod, "common"));
        return last - i;
    }

    /// <summary>A month name alone (a possessive one: "March's figures").</summary>
    private static int MonthOnly(string text, ReadOnlySpan<Token> tokens, int i, int month, List<TimeCandidate> added)
    {
        var prev = tokens[i - 1].Span.Of(text);
        if (IsComplexBefore(prev) || IsComplexAfter(text, tokens, i) || tokens[i - 1].Kind == TokenKind.Number)
        {
            return -1;
        }

        var mod = prev.Equals("since", StringComparison.OrdinalIgnoreCase) ? "since" : null;
        added.Add(new TimeCandidate(tokens[i].Span, "daterange", "XXXX-" + month.ToString("D2", CultureInfo.InvariantCulture), mod, "common"));
        return 0;
    }

    /// <summary>A day of the month written in digits ("3", "31"), standing apart from the tokens around it.</summary>
    private static int? DayNumber(string text, ReadOnlySpan<Token> tokens, int j)
    {
        if (j < 0 || j >= tokens.Length || tokens[j].Kind != TokenKind.Number)
        {
            return null;
        }

        var w = tokens[j].Span.Of(text);
        if (w.Length is < 1 or > 2 || w.IndexOfAnyExceptInRange('0', '9') >= 0 || IsWrittenTogether(text, tokens, j))
        {
            return null;
        }

        var n = int.Parse(w, CultureInfo.InvariantCulture);
        return n is >= 1 and <= 31 ? n : null;
    }

    /// <summary>Four digits that make a year of 1900–2099.</summary>
    internal static bool IsYearDigits(ReadOnlySpan<char> word) =>
        word.Length == 4 && word.IndexOfAnyExceptInRange('0', '9') < 0 && int.Parse(word, CultureInfo.InvariantCulture) is >= 1900 and <= 2099;

    /// <summary>A year written in four digits, 1900–2099, standing apart from the tokens around it.</summary>
    internal static int? YearNumber(string text, ReadOnlySpan<Token> tokens, int j)
    {
        if (j < 0 || j >= tokens.Length || tokens[j].Kind != TokenKind.Number)
        {
            return null;
        }

        var w = tokens[j].Span.Of(text);
        if (w.Length != 4 || w.IndexOfAnyExceptInRange('0', '9') >= 0 || IsWrittenTogether(text, tokens, j))
        {
            return null;
        }

        var n = int.Parse(w, CultureInfo.InvariantCulture);
        return n is >= 1900 and <= 2099 ? n : null;
    }

    /// <summary>
    /// True when token <paramref name="j"/> touches a neighbour that continues it ("3-4", "3/4", "£3", "3m"): part of a
    /// longer written form. Punctuation that ends a phrase ("3,", "2004.", "(2004)") does not.
    /// </summary>
    private static bool IsWrittenTogether(string text, ReadOnlySpan<Token> tokens, int j) =>
        (j > 0 && tokens[j - 1].Span.End == tokens[j].Span.Start && !IsPhrasePunctuation(text[tokens[j - 1].Span.End - 1])) ||
        (j + 1 < tokens.Length && tokens[j + 1].Span.Start == tokens[j].Span.End && !IsPhrasePunctuation(text[tokens[j + 1].Span.Start]));

    internal static bool IsPhrasePunctuation(char c) => c is ',' or '.' or ';' or '(' or ')' or '"' or '“' or '”' or '!' or '?';

    /// <summary>"March 3 and 4", "March 3 to 5": a join followed by a number makes a list or range.</summary>
    private static bool IsNumberJoin(string text, ReadOnlySpan<Token> tokens, int j) =>
        TimeWords.Shipped.Joins.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[j].Span.Of(text)) && j + 1 < tokens.Length && tokens[j + 1].Kind == TokenKind.Number;

    /// <summary>"last year", "this month", "next week": the recogniser's values ("2018", "2019-01", "2019-W03").</summary>
    private static int RelativePeriod(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> unit, DateOnly? date, List<TimeCandidate> added, bool lenient = false)
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

        // "last year's figures": the expression is "last year", the clitic is not part of it
        var possessive = i + 1 < tokens.Length && IsPossessiveClitic(tokens[i + 1].Span.Of(text));
        if (step is not { } s || (!lenient && IsComplexAfter(text, tokens, possessive ? i + 1 : i)) ||
            (i >= 2 && tokens[i - 2].Kind is TokenKind.Number or TokenKind.Symbol))
        {
            return -1;
        }

        if (date is not { } published)
        {
            // "last year", "the end of last year", "early next year": counted from a publication date we do not know, no value
            return possessive ? 1 : 0;
        }

        if (!lenient && IsComplexBefore(before))
        {
            return -1;
        }

        var timex = PeriodTimex(unit, published, s);

        var end = tokens[i].Span.End;
        if (tokens[i].Span.Of(text) is var w && w.Length > unit.Length)
        {
            end = tokens[i].Span.Start + unit.Length; // "this year's": the expression is "this year"
        }

        var mod = before.Equals("since", StringComparison.OrdinalIgnoreCase) ? "since" : null; // "since last year": up to now
        added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, end), "daterange", timex, mod, "common"));
        return possessive ? 1 : 0;
    }

    /// <summary>The recogniser's timex of the year, month or ISO week <paramref name="step"/> periods from <paramref name="published"/>.</summary>
    internal static string PeriodTimex(ReadOnlySpan<char> unit, DateOnly published, int step)
    {
        if (unit.Equals("year", StringComparison.OrdinalIgnoreCase))
        {
            return (published.Year + step).ToString("D4", CultureInfo.InvariantCulture);
        }

        if (unit.Equals("month", StringComparison.OrdinalIgnoreCase))
        {
            var m = published.AddMonths(step);
            return $"{m.Year:D4}-{m.Month:D2}";
        }

        var d = published.AddDays(7 * step).ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(d):D4}-W{ISOWeek.GetWeekOfYear(d):D2}";
    }

    private static bool IsPossessiveClitic(ReadOnlySpan<char> word) => word is "'s" or "’s";

    /// <summary>
    /// A decade: "the 1990s" (the recogniser's range "(1990-01-01,2000-01-01,P10Y)", the article taken in) or "1990s"
    /// after a word that makes nothing longer of it. Not a century ("the 1900s"), not "since the 1990s" (a range to now),
    /// not "the early 1990s" (the modifier is read by the recogniser).
    /// </summary>
    private static int Decade(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        var word = tokens[i].Span.Of(text);
        if (word.IndexOfAnyExceptInRange('0', '9') != 4 || word[3] != '0' || word[2] == '0' ||
            int.Parse(word[..4], CultureInfo.InvariantCulture) is < 1000 or > 2099 || IsComplexAfter(text, tokens, i) ||
            (i > 0 && (tokens[i - 1].Kind is TokenKind.Number or TokenKind.Symbol || tokens[i - 1].Span.End == tokens[i].Span.Start)))
        {
            return -1;
        }

        var start = tokens[i].Span.Start;
        var prev = i > 0 ? tokens[i - 1].Span.Of(text) : default;
        if (prev.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            var before = i > 1 ? tokens[i - 2].Span.Of(text) : default;
            if (IsComplexBefore(before) || (TimeWords.Shipped.LeadingSignals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before) && !TimeWords.Shipped.PlainSignals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before)))
            {
                return -1;
            }

            start = tokens[i - 1].Span.Start;
        }
        else if (IsComplexBefore(prev) || TimeWords.Shipped.LeadingSignals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev))
        {
            return -1;
        }

        var first = int.Parse(word[..4], CultureInfo.InvariantCulture);
        added.Add(new TimeCandidate(new TextSpan(start, tokens[i].Span.End), "daterange", $"({first:D4}-01-01,{first + 10:D4}-01-01,P10Y)", null, "common"));
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

        // "a year ago" is a point in time; "a year" alone is read by the recogniser ("25% a year", "in a year")
        var single = amount.Equals("a", StringComparison.OrdinalIgnoreCase) || amount.Equals("an", StringComparison.OrdinalIgnoreCase);
        var value = 1.0;
        if (single)
        {
            if (i + 1 >= tokens.Length || !tokens[i + 1].Span.Of(text).Equals("ago", StringComparison.OrdinalIgnoreCase) ||
                (i >= 2 && TimeWords.Shipped.Modifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i - 2].Span.Of(text))))
            {
                return -1;
            }
        }
        else if (!vague && (!NumberReader.TryRead(amount, out value, out var length) || length != number.Span.Length ||
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
            else if (TimeWords.Shipped.Modifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(b))
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
        if (i == 0 || !TimeWords.Shipped.Ordinals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tokens[i - 1].Span.Of(text), out var q) || IsComplexAfter(text, tokens, i))
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

        added.Add(new TimeCandidate(new TextSpan(start, tokens[i].Span.End), "daterange", QuarterTimex(q), null, "common"));
        return 0;
    }

    /// <summary>The recogniser's range for quarter <paramref name="q"/> (1–4), year left open.</summary>
    internal static string QuarterTimex(int q)
    {
        var first = (q * 3) - 2;
        return $"(XXXX-{first:D2}-01,XXXX-{(first + 2) % 12 + 1:D2}-01,P3M)";
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

    private static bool IsComplexBefore(ReadOnlySpan<char> word) => !word.IsEmpty && TimeWords.Shipped.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>True when the token after position <paramref name="i"/> starts something longer.</summary>
    internal static bool IsComplexAfter(string text, ReadOnlySpan<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Length)
        {
            return false;
        }

        var next = tokens[i + 1];
        var word = next.Span.Of(text);
        if (next.Kind == TokenKind.Number || TimeWords.Shipped.ComplexAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        return TimeWords.Shipped.Joins.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && i + 2 < tokens.Length &&
               (tokens[i + 2].Kind == TokenKind.Number || TimeTriggers.IsTrigger(text, tokens, i + 2));
    }

    /// <summary>
    /// True when a holiday's words <paramref name="first"/>..<paramref name="last"/> sit inside a longer name: a
    /// capitalised word before them that does not open the sentence names another calendar's or church's feast ("Lunar
    /// New Year", "Orthodox Christmas"), and one after them (past a possessive; "Day" and "Eve" belong to the holiday)
    /// makes the holiday part of a name ("New Year Honours", "Christmas Island"). Neither is the fixed day.
    /// </summary>
    internal static bool IsHolidayInName(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (first >= 2 && IsCapitalisedWord(text, tokens[first - 1]))
        {
            return true;
        }

        var next = last + 1;
        if (next < tokens.Length && tokens[next].Span.Of(text) is "'s" or "’s")
        {
            next++;
        }

        return next < tokens.Length && IsCapitalisedWord(text, tokens[next]) &&
               tokens[next].Span.Of(text) is not ("Day" or "Eve");
    }

    private static bool IsCapitalisedWord(string text, Token token) =>
        token.Kind == TokenKind.Word && char.IsUpper(text[token.Span.Start]);

    internal static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) ? word[..^2] : word;
}
