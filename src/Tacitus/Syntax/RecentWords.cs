using System.Runtime.CompilerServices;

namespace Tacitus.Syntax;

/// <summary>
/// What a lookup gave for the words one thread met lately: one entry per slot, chosen by a hash the caller gives,
/// holding the word's characters and a small key of the caller's (a tag, flags), so a hit is checked against the word
/// itself and gives exactly what the lookup gave. Most of a text's words were met a few sentences before, and reading
/// one entry costs less than a lookup in a large string table (a hash, then several dependent cache misses: bucket,
/// entry, the key's string). Words longer than <see cref="MaxLength"/> or empty are not kept. Not thread-safe: one
/// instance per thread and per table the values come from.
/// </summary>
internal sealed class RecentWords<TValue>
{
    /// <summary>The longest word kept, in characters.</summary>
    public const int MaxLength = 16;

    private readonly Entry[] entries;
    private readonly int shift;

    /// <summary>A cache of 2^<paramref name="slotBits"/> entries.</summary>
    public RecentWords(int slotBits = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slotBits, 20);
        entries = new Entry[1 << slotBits];
        shift = 64 - slotBits;
    }

    /// <summary>True when a word of this length can be kept.</summary>
    public static bool Keeps(ReadOnlySpan<char> word) => word.Length is > 0 and <= MaxLength;

    /// <summary>The entry for a word with this hash; it holds the word only if <see cref="Entry.Holds"/> says so.</summary>
    public ref Entry Slot(ulong hash) => ref entries[(int)((hash * 0x9E3779B97F4A7C15UL) >> shift)];

    /// <summary>FNV-1a over a word's characters, for callers without a hash of their own.</summary>
    public static ulong Hash(ReadOnlySpan<char> word, int key)
    {
        var hash = 14695981039346656037UL ^ (uint)key;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    [InlineArray(MaxLength)]
    internal struct Chars
    {
        private char first;
    }

    internal struct Entry
    {
        private Chars text;
        private ulong hash;
        private int key;
        private byte length;

        /// <summary>What the lookup gave for the word held.</summary>
        public TValue Value;

        /// <summary>True when this entry was filled for <paramref name="word"/> with this hash and key.</summary>
        public readonly bool Holds(ReadOnlySpan<char> word, ulong hash, int key) =>
            this.hash == hash && this.key == key && length == word.Length && word.SequenceEqual(((ReadOnlySpan<char>)text)[..length]);

        /// <summary>Makes this the entry of <paramref name="word"/> (see <see cref="Keeps"/>) with <paramref name="value"/>.</summary>
        public void Fill(ReadOnlySpan<char> word, ulong hash, int key, TValue value)
        {
            word.CopyTo(text);
            length = (byte)word.Length;
            this.hash = hash;
            this.key = key;
            Value = value;
        }
    }
}
