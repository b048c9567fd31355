using Tacitus.Mentions;

namespace Tacitus.Tests.Mentions;

public sealed class NumberReaderTests
{
    [Theory]
    [InlineData("520 miles", 520, 3)]
    [InlineData("1,200 metres", 1200, 5)]
    [InlineData("1.2 million people", 1.2e6, 11)]
    [InlineData("5bn", 5e9, 3)]
    [InlineData("two days", 2, 3)]
    [InlineData("twenty-four hours", 24, 11)]
    [InlineData("one hundred and twenty men", 120, 22)]
    [InlineData("a dozen", 12, 7)]
    [InlineData("a couple of years", 2, 8)]
    [InlineData("three thousand troops", 3000, 14)]
    public void TryRead_NewsNumber_ReadsValueAndLength(string text, double value, int length)
    {
        Assert.True(NumberReader.TryRead(text, out var read, out var taken));
        Assert.Equal(value, read);
        Assert.Equal(length, taken);
    }

    [Theory]
    [InlineData("")]
    [InlineData("miles")]
    [InlineData("the")]
    public void TryRead_NotANumber_Fails(string text)
    {
        Assert.False(NumberReader.TryRead(text, out _, out _));
    }
}
