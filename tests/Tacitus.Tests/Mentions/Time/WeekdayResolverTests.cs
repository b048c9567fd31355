using Tacitus.Mentions.Time;

namespace Tacitus.Tests.Mentions.Time;

public sealed class WeekdayResolverTests
{
    [Theory]
    [InlineData("2019-01-09", 2, "Past", "2019-01-08")]    // Tuesday in a Wednesday story, past: the day before
    [InlineData("2019-01-09", 3, "Past", "2019-01-09")]    // Wednesday in a Wednesday story: the same day
    [InlineData("2019-01-09", 7, "Past", "2019-01-06")]    // Sunday
    [InlineData("2019-01-09", 4, "Future", "2019-01-10")]  // Thursday, future: the next day
    [InlineData("2019-01-12", 1, "Future", "2019-01-14")]  // Saturday story, "on Monday" in the future
    [InlineData("2019-01-12", 1, "Unknown", "2019-01-07")] // no tense: news reports the past
    [InlineData("2019-01-09", 5, "Present", "2019-01-11")] // present: the nearer Friday
    [InlineData("2019-01-09", 1, "Present", "2019-01-07")] // present: the nearer Monday
    public void Resolve_WeekdayAndTense_PicksDate(string anchor, int weekday, string tense, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WeekdayResolver.Resolve(DateOnly.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture), weekday, Enum.Parse<Tense>(tense)));
    }
}
