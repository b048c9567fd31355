using System.Collections.Frozen;

namespace Tacitus.Knowledge;

/// <summary>
/// Named word lists from one hand-kept data file (<c>list &lt;TAB&gt; word</c> per line, read through
/// <see cref="DataFile"/>), so the words a rule reads are data, not C#. Asking for a list the file does not hold is a
/// fault in the build (a renamed list, a broken file), not bad input, and throws.
/// </summary>
internal sealed class WordLists
{
    private readonly Dictionary<string, FrozenSet<string>> lists;
    private readonly string origin;

    private WordLists(Dictionary<string, FrozenSet<string>> lists, string origin)
    {
        this.lists = lists;
        this.origin = origin;
    }

    /// <summary>The list called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The file holds no such list.</exception>
    public FrozenSet<string> this[string name] =>
        lists.TryGetValue(name, out var words) ? words : throw new InvalidOperationException($"The word list '{name}' is not in {origin}; rebuild the project.");

    /// <summary>Reads the lists of an embedded data file, data/<paramref name="folder"/>/<paramref name="file"/>.</summary>
    public static WordLists Embedded(string folder, string file)
    {
        var name = DataFile.ResourceName(folder, file);
        var words = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in DataFile.Embedded(name))
        {
            if (line.Fields.Length != 2 || line.Fields[0].Length == 0 || line.Fields[1].Length == 0)
            {
                throw new InvalidOperationException($"The word lists do not load: {DataFile.Error("TAC420", "knowledge", line, "expected a list name and a word")}");
            }

            if (!words.TryGetValue(line.Fields[0], out var list))
            {
                words[line.Fields[0]] = list = new HashSet<string>(StringComparer.Ordinal);
            }

            list.Add(line.Fields[1]);
        }

        return new WordLists(words.ToDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal), $"data/{folder}/{file}");
    }
}
