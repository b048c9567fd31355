using Tacitus.Syntax;

namespace Tacitus.Tests.Syntax;

public sealed class RecentWordsTests
{
    [Fact]
    public void Holds_WordFilledBefore_TrueWithItsValue()
    {
        var cache = new RecentWords<int>(slotBits: 4);
        var hash = RecentWords<int>.Hash("harbour", 3);
        cache.Slot(hash).Fill("harbour", hash, 3, 42);

        ref var entry = ref cache.Slot(hash);

        Assert.True(entry.Holds("harbour", hash, 3));
        Assert.Equal(42, entry.Value);
    }

    [Theory]
    [InlineData("harbours", 3)] // longer
    [InlineData("harboue", 3)]  // same length, one letter differs
    [InlineData("harbour", 4)]  // another key of the caller's
    public void Holds_AnotherWordOrKeyInTheSameSlot_False(string word, int key)
    {
        // a slot is chosen by the hash alone, so the entry must tell words and keys apart even under the same hash
        var cache = new RecentWords<int>(slotBits: 4);
        var hash = RecentWords<int>.Hash("harbour", 3);
        cache.Slot(hash).Fill("harbour", hash, 3, 42);

        Assert.False(cache.Slot(hash).Holds(word, hash, key));
    }

    [Fact]
    public void Holds_EmptySlot_FalseEvenForHashZero()
    {
        var cache = new RecentWords<int>(slotBits: 4);

        Assert.False(cache.Slot(0).Holds("a", 0, 0));
    }

    [Fact]
    public void Fill_TwoWordsOfOneSlot_SecondReplacesFirst()
    {
        // with one slot every word shares it: the later word is held, the earlier one no longer
        var cache = new RecentWords<int>(slotBits: 1);
        var words = Enumerable.Range(0, 40).Select(i => $"w{i}").ToArray();
        var first = words[0];
        var firstHash = RecentWords<int>.Hash(first, 0);
        var second = words.Skip(1).First(w => (RecentWords<int>.Hash(w, 0) * 0x9E3779B97F4A7C15UL) >> 63 == (firstHash * 0x9E3779B97F4A7C15UL) >> 63);
        var secondHash = RecentWords<int>.Hash(second, 0);
        cache.Slot(firstHash).Fill(first, firstHash, 0, 1);

        cache.Slot(secondHash).Fill(second, secondHash, 0, 2);

        Assert.False(cache.Slot(firstHash).Holds(first, firstHash, 0));
        Assert.True(cache.Slot(secondHash).Holds(second, secondHash, 0));
        Assert.Equal(2, cache.Slot(secondHash).Value);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("a", true)]
    [InlineData("sixteen-letters!", true)]
    [InlineData("seventeen-letters", false)]
    public void Keeps_WordLength_OnlyOneToMaxLength(string word, bool kept)
    {
        Assert.Equal(kept, RecentWords<int>.Keeps(word));
    }
}
