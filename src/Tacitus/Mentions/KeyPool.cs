using System.Collections.Concurrent;

namespace Tacitus.Mentions;

/// <summary>
/// The normalised word keys the actor rules read, shared between documents: a word seen before gives back the same
/// string instead of a new one, so a document's keys cost no allocation once the common vocabulary is in the pool.
/// One pool for the whole process, shared by the pipeline's workers (lookups take no lock): with a pool per worker
/// thread, each worker filled its own copy of the vocabulary, and kept adding words for as long as it met documents
/// the other worker had read, so the live heap crept up through a long run (docs/PERFORMANCE.md, s8-memory). It stops
/// growing at <see cref="Capacity"/> words, after which new words are allocated as before, so memory stays flat however
/// long the corpus.
/// </summary>
internal sealed class KeyPool
{
    /// <summary>About two years of one wire service's vocabulary; at ~60 bytes a word, a few MB.</summary>
    public const int Capacity = 100_000;

    /// <summary>Slots of each thread's cache of words it got from the pool lately (a power of two).</summary>
    private const int RecentSlots = 4096;

    private static readonly KeyPool Shared = new();

    // the words this thread got from the pool lately, one per slot by a quick hash of their characters: most of a
    // text's words were met a few words or sentences before, and a slot's one comparison costs less than the shared
    // pool's lookup (a hash over the word, then the table's locks-free reads). Only pooled strings go in, so a hit
    // returns the very instance the pool holds
    [ThreadStatic]
    private static Recent? recent;

    private readonly ConcurrentDictionary<string, string> words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly int capacity;
    private int count;

    public KeyPool(int capacity = Capacity)
    {
        this.capacity = capacity;
        lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The process's pool (every thread gets the same one).</summary>
    public static KeyPool Current => Shared;

    public int Count => Volatile.Read(ref count);

    /// <summary>The pooled string equal to <paramref name="key"/>, added if the pool has room.</summary>
    public string Get(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return string.Empty;
        }

        var cache = recent;
        if (cache is null || !ReferenceEquals(cache.Pool, this))
        {
            cache = recent = new Recent(this);
        }

        ref var slot = ref cache.Slots[Slot(key)];
        if (slot is not null && key.SequenceEqual(slot))
        {
            return slot;
        }

        if (lookup.TryGetValue(key, out var pooled))
        {
            slot = pooled;
            return pooled;
        }

        var made = key.ToString();
        if (Volatile.Read(ref count) >= capacity)
        {
            return made;
        }

        // if another thread added the same word in between, its string is handed out, so equal keys stay one instance
        var kept = words.GetOrAdd(made, made);
        if (ReferenceEquals(kept, made))
        {
            Interlocked.Increment(ref count);
        }

        slot = kept;
        return kept;
    }

    /// <summary>The cache slot of a word (FNV-1a over its characters).</summary>
    private static int Slot(ReadOnlySpan<char> key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)((hash ^ (hash >> 15)) & (RecentSlots - 1));
    }

    /// <summary>One thread's recent words of one pool.</summary>
    private sealed class Recent(KeyPool pool)
    {
        public KeyPool Pool { get; } = pool;

        public string?[] Slots { get; } = new string?[RecentSlots];
    }
}
