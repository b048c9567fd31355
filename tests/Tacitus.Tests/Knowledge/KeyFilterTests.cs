using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

/// <summary>The bit filter in front of the string tables: never a "no" for a key it holds, mostly "no" for others.</summary>
public sealed class KeyFilterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(5_000)]
    public void MayHold_EveryKeyAdded_True(int count)
    {
        var keys = Words(count, seed: count);
        var filter = new KeyFilter(keys);

        Assert.All(keys, key => Assert.True(filter.MayHold(KeyFilter.Hash(key)), key));
    }

    [Fact]
    public void MayHold_KeysNotAdded_MostlyFalse()
    {
        var held = Words(5_000, seed: 1);
        var filter = new KeyFilter(held);
        var others = Words(20_000, seed: 2).Except(held, StringComparer.Ordinal).ToArray();

        var wrong = others.Count(key => filter.MayHold(KeyFilter.Hash(key)));

        // 16 bits a key and two bits a probe: about 1 % wrong; a filter that said "yes" to everything would save nothing
        Assert.InRange(wrong, 0, others.Length / 20);
    }

    [Fact]
    public void MayHold_NoKeys_False()
    {
        var filter = new KeyFilter([]);

        Assert.False(filter.MayHold(KeyFilter.Hash("minister")));
    }

    [Fact]
    public void Hash_SameCharactersFromStringOrSpan_Equal()
    {
        var text = "the minister said";
        Assert.Equal(KeyFilter.Hash("minister"), KeyFilter.Hash(text.AsSpan(4, 8)));
        Assert.NotEqual(KeyFilter.Hash("minister"), KeyFilter.Hash("ministers"));
    }

    private static string[] Words(int count, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < count)
        {
            var length = random.Next(1, 12);
            words.Add(string.Create(length, random, (span, r) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = (char)('a' + r.Next(26));
                }
            }));
        }

        return [.. words];
    }
}
