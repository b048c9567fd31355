using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Mentions;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>The knowledge table a phrase was found in; the recogniser reads membership as features.</summary>
internal enum NameTable
{
    Country,

    /// <summary>A nationality adjective or noun ("Chinese", "Afghans").</summary>
    Demonym,

    /// <summary>Any gazetteer name (main or alternate).</summary>
    Place,

    /// <summary>A country, region or continent, or a city of 100,000 people or more.</summary>
    MajorPlace,

    /// <summary>A person of the actor dictionary.</summary>
    Person,

    /// <summary>An organisation of the actor dictionary.</summary>
    Organisation,
}

/// <summary>
/// Tacitus's knowledge tables (countries and their adjectives, the gazetteer, the actor dictionary) as one index of
/// phrase hashes, for the entity recogniser's gazetteer features. A phrase is hashed over its characters folded as
/// <see cref="PlaceNameKey"/> folds them (lower case, accents and full stops dropped, hyphens and white space as one
/// space), so a token run is looked up by hashing the text it covers, without building a string. Every word-prefix
/// of a phrase is recorded too, so a scan stops as soon as no phrase continues. Read-only once built.
/// </summary>
internal sealed class NameTables
{
    /// <summary>Tables × positions (B, I, L, U): the bits <see cref="Mark"/> sets per token.</summary>
    public const int Bits = TableCount * 4;

    /// <summary>The longest token run looked up.</summary>
    public const int MaxTokens = 8;

