namespace Tacitus.Mentions.Time;

/// <summary>
/// Puts a bare weekday on the calendar. In past-tense (or tenseless) reporting "Tuesday" is the most recent Tuesday at
/// or before the anchor date (the anchor's own weekday is the same day: "said Wednesday" in a Wednesday story);
/// in future-tense text it is the next one at or after the anchor; in the present tense, the nearer of the two.
/// </summary>
internal static class WeekdayResolver
{
    /// <param name="isoWeekday">1 = Monday … 7 = Sunday.</param>
    public static DateOnly Resolve(DateOnly anchor, int isoWeekday, Tense tense)
    {
        var anchorDay = IsoWeekday(anchor);
        var back = (anchorDay - isoWeekday + 7) % 7;
        var ahead = (isoWeekday - anchorDay + 7) % 7;
        return tense switch
        {
            Tense.Future => anchor.AddDays(ahead),
            Tense.Present => ahead < back ? anchor.AddDays(ahead) : anchor.AddDays(-back),
            _ => anchor.AddDays(-back),
        };
    }

    public static int IsoWeekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
}
