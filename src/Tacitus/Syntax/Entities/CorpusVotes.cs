using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// How the recogniser's first pass typed each capitalised word across a corpus of plain news, for the second pass:
/// a company named in a hundred business stories ("Quellco said", "shares in Quellco") is known as an organisation
/// when a review names it once. Per lower-case word (hashed as <see cref="FeatureKey.AddLower"/> hashes it), over its
/// capitalised occurrences that do not begin a sentence, it keeps one small class: the most frequent category
/// (<see cref="DocumentVotes.Category"/>: outside or a type), its share (under 50%, under 80%, 80% or more) and how
/// often the word was seen (3–9, 10–99, 100 or more). Words seen fewer than three times are not kept; they read as
/// class 0. Read-only once built.
/// </summary>
internal sealed class CorpusVotes
{
    private readonly Dictionary<ulong, byte> classes;

    private CorpusVotes(Dictionary<ulong, byte> classes) => this.classes = classes;

    public int Count => classes.Count;

    /// <summary>The class of a word by its lower-case hash; 0 when unknown.</summary>
    public byte ClassOf(ulong lowerHash) => classes.TryGetValue(lowerHash, out var c) ? c : (byte)0;

    /// <summary>
    /// Counts the first pass's classes of capitalised words (not the first of a sentence) in sentences already
    /// decoded: each item is a sentence's text, tokens and classes.
    /// </summary>
    public static CorpusVotes FromSentences(IEnumerable<(string Text, Token[] Tokens, int[] Tags)> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var counts = new Dictionary<ulong, int[]>();
        foreach (var (text, tokens, tags) in sentences)
        {
            for (var i = 1; i < tokens.Length; i++)
            {
                var word = tokens[i].Span.Of(text);
                if (word.Length == 0 || !char.IsUpper(word[0]))
                {
                    continue;
                }

                var key = FeatureKey.AddLower(0, word);
                if (!counts.TryGetValue(key, out var c))
                {
                    counts[key] = c = new int[DocumentVotes.Categories];
                }

                c[DocumentVotes.Category(tags[i])]++;
            }
        }

        var classes = new Dictionary<ulong, byte>();
        foreach (var (key, c) in counts)
        {
            var seen = c.Sum();
            if (seen < 3)
            {
                continue;
            }

            var best = 0;
            for (var k = 1; k < c.Length; k++)
            {
                best = c[k] > c[best] ? k : best;
            }

            var share = (double)c[best] / seen;
            var frequency = seen < 10 ? 0 : seen < 100 ? 1 : 2;
            var strength = share < 0.5 ? 0 : share < 0.8 ? 1 : 2;
            classes[key] = (byte)(1 + (best * 9) + (strength * 3) + frequency);
        }

        return new CorpusVotes(classes);
    }

    /// <summary>Gives each token of a prepared sentence its word's class (<see cref="EntitySentence.Corpus"/>).</summary>
    public void Fill(EntitySentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        for (var i = 0; i < sentence.Count; i++)
        {
            sentence.Corpus[i] = ClassOf(sentence.Lower[i]);
        }
    }

    /// <summary>Writes the classes ordered by key (the same votes give the same bytes).</summary>
    public void Write(BinaryWriter writer) => HashedTable.Write(writer, classes, (w, v) => w.Write(v));

    public static CorpusVotes Read(BinaryReader reader) => new(HashedTable.Read(reader, r => r.ReadByte(), "corpus votes"));
}
