using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// The values the parser's features read per word of a sentence, computed once per sentence instead of once per
/// feature: a hash of the lower-case form, the tag index + 1, and the two joined; with word clusters, the word's
/// cluster path cut short (a class finer than a tag) and whole (a class coarser than a word). Reused between
/// sentences (<see cref="Fill"/>) so parsing allocates nothing.
/// </summary>
internal sealed class ParserWords
{
    /// <summary>The number of bits of a cluster path kept for <see cref="CoarseClusters"/>.</summary>
    public const int CoarseBits = 6;

    /// <summary>The number of bits of a cluster path kept for <see cref="FineClusters"/>.</summary>
    public const int FineBits = 12;

    public ulong[] Words { get; private set; } = new ulong[64];

    public ulong[] Tags { get; private set; } = new ulong[64];

    /// <summary>Per word, <see cref="FeatureKey.Join"/> of its word and tag values.</summary>
    public ulong[] Joined { get; private set; } = new ulong[64];

    /// <summary>Per word, the first <see cref="CoarseBits"/> bits of its cluster path (encoded; 0: no cluster), when <see cref="HasClusters"/>.</summary>
    public ulong[] CoarseClusters { get; private set; } = [];

    /// <summary>Per word, the first <see cref="FineBits"/> bits of its cluster path, when <see cref="HasClusters"/>.</summary>
    public ulong[] FineClusters { get; private set; } = [];

    /// <summary>Whether the last <see cref="Fill"/> had word clusters (the parser's features read them only then).</summary>
    public bool HasClusters { get; private set; }

    public void Fill(string text, ReadOnlySpan<TextSpan> words, ReadOnlySpan<int> tags, WordClusters? clusters = null)
    {
        var n = words.Length;
        if (Words.Length < n)
        {
            var capacity = Math.Max(n, Words.Length * 2);
            Words = new ulong[capacity];
            Tags = new ulong[capacity];
            Joined = new ulong[capacity];
        }

        // cluster features are optional (off in the shipped parser): their arrays are made only when a model has them
        if (clusters is not null && CoarseClusters.Length < Words.Length)
        {
            CoarseClusters = new ulong[Words.Length];
            FineClusters = new ulong[Words.Length];
        }

        HasClusters = clusters is not null;
        for (var i = 0; i < n; i++)
        {
            var word = words[i].Of(text);
            Words[i] = FeatureKey.AddLower(0, word);
            Tags[i] = (ulong)tags[i] + 1;
            Joined[i] = FeatureKey.Join(Words[i], Tags[i]);
            if (clusters is not null)
            {
                var path = clusters.PathOf(FeatureKey.Add(0, word), Words[i]);
                CoarseClusters[i] = WordClusters.Prefix(path, CoarseBits);
                FineClusters[i] = WordClusters.Prefix(path, FineBits);
            }
        }
    }
}
