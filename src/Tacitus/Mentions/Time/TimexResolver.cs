using System.Globalization;
using System.Text.RegularExpressions;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>What the recogniser found: where, of which kind, and its timex as written against the publication date.</summary>
/// <param name="Kind">date, daterange, datetime, datetimerange, time, timerange, duration, set.</param>
internal readonly record struct TimeCandidate(TextSpan Span, string Kind, string Timex, string? Mod, string Rule);

/// <summary>The reading of one time expression: its TimeML value and, for calendar values, the value to anchor on.</summary>
internal readonly record struct TimeReading(TimeInfo Info, Timex? Anchorable);

/// <summary>
/// Turns a recognised timex into the project's reading of it: fills the year of "XXXX-05" and the date of
/// "XXXX-WXX-2" from the tense (<see cref="YearResolver"/>, <see cref="WeekdayResolver"/>), moves event-relative
/// expressions onto their anchor (<see cref="DateAnchor"/>), gives a bare time of day its day, and writes
/// TimeML values: quarters ("1998-Q3"), decades ("199"), durations ("P3M", "PXY").
/// </summary>
internal static partial class TimexResolver
{
    public static TimeReading? Resolve(in TimeCandidate candidate, ReadOnlySpan<char> expression, DateOnly? published, Tense tense, IReadOnlyList<ResolvedTime> earlier, int sentence)
    {
        var timex = candidate.Timex;
        if (DurationPhrase.Read(expression) is { } phrase)
        {
            return new TimeReading(new TimeInfo { Value = phrase, Precision = DurationPrecision(phrase), Basis = "none", Type = "DURATION" }, null);
        }

        if (candidate.Kind == "duration")
        {
            var value = ApproximateDuration(timex, expression);
            return new TimeReading(new TimeInfo { Value = value, Precision = DurationPrecision(value), Basis = "none", Type = "DURATION" }, null);
        }

        if (candidate.Kind == "set")
        {
            return new TimeReading(new TimeInfo { Value = timex, Precision = DurationPrecision(timex), Basis = "none", Type = "SET" }, null);
        }

        if (timex is "PRESENT_REF" or "PAST_REF" or "FUTURE_REF")
        {
            return published is null
                ? new TimeReading(new TimeInfo { Value = timex, Precision = TimePrecision.Day, Basis = "none" }, null)
                : new TimeReading(new TimeInfo { Value = timex, Precision = TimePrecision.Day, Basis = "publication" }, null);
        }

        if (timex.StartsWith('('))
        {
            return ResolveRange(candidate, expression, published, tense);
        }

        var parsed = Timex.Parse(timex);
        if (!parsed.Success)
        {
            return null;
        }

        var t = parsed.Value;
        string basis;
        if (!t.HasDate)
        {
            // a bare time of day ("around noon") belongs to the day last talked about
            if (DateAnchor.ForTimeOfDay(earlier, sentence) is { } day)
            {
                t = Timex.FromDate(day.Value.Date!.Value, t.TimeOfDay);
                basis = "event";
            }
            else if (published is { } p)
            {
                t = Timex.FromDate(p, t.TimeOfDay);
                basis = "publication";
            }
            else
            {
                basis = "none";
            }
        }
        else if (t.NeedsYear)
        {
            if (published is { } p)
            {
                t = FillYear(t, p, tense);
                basis = "publication";
            }
            else
            {
                basis = "none";
            }
        }
        else
        {
            // "two years ago" is a year, "a year earlier" counts in years (TimeML granularity)
            // without a publication date, a year the expression does not write was counted from the stand-in
            // reference date: it is no value of the text's
            var explicitYear = HasYearDigits(expression);
            if (!explicitYear)
            {
                t = Truncate(t, AgoGranularity(expression));
            }

            if (!explicitYear && published is { } p && DateAnchor.IsEventRelative(expression) &&
                DateAnchor.ForEvent(earlier, sentence, DateAnchor.NamesPartOfDay(expression), Needs(t), tense, published) is { } anchor)
            {
                t = MoveOntoAnchor(t, p, anchor.Value);
                basis = "event";
            }
            else
            {
                basis = explicitYear ? "explicit" : "publication";
            }
        }

        if (t.TimeOfDay is { Length: > 1 } clock && char.IsAsciiDigit(clock[1]) && !expression.ContainsAny(Digits) && PartOfDayCode(expression) is { } code)
        {
            t = t with { TimeOfDay = code }; // "mid-afternoon" is the afternoon, not 14:00
        }

        var info = new TimeInfo
        {
            Value = t.ToString(),
            Precision = t.Precision,
            Basis = basis,
            Type = t.TimeOfDay is null ? "DATE" : "TIME",
            EndValue = candidate.Mod == "since" && published is { } now ? Timex.FromDate(now).ToString() : null,
        };
        return new TimeReading(info, t.Year is null ? null : t);
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>How exact an anchor must be to count a value from it: days need a day, months a month, years a year.</summary>
    private static TimePrecision Needs(Timex fromPublication) =>
        fromPublication.Date is not null || fromPublication.Period is ['W', ..] ? TimePrecision.Day :
        fromPublication.Month is not null ? TimePrecision.Month : TimePrecision.Year;

    /// <summary>"two years ago" is a year, "five months ago" a month, "six weeks ago" a week (TimeML granularity).</summary>
    private static char? AgoGranularity(ReadOnlySpan<char> expression)
    {
        foreach (var match in AgoPattern().EnumerateMatches(expression))
        {
            return char.ToLowerInvariant(expression[match.Index]);
        }

        return null;
    }

    private static Timex Truncate(Timex t, char? unit)
    {
        if (t.Date is not { } date)
        {
            return t;
        }

        return unit switch
        {
            'y' => new Timex(date.Year, null, null, null, null, null),
            'm' => new Timex(date.Year, date.Month, null, null, null, null),
            'w' => WeekOf(date),
            _ => t,
        };
    }

    private static Timex WeekOf(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return new Timex(ISOWeek.GetYear(dt), null, null, null, "W" + ISOWeek.GetWeekOfYear(dt).ToString("D2", CultureInfo.InvariantCulture), null);
    }

    private static string? PartOfDayCode(ReadOnlySpan<char> expression) =>
        expression.Contains("morning", StringComparison.OrdinalIgnoreCase) ? "TMO" :
        expression.Contains("afternoon", StringComparison.OrdinalIgnoreCase) ? "TAF" :
        expression.Contains("evening", StringComparison.OrdinalIgnoreCase) ? "TEV" :
        expression.Contains("night", StringComparison.OrdinalIgnoreCase) ? "TNI" : null;

    /// <summary>"XXXX-05" → "2018-05" in past-tense January text; "XXXX-WXX-2" → the Tuesday the tense points to.</summary>
    public static Timex FillYear(Timex t, DateOnly anchor, Tense tense)
    {
        if (t.Weekday is { } weekday)
        {
            var date = WeekdayResolver.Resolve(anchor, weekday, tense);
            return Timex.FromDate(date, t.TimeOfDay);
        }

        if (t.Month is { } month)
        {
            var day = t.Day is { } d && d <= DateTime.DaysInMonth(anchor.Year, month) ? d : (int?)null;
            return t with { Year = YearResolver.Resolve(anchor, month, day, tense) };
        }

        if (t.Period is { } period && period is "SU" or "SP" or "FA" or "WI")
        {
            var first = YearResolver.SeasonStartMonth(period);
            var last = (first + 1) % 12 + 1;
            return t with { Year = YearResolver.ResolveStretch(anchor, first, 1, last, 31, tense) };
        }

        return t with { Year = anchor.Year };
    }

    /// <summary>
    /// The recogniser counted "the next morning" from the publication date; count the same distance from the anchor
    /// instead, and keep the expression's own precision and time of day.
    /// </summary>
    public static Timex MoveOntoAnchor(Timex fromPublication, DateOnly published, Timex anchor)
    {
        int days = 0, months = 0, years = 0;
        if (fromPublication.Date is { } date)
        {
            days = date.DayNumber - published.DayNumber;
        }
        else if (fromPublication is { Year: { } y, Month: { } m })
        {
            months = (y * 12 + m) - (published.Year * 12 + published.Month);
        }
        else if (fromPublication is { Year: { } yy, Period: ['W', _, _, ..] p } && int.TryParse(p.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week))
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(yy, week, DayOfWeek.Monday));
            var pubMonday = published.AddDays(1 - WeekdayResolver.IsoWeekday(published));
            days = monday.DayNumber - pubMonday.DayNumber;
        }
        else if (fromPublication.Year is { } year)
        {
            years = year - published.Year;
        }

