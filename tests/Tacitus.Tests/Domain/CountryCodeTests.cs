using Tacitus.Domain;

namespace Tacitus.Tests.Domain;

public sealed class CountryCodeTests
{
    [Theory]
    [InlineData("PRK", true, "PRK")]
    [InlineData("chn", true, "CHN")]
    [InlineData("UNO", true, "UNO")]
    [InlineData("US", false, null)]
    [InlineData("U5A", false, null)]
    [InlineData(null, false, null)]
    public void Parse_Input_ReturnsCodeOrError(string? input, bool ok, string? expected)
    {
        var result = CountryCode.Parse(input);
        Assert.Equal(ok, result.Success);
        if (ok)
        {
            Assert.Equal(expected, result.Value.Value);
        }
        else
        {
            Assert.Contains("country code", result.Error, StringComparison.Ordinal);
        }
    }
}
