using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// More of the recogniser's work done by rules, for words of a period that <see cref="CommonTimeExpressions"/> does not
/// read alone: seasons ("the summer": the recogniser writes a bare "SU", which is no value), weekends ("last
/// weekend"), a fixed-date holiday ("Christmas", "New Year"), a weekday with a part of the day ("Friday night"), one
/// period ("a year", "every month", "the year"), a plural unit with no amount ("in recent years", "for months"), and
/// "earlier"/"later" as plain adverbs or before "this month". Each answer is the timex the recogniser writes for the
/// same words, or no expression where the recogniser's reading is no value of the text's: a period counted from a
/// publication date that is unknown is dropped by the stage, so it need not be read. The words: data/time/words.tsv.
/// </summary>
internal static class PeriodExpressions
{
    /// <summary>
    /// Reads the expression at trigger <paramref name="i"/>: extra tokens consumed after it (0 when it makes no
    /// expression), -1 when the recogniser must read it, null when the word is none of these forms.
    /// </summary>
    public static int? Read(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? published, List<TimeCandidate> added)
    {
        var words = TimeWords.Shipped;
        var word = tokens[i].Span.Of(text);
        if (words.NoTime.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return 0;
        }

        if (ReferencePoints.Read(text, tokens, i, added) is { } reference)
        {
            return reference;
        }

        if (word.EndsWith("century", StringComparison.OrdinalIgnoreCase) && Centuries.Read(text, tokens, i, added) is { } century)
        {
            return century;
        }

        var prev = i > 0 ? tokens[i - 1].Span.Of(text) : default;
        if (words.Seasons.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word))
        {
            return Season(text, tokens, i, prev, published, added);
        }