    private const int TableCount = 6;
    private const int PrefixBit = 1 << 15;
    private const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private static readonly Lazy<NameTables> ShippedInstance = new(
        () => FromKnowledge(KnowledgeBase.Default, Gazetteer.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    // phrase hash -> table bits (PrefixBit alone for a prefix), in the perceptrons' one-cache-line open-addressing table:
    // a lookup is one bucket read, where a Dictionary<ulong, int> took two dependent reads (its bucket, then its entry)
    private readonly RowIndex phrases;

    private NameTables(Dictionary<ulong, int> built)
    {
        phrases = new RowIndex(built.Count);
        foreach (var (key, found) in built)
        {
            phrases.Add(key, (ulong)(uint)found);
        }

        Count = built.Count;
    }

    /// <summary>The tables built from the shipped knowledge (lazy, thread-safe).</summary>
    public static NameTables Shipped => ShippedInstance.Value;

    public int Count { get; }

    /// <summary>Builds the index from phrases as written ("Moon Jae-in", "U.S.") and their tables.</summary>
    public static NameTables Build(IEnumerable<(string Phrase, NameTable Table)> entries) => Build(entries, 0);

    /// <summary>
    /// Builds the index; <paramref name="capacity"/> is how many phrases and prefixes to make room for at once (a hint:
    /// more still fit), so that a large table is not grown and copied step by step while it is filled.
    /// </summary>
    public static NameTables Build(IEnumerable<(string Phrase, NameTable Table)> entries, int capacity)
    {
        var phrases = new Dictionary<ulong, int>(capacity);
        foreach (var (phrase, table) in entries)
        {
            Add(phrases, phrase, 1 << (int)table);
        }

        return new NameTables(phrases);
    }

    public static NameTables FromKnowledge(KnowledgeBase knowledge, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(gazetteer);
        // The shipped tables give about 180,000 phrases and prefixes from about 140,000 names (s12-jit): twice the
        // names is room enough at once, where a table grown from empty was rehashed and copied at each of some sixteen
        // doublings, its last arrays on the large object heap, inside the first document's time.
        return Build(Entries(knowledge, gazetteer), 2 * (gazetteer.NameCount + knowledge.Actors.Count + knowledge.Countries.All.Count));
    }

    private static IEnumerable<(string, NameTable)> Entries(KnowledgeBase knowledge, Gazetteer gazetteer)
    {
        foreach (var country in knowledge.Countries.All)
        {
            yield return (country.Name, NameTable.Country);
            foreach (var alias in country.Aliases)
            {
                yield return (alias, NameTable.Country);
            }

            foreach (var adjective in country.Adjectives)
            {
                yield return (adjective, NameTable.Demonym);
            }
        }

        foreach (var (name, matches) in gazetteer.Names)
        {
            yield return (name, NameTable.Place);
            if (Array.Exists(matches, m => m.Entry.Kind != PlaceKind.City || m.Entry.Population >= 100_000))
            {
                yield return (name, NameTable.MajorPlace);
            }
        }

        foreach (var (key, entries) in knowledge.Actors.Index.Entries())
        {
            foreach (var entry in entries)
            {
                switch (entry.Kind)
                {
                    case MentionKind.Person:
                        yield return (key, NameTable.Person);
                        break;
                    case MentionKind.Organization:
                        yield return (key, NameTable.Organisation);
                        if (entry.OrgKind == "business" && ShortBusinessName(key) is { } shortName)
                        {
                            yield return (shortName, NameTable.Organisation);
                        }

                        break;
                    case MentionKind.Country:
                        yield return (key, NameTable.Country);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    /// <summary>
    /// A business's name without its legal form ("yahoo! inc" → "yahoo!", "accenture plc" → "accenture"), as text
    /// names it after the first mention; null when the key does not end in a company suffix
    /// (data/mentions/name-words.tsv) or nothing of three or more characters is left.
    /// </summary>
    internal static string? ShortBusinessName(string key)
    {
        var end = key.Length;
        while (end > 0)
        {
            var space = key.LastIndexOf(' ', end - 1);
            var word = key.AsSpan(space + 1, end - space - 1).TrimEnd(',');
            if (space < 0 || !MentionWords.CompanySuffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                break;
            }

            end = space;
        }

        var name = key.AsSpan(0, end).TrimEnd(',').TrimEnd();
        return end < key.Length && name.Length >= 3 ? name.ToString() : null;
    }

    /// <summary>
    /// Sets, for every token, bit <c>table * 4 + position</c> (B 0, I 1, L 2, U 3) of each table holding a phrase
    /// that covers it. Runs start and end on tokens that begin with a letter or digit; every run is looked up, not
    /// only the longest.
    /// </summary>
    public unsafe void Mark(string text, ReadOnlySpan<Token> tokens, Span<uint> bits)
    {
        bits[..tokens.Length].Clear();
        var buckets = phrases.Pointer;
        var mask = phrases.Mask;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!StartsWord(text, tokens[i]))
            {
                continue;
            }

            var hash = Seed;
            var pending = false;
            var any = false;
            var from = tokens[i].Span.Start;
            var last = Math.Min(tokens.Length, i + MaxTokens);
            for (var j = i; j < last; j++)
            {
                hash = Fold(text.AsSpan(from, tokens[j].Span.End - from), hash, ref pending, ref any);
                from = tokens[j].Span.End;
                var found = (int)RowIndex.Find(buckets, mask, FeatureKey.Finish(hash));
                if (found == 0)
                {
                    break;
                }

                if ((found & ~PrefixBit) != 0 && StartsWord(text, tokens[j]))
                {
                    MarkRun(found, i, j, bits);
                }
            }
        }

        phrases.KeepAlive();
    }

    private static void MarkRun(int found, int first, int last, Span<uint> bits)
    {
        for (var t = 0; t < TableCount; t++)
        {
            if ((found & (1 << t)) == 0)
            {
                continue;
            }

            if (first == last)
            {
                bits[first] |= 1u << ((t * 4) + 3);
                continue;
            }

            bits[first] |= 1u << (t * 4);
            for (var k = first + 1; k < last; k++)
            {
                bits[k] |= 1u << ((t * 4) + 1);
            }

            bits[last] |= 1u << ((t * 4) + 2);
        }
    }

    private static bool StartsWord(string text, Token token) =>
        token.Span.Length > 0 && char.IsLetterOrDigit(text[token.Span.Start]);

    private static void Add(Dictionary<ulong, int> phrases, string phrase, int table)
    {
        var hash = Seed;
        var pending = false;
        var any = false;
        foreach (var raw in phrase)
        {
            var c = PlaceNameKey.FoldChar(raw);
            if (c == ' ' && any && !pending)
            {
                var prefix = FeatureKey.Finish(hash);
                phrases[prefix] = phrases.GetValueOrDefault(prefix) | PrefixBit;
            }

            hash = FoldOne(c, hash, ref pending, ref any);
        }

        if (any)
        {
            var key = FeatureKey.Finish(hash);
            phrases[key] = phrases.GetValueOrDefault(key) | table;
        }
    }

    private static ulong Fold(ReadOnlySpan<char> text, ulong hash, ref bool pending, ref bool any)
    {
        foreach (var raw in text)
        {
            hash = FoldOne(PlaceNameKey.FoldChar(raw), hash, ref pending, ref any);
        }

        return hash;
    }

    private static ulong FoldOne(char c, ulong hash, ref bool pending, ref bool any)
    {
        if (c == '\0')
        {
            return hash;
        }

        if (c == ' ')
        {
            pending = any;
            return hash;
        }

        if (pending)
        {
            hash = (hash ^ ' ') * Prime;
            pending = false;
        }

        any = true;
        return (hash ^ c) * Prime;
    }
}
