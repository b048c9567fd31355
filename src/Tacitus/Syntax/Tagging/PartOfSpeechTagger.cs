using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Tagging;

/// <summary>
/// A greedy left-to-right part-of-speech tagger (averaged perceptron, Collins 2002) that predicts the joint label
/// "UPOS|XPOS" of each word from its form, affixes, shape, neighbours and the two tags before it. Frequent words
/// that always carry one tag in training are tagged from a dictionary without scoring. Thread-safe: the model is
/// read-only; callers give their own <see cref="TaggerBuffers"/>.
/// </summary>
internal sealed class PartOfSpeechTagger
{
    internal const int MaxFeatures = 40;
    private const ulong Start = TaggerSentence.Start;
    private const ulong End = TaggerSentence.End;

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> dictionary;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> usual;

    // the two word tables again, keyed by the hashes TaggerSentence computes for every word anyway (the form as written,
    // FeatureKey.Add; the lower-case form, FeatureKey.AddLower), so a word is looked up without hashing its string
    // again; null in the unlikely case that two words of a table share a hash (the string tables answer then)
    private readonly FrozenDictionary<ulong, int>? dictionaryByHash;
    private readonly FrozenDictionary<ulong, int>? usualByHash;

    public PartOfSpeechTagger(LabelSet tags, AveragedPerceptron model, IReadOnlyDictionary<string, int> tagDictionary, IReadOnlyDictionary<string, int> usualTags)
    {
        UsualTags = usualTags.ToFrozenDictionary(StringComparer.Ordinal);
        usual = UsualTags.GetAlternateLookup<ReadOnlySpan<char>>();
        Tags = tags;
        Model = model;
        TagDictionary = tagDictionary.ToFrozenDictionary(StringComparer.Ordinal);
        dictionary = TagDictionary.GetAlternateLookup<ReadOnlySpan<char>>();
        dictionaryByHash = ByHash(TagDictionary, lower: false);
        usualByHash = ByHash(UsualTags, lower: true);
        Upos = new string[tags.Count];
        Xpos = new string[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            (Upos[i], Xpos[i]) = PartOfSpeech.Split(tags[i]);
        }
    }

    public LabelSet Tags { get; }

    public AveragedPerceptron Model { get; }

    /// <summary>Words (as written) that always had one tag in training, and that tag.</summary>
    public FrozenDictionary<string, int> TagDictionary { get; }

    /// <summary>Words (in lower case) seen often enough in training, and their most frequent tag: a feature for the words around.</summary>
    public FrozenDictionary<string, int> UsualTags { get; }

    /// <summary>UPOS of each tag index.</summary>
    public string[] Upos { get; }

    /// <summary>XPOS of each tag index.</summary>
    public string[] Xpos { get; }

    /// <summary>Tags the words <paramref name="words"/> of <paramref name="text"/> into <paramref name="tags"/> (tag indices).</summary>
    public void Tag(string text, ReadOnlySpan<TextSpan> words, Span<int> tags, TaggerBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        var features = buffers.Features;
        var scores = buffers.ScoresFor(Tags.Count);
        var sentence = buffers.Prepare(text, words, this);
        for (var i = 0; i < words.Length; i++)
        {
            if (Known(words[i].Of(text), sentence.Word[i], out var known))
            {
                tags[i] = known;
                continue;
            }

            var n = Extract(words[i].Of(text), sentence, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, features);
            tags[i] = Model.Predict(features.AsSpan(0, n), scores);
        }
    }

    /// <summary>Looks a word up in the tag dictionary.</summary>
    internal bool TryDictionary(ReadOnlySpan<char> word, out int tag) => dictionary.TryGetValue(word, out tag);

    /// <summary>Looks a word up in the tag dictionary by its hash as written (<c>FeatureKey.Add(0, word)</c>).</summary>
    private bool Known(ReadOnlySpan<char> word, ulong hash, out int tag) =>
        dictionaryByHash?.TryGetValue(hash, out tag) ?? dictionary.TryGetValue(word, out tag);

