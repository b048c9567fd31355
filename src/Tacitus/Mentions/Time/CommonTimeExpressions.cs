using System.Collections.Frozen;
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
    // the shipped tables' span lookups, made once: asking the set for one each call checks its comparer every time
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ComplexAfterLookup = TimeWords.Shipped.ComplexAfter.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ComplexBeforeLookup = TimeWords.Shipped.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ComplexBeforeSignalLookup = TimeWords.Shipped.ComplexBeforeSignal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DistributivesLookup = TimeWords.Shipped.Distributives.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DurationUnitsLookup = TimeWords.Shipped.DurationUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EdgeAdjectivesLookup = TimeWords.Shipped.EdgeAdjectives.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> JoinsLookup = TimeWords.Shipped.Joins.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadingSignalsLookup = TimeWords.Shipped.LeadingSignals.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ModifiersLookup = TimeWords.Shipped.Modifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthAbbreviationsLookup = TimeWords.Shipped.MonthAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthsLookup = TimeWords.Shipped.Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenAfterLookup = TimeWords.Shipped.OpenAfter.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> OrdinalsLookup = TimeWords.Shipped.Ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PartsOfDayLookup = TimeWords.Shipped.PartsOfDay.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PeriodEdgesLookup = TimeWords.Shipped.PeriodEdges.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PeriodUnitsLookup = TimeWords.Shipped.PeriodUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlainSignalsLookup = TimeWords.Shipped.PlainSignals.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SetsLookup = TimeWords.Shipped.Sets.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> StepsLookup = TimeWords.Shipped.Steps.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VagueStepsLookup = TimeWords.Shipped.VagueSteps.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WeekdaysLookup = TimeWords.Shipped.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

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

            if (YearQuarter(text, tokens, i, int.Parse(word, CultureInfo.InvariantCulture), added) is >= 0 and var yearQuarter)
            {
                return yearQuarter;
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
            added.Add(new TimeCandidate(span, "datetime", "PRESENT_REF", null, "common")); // TimeML: the present, as "now"
            return 0;
        }

        if (SetsLookup.TryGetValue(word, out var set))
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
            if (!word.Equals("tonight", StringComparison.OrdinalIgnoreCase) && i + 1 < tokens.Length &&
                PartsOfDayLookup.TryGetValue(next, out var part) && !IsComplexAfter(text, tokens, i + 1))
            {
                // "yesterday morning", "tomorrow night": the day's part of the day
                added.Add(new TimeCandidate(new TextSpan(span.Start, tokens[i + 1].Span.End), "datetimerange", day + "T" + part, null, "common"));
                return 1;
            }

            var kind = word.Equals("tonight", StringComparison.OrdinalIgnoreCase) ? "datetimerange" : "date";
            added.Add(new TimeCandidate(span, kind, day, null, "common"));
            return 0;
        }

        if (WeekdaysLookup.TryGetValue(bare, out var weekday))
        {
            if (SteppedWeekday(text, tokens, i, weekday, published, added) is { } stepped)
            {
                return stepped;
            }

            // "fell 7/8 Thursday", "$1.6145 Wednesday": a price or fraction before the weekday is no day of the month
            if ((!lenient && (IsComplexBefore(prev) || IsComplexAfter(text, tokens, i))) ||
                (i > 0 && tokens[i - 1].Kind == TokenKind.Number && (!lenient || prev.Length <= 2 && prev.IndexOfAnyExceptInRange('0', '9') < 0)) ||
                (next is "," && i + 2 < tokens.Length && ((!lenient && tokens[i + 2].Kind == TokenKind.Number) || IsMonthName(tokens[i + 2].Span.Of(text)))) ||
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

        if (MonthsLookup.TryGetValue(bare, out var month) ||
            MonthAbbreviationsLookup.TryGetValue(bare, out month))
        {
            return Month(text, tokens, i, month, added, lenient);
        }

        if ((prev.Equals("a", StringComparison.OrdinalIgnoreCase) || prev.Equals("an", StringComparison.OrdinalIgnoreCase)) && next.Equals("ago", StringComparison.OrdinalIgnoreCase) &&
            PeriodUnitsLookup.Contains(word))
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
            var quarter = Quarter(text, tokens, i, published, added);

            // "a quarter of the workers": a share, not a time
            return quarter >= 0 || !(prev.Equals("a", StringComparison.OrdinalIgnoreCase) && next.Equals("of", StringComparison.OrdinalIgnoreCase)) ? quarter : 0;
        }

        if (DurationUnitsLookup.Contains(word))
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
        else if (lenient && DayNumber(text, tokens, i + 1) is { } listed && DayNumber(text, tokens, i + 3) is { } other && other > listed)
        {
            return DayList(text, tokens, i, i + 1, i + 3, month, listed, other, added); // "April 24 and 25", "March 3 to 5"
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
            (!prev.IsEmpty && char.IsAsciiDigit(prev[^1])) || ModifiersLookup.Contains(prev) ||
            (LeadingSignalsLookup.Contains(prev) && ComplexBeforeSignalLookup.Contains(further)) ||
            (prev is "," && WeekdaysLookup.ContainsKey(further));
        if ((longer && !lenient) ||
            (day is { } d && d > DateTime.DaysInMonth(year ?? 2000, month)))
        {
            return -1;
        }

        if (lenient && day is { } firstDay && first == i - 1 && first >= 2 &&
            JoinsLookup.Contains(tokens[first - 1].Span.Of(text)) && DayNumber(text, tokens, first - 2) is { } opening && opening < firstDay)
        {
            // "6 to 9 January", "6 and 9 January": the opening day has the month written after the closing one
            added.Add(new TimeCandidate(tokens[first - 2].Span, "date", DayTimex(year, month, opening), null, "common"));
        }

        if (lenient && day is null && first > 0 && EdgeAdjectivesLookup.Contains(prev))
        {
            first--; // "late November": the month, the edge in the extent
        }
        else if (lenient && day is not null && first >= 2 && prev is "," && WeekdaysLookup.ContainsKey(further))
        {
            first -= 2; // "Monday, Oct. 26": one expression, the date
        }
        else if (lenient && first >= 3 && prev.Equals("of", StringComparison.OrdinalIgnoreCase) && PeriodEdgesLookup.Contains(further) &&
                 tokens[first - 3].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            first -= 3; // "the end of February": the month, the edge in the extent
        }

        if (day is null && year is null && DistributivesLookup.Contains(prev))
        {
            // "each July", "every March": the month of every year
            added.Add(new TimeCandidate(new TextSpan(tokens[first - 1].Span.Start, tokens[last].Span.End), "set", "XXXX-" + month.ToString("D2", CultureInfo.InvariantCulture), null, "common"));
            return last - i;
        }

        var mod = prev.Equals("since", StringComparison.OrdinalIgnoreCase) ? "since" : null;
        var y = year is { } yy ? yy.ToString("D4", CultureInfo.InvariantCulture) : "XXXX";
        var m = month.ToString("D2", CultureInfo.InvariantCulture);
        var timex = day is { } dd ? $"{y}-{m}-{dd:D2}" : $"{y}-{m}";
        added.Add(new TimeCandidate(new TextSpan(tokens[first].Span.Start, tokens[last].Span.End), day is null ? "daterange" : "date", timex, mod, "common"));
        return last - i;
    }

    /// <summary>
    /// "last Wednesday", "next Friday": the nearest such weekday before or after the publication date, never the
    /// publication day itself. Extra tokens consumed, or null when no step word comes before the weekday.
    /// </summary>
    private static int? SteppedWeekday(string text, ReadOnlySpan<Token> tokens, int i, int weekday, DateOnly? published, List<TimeCandidate> added)
    {
        if (i == 0 || !StepsLookup.TryGetValue(tokens[i - 1].Span.Of(text), out var step) || step == 0 ||
            VagueStepsLookup.Contains(tokens[i - 1].Span.Of(text)) || !char.IsUpper(text[tokens[i].Span.Start]) ||
            (i >= 2 && (IsComplexBefore(tokens[i - 2].Span.Of(text)) || tokens[i - 2].Kind == TokenKind.Number)) ||
            IsComplexAfter(text, tokens, i + 1 < tokens.Length && IsPossessiveClitic(tokens[i + 1].Span.Of(text)) ? i + 1 : i) ||
            (i + 1 < tokens.Length && PartsOfDayLookup.ContainsKey(tokens[i + 1].Span.Of(text))))
        {
            return null;
        }

        if (published is not { } p)
        {
            return null; // counted from a publication date we do not know: the weekday alone, as any other
        }

        // "last Wednesday" is the one before the publication day, "next Wednesday" the one after: never the day itself
        var date = step < 0 ? WeekdayResolver.Resolve(p.AddDays(-1), weekday, Tense.Past) : WeekdayResolver.Resolve(p.AddDays(1), weekday, Tense.Future);
        var end = tokens[i].Span.Start + StripPossessive(tokens[i].Span.Of(text)).Length;
        added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, end), "date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, "common"));
        return i + 1 < tokens.Length && IsPossessiveClitic(tokens[i + 1].Span.Of(text)) ? 1 : 0;
    }

    /// <summary>
    /// "April 24 and 25", "March 3 to 5": two days of one month, each its own expression as TimeML writes them (a year
    /// after the second day is both days'). Extra tokens consumed after the month at <paramref name="i"/>.
    /// </summary>
    private static int DayList(string text, ReadOnlySpan<Token> tokens, int i, int firstDay, int secondDay, int month, int day, int other, List<TimeCandidate> added)
    {
        var last = secondDay;
        int? year = null;
        if (YearNumber(text, tokens, secondDay + 1) is { } plain)
        {
            year = plain;
            last = secondDay + 1;
        }
        else if (secondDay + 2 < tokens.Length && tokens[secondDay + 1].Span.Of(text) is "," && YearNumber(text, tokens, secondDay + 2) is { } afterComma)
        {
            year = afterComma;
            last = secondDay + 2;
        }

        if (other > DateTime.DaysInMonth(year ?? 2000, month))
        {
            return -1;
        }

        added.Add(new TimeCandidate(new TextSpan(tokens[i].Span.Start, tokens[firstDay].Span.End), "date", DayTimex(year, month, day), null, "common"));
        added.Add(new TimeCandidate(new TextSpan(tokens[secondDay].Span.Start, tokens[last].Span.End), "date", DayTimex(year, month, other), null, "common"));
        return last - i;
    }

    private static string DayTimex(int? year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{(year is { } y ? y.ToString("D4", CultureInfo.InvariantCulture) : "XXXX")}-{month:D2}-{day:D2}");

    private static bool IsMonthName(ReadOnlySpan<char> word) =>
        MonthsLookup.ContainsKey(word) || MonthAbbreviationsLookup.ContainsKey(word);

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
        (j + 1 < tokens.Length && tokens[j + 1].Span.Start == tokens[j].Span.End && !IsPhrasePunctuation(text[tokens[j + 1].Span.Start]) && !IsClosingColon(text, tokens[j + 1].Span.Start));

    /// <summary>"Oct. 26: the ruling": a colon that ends the phrase (a space after it), not "10:30".</summary>
    private static bool IsClosingColon(string text, int at) => text[at] == ':' && (at + 1 >= text.Length || char.IsWhiteSpace(text[at + 1]));

    internal static bool IsPhrasePunctuation(char c) => c is ',' or '.' or ';' or '(' or ')' or '"' or '“' or '”' or '!' or '?';

    /// <summary>"March 3 and 4", "March 3 to 5": a join followed by a number makes a list or range.</summary>
    private static bool IsNumberJoin(string text, ReadOnlySpan<Token> tokens, int j) =>
        JoinsLookup.Contains(tokens[j].Span.Of(text)) && j + 1 < tokens.Length && tokens[j + 1].Kind == TokenKind.Number;

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
            if (IsComplexBefore(before) || (LeadingSignalsLookup.Contains(before) && !PlainSignalsLookup.Contains(before)))
            {
                return -1;
            }

            start = tokens[i - 1].Span.Start;
        }
        else if (IsComplexBefore(prev) || LeadingSignalsLookup.Contains(prev))
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
        if (VagueAmount(text, tokens, i, added) is { } read)
        {
            return read;
        }

        // "a year ago" is a point in time; "a year" alone is read by the recogniser ("25% a year", "in a year")
        var single = amount.Equals("a", StringComparison.OrdinalIgnoreCase) || amount.Equals("an", StringComparison.OrdinalIgnoreCase);
        var value = 1.0;
        if (single)
        {
            if (i + 1 >= tokens.Length || !tokens[i + 1].Span.Of(text).Equals("ago", StringComparison.OrdinalIgnoreCase) ||
                (i >= 2 && ModifiersLookup.Contains(tokens[i - 2].Span.Of(text))))
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
            else if (ModifiersLookup.Contains(b))
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

    /// <summary>
    /// "several years", "a few days", "a couple of months" (TimeML "PXY", "PXD", "P2M"), and "several years ago" (PAST_REF):
    /// an amount with no exact number. Extra tokens consumed, -1 when the context makes it something else ("the past few
    /// days" is read by the lookback, "a few days later" is told from an event), null when the unit has no such amount.
    /// </summary>
    private static int? VagueAmount(string text, ReadOnlySpan<Token> tokens, int i, List<TimeCandidate> added)
    {
        var amount = tokens[i - 1].Span.Of(text);
        var first = i - 1;
        if (amount.Equals("few", StringComparison.OrdinalIgnoreCase) && i >= 2 && tokens[i - 2].Span.Of(text).Equals("a", StringComparison.OrdinalIgnoreCase))
        {
            first = i - 2;
        }
        else if (amount.Equals("of", StringComparison.OrdinalIgnoreCase) && i >= 3 && tokens[i - 2].Span.Of(text).Equals("couple", StringComparison.OrdinalIgnoreCase) &&
                 tokens[i - 3].Span.Of(text).Equals("a", StringComparison.OrdinalIgnoreCase))
        {
            first = i - 3;
        }
        else if (!amount.Equals("several", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var before = first > 0 ? tokens[first - 1].Span.Of(text) : default;
        if (IsLookback(before) || before.Equals("than", StringComparison.OrdinalIgnoreCase) || before.Equals("the", StringComparison.OrdinalIgnoreCase) ||
            DistributivesLookup.Contains(before) || (first > 0 && tokens[first - 1].Kind == TokenKind.Number))
        {
            return null; // "the past few days", "every few years", "more than a few days": read elsewhere or not at all
        }

        var next = i + 1 < tokens.Length ? tokens[i + 1].Span.Of(text) : default;
        if (next.Equals("ago", StringComparison.OrdinalIgnoreCase))
        {
            added.Add(new TimeCandidate(new TextSpan(tokens[first].Span.Start, tokens[i + 1].Span.End), "datetime", "PAST_REF", null, "common"));
            return 1;
        }

        if (IsComplexAfter(text, tokens, i))
        {
            return -1;
        }

        var span = new TextSpan(tokens[first].Span.Start, tokens[i].Span.End);
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

    /// <summary>
    /// "the third quarter", "fourth quarter": the recogniser's range for the quarter, year left open; "the third quarter
    /// of 2003" (that year's); "the current quarter", "last quarter" (counted from the publication date).
    /// </summary>
    private static int Quarter(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? published, List<TimeCandidate> added)
    {
        if (i == 0)
        {
            return -1;
        }

        var which = tokens[i - 1].Span.Of(text);
        if (!OrdinalsLookup.TryGetValue(which, out var q))
        {
            return SteppedQuarter(text, tokens, i, published, added);
        }

        var ofYear = i + 2 < tokens.Length && tokens[i + 1].Span.Of(text).Equals("of", StringComparison.OrdinalIgnoreCase) ? YearNumber(text, tokens, i + 2) : null;
        // "the third quarter of $226 million": the quarter alone; not "of next year", "of the year" (a longer expression)
        var ofSomethingElse = i + 2 < tokens.Length && ofYear is null && tokens[i + 1].Span.Of(text).Equals("of", StringComparison.OrdinalIgnoreCase) &&
                              !TimeTriggers.IsTrigger(text, tokens, i + 2) && !StepsLookup.ContainsKey(tokens[i + 2].Span.Of(text));
        if (ofYear is null && !ofSomethingElse && IsComplexAfter(text, tokens, i))
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

        if (ofYear is { } year)
        {
            // "the third quarter of 2003": the year's quarter, the year taken in
            added.Add(new TimeCandidate(new TextSpan(start, tokens[i + 2].Span.End), "daterange", QuarterTimex(q, year), null, "common"));
            return 2;
        }

        added.Add(new TimeCandidate(new TextSpan(start, tokens[i].Span.End), "daterange", QuarterTimex(q), null, "common"));
        return 0;
    }

    /// <summary>"the current quarter", "this quarter", "last quarter", "next quarter": the quarter counted from the publication date.</summary>
    private static int SteppedQuarter(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? published, List<TimeCandidate> added)
    {
        var which = tokens[i - 1].Span.Of(text);
        if (!StepsLookup.TryGetValue(which, out var step) || which.Equals("the", StringComparison.OrdinalIgnoreCase) ||
            which.Equals("past", StringComparison.OrdinalIgnoreCase) || IsComplexAfter(text, tokens, i) ||
            (i + 1 < tokens.Length && OpenAfterLookup.Contains(tokens[i + 1].Span.Of(text))))
        {
            return -1;
        }

        var start = i >= 2 && tokens[i - 2].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase) ? tokens[i - 2].Span.Start : tokens[i - 1].Span.Start;
        if (i >= 2 && start == tokens[i - 1].Span.Start && IsComplexBefore(tokens[i - 2].Span.Of(text)))
        {
            return -1;
        }

        if (published is not { } p)
        {
            return 0; // counted from a publication date we do not know: no value
        }

        var moved = new DateOnly(p.Year, ((p.Month - 1) / 3 * 3) + 1, 1).AddMonths(3 * step);
        added.Add(new TimeCandidate(new TextSpan(start, tokens[i].Span.End), "daterange", QuarterTimex(((moved.Month - 1) / 3) + 1, moved.Year), null, "common"));
        return 0;
    }

    /// <summary>
    /// "the 1988 second quarter", "2003 fourth-quarter": a year written before the quarter's ordinal. Extra tokens
    /// consumed after the year at <paramref name="i"/>, or -1 when no quarter follows it.
    /// </summary>
    private static int YearQuarter(string text, ReadOnlySpan<Token> tokens, int i, int year, List<TimeCandidate> added)
    {
        if (i + 1 >= tokens.Length)
        {
            return -1;
        }

        var ordinals = OrdinalsLookup;
        var next = tokens[i + 1].Span.Of(text);
        int q;
        int last;
        var hyphen = next.IndexOf('-');
        if (hyphen > 0 && next[(hyphen + 1)..].Equals("quarter", StringComparison.OrdinalIgnoreCase) && ordinals.TryGetValue(next[..hyphen], out q))
        {
            last = i + 1;
        }
        else if (i + 2 < tokens.Length && ordinals.TryGetValue(next, out q) && tokens[i + 2].Span.Of(text).Equals("quarter", StringComparison.OrdinalIgnoreCase))
        {
            last = i + 2;
        }
        else
        {
            return -1;
        }

        if (q is < 1 or > 4)
        {
            return -1;
        }

        var start = i > 0 && tokens[i - 1].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase) ? tokens[i - 1].Span.Start : tokens[i].Span.Start;
        added.Add(new TimeCandidate(new TextSpan(start, tokens[last].Span.End), "daterange", QuarterTimex(q, year), null, "common"));
        return last - i;
    }

    /// <summary>The recogniser's range for quarter <paramref name="q"/> (1–4), year left open.</summary>
    internal static string QuarterTimex(int q)
    {
        var first = (q * 3) - 2;
        return $"(XXXX-{first:D2}-01,XXXX-{(first + 2) % 12 + 1:D2}-01,P3M)";
    }

    /// <summary>The range of quarter <paramref name="q"/> (1–4) of <paramref name="year"/>, which the resolver writes "2003-Q3".</summary>
    private static string QuarterTimex(int q, int year)
    {
        var first = new DateOnly(year, (q * 3) - 2, 1);
        var end = first.AddMonths(3);
        return string.Create(CultureInfo.InvariantCulture, $"({first:yyyy-MM-dd},{end:yyyy-MM-dd},P3M)");
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

    private static bool IsComplexBefore(ReadOnlySpan<char> word) => !word.IsEmpty && ComplexBeforeLookup.Contains(word);

    /// <summary>True when the token after position <paramref name="i"/> starts something longer.</summary>
    internal static bool IsComplexAfter(string text, ReadOnlySpan<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Length)
        {
            return false;
        }

        var next = tokens[i + 1];
        var word = next.Span.Of(text);
        if (next.Kind == TokenKind.Number || ComplexAfterLookup.Contains(word))
        {
            return true;
        }

        return JoinsLookup.Contains(word) && i + 2 < tokens.Length &&
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