        if (words.PartsOfDay.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var part) && prev.Equals("this", StringComparison.OrdinalIgnoreCase))
        {
            return ThisPartOfDay(text, tokens, i, part, published, added);
        }

        if (word.Equals("weekend", StringComparison.OrdinalIgnoreCase))
        {
            return Weekend(text, tokens, i, prev, published, added);
        }

        if (words.Holidays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var holiday) && char.IsUpper(word[0]))
        {
            return Holiday(text, tokens, i, prev, holiday, published, added);
        }

        if (Has(words.RelativeAdverbs, word))
        {
            return Adverb(text, tokens, i, published, added);
        }

        if (words.DurationUnits.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return NoAmount(text, tokens, i, prev);
        }

        if (Has(words.PeriodUnits, word))
        {
            return OnePeriod(text, tokens, i, prev, published, added);
        }

        return null;
    }

    /// <summary>"Friday night": the weekday's part of the day ("XXXX-WXX-5TNI"); null when the next word is no part of the day.</summary>
    public static TimeCandidate? WeekdayPart(string text, ReadOnlySpan<Token> tokens, int i, int weekday, string? mod)
    {
        if (i + 1 >= tokens.Length || !TimeWords.Shipped.PartsOfDay.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tokens[i + 1].Span.Of(text), out var part) ||
            CommonTimeExpressions.IsComplexAfter(text, tokens, i + 1))
        {
            return null;
        }

        var span = new TextSpan(tokens[i].Span.Start, tokens[i + 1].Span.End);
        return new TimeCandidate(span, "datetimerange", "XXXX-WXX-" + (char)('0' + weekday) + "T" + part, mod, "common");
    }

    /// <summary>
    /// "the summer", "summer", "late summer": the recogniser's timex is a bare season code, which names no year and is
    /// no value. "this summer", "last winter", "next spring": the season of a year counted from the publication date
    /// ("2004-SU"), as TimeML writes it: "this" is the publication year's, "last" the latest one ended by then, "next"
    /// the first one not begun.
    /// </summary>
    private static int Season(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> prev, DateOnly? published, List<TimeCandidate> added)
    {
        if (IsOpenAfter(text, tokens, i) || (i > 0 && tokens[i - 1].Kind == TokenKind.Number))
        {
            return -1;
        }

        if (!TimeWords.Shipped.Steps.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prev, out var step) || prev.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (published is not { } p)
        {
            return 0;
        }

        if (Has(TimeWords.Shipped.VagueSteps, prev) || IsSignalled(text, tokens, i - 2) ||
            (i >= 2 && TimeWords.Shipped.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i - 2].Span.Of(text)) && !tokens[i - 2].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase)))
        {
            return -1; // "the past summer", "since last summer", "the end of this summer"
        }

        var code = TimeWords.Shipped.Seasons.GetAlternateLookup<ReadOnlySpan<char>>()[tokens[i].Span.Of(text)];
        added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, tokens[i].Span.End), "daterange", $"{SeasonYear(p, code, step):D4}-{code}", null, "common"));
        return 0;
    }

    /// <summary>The year of the season <paramref name="step"/> seasons of its name from <paramref name="published"/> (0: the publication year's).</summary>
    internal static int SeasonYear(DateOnly published, string code, int step)
    {
        var startMonth = YearResolver.SeasonStartMonth(code);
        DateOnly Start(int year) => new(year, startMonth, 1);
        DateOnly End(int year) => Start(year).AddMonths(3).AddDays(-1);
        var current = startMonth == 12 && published.Month <= 2 ? published.Year - 1 : published.Year; // January is last December's winter
        return step switch
        {
            < 0 => End(current) < published ? current : current - 1,
            > 0 => Start(current) > published ? current : current + 1,
            _ => current,
        };
    }

    /// <summary>"this morning", "later this afternoon": the publication day's part of the day ("2004-10-13TMO").</summary>
    private static int ThisPartOfDay(string text, ReadOnlySpan<Token> tokens, int i, string part, DateOnly? published, List<TimeCandidate> added)
    {
        if (char.IsUpper(text[tokens[i].Span.Start]))
        {
            return 0; // "CBS This Morning": a programme's name
        }

        if (IsOpenAfter(text, tokens, i) || IsSignalled(text, tokens, i - 2))
        {
            return -1;
        }

        if (published is not { } p)
        {
            return 0;
        }

        var start = i >= 2 && Has(TimeWords.Shipped.RelativeAdverbs, tokens[i - 2].Span.Of(text)) ? tokens[i - 2].Span.Start : tokens[i - 1].Span.Start;
        added.Add(new TimeCandidate(new TextSpan(start, tokens[i].Span.End), "datetimerange", p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + part, null, "common"));
        return 0;
    }

    /// <summary>"the weekend", "this weekend", "last weekend", "next weekend": the ISO week's weekend, counted from the publication date.</summary>
    private static int Weekend(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> prev, DateOnly? published, List<TimeCandidate> added)
    {
        if (IsOpenAfter(text, tokens, i) || (i > 0 && tokens[i - 1].Kind is TokenKind.Number or TokenKind.Symbol))
        {
            return -1;
        }

        var steps = TimeWords.Shipped.Steps.GetAlternateLookup<ReadOnlySpan<char>>();
        var stepped = steps.TryGetValue(prev, out var step);
        if (IsSignalled(text, tokens, stepped ? i - 2 : i - 1))
        {
            return -1; // "since the weekend", "starting this weekend": a range to or from it
        }

        if (!stepped && !prev.IsEmpty && (IsArticleOrQuantity(prev) || TimeWords.Shipped.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev)))
        {
            return -1; // "a weekend", "every weekend", "the same weekend"
        }

        if (published is not { } p)
        {
            return 0; // a weekend of a publication date we do not know: no value
        }

        var before = i >= 2 ? tokens[i - 2].Span.Of(text) : default;
        if (stepped && (Has(TimeWords.Shipped.VagueSteps, prev) ||
                        TimeWords.Shipped.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before) && !before.Equals("the", StringComparison.OrdinalIgnoreCase)))
        {
            return -1; // "the past weekend", "the end of this weekend": left to the recogniser
        }

        var day = p.AddDays(7 * (stepped ? step : 0)).ToDateTime(TimeOnly.MinValue);
        var timex = $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}-WE";
        var start = stepped ? tokens[i - 1].Span.Start : tokens[i].Span.Start;
        added.Add(new TimeCandidate(new TextSpan(start, tokens[i].Span.End), "daterange", timex, null, "common"));
        return 0;
    }

    /// <summary>"Christmas", "Christmas Day": the holiday's day, year left open ("XXXX-12-25"); "this Christmas" is counted from the publication date.</summary>
    private static int Holiday(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> prev, string monthDay, DateOnly? published, List<TimeCandidate> added)
    {
        var next = i + 1 < tokens.Length ? tokens[i + 1].Span.Of(text) : default;
        var last = i;
        if (next.Equals("Day", StringComparison.Ordinal))
        {
            last = i + 1;
        }
        else if (next.Equals("Eve", StringComparison.Ordinal))
        {
            return -1;
        }

        if (IsOpenAfter(text, tokens, last) || (i > 0 && tokens[i - 1].Kind is TokenKind.Number or TokenKind.Symbol) ||
            CommonTimeExpressions.IsHolidayInName(text, tokens, i, last))
        {
            return -1;
        }

        if (TimeWords.Shipped.Steps.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(prev) && !prev.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return published is null ? last - i : -1; // "this Christmas": counted from a date we do not know
        }

        if (!prev.Equals("the", StringComparison.OrdinalIgnoreCase) && TimeWords.Shipped.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev))
        {
            return -1;
        }

        var mod = prev.Equals("since", StringComparison.OrdinalIgnoreCase) ? "since" : null;
        added.Add(new TimeCandidate(new TextSpan(tokens[i].Span.Start, tokens[last].Span.End), "date", "XXXX-" + monthDay, mod, "common"));
        return last - i;
    }

    /// <summary>
    /// "earlier" or "later" as a plain adverb ("he said earlier", "a later flight") is no expression; before "this
    /// month" / "this year" / "this week" it is part of one ("earlier this month", read as "this month" is).
    /// </summary>
    private static int Adverb(string text, ReadOnlySpan<Token> tokens, int i, DateOnly? published, List<TimeCandidate> added)
    {
        if ((i >= 2 && tokens[i - 2].Kind == TokenKind.Number) || IsSignalled(text, tokens, i - 1) || (i > 0 && (tokens[i - 1].Kind is TokenKind.Number or TokenKind.Symbol ||
                      tokens[i - 1].Kind == TokenKind.Word && (TimeTriggers.IsTrigger(text, tokens, i - 1) ||
                                                               IsNumberWord(tokens[i - 1].Span.Of(text))))))
        {
            return -1; // "a year earlier", "two days later", "20 mins later"
        }

        if (i + 1 >= tokens.Length)
        {
            return 0;
        }

        var next = tokens[i + 1].Span.Of(text);
        if (next.Equals("this", StringComparison.OrdinalIgnoreCase) && i + 2 < tokens.Length)
        {
            var unit = tokens[i + 2].Span.Of(text);
            if (!Has(TimeWords.Shipped.CalendarUnits, unit) || IsOpenAfter(text, tokens, i + 2))
            {
                return -1;
            }

            if (published is not { } p)
            {
                return 2; // counted from a publication date we do not know: no value
            }

            added.Add(new TimeCandidate(new TextSpan(tokens[i].Span.Start, tokens[i + 2].Span.End), "daterange", CommonTimeExpressions.PeriodTimex(unit, p, 0), null, "common"));
            return 2;
        }

        if (tokens[i + 1].Kind is TokenKind.Number or TokenKind.Symbol || TimeTriggers.IsTrigger(text, tokens, i + 1) ||
            TimeWords.Shipped.LeadingSignals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next) ||
            TimeWords.Shipped.ComplexAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next) ||
            Has(TimeWords.Shipped.AdverbContinuations, next))
        {
            return -1; // "earlier in the day", "later that night", "earlier on Monday"
        }

        return 0;
    }

    /// <summary>"in recent years", "for months", "these days": a plural unit after a word that makes no amount of it is no expression.</summary>
    private static int? NoAmount(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> prev)
    {
        if (prev.IsEmpty || !TimeWords.Shipped.NoAmount.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prev) ||
            IsOpenAfter(text, tokens, i) || (i >= 2 && (tokens[i - 2].Kind == TokenKind.Number || IsArticleOrQuantity(tokens[i - 2].Span.Of(text)) ||
                                                       TimeWords.Shipped.Steps.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(tokens[i - 2].Span.Of(text)) && !tokens[i - 2].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        return 0;
    }

    /// <summary>
    /// One period: "a year" (an amount, "P1Y"), "every month" (a set), "the year" (the publication's year), and with
    /// no publication date "the previous year", "the same day" (no value).
    /// </summary>
    private static int? OnePeriod(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> prev, DateOnly? published, List<TimeCandidate> added)
    {
        if (i == 0 || IsOpenAfter(text, tokens, i) || tokens[i - 1].Kind != TokenKind.Word)
        {
            return null;
        }

        var unit = tokens[i].Span.Of(text);
        var before = i >= 2 ? tokens[i - 2].Span.Of(text) : default;
        // "four hours a week", "one a week", "5 a day": the amount before makes one expression with it
        var beforeIsNumber = i >= 2 && (tokens[i - 2].Kind is TokenKind.Number or TokenKind.Symbol || TimeTriggers.IsTrigger(text, tokens, i - 2) ||
                                        NumberReader.TryRead(before, out _, out var length) && length == before.Length ||
                                        before.Equals("that", StringComparison.OrdinalIgnoreCase));
        var code = char.ToUpperInvariant(unit[0]) switch { 'Y' => "Y", 'M' => "M", 'W' => "W", _ => "D" };
        if (prev.Equals("a", StringComparison.OrdinalIgnoreCase) || prev.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            if (beforeIsNumber || Has(TimeWords.Shipped.Multipliers, before) ||
                TimeWords.Shipped.Modifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before) || IsNextPossessive(text, tokens, i))
            {
                return null;
            }

            added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, tokens[i].Span.End), "duration", "P1" + code, null, "common"));
            return 0;
        }

        if (Has(TimeWords.Shipped.Distributives, prev))
        {
            if (beforeIsNumber || IsNextPossessive(text, tokens, i))
            {
                return null;
            }

            added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, tokens[i].Span.End), "set", "P1" + code, null, "common"));
            return 0;
        }

        if (published is { } dated && code is "Y" or "M" && YearOrMonthOfPublication(text, tokens, i, unit, dated, added) is { } whole)
        {
            return whole;
        }

        var steps = TimeWords.Shipped.Steps.GetAlternateLookup<ReadOnlySpan<char>>();
        var stepped = steps.ContainsKey(prev) || Has(TimeWords.Shipped.Anaphoric, prev);
        if (!stepped || beforeIsNumber)
        {
            return null;
        }

        var possessive = IsNextPossessive(text, tokens, i);
        if (published is null)
        {
            return possessive ? 1 : 0; // counted from a publication date we do not know: no value
        }

        // "the year", "the month", "the week": the publication's own period, as "this year" is
        if (prev.Equals("the", StringComparison.OrdinalIgnoreCase) && code != "D" && !possessive && !IsSignalled(text, tokens, i - 2) &&
            !TimeWords.Shipped.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before) &&
            !Has(TimeWords.Shipped.RelativeAdverbs, before))
        {
            added.Add(new TimeCandidate(new TextSpan(tokens[i - 1].Span.Start, tokens[i].Span.End), "daterange", CommonTimeExpressions.PeriodTimex(unit, published.Value, 0), null, "common"));
            return 0;
        }

        return null;
    }

    /// <summary>
    /// The publication's year or month named as a whole: "the full year", "the end of the year", "the end of the month"
    /// (the period itself, as "the end of 2004" is 2004), and "the past year" / "the last year" (the year before the
    /// publication's, as TimeBank writes it). Extra tokens consumed, or null when it is none of these.
    /// </summary>
    private static int? YearOrMonthOfPublication(string text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> unit, DateOnly published, List<TimeCandidate> added)
    {
        if (i < 2 || IsNextPossessive(text, tokens, i))
        {
            return null;
        }

        var isYear = unit.Equals("year", StringComparison.OrdinalIgnoreCase);
        var prev = tokens[i - 1].Span.Of(text);
        var before = i >= 2 ? tokens[i - 2].Span.Of(text) : default;
        int first;
        var step = 0;
        if (prev.Equals("the", StringComparison.OrdinalIgnoreCase) && i >= 4 && before.Equals("of", StringComparison.OrdinalIgnoreCase) &&
            Has(TimeWords.Shipped.PeriodEdges, tokens[i - 3].Span.Of(text)) && tokens[i - 4].Span.Of(text).Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            first = i - 4; // "the end of the year"
        }
        else if (isYear && before.Equals("the", StringComparison.OrdinalIgnoreCase) && prev.Equals("full", StringComparison.OrdinalIgnoreCase))
        {
            first = i - 2; // "the full year"
        }
        else if (isYear && before.Equals("the", StringComparison.OrdinalIgnoreCase) && (prev.Equals("past", StringComparison.OrdinalIgnoreCase) || prev.Equals("last", StringComparison.OrdinalIgnoreCase)))
        {
            first = i - 2; // "the past year"
            step = -1;
        }
        else
        {
            return null;
        }

        if (IsSignalled(text, tokens, first - 1) || (first > 0 && TimeWords.Shipped.ComplexBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[first - 1].Span.Of(text))))
        {
            return null; // "since the past year", "during the end of the year"
        }

        added.Add(new TimeCandidate(new TextSpan(tokens[first].Span.Start, tokens[i].Span.End), "daterange", CommonTimeExpressions.PeriodTimex(unit, published, step), null, "common"));
        return 0;
    }

    /// <summary>Token <paramref name="j"/> bounds what follows into a range ("since", "starting", "until"): the recogniser reads it.</summary>
    private static bool IsSignalled(string text, ReadOnlySpan<Token> tokens, int j)
    {
        if (j < 0 || j >= tokens.Length)
        {
            return false;
        }

        var word = tokens[j].Span.Of(text);
        return Has(TimeWords.Shipped.RangeSignals, word) ||
               TimeWords.Shipped.ComplexBeforeSignal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    /// <summary>"two", "ten" (not the article "a", which the number reader reads as one).</summary>
    private static bool IsNumberWord(ReadOnlySpan<char> word) =>
        NumberReader.TryRead(word, out _, out var length) && length == word.Length &&
        !word.Equals("a", StringComparison.OrdinalIgnoreCase) && !word.Equals("an", StringComparison.OrdinalIgnoreCase);

    private static bool IsNextPossessive(string text, ReadOnlySpan<Token> tokens, int i) =>
        i + 1 < tokens.Length && tokens[i + 1].Span.Of(text) is "'s" or "’s";

    private static bool Has(System.Collections.Frozen.FrozenSet<string> words, ReadOnlySpan<char> word) => words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsArticleOrQuantity(ReadOnlySpan<char> word) => TimeWords.Shipped.Quantities.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>The next token starts something longer, or joins a range: a number, "of", "to", "and", "ago", a possessive...</summary>
    private static bool IsOpenAfter(string text, ReadOnlySpan<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Length)
        {
            return false;
        }

        var next = tokens[i + 1].Span.Of(text);
        return CommonTimeExpressions.IsComplexAfter(text, tokens, i) || (NumberReader.TryRead(next, out _, out var length) && length == next.Length) || TimeWords.Shipped.Joins.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next) ||
               Has(TimeWords.Shipped.OpenAfter, next) || TimeTriggers.IsTrigger(text, tokens, i + 1);
    }
}
