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

    /// <summary>Slots of each thread's cache of words it got from the shared pool lately (a power of two).</summary>
    private const int RecentSlots = 4096;

    private static readonly KeyPool Shared = new();

    // the words this thread got from the shared pool lately, one per slot by a quick hash of their characters: most of
    // a text's words were met a few words or sentences before, and a slot's one comparison costs less than the pool's
    // lookup (a hash over the word, then the table's locks-free reads). Only the shared pool (the one the analysis
    // uses) is cached: a cache that followed whichever pool a thread used last would keep that pool alive after its
    // owner dropped it, and allocate a new slot array at each switch. Only pooled strings go in, so a hit returns the
    // very instance the pool holds
    [ThreadStatic]
    private static string?[]? recent;

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

        if (!ReferenceEquals(this, Shared))
        {
            return Find(key, out _);
        }

        ref var slot = ref (recent ??= new string?[RecentSlots])[Slot(key)];
        if (slot is not null && key.SequenceEqual(slot))
        {
            return slot;
        }

        var found = Find(key, out var pooled);
        if (pooled)
        {
            slot = found;
        }

        return found;
    }

    /// <summary>The pooled string equal to <paramref name="key"/> from the table, added if the pool has room; <paramref name="pooled"/> says whether the pool holds it.</summary>
    private string Find(ReadOnlySpan<char> key, out bool pooled)
    {
        if (lookup.TryGetValue(key, out var kept))
        {
            pooled = true;
            return kept;
        }

        var made = key.ToString();
        if (Volatile.Read(ref count) >= capacity)
        {
            pooled = false;
            return made;
        }

        // if another thread added the same word in between, its string is handed out, so equal keys stay one instance
        kept = words.GetOrAdd(made, made);
        if (ReferenceEquals(kept, made))
        {
            Interlocked.Increment(ref count);
        }

        pooled = true;
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
}
