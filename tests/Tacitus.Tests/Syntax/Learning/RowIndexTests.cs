using Tacitus.Syntax.Learning;
using Xunit;

namespace Tacitus.Tests.Syntax.Learning;

public sealed class RowIndexTests
{
    private static ulong Find(RowIndex index, ulong key) => index.PayloadOf(key);

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(5000)]
    public void Find_AddedKeys_TheirPayloadsAndNothingForOthers(int rows)
    {
        var index = new RowIndex(rows);
        for (var i = 1; i <= rows; i++)
        {
            Assert.True(index.Add(FeatureKey.Quick(1, (ulong)i), (ulong)i * 3));
        }

        for (var i = 1; i <= rows; i++)
        {
            Assert.Equal((ulong)i * 3, Find(index, FeatureKey.Quick(1, (ulong)i)));
            Assert.Equal(0UL, Find(index, FeatureKey.Quick(2, (ulong)i)));
        }
    }

    [Fact]
    public void Find_KeysSharingOneHomeBucket_SpillIntoTheNextAndAreAllFound()
    {
        // 40 rows make 32 buckets: keys that are multiples of 32 all start at bucket 0 and fill it and the ones after
        var index = new RowIndex(40);
        Assert.Equal(31, index.Mask);
        for (ulong k = 1; k <= 10; k++)
        {
            Assert.True(index.Add(k * 32, k));
        }

        for (ulong k = 1; k <= 10; k++)
        {
            Assert.Equal(k, Find(index, k * 32));
        }

        Assert.Equal(0UL, Find(index, 11 * 32));
    }

    [Fact]
    public void Add_SameKeyTwice_Refused()
    {
        var index = new RowIndex(4);
        Assert.True(index.Add(7, 1));
        Assert.False(index.Add(7, 2));
        Assert.Equal(1UL, Find(index, 7));
    }

    [Theory]
    [InlineData(0UL, 1UL)]
    [InlineData(1UL, 0UL)]
    public void Add_ZeroKeyOrPayload_Refused(ulong key, ulong payload)
    {
        Assert.Throws<ArgumentException>(() => new RowIndex(4).Add(key, payload));
    }
}
