using Tacitus.Syntax.Learning;
using Xunit;

namespace Tacitus.Tests.Syntax.Learning;

public sealed class NativeTableTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(1 << 20)]
    public void New_AnyLength_ClearedAndWritable(int length)
    {
        var table = new NativeTable<long>(length);
        Assert.Equal(length, table.Length);
        Assert.True(table.Span.IndexOfAnyExcept(0L) < 0, "a new table reads as zeros");
        if (length > 0)
        {
            table.Span[^1] = 42;
            Assert.Equal(42, table.Span[length - 1]);
        }
    }

    [Fact]
    public void New_NegativeLength_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NativeTable<int>(-1));
    }
}
