namespace Tacitus.Mentions.Time;

/// <summary>
/// Supplies the missing year of a month, a month and day, or a season ("in May", "9 January", "XXXX-SU").
/// Past tense: the latest such date at or before the anchor ("in May" in a January story → last year's May).
/// Future tense: the earliest at or after the anchor. Otherwise: the nearer one, with ties going to the past.
/// </summary>
internal static class YearResolver
{
    /// <param name="day">Null for a whole month; the comparison then uses the month's first and last days.</param>
    public static int Resolve(DateOnly anchor, int month, int? day, Tense tense)
    {
        var sameYear = anchor.Year;
        var startThis = new DateOnly(sameYear, month, day ?? 1);
        var endThis = day is null ? startThis.AddMonths(1).AddDays(-1) : startThis;
        return tense switch
        {
            Tense.Past => startThis <= anchor ? sameYear : sameYear - 1,
            Tense.Future => endThis >= anchor ? sameYear : sameYear + 1,
            _ => Nearest(anchor, startThis, endThis),
        };
    }

    /// <summary>Month that a season starts in, for resolving "XXXX-SU" like a month.</summary>
    public static int SeasonStartMonth(string season) => season switch
    {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };

    private static int Nearest(DateOnly anchor, DateOnly startThis, DateOnly endThis)
    {
        if (startThis <= anchor && anchor <= endThis)
        {
            return anchor.Year;
        }

        if (startThis > anchor)
        {
            // this year's is ahead: compare with last year's
            var ahead = startThis.DayNumber - anchor.DayNumber;
            var behind = anchor.DayNumber - endThis.AddYears(-1).DayNumber;
            return behind <= ahead ? anchor.Year - 1 : anchor.Year;
        }
        else
        {
            var behind = anchor.DayNumber - endThis.DayNumber;
            var ahead = startThis.AddYears(1).DayNumber - anchor.DayNumber;
            return ahead < behind ? anchor.Year + 1 : anchor.Year;
        }
    }
}
