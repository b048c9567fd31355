using Tacitus.Mentions.Quantities;

namespace Tacitus.Tests.Mentions.Quantities;

public sealed class UnitTableTests
{
    [Fact]
    public void SiValueOf_ValueOverflowingTheSiUnit_Null()
    {
        Assert.True(UnitTable.TryWord("mile", out var mile));

        Assert.Null(mile.SiValueOf(1e307));
        Assert.Equal(1609.344, mile.SiValueOf(1));
    }

    [Fact]
    public void SiValueOf_UnitWithoutSiUnit_Null()
    {
        Assert.True(UnitTable.TryWord("percent", out var percent));

        Assert.Null(percent.SiValueOf(5));
    }
}