    /// <summary>
    /// Writes the features of word <paramref name="i"/> (<paramref name="word"/>) of a sentence whose per-word values
    /// are in <paramref name="sentence"/>, given the two tags before it (-1 = none); returns how many.
    /// </summary>
    internal static int Extract(ReadOnlySpan<char> word, TaggerSentence sentence, int i, int previous, int previous2, ulong[] into)
    {
        var lower = sentence.Lower[i];
        var shape = sentence.Shape[i];
        var p1 = previous < 0 ? Start : (ulong)previous + 1;
        var p2 = previous2 < 0 ? Start : (ulong)previous2 + 1;
        var before = sentence.LowerAt(i - 1);
        var after = sentence.LowerAt(i + 1);
        var suffixAfter = sentence.SuffixAt(i + 1);
        var n = 0;
        into[n++] = FeatureKey.Of(0);
        into[n++] = FeatureKey.Quick(1, lower);
        into[n++] = FeatureKey.Quick(2, sentence.Word[i]);
        for (var k = 1; k <= 4; k++)
        {
            if (word.Length > k)
            {
                into[n++] = FeatureKey.Finish(FeatureKey.AddLower(FeatureKey.Of(2 + k), word[^k..]));
            }
        }

        for (var k = 1; k <= 3; k++)
        {
            if (word.Length > k)
            {
                into[n++] = FeatureKey.Finish(FeatureKey.Add(FeatureKey.Of(6 + k), word[..k]));
            }
        }

        into[n++] = FeatureKey.Quick(10, shape);
        into[n++] = FeatureKey.Quick(11, p1);
        into[n++] = FeatureKey.Quick(12, p1, p2);
        into[n++] = FeatureKey.Quick(13, p1, lower);
        into[n++] = FeatureKey.Quick(14, before);
        into[n++] = FeatureKey.Quick(15, sentence.LowerAt(i - 2));
        into[n++] = FeatureKey.Quick(16, after);
        into[n++] = FeatureKey.Quick(17, sentence.LowerAt(i + 2));
        into[n++] = FeatureKey.Quick(18, sentence.SuffixAt(i - 1));
        into[n++] = FeatureKey.Quick(19, suffixAfter);
        into[n++] = FeatureKey.Quick(20, p1, after);
        into[n++] = FeatureKey.Quick(21, lower, after);
        into[n++] = FeatureKey.Quick(22, i == 0 ? 1UL : 0UL, shape);
        into[n++] = FeatureKey.Quick(23, p1, sentence.Suffix[i]);
        into[n++] = FeatureKey.Quick(24, before, lower);
        into[n++] = FeatureKey.Quick(25, i + 1 < sentence.Count ? sentence.Shape[i + 1] : End);
        into[n++] = FeatureKey.Quick(26, p1, suffixAfter);
        var u0 = sentence.Usual[i];
        var u1 = sentence.UsualAt(i + 1);
        into[n++] = FeatureKey.Quick(27, u0);
        into[n++] = FeatureKey.Quick(28, u1);
        into[n++] = FeatureKey.Quick(29, u0, u1);
        into[n++] = FeatureKey.Quick(30, p1, u1);
        into[n++] = FeatureKey.Quick(31, sentence.UsualAt(i + 2), u1);
        return n;
    }

    /// <summary>
    /// The usual tag of <paramref name="word"/> + 1, 0 for an unknown word; <paramref name="lowerHash"/> is
    /// <c>FeatureKey.AddLower(0, word)</c>.
    /// </summary>
    internal ulong Usual(ReadOnlySpan<char> word, ulong lowerHash)
    {
        if (word.Length > 40)
        {
            return 0;
        }

        if (usualByHash is not null)
        {
            return usualByHash.TryGetValue(lowerHash, out var hashed) ? (ulong)hashed + 1 : 0;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return usual.TryGetValue(lower, out var tag) ? (ulong)tag + 1 : 0;
    }

    /// <summary>A word table keyed by the words' hashes, or null when two of its words share one.</summary>
    private static FrozenDictionary<ulong, int>? ByHash(FrozenDictionary<string, int> words, bool lower)
    {
        var byHash = new Dictionary<ulong, int>(words.Count);
        foreach (var (word, tag) in words)
        {
            if (!byHash.TryAdd(lower ? FeatureKey.AddLower(0, word) : FeatureKey.Add(0, word), tag))
            {
                return null;
            }
        }

        return byHash.ToFrozenDictionary();
    }

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Tags.Write(writer);
        WriteWords(writer, TagDictionary);
        WriteWords(writer, UsualTags);
        Model.Write(writer);
    }

    public static PartOfSpeechTagger Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tags = LabelSet.Read(reader);
        var count = reader.ReadInt32();
        var dictionary = ReadWords(reader, count, tags);
        var usual = ReadWords(reader, reader.ReadInt32(), tags);
        var model = AveragedPerceptron.Read(reader);
        if (model.Classes != tags.Count)
        {
            throw new InvalidDataException($"the model has {model.Classes} classes for {tags.Count} tags");
        }

        return new PartOfSpeechTagger(tags, model, dictionary, usual);
    }

    private static void WriteWords(BinaryWriter writer, FrozenDictionary<string, int> words)
    {
        writer.Write(words.Count);
        foreach (var (word, tag) in words.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write((ushort)tag);
        }
    }

    private static Dictionary<string, int> ReadWords(BinaryReader reader, int count, LabelSet tags)
    {
        if (count < 0)
        {
            throw new InvalidDataException($"bad word list size {count}");
        }

        var words = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            int tag = reader.ReadUInt16();
            if (tag >= tags.Count)
            {
                throw new InvalidDataException($"tag {tag} of '{word}' out of range");
            }

            words[word] = tag;
        }

        return words;
    }
}

/// <summary>Per-thread scratch space of the tagger, so tagging allocates nothing per word.</summary>
internal sealed class TaggerBuffers
{
    private float[] scores = [];

    public ulong[] Features { get; } = new ulong[PartOfSpeechTagger.MaxFeatures];

    public TaggerSentence Sentence { get; } = new();

    public float[] ScoresFor(int classes)
    {
        if (scores.Length != classes)
        {
            scores = new float[classes];
        }

        return scores;
    }

    /// <summary>Reads each word's values once (<see cref="TaggerSentence"/>) for the features of every word around it.</summary>
    public TaggerSentence Prepare(string text, ReadOnlySpan<TextSpan> words, PartOfSpeechTagger tagger)
    {
        Sentence.Fill(text, words, tagger);
        return Sentence;
    }
}
