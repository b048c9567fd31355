namespace Tacitus.Mentions;

/// <summary>
/// The normalised word keys the actor rules read, shared between documents: a word seen before gives back the same
/// string instead of a new one, so a document's keys cost no allocation once the common vocabulary is in the pool.
/// One pool per thread (the pipeline's workers never share one); it stops growing at <see cref="Capacity"/> words,
/// after which new words are allocated as before, so memory stays flat however long the corpus.
/// </summary>
internal sealed class KeyPool
{
    /// <summary>About two years of one wire service's vocabulary; at ~60 bytes a word, a few MB per worker.</summary>
    public const int Capacity = 100_000;

    [ThreadStatic]
    private static KeyPool? current;

    private readonly HashSet<string> words = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly int capacity;

    public KeyPool(int capacity = Capacity)
    {
        this.capacity = capacity;
        lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pool of the calling thread.</summary>
    public static KeyPool Current => current ??= new KeyPool();

    public int Count => words.Count;

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
        if (words.Count < capacity)
        {
            words.Add(made);
        }

        return made;
    }
}
