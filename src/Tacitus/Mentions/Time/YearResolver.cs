namespace Tacitus.Mentions.Time;

/// <summary>
/// Supplies the missing year of a month, a month and day, a quarter or a season ("in May", "9 January",
/// "the fourth quarter"), treating each as a stretch of days.
/// Past tense: the latest one that has begun by the anchor ("in May" in a January story → last year's May).
/// Future tense: the earliest one that has not ended by the anchor.
/// No tense: the anchor's own calendar year (the news-style rule that a date without a year is this year's), unless
/// that is more than six months away and the one in the adjacent year is within two months ("December" in January).
/// </summary>
internal static class YearResolver
{
    private const int FarDays = 183;
    private const int NearDays = 62;

    /// <param name="day">Null for a whole month.</param>
    public static int Resolve(DateOnly anchor, int month, int? day, Tense tense)
    {
        var endMonth = month;
        var endDay = day ?? DateTime.DaysInMonth(anchor.Year, month);
        return ResolveStretch(anchor, month, day ?? 1, endMonth, endDay, tense);
    }

    /// <summary>The year for the stretch from (startMonth, startDay) to (endMonth, endDay) inclusive, which may cross New Year.</summary>
    public static int ResolveStretch(DateOnly anchor, int startMonth, int startDay, int endMonth, int endDay, Tense tense)
    {
        var year = anchor.Year;
        var (start, end) = Stretch(year, startMonth, startDay, endMonth, endDay);
        switch (tense)
        {
            case Tense.Past:
                return start <= anchor ? year : year - 1;
            case Tense.Future:
                return end >= anchor ? year : year + 1;
            default:
                if (start <= anchor && anchor <= end)
                {
                    return year;
                }

                if (start > anchor)
                {
                    var ahead = start.DayNumber - anchor.DayNumber;
                    var (_, endBefore) = Stretch(year - 1, startMonth, startDay, endMonth, endDay);
                    var behind = anchor.DayNumber - endBefore.DayNumber;
                    return ahead > FarDays && behind <= NearDays ? year - 1 : year;
                }
                else
                {
                    var behind = anchor.DayNumber - end.DayNumber;
                    var (startAfter, _) = Stretch(year + 1, startMonth, startDay, endMonth, endDay);
                    var ahead = startAfter.DayNumber - anchor.DayNumber;
                    return behind > FarDays && ahead <= NearDays ? year + 1 : year;
                }
        }
    }

    /// <summary>Month that a season starts in, for resolving "XXXX-SU" like a stretch of three months.</summary>
    public static int SeasonStartMonth(string season) => season switch
    {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };

    private static (DateOnly Start, DateOnly End) Stretch(int year, int startMonth, int startDay, int endMonth, int endDay)
    {
        var start = new DateOnly(year, startMonth, Math.Min(startDay, DateTime.DaysInMonth(year, startMonth)));
        var endYear = endMonth < startMonth ? year + 1 : year;
        var end = new DateOnly(endYear, endMonth, Math.Min(endDay, DateTime.DaysInMonth(endYear, endMonth)));
        return (start, end);
    }
}
