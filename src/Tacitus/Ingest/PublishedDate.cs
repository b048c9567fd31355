using System.Globalization;
using System.Text.RegularExpressions;

namespace Tacitus.Ingest;

/// <summary>
/// Reads a publication date from the forms news metadata uses: ISO 8601 (<c>2024-03-05</c>, with or without a time),
/// RFC 822 (<c>Tue, 05 Mar 2024 08:00:00 GMT</c>), <c>5 March 2024</c>, <c>March 5, 2024</c>, <c>Mar. 5th 2024</c>,
/// <c>05.03.2024</c>. The date is the calendar date as written (no shift to UTC). Slashed day/month forms other than
/// year-first (<c>03/05/2024</c>) are ambiguous and refused.
/// </summary>
internal static partial class PublishedDate
{
    public static ParseResult<DateOnly> Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ParseResult<DateOnly>.Fail("no date given");
        }

        var iso = IsoDate().Match(value);
        if (iso.Success)
        {
            return Make(value, Number(iso.Groups["y"]), Number(iso.Groups["m"]), Number(iso.Groups["d"]));
        }

        var dayFirst = DayMonthYear().Match(value);
        if (dayFirst.Success)
        {
            return Make(value, Number(dayFirst.Groups["y"]), Month(dayFirst.Groups["mon"].Value), Number(dayFirst.Groups["d"]));
        }

        var monthFirst = MonthDayYear().Match(value);
        if (monthFirst.Success)
        {
            return Make(value, Number(monthFirst.Groups["y"]), Month(monthFirst.Groups["mon"].Value), Number(monthFirst.Groups["d"]));
        }

        var dotted = DottedDate().Match(value);
        if (dotted.Success)
        {
            return Make(value, Number(dotted.Groups["y"]), Number(dotted.Groups["m"]), Number(dotted.Groups["d"]));
        }

        return ParseResult<DateOnly>.Fail($"'{value.Trim()}' is not a date (use YYYY-MM-DD)");
    }

    private static ParseResult<DateOnly> Make(string value, int year, int month, int day)
    {
        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return ParseResult<DateOnly>.Fail($"'{value.Trim()}' is not a valid date");
        }

        return ParseResult<DateOnly>.Ok(new DateOnly(year, month, day));
    }

    private static int Number(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Month(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };

    private const string MonthNames =
        "(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+" + MonthNames + @"\.?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + MonthNames + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DottedDate();
}
