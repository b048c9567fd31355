using Tacitus.Mentions.Time;

namespace Tacitus.Tests.Mentions.Time;

public sealed class YearResolverTests
{
    [Theory]
    [InlineData("2019-01-09", 5, null, "Past", 2018)]     // "in May", past, January story: last year's May
    [InlineData("2019-01-09", 5, null, "Future", 2019)]   // "in May", future: this year's
    [InlineData("2019-01-09", 1, null, "Past", 2019)]     // "in January", past, January story: this month
    [InlineData("2019-01-09", 1, 20, "Past", 2018)]       // "Jan. 20", past, but not yet come this year
    [InlineData("2019-11-20", 1, null, "Future", 2020)]   // "in January", future, November story
    [InlineData("2019-01-09", 12, null, "Unknown", 2018)] // "December" in January, no tense: the one just gone
    [InlineData("2019-10-30", 3, null, "Unknown", 2019)]  // "March" in October, no tense: this year's
    [InlineData("2019-03-04", 12, null, "Unknown", 2019)] // "December" in March, no tense: this year's
    public void Resolve_MonthAndTense_PicksYear(string anchor, int month, int? day, string tense, int expected)
    {
        Assert.Equal(expected, YearResolver.Resolve(DateOnly.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture), month, day, Enum.Parse<Tense>(tense)));
    }

    [Theory]
    [InlineData("1989-11-02", 10, 1, 12, 31, "Future", 1989)] // "the fourth quarter" has not ended yet
    [InlineData("1989-11-02", 4, 1, 6, 30, "Unknown", 1989)]  // "the second quarter" just gone
    public void ResolveStretch_Quarter_PicksYear(string anchor, int startMonth, int startDay, int endMonth, int endDay, string tense, int expected)
    {
        Assert.Equal(expected, YearResolver.ResolveStretch(DateOnly.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture), startMonth, startDay, endMonth, endDay, Enum.Parse<Tense>(tense)));
    }
}
