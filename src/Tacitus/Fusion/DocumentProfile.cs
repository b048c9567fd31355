using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// One term of a document's profile: its key, how often it occurs, how to show it in a story title, and its entry in
/// story clustering's frequency table when the profile found it there (null: to be looked up).
/// </summary>
internal readonly record struct ProfileTerm(string Key, double Count, string Display, bool Name, TermFrequency? Frequency = null);

/// <summary>
/// What a document is about, for story clustering: its content words (news sentences only, stop words out, plurals
/// folded, headline words counted three times) and the named actors and places its entities stand for (keys start
/// with '~'), the most frequent <see cref="MaxWords"/> words and <see cref="MaxNames"/> names.
/// <para>
/// One instance serves one writer: its tables are emptied and refilled for each document, not grown again from
/// nothing per document. A word is counted under its characters (<see cref="ProfileWords"/>), with no string made; the
/// words the profile keeps take their string from the frequency table when it has the word (<c>known</c>), so only a
/// word new to it is made a string.
/// </para>
/// </summary>
/// <param name="lexicon">The stop words.</param>
/// <param name="known">The frequency table's entry for a word, or null when it has none (the caller's table; null: no table).</param>
internal sealed class DocumentProfile
{
    public const int MaxWords = 60;
    public const int MaxNames = 20;

    private const int TitleBoost = 2;

    /// <summary>What separates the words of a headline.</summary>
    private static readonly SearchValues<char> TitleSeparators = SearchValues.Create(" ,:;.\"'()?!");

    private readonly FusionLexicon lexicon;
    private readonly Func<ReadOnlySpan<char>, TermFrequency?>? known;
    private readonly ProfileWords keys = new();

    /// <summary>Each word's count, under its characters in <see cref="keys"/>; a word shows as its key.</summary>
    private readonly Dictionary<ProfileWordKey, double> words;
    private readonly Dictionary<string, (double Count, string Display, TermFrequency? Frequency)> names = new(StringComparer.Ordinal);

    /// <summary>The key of the entity name being counted (<see cref="NameKey"/>; reused).</summary>
    private char[] nameKey = new char[128];
    private readonly List<ProfileTerm> profile = [];

    /// <summary>The document's most frequent words, most frequent first (reused).</summary>
    private readonly List<KeyValuePair<ProfileWordKey, double>> top = new(MaxWords);

    /// <summary><see cref="MoreFrequentWord"/> as a delegate made once, not per word.</summary>
    private readonly Comparison<KeyValuePair<ProfileWordKey, double>> moreFrequentWord;

    public DocumentProfile(FusionLexicon lexicon, Func<ReadOnlySpan<char>, TermFrequency?>? known = null)
    {
        this.lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        this.known = known;
        words = new Dictionary<ProfileWordKey, double>(keys);
        moreFrequentWord = MoreFrequentWord;
    }

    /// <summary>The document's profile, words first then names, each by frequency (ties in ordinal order of the key); the list is this instance's own, valid until the next call.</summary>
    public IReadOnlyList<ProfileTerm> Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        words.Clear();
        keys.Clear();
        names.Clear();
        profile.Clear();
        var counts = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var stop = lexicon.StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var byName = names.GetAlternateLookup<ReadOnlySpan<char>>();
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

            // a name met before is counted in place; a new one takes its string from the frequency table when it has
            // the name (with its entry), so a known name makes no string; the last entity's name shows
            var key = NameKey(entity.Name);
            ref var name = ref CollectionsMarshal.GetValueRefOrNullRef(byName, key);
            if (Unsafe.IsNullRef(ref name))
            {
                var frequency = known?.Invoke(key);
                names.Add(frequency?.Term ?? new string(key), (Math.Max(1, entity.Mentions.Count), entity.Name, frequency));
            }
            else
            {
                name = (name.Count + Math.Max(1, entity.Mentions.Count), entity.Name, name.Frequency);
            }
        }

        foreach (var w in TopWords())
        {
            // the word's string: the frequency table's own when it has the word, else made now
            var characters = keys.Of(w.Key);
            var frequency = known?.Invoke(characters);
            var key = frequency?.Term ?? new string(characters);
            profile.Add(new ProfileTerm(key, w.Value, key, false, frequency));
        }

        foreach (var n in TopRanked.Of(names, MaxNames, static (a, b) => MoreFrequent(a.Key, a.Value.Count, b.Key, b.Value.Count)))
        {
            profile.Add(new ProfileTerm(n.Key, n.Value.Count, n.Value.Display, true, n.Value.Frequency));
        }

        return profile;
    }

    /// <summary>
    /// A name's key, written in a reused buffer: '~' and the name as <see cref="ReportReader.Normal"/> gives it (lower-cased,
    /// its words between spaces joined by one space), with no string made. Valid until the next call.
    /// </summary>
    internal ReadOnlySpan<char> NameKey(string name)
    {
        if (nameKey.Length < name.Length + 1)
        {
            nameKey = new char[Math.Max(name.Length + 1, nameKey.Length * 2)];
        }

        nameKey[0] = '~';
        var lower = nameKey.AsSpan(1, name.Length);
        name.AsSpan().ToLowerInvariant(lower);
        // the words close up in place: a separator is written only after a space was read, so writing never passes reading
        var written = 1;
        var i = 0;
        while (i < lower.Length)
        {
            if (lower[i] == ' ')
            {
                i++;
                continue;
            }

            if (written > 1)
            {
                nameKey[written++] = ' ';
            }

            while (i < lower.Length && lower[i] != ' ')
            {
                nameKey[written++] = lower[i++];
            }
        }

        return nameKey.AsSpan(0, written);
    }

    /// <summary>
    /// The <see cref="MaxWords"/> most frequent words, ties in ordinal order (what <see cref="TopRanked"/> gives): a
    /// word less frequent than the last of a full list is passed over on its count alone.
    /// </summary>
    private List<KeyValuePair<ProfileWordKey, double>> TopWords()
    {
        top.Clear();
        foreach (var word in words)
        {
            if (top.Count < MaxWords || word.Value >= top[^1].Value)
            {
                TopRanked.Offer(top, word, MaxWords, moreFrequentWord);
            }
        }

        return top;
    }

    /// <summary>More frequent first, ties in ordinal order of the word (as comparing them as strings orders them).</summary>
    private int MoreFrequentWord(KeyValuePair<ProfileWordKey, double> a, KeyValuePair<ProfileWordKey, double> b) =>
        b.Value.CompareTo(a.Value) is var order && order != 0 ? order : keys.Of(a.Key).SequenceCompareTo(keys.Of(b.Key));

    /// <summary>More frequent first, ties in ordinal order of the key (keys are distinct, so the order is total).</summary>
    private static int MoreFrequent(string aKey, double aCount, string bKey, double bCount) =>
        bCount.CompareTo(aCount) is var order && order != 0 ? order : string.CompareOrdinal(aKey, bKey);

    /// <summary>Counts a word (lower-cased, plural folded) unless it is a stop word, as written or folded (a word folding left unchanged is looked up once); its characters are copied in only when the document has not had it yet.</summary>
    private static void Add(
        Dictionary<ProfileWordKey, double>.AlternateLookup<ReadOnlySpan<char>> words,
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

        // one look-up: the count's slot, added (the word's characters copied into the key buffer) when the word is new
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
