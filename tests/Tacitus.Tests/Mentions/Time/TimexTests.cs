using Tacitus.Documents;
using Tacitus.Mentions.Time;

namespace Tacitus.Tests.Mentions.Time;

public sealed class TimexTests
{
    [Theory]
    [InlineData("XXXX-WXX-2TNI", "XXXX-WXX-2TNI", TimePrecision.TimeOfDay)]
    [InlineData("2019-01-10TMO", "2019-01-10TMO", TimePrecision.TimeOfDay)]
    [InlineData("2019-01-09T14", "2019-01-09T14:00", TimePrecision.Minute)]
    [InlineData("T12:30:00", "T12:30", TimePrecision.Minute)]
    [InlineData("XXXX-05", "XXXX-05", TimePrecision.Month)]
    [InlineData("2018", "2018", TimePrecision.Year)]
    [InlineData("2019-W02", "2019-W02", TimePrecision.Day)]
    [InlineData("1998-Q3", "1998-Q3", TimePrecision.Month)]
    [InlineData("2018-SU", "2018-SU", TimePrecision.Month)]
    public void Parse_RecogniserTimex_WritesTimeMlValue(string timex, string expected, TimePrecision precision)
    {
        var parsed = Timex.Parse(timex);
        Assert.True(parsed.Success, parsed.Error);
        Assert.Equal(expected, parsed.Value.ToString());
        Assert.Equal(precision, parsed.Value.Precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P1D")]
    [InlineData("20x9-01")]
    [InlineData("2019-13")]
    public void Parse_NotACalendarTimex_Fails(string timex)
    {
        Assert.False(Timex.Parse(timex).Success);
    }

    [Fact]
    public void MoveOntoAnchor_NextMorning_CountsFromAnchor()
    {
        // the recogniser read "the next morning" as the day after publication; the anchor is Tuesday night
        var moved = TimexResolver.MoveOntoAnchor(Timex.Parse("2019-01-10TMO").Value, new DateOnly(2019, 1, 9), Timex.Parse("2019-01-08TNI").Value);
        Assert.Equal("2019-01-09TMO", moved.ToString());
    }

    [Fact]
    public void MoveOntoAnchor_YearEarlier_KeepsAnchorPeriod()
    {
        var moved = TimexResolver.MoveOntoAnchor(Timex.Parse("1988").Value, new DateOnly(1989, 11, 2), Timex.Parse("1989-Q3").Value);
        Assert.Equal("1988-Q3", moved.ToString());
    }
}
