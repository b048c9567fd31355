using System.Numerics;

namespace Tacitus.Knowledge;

/// <summary>
/// A small bit filter of a string table's keys (a Bloom filter): "no" is certain, "yes" may be wrong, about one time in
/// a hundred. Held by a <see cref="PhraseIndex{T}"/> over its one-word keys (the actor rules try up to four indexes at
/// every token, and most tokens start no phrase of any) and by the <see cref="Gazetteer"/> over its names (the place
/// rules try each capitalised run at every length). Those tables are megabytes, so a lookup that finds nothing still
/// costs a few cache misses; this filter (16 bits a key: a few KB for a phrase index's first words, 256 KB for the
/// gazetteer) answers from one line of memory. Two bits of one 64-bit word per key, both taken from the key's
/// <see cref="Hash"/>, which <see cref="TokenKeys"/> works out once per token.
/// </summary>
internal sealed class KeyFilter
{
    private readonly ulong[] bits;
    private readonly int mask;

    /// <summary>A filter of the keys <paramref name="words"/> (their count sizes it).</summary>
    public KeyFilter(IReadOnlyCollection<string> words)
    {
        // 16 bits a word, a power of two of 64-bit words, at least one
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, (words.Count * 16 + 63) / 64));
        bits = new ulong[size];
        mask = size - 1;
        foreach (var word in words)
        {
            var hash = Hash(word);
            bits[(int)hash & mask] |= Bits(hash);
        }
    }

    /// <summary>False when no key of the table has this <see cref="Hash"/>; true when one may.</summary>
    public bool MayHold(ulong hash)
    {
        var want = Bits(hash);
        return (bits[(int)hash & mask] & want) == want;
    }

    /// <summary>A 64-bit hash of a word's characters (FNV-1a, then a finaliser that spreads it over all bits).</summary>
    public static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }

    private static ulong Bits(ulong hash) => (1UL << (int)((hash >> 40) & 63)) | (1UL << (int)((hash >> 52) & 63));
}
