using Tacitus.Contract;
using Tacitus.Documents;

namespace Tacitus.Tests.Contract;

public sealed class EventDateRangeTests
{
    [Theory]
    [InlineData("2022-11-02", "2022-11-02", "2022-11-02", "day")]
    [InlineData("2022-10-31TNI", "2022-10-31", "2022-10-31", "part-of-day")]
    [InlineData("2019-01-09T14:00", "2019-01-09", "2019-01-09", "minute")]
    [InlineData("2016-09", "2016-09-01", "2016-09-30", "month")]
    [InlineData("2016-02", "2016-02-01", "2016-02-29", "month")]
    [InlineData("2016-W37", "2016-09-12", "2016-09-18", "week")]
    [InlineData("2016-W37-WE", "2016-09-17", "2016-09-18", "weekend")]
    [InlineData("2020-W53", "2020-12-28", "2021-01-03", "week")]
    [InlineData("2019-Q3", "2019-07-01", "2019-09-30", "quarter")]
    [InlineData("2019-H2", "2019-07-01", "2019-12-31", "half")]
    [InlineData("2019-WI", "2019-12-01", "2020-02-29", "season")]
    [InlineData("2015", "2015-01-01", "2015-12-31", "year")]
    [InlineData("PRESENT_REF", "2021-03-01", "2021-03-01", "present")]
    [InlineData("PAST_REF", null, "2021-03-01", "past")]
    [InlineData("XXXX-05", null, null, "unknown")]
    [InlineData("2016-W60", null, null, "unknown")]
    [InlineData("soon", null, null, "unknown")]
    public void From_TimexValue_DaysAndPrecision(string value, string? start, string? end, string precision)
    {
        var range = EventDateRange.From(new EventDate("words", value, "explicit"), new DateOnly(2021, 3, 1));

        Assert.Equal((start, end, precision), (EventDateRange.Iso(range.Start), EventDateRange.Iso(range.End), range.Precision));
    }

    [Fact]
    public void From_NoDate_Unknown()
    {
        Assert.Equal(new EventDateRange(null, null, "unknown"), EventDateRange.From(null, new DateOnly(2021, 3, 1)));
    }
}
