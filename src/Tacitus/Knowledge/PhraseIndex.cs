namespace Tacitus.Knowledge;

/// <summary>
/// Phrases (normalised by <see cref="PhraseKey"/>) → values, with every word-prefix of every phrase recorded so a
/// longest-match scan over tokens can stop as soon as no phrase continues. Read-only after building: safe to share.
/// </summary>
internal sealed class PhraseIndex<T>
{
    private const int PrefixOnly = -1;
    private readonly Dictionary<string, int> slots;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly T[][] values;

    private PhraseIndex(Dictionary<string, int> slots, T[][] values)
    {
        this.slots = slots;
        this.values = values;
        lookup = slots.GetAlternateLookup<ReadOnlySpan<char>>();
        FirstWords = new KeyFilter(OneWordKeys(slots));
    }

    /// <summary>The one-word keys this index knows (phrases and word-prefixes): a longest match whose first word is not
    /// among them finds nothing.</summary>
    public KeyFilter FirstWords { get; }

    public int Count => values.Length;

    public static PhraseIndex<T> Empty { get; } = Build([]);

    /// <summary>Builds the index from (already normalised key, value) pairs; a key may carry several values, kept in order.</summary>
    public static PhraseIndex<T> Build(IEnumerable<(string Key, T Value)> items)
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var lists = new List<List<T>>();
        foreach (var (key, value) in items)
        {
            if (key.Length == 0 || key.Length > PhraseKey.MaxLength)
            {
                continue;
            }

            if (slots.TryGetValue(key, out var slot) && slot != PrefixOnly)
            {
                if (!lists[slot].Contains(value))
                {
                    lists[slot].Add(value);
                }

                continue;
            }

            slots[key] = lists.Count;
            lists.Add([value]);
            for (var i = key.IndexOf(' ', StringComparison.Ordinal); i > 0; i = key.IndexOf(' ', i + 1))
            {
                slots.TryAdd(key[..i], PrefixOnly);
            }
        }

        return new PhraseIndex<T>(slots, [.. lists.Select(l => l.ToArray())]);
    }

    /// <summary>Looks a normalised key up: the values when it is a whole phrase, and whether longer phrases start with it.</summary>
    public bool TryGet(ReadOnlySpan<char> key, out T[] found, out bool known)
    {
        if (lookup.TryGetValue(key, out var slot))
        {
            known = true;
            found = slot == PrefixOnly ? [] : values[slot];
            return slot != PrefixOnly;
        }

        known = false;
        found = [];
        return false;
    }

    public bool TryGet(string key, out T[] found) => TryGet(key.AsSpan(), out found, out _);

    private static List<string> OneWordKeys(Dictionary<string, int> slots)
    {
        var keys = new List<string>(slots.Count);
        foreach (var key in slots.Keys)
        {
            if (!key.Contains(' ', StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>Every (key, values) pair, for merging.</summary>
    public IEnumerable<(string Key, T[] Values)> Entries() =>
        slots.Where(kv => kv.Value != PrefixOnly).Select(kv => (kv.Key, values[kv.Value]));
}
