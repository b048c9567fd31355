using System.Globalization;
using Tacitus.Documents;
using Tacitus.Mentions.Time;

namespace Tacitus.Contract;

/// <summary>
/// An event date as a range of days a table can sort and filter by: "2016-09" → 2016-09-01..2016-09-30 (month),
/// "2016-W37" → the ISO week's Monday..Sunday (week), "2022-10-31TNI" → 2022-10-31 (part-of-day), "PRESENT_REF" →
/// the publication day (present). Precision: minute, part-of-day, day, weekend, week, month, quarter, season, half,
/// year, present, past, future, unknown (then no days).
/// </summary>
internal readonly record struct EventDateRange(DateOnly? Start, DateOnly? End, string Precision)
{
    private static readonly EventDateRange Unknown = new(null, null, "unknown");

    public static EventDateRange From(EventDate? date, DateOnly? published)
    {
        if (date is null)
        {
            return Unknown;
        }

        switch (date.Value)
        {
            case "PRESENT_REF":
                return new EventDateRange(published, published, "present");
            case "PAST_REF":
                return new EventDateRange(null, published, "past");
            case "FUTURE_REF":
                return new EventDateRange(published, null, "future");
            default:
                break;
        }

        var parsed = Timex.Parse(date.Value);
        if (!parsed.Success || parsed.Value.Year is not int year)
        {
            return Unknown;
        }

        var t = parsed.Value;
        if (t.Date is { } day)
        {
            return new EventDateRange(day, day, t.Precision switch { TimePrecision.Minute => "minute", TimePrecision.TimeOfDay => "part-of-day", _ => "day" });
        }

        if (t.Month is int month)
        {
            return new EventDateRange(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), "month");
        }

        return t.Period switch
        {
            null => new EventDateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), "year"),
            ['W', _, _, '-', 'W', 'E'] => Week(year, t.Period, weekend: true),
            ['W', _, _] => Week(year, t.Period, weekend: false),
            ['Q', var q] when q is >= '1' and <= '4' => Months(year, ((q - '1') * 3) + 1, 3, "quarter"),
            ['H', var h] when h is '1' or '2' => Months(year, h == '1' ? 1 : 7, 6, "half"),
            "SP" => Months(year, 3, 3, "season"),
            "SU" => Months(year, 6, 3, "season"),
            "FA" => Months(year, 9, 3, "season"),
            "WI" => Months(year, 12, 3, "season"),
            _ => Unknown,
        };
    }

    /// <summary>ISO date ("2016-09-01") or null.</summary>
    public static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static EventDateRange Week(int year, string period, bool weekend)
    {
        if (!int.TryParse(period.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week) || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return Unknown;
        }

        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return weekend ? new EventDateRange(monday.AddDays(5), monday.AddDays(6), "weekend") : new EventDateRange(monday, monday.AddDays(6), "week");
    }

    private static EventDateRange Months(int year, int firstMonth, int months, string precision)
    {
        var start = new DateOnly(year, firstMonth, 1);
        return new EventDateRange(start, start.AddMonths(months).AddDays(-1), precision);
    }
}
