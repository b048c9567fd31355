using System.Collections.Frozen;
using Tacitus.Documents;

namespace Tacitus.Knowledge;

/// <summary>Named actors (people, organisations, countries) by normalised phrase: names, aliases and synonyms.</summary>
public sealed class ActorDictionary
{
    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly Lazy<FrozenSet<string>> surnames;

    internal ActorDictionary(PhraseIndex<ActorEntry> index)
    {
        Index = index;
        surnames = new(() => BuildSurnames(index));
    }

    internal PhraseIndex<ActorEntry> Index { get; }

    public int Count => Index.Count;

    /// <summary>The entries a whole phrase names ("Moon Jae-in", "Xinhua"); empty when none.</summary>
    public IReadOnlyList<ActorEntry> Lookup(ReadOnlySpan<char> phrase) =>
        Index.TryGet(PhraseKey.Normalize(phrase.ToString()), out var found) ? found : [];

    /// <summary>
    /// True when a normalised word ("rumsfeld") is the last word of a person's name in the dictionary and names nothing
    /// else there: written alone and capitalised, it is most likely a person's surname.
    /// </summary>
    internal bool IsSurname(string key) => surnames.Value.Contains(key);

    private static FrozenSet<string> BuildSurnames(PhraseIndex<ActorEntry> index)
    {
        // an entry is listed under its name and each alias: read each once, and make a string only of a new surname
        var set = new HashSet<string>(StringComparer.Ordinal);
        var words = set.GetAlternateLookup<ReadOnlySpan<char>>();
        var seen = new HashSet<ActorEntry>(ReferenceEqualityComparer.Instance);
        foreach (var (_, values) in index.Entries())
        {
            foreach (var entry in values)
            {
                if (entry.Kind != MentionKind.Person || !seen.Add(entry))
                {
                    continue;
                }

                var name = PhraseKey.Normalize(entry.Name).AsSpan();
                var space = name.LastIndexOf(' ');
                var last = space < 0 ? [] : name[(space + 1)..];
                if (last.Length >= 4 && !last.ContainsAnyExcept(AsciiLetters))
                {
                    words.Add(last);
                }
            }
        }

        set.RemoveWhere(word => index.TryGet(word, out _));
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
