using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Mentions.Time;

/// <summary>
/// A calendar TIMEX value taken apart: year (null for "XXXX"), month, day, ISO weekday (1 = Monday), a period
/// suffix that is neither month nor day ("W02", "W02-WE", "Q3", "SU", "H1"), and a time of day ("T14:00", "TNI").
/// Reads the timex strings Microsoft.Recognizers writes ("XXXX-WXX-2TNI", "2019-01-10TMO", "XXXX-05", "T12")
/// and writes TimeML values ("2019-01-08TNI", "2019-01-09T14:00").
/// </summary>
internal readonly record struct Timex(int? Year, int? Month, int? Day, int? Weekday, string? Period, string? TimeOfDay)
{
    /// <summary>True when there is a date part (not only a time of day).</summary>
    public bool HasDate => Year is not null || Month is not null || Weekday is not null || Period is not null;

    /// <summary>True when the year is unknown but something under it is given ("XXXX-05", "XXXX-WXX-2").</summary>
    public bool NeedsYear => Year is null && (Month is not null || Weekday is not null || Period is not null);

    public bool IsFullDate => Year is not null && Month is not null && Day is not null;

    public DateOnly? Date => IsFullDate ? new DateOnly(Year!.Value, Month!.Value, Day!.Value) : null;

    public static Timex FromDate(DateOnly date, string? timeOfDay = null) => new(date.Year, date.Month, date.Day, null, null, timeOfDay);

    public TimePrecision Precision
    {
        get
        {
            if (TimeOfDay is { Length: > 1 } t)
            {
                return char.IsAsciiDigit(t[1]) ? TimePrecision.Minute : TimePrecision.TimeOfDay;
            }

            if (Day is not null || Weekday is not null || Period is ['W', ..])
            {
                return TimePrecision.Day;
            }

            return Month is not null || Period is not null ? TimePrecision.Month : TimePrecision.Year;
        }
    }

    /// <summary>Parses a single (non-range, non-duration) timex. Fails on anything it does not know.</summary>
    public static ParseResult<Timex> Parse(ReadOnlySpan<char> s)
    {
        int? year = null, month = null, day = null, weekday = null;
        string? period = null, time = null;
        var t = s.IndexOf('T');
        var datePart = t < 0 ? s : s[..t];
        if (t >= 0)
        {
            var normal = NormaliseTime(s[t..]);
            if (normal is null)
            {
                return ParseResult<Timex>.Fail($"bad time part in '{s}'");
            }

            time = normal;
        }

        if (datePart.IsEmpty)
        {
            return time is null ? ParseResult<Timex>.Fail("empty timex") : ParseResult<Timex>.Ok(new Timex(null, null, null, null, null, time));
        }

        var parts = datePart.ToString().Split('-');
        if (parts[0] != "XXXX")
        {
            if (parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                return ParseResult<Timex>.Fail($"bad year in '{s}'");
            }

            year = y;
        }

        if (parts.Length >= 2)
        {
            var p = parts[1];
            if (p.Length == 2 && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
            {
                month = m;
                if (parts.Length >= 3)
                {
                    if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > 31)
                    {
                        return ParseResult<Timex>.Fail($"bad day in '{s}'");
                    }

                    day = d;
                }
            }
            else if (p == "WXX" && parts.Length == 3 && parts[2].Length == 1 && parts[2][0] is >= '1' and <= '7')
            {
                weekday = parts[2][0] - '0';
            }
            else if (p is ['W', _, _] || p is ['Q', _] || p is ['H', _] || p is "SU" or "SP" or "FA" or "WI")
            {
                if (p == "WXX")
                {
                    return ParseResult<Timex>.Fail($"unsupported week form '{s}'");
                }

                period = parts.Length == 3 && parts[2] == "WE" ? p + "-WE" : p;
            }
            else
            {
                return ParseResult<Timex>.Fail($"unsupported timex '{s}'");
            }
        }

        if (year is null && month is null && weekday is null && period is null)
        {
            return ParseResult<Timex>.Fail($"nothing known in '{s}'");
        }

        return ParseResult<Timex>.Ok(new Timex(year, month, day, weekday, period, time));
    }

    /// <summary>"T14" → "T14:00", "T14:30:00" → "T14:30", "T14:30:15" stays, "TNI" stays; null when not a time.</summary>
    private static string? NormaliseTime(ReadOnlySpan<char> t)
    {
        if (t.Length == 3 && t[1..] is "MO" or "AF" or "EV" or "NI" or "DT" or "MI")
        {
            return t.ToString();
        }

        if (t.Length >= 3 && char.IsAsciiDigit(t[1]) && char.IsAsciiDigit(t[2]))
        {
            var hh = t.Slice(1, 2);
            var mm = t.Length >= 6 && t[3] == ':' ? t.Slice(4, 2) : "00";
            if (t.Length >= 9 && t[6] == ':' && t.Slice(7, 2) is var ss && !ss.SequenceEqual("00"))
            {
                return string.Concat("T", hh, ":", mm) + ":" + ss.ToString(); // "T10:35:22": seconds written in the text
            }

            return string.Concat("T", hh, ":", mm);
        }

        return null;
    }

    /// <summary>The TimeML value: "2019-01-08TNI", "2018-05", "XXXX-WXX-2", "T12:00".</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder(16);
        if (HasDate)
        {
            sb.Append(Year is { } y ? y.ToString("D4", CultureInfo.InvariantCulture) : "XXXX");
            if (Month is { } m)
            {
                sb.Append('-').Append(m.ToString("D2", CultureInfo.InvariantCulture));
                if (Day is { } d)
                {
                    sb.Append('-').Append(d.ToString("D2", CultureInfo.InvariantCulture));
                }
            }
            else if (Weekday is { } w)
            {
                sb.Append("-WXX-").Append((char)('0' + w));
            }
            else if (Period is { } p)
            {
                sb.Append('-').Append(p);
            }
        }

        if (TimeOfDay is { } t)
        {
            sb.Append(t);
        }

        return sb.ToString();
    }

    /// <summary>Moves the value by whole units at its own precision (days for a full date, months for a month...).</summary>
    public Timex Shift(int days, int months, int years)
    {
        if (Date is { } date)
        {
            var moved = date.AddDays(days).AddMonths(months).AddYears(years);
            return this with { Year = moved.Year, Month = moved.Month, Day = moved.Day };
        }

        if (Year is { } y && Month is { } m)
        {
            var moved = new DateOnly(y, m, 1).AddMonths(months + (days / 30)).AddYears(years);
            return this with { Year = moved.Year, Month = moved.Month };
        }

        if (Year is { } yy)
        {
            return this with { Year = yy + years + (months / 12) };
        }

        return this;
    }
}
