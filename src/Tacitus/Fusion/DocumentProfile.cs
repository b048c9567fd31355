using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>One term of a document's profile: its key, how often it occurs, and how to show it in a story title.</summary>
internal readonly record struct ProfileTerm(string Key, double Count, string Display, bool Name);

/// <summary>
/// What a document is about, for story clustering: its content words (news sentences only, stop words out, plurals
/// folded, headline words counted three times) and the named actors and places its entities stand for (keys start
/// with '~'), the most frequent <see cref="MaxWords"/> words and <see cref="MaxNames"/> names.
/// <para>
/// One instance serves one writer: its tables are emptied and refilled for each document, not grown again from
/// nothing per document.
/// </para>
/// </summary>
internal sealed class DocumentProfile(FusionLexicon lexicon)
{
    public const int MaxWords = 60;
    public const int MaxNames = 20;
    private const int TitleBoost = 2;

    /// <summary>What separates the words of a headline.</summary>
    private static readonly SearchValues<char> TitleSeparators = SearchValues.Create(" ,:;.\"'()?!");

    private readonly FusionLexicon lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
    /// <summary>Each word's count; a word shows as its key.</summary>
    private readonly Dictionary<string, double> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Count, string Display)> names = new(StringComparer.Ordinal);
    private readonly List<ProfileTerm> profile = [];

    /// <summary>The document's profile, words first then names, each by frequency (ties in ordinal order of the key); the list is this instance's own, valid until the next call.</summary>
    public IReadOnlyList<ProfileTerm> Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        words.Clear();
        names.Clear();
        profile.Clear();
        var counts = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var stop = lexicon.StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var sentence in document.Sentences)
        {
            if (sentence.Boilerplate)
            {
                continue;
            }

            foreach (var token in document.TokensOf(sentence))
            {
                if (token.Kind == TokenKind.Word)
                {
                    Add(counts, document.Slice(token.Span), 1, stop);
                }
            }
        }

        if (document.Metadata.Title is { } title)
        {
            // the headline's words between separators, as splitting on them (empty pieces dropped) gives them
            var rest = title.AsSpan();
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOfAny(TitleSeparators);
                var word = end < 0 ? rest : rest[..end];
                if (!word.IsEmpty)
                {
                    Add(counts, word, TitleBoost, stop);
                }

                rest = end < 0 ? [] : rest[(end + 1)..];
            }
        }

        foreach (var entity in document.Entities)
        {
            if (entity.Kind is MentionKind.Time or MentionKind.Quantity || string.IsNullOrWhiteSpace(entity.Name))
            {
                continue;
            }

            // one look-up, as for words: the name's slot, added when the name is new; the last entity's name shows
            ref var name = ref CollectionsMarshal.GetValueRefOrAddDefault(names, "~" + ReportReader.Normal(entity.Name), out _);
            name = (name.Count + Math.Max(1, entity.Mentions.Count), entity.Name);
        }

        foreach (var w in TopRanked.Of(words, MaxWords, static (a, b) => MoreFrequent(a.Key, a.Value, b.Key, b.Value)))
        {
            profile.Add(new ProfileTerm(w.Key, w.Value, w.Key, false));
        }

        foreach (var n in TopRanked.Of(names, MaxNames, static (a, b) => MoreFrequent(a.Key, a.Value.Count, b.Key, b.Value.Count)))
        {
            profile.Add(new ProfileTerm(n.Key, n.Value.Count, n.Value.Display, true));
        }

        return profile;
    }

    /// <summary>More frequent first, ties in ordinal order of the key (keys are distinct, so the order is total).</summary>
    private static int MoreFrequent(string aKey, double aCount, string bKey, double bCount) =>
        bCount.CompareTo(aCount) is var order && order != 0 ? order : string.CompareOrdinal(aKey, bKey);

    /// <summary>Counts a word (lower-cased, plural folded) unless it is a stop word, as written or folded (a word folding left unchanged is looked up once); a string is made only for a word not seen before (the dictionary makes it when it adds the word).</summary>
    private static void Add(
        Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> words,
        ReadOnlySpan<char> token,
        double weight,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> stopWords)
    {
        if (token.Length < 3 || token.Length > 30)
        {
            return;
        }

        foreach (var c in token)
        {
            if (!char.IsLetter(c) && c != '-')
            {
                return;
            }
        }

        Span<char> lower = stackalloc char[token.Length];
        token.ToLowerInvariant(lower);
        if (stopWords.Contains(lower))
        {
            return;
        }

        var key = Fold(lower);
        if (key.Length != lower.Length && stopWords.Contains(key))
        {
            return;
        }

        // one look-up: the count's slot, added (with the word made a string) when the word is new
        CollectionsMarshal.GetValueRefOrAddDefault(words, key, out _) += weight;
    }

    /// <summary>Folds the common English plural endings in place: "attacks" → "attack", "countries" → "country" (a final "s" stays after s, u or i).</summary>
    private static ReadOnlySpan<char> Fold(Span<char> word)
    {
        if (word.Length > 4 && word.EndsWith("ies"))
        {
            word[^3] = 'y';
            return word[..^2];
        }

        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }

        return word;
    }
}
