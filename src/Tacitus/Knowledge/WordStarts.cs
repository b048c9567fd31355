using System.Collections.Frozen;

namespace Tacitus.Knowledge;

/// <summary>Which of the chunker's phrase indexes have a phrase starting with a word (the word itself as a key or a word-prefix).</summary>
[Flags]
internal enum PhraseStarts : byte
{
    None = 0,
    CountryAdjective = 1 << 0,
    Actor = 1 << 1,
    Capital = 1 << 2,
    Role = 1 << 3,

    /// <summary>Not known: every index is asked, as without this table.</summary>
    All = CountryAdjective | Actor | Capital | Role,
}

/// <summary>
/// One table per knowledge base giving, for a normalised word, its <see cref="Lexicon"/> classes and which of the chunker's
/// four phrase indexes (country adjectives, actors, capitals, roles) know it as a phrase's first word. The actor rules
/// read both for every token: one lookup here takes the place of the lexicon's and, for most tokens, all four phrase
/// indexes' (a longest match whose first word no phrase starts with ends before it begins). Built on first use, so
/// work that never chunks (training, evaluation of other layers) does not pay for it.
/// </summary>
internal sealed class WordStarts
{
    private readonly FrozenDictionary<string, (WordClass Class, PhraseStarts Starts)> facts;
    private readonly object[] indexes;

    internal WordStarts(Lexicon words, PhraseIndex<CountryInfo> adjectives, PhraseIndex<ActorEntry> actors, PhraseIndex<CountryInfo> capitals, PhraseIndex<RoleInfo> roles)
    {
        var table = new Dictionary<string, (WordClass Class, PhraseStarts Starts)>(StringComparer.Ordinal);
        foreach (var (word, cls) in words.Entries)
        {
            table[word] = (cls, PhraseStarts.None);
        }

        Add(table, adjectives.FirstWords(), PhraseStarts.CountryAdjective);
        Add(table, actors.FirstWords(), PhraseStarts.Actor);
        Add(table, capitals.FirstWords(), PhraseStarts.Capital);
        Add(table, roles.FirstWords(), PhraseStarts.Role);
        facts = table.ToFrozenDictionary(StringComparer.Ordinal);
        indexes = [adjectives, actors, capitals, roles];
    }

    /// <summary>The lexicon's classes of a normalised word and the indexes with a phrase starting with it.</summary>
    public WordClass ClassOf(string key, out PhraseStarts starts)
    {
        if (facts.TryGetValue(key, out var found))
        {
            starts = found.Starts;
            return found.Class;
        }

        // the table holds single words only: a key with a space (none of the tokenizer's, but not ruled out here) could
        // still be an index's prefix, so every index is asked for it as before
        starts = key.Contains(' ', StringComparison.Ordinal) ? PhraseStarts.All : PhraseStarts.None;
        return WordClass.None;
    }

    /// <summary>The flag of one of the four indexes this table was built from; <see cref="PhraseStarts.All"/> for any other index.</summary>
    public PhraseStarts FlagOf(object index)
    {
        for (var i = 0; i < indexes.Length; i++)
        {
            if (ReferenceEquals(indexes[i], index))
            {
                return (PhraseStarts)(1 << i);
            }
        }

        return PhraseStarts.All;
    }

    private static void Add(Dictionary<string, (WordClass Class, PhraseStarts Starts)> table, IEnumerable<string> firstWords, PhraseStarts flag)
    {
        foreach (var word in firstWords)
        {
            var had = table.GetValueOrDefault(word);
            table[word] = (had.Class, had.Starts | flag);
        }
    }
}