        var moved = anchor.Shift(days, months, years);
        if (days == 0 && months == 0 && fromPublication.Date is null && fromPublication.Month is null && fromPublication.Period is null)
        {
            return moved with { TimeOfDay = null }; // "a year earlier", "the year-ago quarter": the anchor's period, a year back
        }

        if (fromPublication.Date is not null && moved.Date is { } d)
        {
            return Timex.FromDate(d, fromPublication.TimeOfDay);
        }

        if (fromPublication.Month is not null && moved.Year is { } my && moved.Month is { } mm)
        {
            return new Timex(my, mm, null, null, null, null);
        }

        if (fromPublication.Period is ['W', ..] && moved.Date is { } wd)
        {
            var week = ISOWeek.GetWeekOfYear(wd.ToDateTime(TimeOnly.MinValue));
            return new Timex(ISOWeek.GetYear(wd.ToDateTime(TimeOnly.MinValue)), null, null, null, "W" + week.ToString("D2", CultureInfo.InvariantCulture), null);
        }

        return moved with { Month = fromPublication.Month is null && fromPublication.Period is null ? null : moved.Month, Day = null, TimeOfDay = null };
    }

    private static TimeReading? ResolveRange(in TimeCandidate candidate, ReadOnlySpan<char> expression, DateOnly? published, Tense tense)
    {
        var parts = candidate.Timex.Trim('(', ')').Split(',');
        if (parts.Length != 3)
        {
            return null;
        }

        var duration = parts[2];
        if (LookbackPattern().IsMatch(expression))
        {
            var value = ApproximateDuration(duration, expression);
            return new TimeReading(new TimeInfo { Value = value, Precision = DurationPrecision(value), Basis = "none", Type = "DURATION" }, null);
        }

        var a = Timex.Parse(parts[0]);
        var b = Timex.Parse(parts[1]);
        if (!a.Success || !b.Success)
        {
            return null;
        }

        var start = a.Value;
        var end = b.Value;
        var basis = HasYearDigits(expression) ? "explicit" : "publication";
        if (start.NeedsYear)
        {
            if (published is not { } p)
            {
                return new TimeReading(new TimeInfo { Value = start.ToString(), EndValue = end.ToString(), Precision = start.Precision, Basis = "none" }, null);
            }

            var offset = end.Month is { } em && start.Month is { } sm && em < sm ? 1 : 0;
            if (start is { Month: { } m0, Day: { } d0 } && end is { Month: { } m1, Day: { } d1 })
            {
                // the recogniser's end is exclusive: the stretch ends the day before
                var (lastMonth, lastDay) = d1 > 1 ? (m1, d1 - 1) : (m1 == 1 ? 12 : m1 - 1, 31);
                var year = YearResolver.ResolveStretch(p, m0, d0, lastMonth, lastDay, tense);
                start = start with { Year = year };
                end = end with { Year = year + offset };
            }
            else
            {
                var filled = FillYear(start, p, tense);
                start = filled;
                end = end with { Year = filled.Year + offset };
            }
        }

        var type = start.TimeOfDay is null ? "DATE" : "TIME";
        if (Compress(start, end, duration) is { } single)
        {
            var anchorable = Timex.Parse(single.Value);
            return new TimeReading(new TimeInfo { Value = single.Value, Precision = single.Precision, Basis = basis, Type = type }, anchorable.Success ? anchorable.Value : null);
        }

        // whole years or whole months given as first days: say them at their own precision
        if (start.Day == 1 && end.Day == 1 && start.TimeOfDay is null && end.TimeOfDay is null)
        {
            var wholeYears = start.Month == 1 && end.Month == 1 && duration.EndsWith('Y');
            start = wholeYears ? start with { Month = null, Day = null } : duration.EndsWith('M') ? start with { Day = null } : start;
            end = wholeYears ? end with { Month = null, Day = null } : duration.EndsWith('M') ? end with { Day = null } : end;
        }

        return new TimeReading(new TimeInfo { Value = start.ToString(), EndValue = end.ToString(), Precision = start.Precision, Basis = basis, Type = type }, start.Year is null ? null : start);
    }

    /// <summary>A range that is one named period: a quarter, a half year, a decade or a century.</summary>
    private static (string Value, TimePrecision Precision)? Compress(Timex start, Timex end, string duration)
    {
        if (start is not { Year: { } y, Month: { } m, Day: 1, TimeOfDay: null })
        {
            return null;
        }

        return duration switch
        {
            "P3M" when m % 3 == 1 => ($"{y:D4}-Q{(m + 2) / 3}", TimePrecision.Month),
            "P6M" when m is 1 or 7 => ($"{y:D4}-H{(m + 5) / 6}", TimePrecision.Month),
            "P1Y" when m == 1 => ($"{y:D4}", TimePrecision.Year),
            "P1M" when end.Day == 1 => ($"{y:D4}-{m:D2}", TimePrecision.Month),
            "P10Y" when m == 1 && y % 10 == 0 => ((y / 10).ToString("D3", CultureInfo.InvariantCulture), TimePrecision.Year),
            "P100Y" when m == 1 && y % 100 == 0 => ((y / 100).ToString("D2", CultureInfo.InvariantCulture), TimePrecision.Year),
            _ => null,
        };
    }

    /// <summary>"several years" is "PXY" in TimeML, not the recogniser's guess of three.</summary>
    private static string ApproximateDuration(string timex, ReadOnlySpan<char> expression)
    {
        if (!VaguePattern().IsMatch(expression) || timex.Length < 3)
        {
            return timex;
        }

        var unit = timex[^1];
        return timex.StartsWith("PT", StringComparison.Ordinal) ? $"PTX{unit}" : $"PX{unit}";
    }

    private static TimePrecision DurationPrecision(string value)
    {
        if (value.Contains('T'))
        {
            return value.EndsWith('H') ? TimePrecision.TimeOfDay : TimePrecision.Minute;
        }

        return value.Length == 0 ? TimePrecision.Day : value[^1] switch
        {
            'Y' => TimePrecision.Year,
            'M' or 'Q' => TimePrecision.Month,
            _ => TimePrecision.Day,
        };
    }

    private static bool HasYearDigits(ReadOnlySpan<char> expression)
    {
        var run = 0;
        foreach (var c in expression)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:the\s+)?(?:past|last|previous|next|coming|following|first|final|latest|recent)\s+(?:[\w-]+\s+){0,2}?(?:seconds|minutes|hours|days|weeks|months|years|decades)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LookbackPattern();

    [GeneratedRegex(@"\b(year|month|week|day)s?\s+(?:ago|before|earlier|later|after|from\s+now|hence)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"\b(?:several|few|many|some|numerous|recent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VaguePattern();
}
