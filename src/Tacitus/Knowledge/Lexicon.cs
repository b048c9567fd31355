using System.Collections.Frozen;

namespace Tacitus.Knowledge;

/// <summary>Classes of words the actor rules read as cues (from data/knowledge/words.tsv and the people tables).</summary>
[Flags]
public enum WordClass
{
    None = 0,

    /// <summary>Capitalised only because it starts a sentence or a title: "The", "While", "Still", "Monday".</summary>
    Function = 1 << 0,

    /// <summary>A word seen as the first name of a person in the people tables, or listed as a given name.</summary>
    GivenName = 1 << 1,

    /// <summary>Mr, Mrs, Ms, Dr, Sen., Rep.: a person follows.</summary>
    Honorific = 1 << 2,

    /// <summary>said, told, added: a speaker is next to it.</summary>
    SpeechVerb = 1 << 3,

    /// <summary>in, at, to, from, near: the place after it is a place, not a government acting.</summary>
    PlacePreposition = 1 << 4,

    /// <summary>A finite verb or auxiliary that, after a capital city, makes the city an actor ("Moscow rejected").</summary>
    ActorVerb = 1 << 5,

    /// <summary>Last word of an organisation name (Ministry, Corp., University); see <see cref="Lexicon.OrgKindOf"/>.</summary>
    OrgHead = 1 << 6,

    /// <summary>Lower-case words allowed inside a name (of, the, and, for, de, al, bin).</summary>
    NameConnector = 1 << 7,

    /// <summary>he, she, they, his, her, their: pronouns coreference may resolve.</summary>
    Pronoun = 1 << 8,

    /// <summary>A word that makes a capitalised run a place, not a person (Street, River, County, City).</summary>
    PlaceHead = 1 << 9,

    /// <summary>A word that never starts or belongs to a person's name (months, days, common nouns written capitalised).</summary>
    NotName = 1 << 10,

    /// <summary>A common lower-case English word (data/knowledge/common-words.txt): written in capitals it is shouting or a
    /// heading, not a name ("VERY", "LOVE"); inside a name it is a descriptive word ("Housing", "Development").</summary>
    Common = 1 << 11,

    /// <summary>A lower-case noun for a kind of organisation ("company", "newspaper", "party"): the name next to it is an
    /// organisation's ("the imaging company Quellco", "the ruling Fatah party").</summary>
    OrgNoun = 1 << 12,
}

/// <summary>Word classes, keyed by the lower-case normalised word.</summary>
public sealed class Lexicon
{
    private readonly FrozenDictionary<string, WordClass> classes;
    private readonly FrozenDictionary<string, string> orgKinds;
    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> classLookup;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> orgLookup;

    internal Lexicon(IEnumerable<(string Word, WordClass Class, string? Value)> words)
    {
        var c = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        var o = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, cls, value) in words)
        {
            var key = PhraseKey.Normalize(word);
            if (key.Length == 0)
            {
                continue;
            }

            c[key] = c.GetValueOrDefault(key) | cls;
            if (cls == WordClass.OrgHead && value is not null)
            {
                o[key] = value;
            }
        }

        classes = c.ToFrozenDictionary(StringComparer.Ordinal);
        orgKinds = o.ToFrozenDictionary(StringComparer.Ordinal);
        classLookup = classes.GetAlternateLookup<ReadOnlySpan<char>>();
        orgLookup = orgKinds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => classes.Count;

    /// <summary>The classes of a normalised (lower-case) word.</summary>
    public WordClass ClassOf(ReadOnlySpan<char> normalizedWord) =>
        classLookup.TryGetValue(normalizedWord, out var cls) ? cls : WordClass.None;

    public bool Is(ReadOnlySpan<char> normalizedWord, WordClass cls) => (ClassOf(normalizedWord) & cls) != 0;

    /// <summary>The organisation kind an org head word gives ("ministry" → government), or null.</summary>
    public string? OrgKindOf(ReadOnlySpan<char> normalizedWord) =>
        orgLookup.TryGetValue(normalizedWord, out var kind) ? kind : null;

    /// <summary>Parses a class name as written in words.tsv ("function", "given", "orghead", ...).</summary>
    public static WordClass ParseClass(string name) => name.Trim().ToLowerInvariant() switch
    {
        "function" => WordClass.Function,
        "given" => WordClass.GivenName,
        "honorific" => WordClass.Honorific,
        "speech" => WordClass.SpeechVerb,
        "placeprep" => WordClass.PlacePreposition,
        "actorverb" => WordClass.ActorVerb,
        "orghead" => WordClass.OrgHead,
        "connector" => WordClass.NameConnector,
        "pronoun" => WordClass.Pronoun,
        "placehead" => WordClass.PlaceHead,
        "notname" => WordClass.NotName,
        "common" => WordClass.Common,
        "orgnoun" => WordClass.OrgNoun,
        _ => WordClass.None,
    };
}
