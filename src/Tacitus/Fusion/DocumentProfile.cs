using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// One term of a document's profile: its key, how often it occurs, how to show it in a story title, and, for a word, the
/// profile's own entry for it (<see cref="ProfileWord"/>, kept across documents; null for a name).
/// </summary>
internal readonly record struct ProfileTerm(string Key, double Count, string Display, bool Name, ProfileWord? Word = null);

/// <summary>
/// What a document is about, for story clustering: its content words (news sentences only, stop words out, plurals
/// folded, headline words counted three times) and the named actors and places its entities stand for (keys start
/// with '~'), the most frequent <see cref="MaxWords"/> words and <see cref="MaxNames"/> names.
/// <para>
/// One instance serves one writer. The words it has met are kept from one document to the next (at most
/// <see cref="PoolLimit"/>; past that the pool starts again), so a word seen before is counted with one look-up and no
/// new string; the names' table is emptied and refilled for each document.
/// </para>
/// </summary>
internal sealed class DocumentProfile(FusionLexicon lexicon)
{
    public const int MaxWords = 60;
    public const int MaxNames = 20;

    /// <summary>Words kept between documents: bounds the pool's memory (about 110 bytes a word) whatever the corpus's vocabulary.</summary>
    public const int PoolLimit = 1 << 16;

    private const int TitleBoost = 2;

    /// <summary>What separates the words of a headline.</summary>
    private static readonly SearchValues<char> TitleSeparators = SearchValues.Create(" ,:;.\"'()?!");

    private static readonly Comparison<ProfileWord> MoreFrequentWord = static (a, b) => MoreFrequent(a.Key, a.Count, b.Key, b.Count);

    private readonly FusionLexicon lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));

    /// <summary>Every word met (up to <see cref="PoolLimit"/>), with its count in the current document when <see cref="ProfileWord.Stamp"/> is <see cref="stamp"/>.</summary>
    private readonly Dictionary<string, ProfileWord> pool = new(StringComparer.Ordinal);

    /// <summary>The current document's words, each once.</summary>
    private readonly List<ProfileWord> touched = [];
    private readonly Dictionary<string, (double Count, string Display)> names = new(StringComparer.Ordinal);
    private readonly List<ProfileTerm> profile = [];
    private int stamp;

    /// <summary>Words kept between documents now (at most <see cref="PoolLimit"/>).</summary>
    public int PooledWords => pool.Count;

    /// <summary>Forgets every word's link into the frequency table: called when the table lets entries go or is read again.</summary>
    public void Unlink()
    {
        foreach (var word in pool.Values)
        {
            word.Frequency = null;
        }
    }

    /// <summary>The document's profile, words first then names, each by frequency (ties in ordinal order of the key); the list is this instance's own, valid until the next call.</summary>
    public IReadOnlyList<ProfileTerm> Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (pool.Count > PoolLimit || stamp == int.MaxValue)
        {
            pool.Clear();
            stamp = 0;
        }

        stamp++;
        touched.Clear();
        names.Clear();
        profile.Clear();
        var words = pool.GetAlternateLookup<ReadOnlySpan<char>>();
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
                    Add(words, document.Slice(token.Span), 1, stop);
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
                    Add(words, word, TitleBoost, stop);
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

        foreach (var w in TopRanked.Of(touched, MaxWords, MoreFrequentWord))
        {
            profile.Add(new ProfileTerm(w.Key, w.Count, w.Key, false, w));
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

    /// <summary>Counts a word (lower-cased, plural folded) unless it is a stop word, as written or folded (a word folding left unchanged is looked up once); a string is made only for a word the pool does not hold.</summary>
    private void Add(
        Dictionary<string, ProfileWord>.AlternateLookup<ReadOnlySpan<char>> words,
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

        // one look-up for a word met before; a new one is made a string once, shared by the pool's key and its entry
        if (!words.TryGetValue(key, out var word))
        {
            var text = new string(key);
            word = new ProfileWord(text);
            pool.Add(text, word);
        }

        if (word.Stamp != stamp)
        {
            (word.Stamp, word.Count) = (stamp, 0);
            touched.Add(word);
        }

        word.Count += weight;
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
