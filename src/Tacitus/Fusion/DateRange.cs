using System.Globalization;

namespace Tacitus.Fusion;

/// <summary>
/// The days an event date can stand for: "2019-01-08" is one day, "2019-01" a month, "2019" a year. A date that
/// is only the publication date (no expression in the text) stands for the few days before publication.
/// <see cref="Precision"/> orders how much the date says: 0 publication only, 1 year, 2 month, 3 day.
/// </summary>
internal readonly record struct DateRange(DateOnly Earliest, DateOnly Latest, int Precision)
{
    /// <summary>The <see cref="Precision"/> of a date that names its day.</summary>
    public const int DayPrecision = 3;

    /// <summary>Days before publication a report with no date expression may be about.</summary>
    public const int PublicationSlack = 3;

    public bool Overlaps(DateRange other, int slackDays = 1) =>
        Earliest.AddDays(-slackDays) <= other.Latest && other.Earliest.AddDays(-slackDays) <= Latest;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The first month of a TIMEX3 season code (SP, SU, FA or AU, WI), or null.</summary>
    private static int? Season(ReadOnlySpan<char> code) => code switch
    {
        "SP" => 3,
        "SU" => 6,
        "FA" or "AU" => 9,
        "WI" => 12,
        _ => null,
    };

    /// <summary>The range of an event date value at its precision; null for values with no calendar reading (P1D, PRESENT_REF).</summary>
    public static DateRange? Of(string? value, string? basis)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return null;
        }

        if (value.Length >= 10 && ParseDay(value[..10]) is { } day)
        {
            return basis == "publication" ? new DateRange(day.AddDays(-PublicationSlack), day, 0) : new DateRange(day, day, 3);
        }

        if (value.Length >= 7 && value[4] == '-' && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            var first = new DateOnly(year, month, 1);
            return new DateRange(first, first.AddMonths(1).AddDays(-1), 2);
        }

        if (value.Length >= 7 && value[4] == '-' && Season(value.AsSpan(5, 2)) is int start)
        {
            // a season ("2015-SU", TIMEX3): its three months, winter running into the next year
            var first = new DateOnly(year, start, 1);
            return new DateRange(first, first.AddMonths(3).AddDays(-1), 2);
        }

        return value.Length == 4 ? new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), 1) : null;
    }
}
