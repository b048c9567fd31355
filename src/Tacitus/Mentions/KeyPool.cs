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

    private static readonly KeyPool Shared = new();

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

        if (lookup.TryGetValue(key, out var pooled))
        {
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

        return kept;
    }
}
