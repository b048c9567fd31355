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
    private const ulong Start = 0x5354415254UL; // "START": before the sentence
    private const ulong End = 0x454E44UL;       // "END": after it

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> dictionary;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> usual;

    public PartOfSpeechTagger(LabelSet tags, AveragedPerceptron model, IReadOnlyDictionary<string, int> tagDictionary, IReadOnlyDictionary<string, int> usualTags)
    {
        UsualTags = usualTags.ToFrozenDictionary(StringComparer.Ordinal);
        usual = UsualTags.GetAlternateLookup<ReadOnlySpan<char>>();
        Tags = tags;
        Model = model;
        TagDictionary = tagDictionary.ToFrozenDictionary(StringComparer.Ordinal);
        dictionary = TagDictionary.GetAlternateLookup<ReadOnlySpan<char>>();
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
        for (var i = 0; i < words.Length; i++)
        {
            if (dictionary.TryGetValue(words[i].Of(text), out var known))
            {
                tags[i] = known;
                continue;
            }

            var n = Extract(text, words, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, features, this);
            tags[i] = Model.Predict(features.AsSpan(0, n), scores);
        }
    }

    /// <summary>Looks a word up in the tag dictionary.</summary>
    internal bool TryDictionary(ReadOnlySpan<char> word, out int tag) => dictionary.TryGetValue(word, out tag);

    /// <summary>Writes the features of word <paramref name="i"/> given the two tags before it (-1 = none); returns how many.</summary>
    internal static int Extract(string text, ReadOnlySpan<TextSpan> words, int i, int previous, int previous2, ulong[] into, PartOfSpeechTagger tagger)
    {
        var word = words[i].Of(text);
        var lower = FeatureKey.AddLower(0, word);
        var p1 = previous < 0 ? Start : (ulong)previous + 1;
        var p2 = previous2 < 0 ? Start : (ulong)previous2 + 1;
        var n = 0;
        into[n++] = FeatureKey.Of(0);
        into[n++] = FeatureKey.Of(1, lower);
        into[n++] = FeatureKey.Of(2, word);
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

        into[n++] = FeatureKey.Of(10, WordShapes.Code(word));
        into[n++] = FeatureKey.Of(11, p1);
        into[n++] = FeatureKey.Of(12, p1, p2);
        into[n++] = FeatureKey.Of(13, p1, lower);
        into[n++] = FeatureKey.Of(14, Neighbour(text, words, i - 1));
        into[n++] = FeatureKey.Of(15, Neighbour(text, words, i - 2));
        into[n++] = FeatureKey.Of(16, Neighbour(text, words, i + 1));
        into[n++] = FeatureKey.Of(17, Neighbour(text, words, i + 2));
        into[n++] = FeatureKey.Of(18, Suffix(text, words, i - 1));
        into[n++] = FeatureKey.Of(19, Suffix(text, words, i + 1));
        into[n++] = FeatureKey.Of(20, p1, Neighbour(text, words, i + 1));
        into[n++] = FeatureKey.Of(21, lower, Neighbour(text, words, i + 1));
        into[n++] = FeatureKey.Of(22, i == 0 ? 1UL : 0UL, WordShapes.Code(word));
        into[n++] = FeatureKey.Of(23, p1, FeatureKey.AddLower(0, word[Math.Max(0, word.Length - 3)..]));
        into[n++] = FeatureKey.Of(24, Neighbour(text, words, i - 1), lower);
        into[n++] = FeatureKey.Of(25, i + 1 < words.Length ? WordShapes.Code(words[i + 1].Of(text)) : End);
        into[n++] = FeatureKey.Of(26, p1, Suffix(text, words, i + 1));
        var u0 = tagger.Usual(text, words, i);
        var u1 = tagger.Usual(text, words, i + 1);
        into[n++] = FeatureKey.Of(27, u0);
        into[n++] = FeatureKey.Of(28, u1);
        into[n++] = FeatureKey.Of(29, u0, u1);
        into[n++] = FeatureKey.Of(30, p1, u1);
        into[n++] = FeatureKey.Of(31, tagger.Usual(text, words, i + 2), u1);
        return n;
    }

    /// <summary>The usual tag of word <paramref name="j"/> + 1, 0 for an unknown word, <see cref="End"/> past the sentence.</summary>
    private ulong Usual(string text, ReadOnlySpan<TextSpan> words, int j)
    {
        if (j >= words.Length)
        {
            return End;
        }

        var w = words[j].Of(text);
        if (w.Length > 40)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        return usual.TryGetValue(lower, out var tag) ? (ulong)tag + 1 : 0;
    }

    private static ulong Neighbour(string text, ReadOnlySpan<TextSpan> words, int j) =>
        j < 0 ? Start : j >= words.Length ? End : FeatureKey.AddLower(0, words[j].Of(text));

    private static ulong Suffix(string text, ReadOnlySpan<TextSpan> words, int j)
    {
        if (j < 0)
        {
            return Start;
        }

        if (j >= words.Length)
        {
            return End;
        }

        var w = words[j].Of(text);
        return FeatureKey.AddLower(0, w[Math.Max(0, w.Length - 3)..]);
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

    public float[] ScoresFor(int classes)
    {
        if (scores.Length != classes)
        {
            scores = new float[classes];
        }

        return scores;
    }
}
