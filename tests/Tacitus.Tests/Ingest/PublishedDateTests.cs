using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class PublishedDateTests
{
    [Theory]
    [InlineData("2019-01-09", 2019, 1, 9)]
    [InlineData("2019-01-09T23:59:00+09:00", 2019, 1, 9)]
    [InlineData("2019/1/9", 2019, 1, 9)]
    [InlineData("9 January 2019", 2019, 1, 9)]
    [InlineData("9th Jan. 2019", 2019, 1, 9)]
    [InlineData("January 9, 2019", 2019, 1, 9)]
    [InlineData("Wednesday, Jan 9 2019 10:00 EST", 2019, 1, 9)]
    [InlineData("Wed, 09 Jan 2019 10:00:00 +0000", 2019, 1, 9)]
    [InlineData("09.01.2019", 2019, 1, 9)]
    [InlineData("Sept 30, 2021", 2021, 9, 30)]
    public void Parse_CommonForms_ReadsDate(string value, int year, int month, int day)
    {
        var result = PublishedDate.Parse(value);
        Assert.True(result.Success, result.Error);
        Assert.Equal(new DateOnly(year, month, day), result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("01/09/2019")]
    [InlineData("2019-02-30")]
    [InlineData("31 June 2019")]
    public void Parse_AmbiguousOrInvalid_Fails(string value) => Assert.False(PublishedDate.Parse(value).Success);
}
