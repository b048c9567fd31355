using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class RecentKeysTests
{
    [Fact]
    public void Slot_SameInstanceAgain_HoldsItsValue()
    {
        var cache = new RecentKeys<int>(slotBits: 4);
        var key = new string("harbour".AsSpan());
        ref var entry = ref cache.Slot(key);
        entry.Key = key;
        entry.Value = 7;

        Assert.Same(key, cache.Slot(key).Key);
        Assert.Equal(7, cache.Slot(key).Value);
    }

    [Fact]
    public void Slot_EqualKeyOtherInstance_NotHeldAsThatKey()
    {
        // entries are matched by instance: an equal string made elsewhere must be looked up, not taken from the cache
        var cache = new RecentKeys<int>(slotBits: 4);
        var key = new string("harbour".AsSpan());
        var other = new string("harbour".AsSpan());
        ref var entry = ref cache.Slot(key);
        entry.Key = key;

        Assert.False(ReferenceEquals(cache.Slot(other).Key, other));
    }
}
