using Tacitus.Documents;
using Tacitus.Mentions.Time;

namespace Tacitus.Tests.Mentions.Time;

public sealed class DateAnchorTests
{
    [Theory]
    [InlineData("the next morning", true)]
    [InlineData("the following day", true)]
    [InlineData("two days later", true)]
    [InlineData("the day before", true)]
    [InlineData("that night", true)]
    [InlineData("the year-ago quarter", true)]
    [InlineData("next week", false)]
    [InlineData("Tuesday night", false)]
    [InlineData("last year", false)]
    [InlineData("later this year", false)]
    public void IsEventRelative_Expression_Decides(string expression, bool expected)
    {
        Assert.Equal(expected, DateAnchor.IsEventRelative(expression));
    }

    private static ResolvedTime At(string timex, int sentence, Tense tense = Tense.Past) => new(Timex.Parse(timex).Value, sentence, tense);

    [Fact]
    public void ForEvent_PartOfDay_PrefersAnchorWithTimeOfDay()
    {
        var earlier = new[] { At("2019-01-08TNI", 3), At("2019-01-01", 4) };
        var anchor = DateAnchor.ForEvent(earlier, 8, partOfDay: true, TimePrecision.Day, Tense.Past, new DateOnly(2019, 1, 9));
        Assert.Equal("2019-01-08TNI", anchor!.Value.Value.ToString());
    }

    [Fact]
    public void ForEvent_WholeDay_TakesLatestDay()
    {
        var earlier = new[] { At("2019-01-08TNI", 3), At("2019-01-01", 4) };
        var anchor = DateAnchor.ForEvent(earlier, 8, partOfDay: false, TimePrecision.Day, Tense.Past, new DateOnly(2019, 1, 9));
        Assert.Equal("2019-01-01", anchor!.Value.Value.ToString());
    }

    [Fact]
    public void ForEvent_PastTense_SkipsAnchorsAfterPublication()
    {
        var earlier = new[] { At("2019-01-07", 1), At("2019-01-10TMO", 2, Tense.Future) };
        var anchor = DateAnchor.ForEvent(earlier, 3, partOfDay: false, TimePrecision.Day, Tense.Past, new DateOnly(2019, 1, 9));
        Assert.Equal("2019-01-07", anchor!.Value.Value.ToString());
    }

    [Fact]
    public void ForEvent_YearShift_AcceptsQuarter()
    {
        var earlier = new[] { At("1989-Q3", 1) };
        var anchor = DateAnchor.ForEvent(earlier, 2, partOfDay: false, TimePrecision.Year, Tense.Past, new DateOnly(1989, 11, 2));
        Assert.Equal("1989-Q3", anchor!.Value.Value.ToString());
        Assert.Null(DateAnchor.ForEvent(earlier, 2, partOfDay: false, TimePrecision.Day, Tense.Past, new DateOnly(1989, 11, 2)));
    }

    [Fact]
    public void ForTimeOfDay_TooFarBack_FindsNothing()
    {
        var earlier = new[] { At("2019-01-07", 1) };
        Assert.NotNull(DateAnchor.ForTimeOfDay(earlier, 4));
        Assert.Null(DateAnchor.ForTimeOfDay(earlier, 20));
    }
}
