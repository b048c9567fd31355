using Tacitus.Syntax.Learning;
using Xunit;

namespace Tacitus.Tests.Syntax.Learning;

public sealed class FeatureKeyTests
{
    [Fact]
    public void Quick_SmallValues_AllDistinctAndNeverZero()
    {
        var seen = new HashSet<ulong>();
        for (var template = 0; template < 8; template++)
        {
            for (ulong a = 0; a < 120; a++)
            {
                for (ulong b = 0; b < 120; b++)
                {
                    var key = FeatureKey.Quick(template, a, b);
                    Assert.NotEqual(0UL, key);
                    Assert.True(seen.Add(key), $"template {template}, values {a}, {b} collide");
                }
            }
        }
    }

    [Theory]
    [InlineData(3UL, 5UL)]
    [InlineData(1UL, 2UL)]
    [InlineData(0UL, 0x524F4F54UL)]
    public void Quick_SwappedValues_DifferentKeys(ulong a, ulong b)
    {
        Assert.NotEqual(FeatureKey.Quick(20, a, b), FeatureKey.Quick(20, b, a));
    }

    [Fact]
    public void Quick_SameValuesOtherTemplate_DifferentKey()
    {
        Assert.NotEqual(FeatureKey.Quick(1, 7UL), FeatureKey.Quick(2, 7UL));
        Assert.NotEqual(FeatureKey.Quick(1, 7UL, 8UL, 9UL), FeatureKey.Quick(2, 7UL, 8UL, 9UL));
    }

    [Fact]
    public void Join_FixedHash_DistinctValuesStayDistinct()
    {
        var hash = FeatureKey.Of(4);
        var results = Enumerable.Range(0, 10_000).Select(v => FeatureKey.Join(hash, (ulong)v)).ToHashSet();
        Assert.Equal(10_000, results.Count);
    }

    [Fact]
    public void Of_ExistingKeys_Unchanged()
    {
        // the entity model was trained on these keys: the fast combiners must not change them
        Assert.Equal(FeatureKey.Finish(FeatureKey.Add(FeatureKey.Of(3), "ab")), FeatureKey.Of(3, "ab"));
        Assert.Equal(FeatureKey.Finish(FeatureKey.Add(FeatureKey.Add(FeatureKey.Of(5), 1UL), 2UL)), FeatureKey.Of(5, 1UL, 2UL));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(0x0102030405060708UL)]
    [InlineData(ulong.MaxValue)]
    [InlineData(0x8000000000000001UL)]
    public void Add_Value_SameAsByteByByte(ulong value)
    {
        // the trained models' keys were made by this loop: the written-out form must give the same hash
        var hash = FeatureKey.Of(9);
        var expected = hash;
        var rest = value;
        for (var i = 0; i < 8; i++)
        {
            expected = (expected ^ (rest & 0xFF)) * 1099511628211UL;
            rest >>= 8;
        }

        Assert.Equal(expected, FeatureKey.Add(hash, value));
    }
}
