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

    [Fact]
    public void TryRead_DigitsBeyondDoubleRange_Fails()
    {
        // 310 digits parse to infinity, which no reader can use and JSON cannot carry
        var digits = new string('9', 310) + " miles";

        Assert.False(NumberReader.TryRead(digits, out var value, out var length));
        Assert.Equal(0, value);
        Assert.Equal(0, length);
    }

    [Theory]
    [InlineData(" hundred", 160)]
    [InlineData(" dozen", 300)]
    public void TryRead_ScaleWordsOverflowingDoubleRange_Fails(string scale, int times)
    {
        var words = "one" + string.Concat(Enumerable.Repeat(scale, times)) + " miles";

        Assert.False(NumberReader.TryRead(words, out var value, out var length));
        Assert.Equal((0d, 0), (value, length));
    }

    [Fact]
    public void TryRead_ScaleOverflowingDoubleRange_Fails()
    {
        Assert.False(NumberReader.TryRead("1" + new string('0', 305) + " billion", out _, out _));
    }
}
