using System.Collections.Frozen;

namespace Tacitus.Knowledge;

/// <summary>
/// Named word lists from one hand-kept data file (<c>list &lt;TAB&gt; word [&lt;TAB&gt; value]</c> per line, read
/// through <see cref="DataFile"/>), so the words a rule reads are data, not C#. Asking for a list the file does not
/// hold is a fault in the build (a renamed list, a broken file), not bad input, and throws.
/// </summary>
internal sealed class WordLists
{
    private readonly Dictionary<string, FrozenSet<string>> lists;
    private readonly Dictionary<string, List<(string Word, string Value)>> valued;
    private readonly string origin;

    private WordLists(Dictionary<string, FrozenSet<string>> lists, Dictionary<string, List<(string Word, string Value)>> valued, string origin)
    {
        this.lists = lists;
        this.valued = valued;
        this.origin = origin;
    }

    /// <summary>The words of the list called <paramref name="name"/> with their values (the third field, empty when
    /// absent), in file order: a word listed twice keeps its first value.</summary>
    /// <exception cref="InvalidOperationException">The file holds no such list.</exception>
    public FrozenDictionary<string, string> Values(string name, StringComparer comparer)
    {
        if (!valued.TryGetValue(name, out var entries))
        {
            throw new InvalidOperationException($"The word list '{name}' is not in {origin}; rebuild the project.");
        }

        var values = new Dictionary<string, string>(comparer);
        foreach (var (word, value) in entries)
        {
            values.TryAdd(word, value);
        }

        return values.ToFrozenDictionary(comparer);
    }

    /// <summary>The list called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The file holds no such list.</exception>
    public FrozenSet<string> this[string name] =>
        lists.TryGetValue(name, out var words) ? words : throw new InvalidOperationException($"The word list '{name}' is not in {origin}; rebuild the project.");

    /// <summary>Reads the lists of an embedded data file, data/<paramref name="folder"/>/<paramref name="file"/>.</summary>
    public static WordLists Embedded(string folder, string file) =>
        Resource(DataFile.ResourceName(folder, file), $"data/{folder}/{file}");

    /// <summary>Reads the lists of the embedded resource <paramref name="resource"/>, shipped as <paramref name="origin"/>.</summary>
    public static WordLists Resource(string resource, string origin)
    {
        var words = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var valued = new Dictionary<string, List<(string Word, string Value)>>(StringComparer.Ordinal);
        foreach (var line in DataFile.Embedded(resource))
        {
            if (line.Fields.Length is < 2 or > 3 || line.Fields[0].Length == 0 || line.Fields[1].Length == 0)
            {
                throw new InvalidOperationException($"The word lists do not load: {DataFile.Error("TAC420", "knowledge", line, "expected a list name, a word and an optional value")}");
            }

            if (!words.TryGetValue(line.Fields[0], out var list))
            {
                words[line.Fields[0]] = list = new HashSet<string>(StringComparer.Ordinal);
                valued[line.Fields[0]] = [];
            }

            list.Add(line.Fields[1]);
            valued[line.Fields[0]].Add((line.Fields[1], line.Fields.Length == 3 ? line.Fields[2] : string.Empty));
        }

        return new WordLists(words.ToDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal), valued, origin);
    }
}
