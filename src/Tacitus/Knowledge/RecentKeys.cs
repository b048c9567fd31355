using System.Runtime.CompilerServices;

namespace Tacitus.Knowledge;

/// <summary>
/// What a lookup gave for the keys one thread asked lately, by the key's instance: the analysis's word keys come from
/// <see cref="Mentions.KeyPool"/>, so a word met again is the same string, and one comparison of references answers
/// it instead of a lookup in a large table (a hash over the word, then the bucket, the entry and the stored key's
/// characters, cache misses each). A key that is equal but another instance misses and is looked up as before, so
/// what a caller gets is always what the table gives. Not thread-safe: one instance per thread and per table.
/// </summary>
internal sealed class RecentKeys<TValue>
{
    private readonly Entry[] entries;

    /// <summary>A cache of 2^<paramref name="slotBits"/> entries.</summary>
    public RecentKeys(int slotBits = 11)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slotBits, 20);
        entries = new Entry[1 << slotBits];
    }

    /// <summary>The entry for <paramref name="key"/>; it holds the key only when its <see cref="Entry.Key"/> is this very instance.</summary>
    public ref Entry Slot(string key) => ref entries[RuntimeHelpers.GetHashCode(key) & (entries.Length - 1)];

    internal struct Entry
    {
        public string? Key;

        public TValue Value;
    }
}
