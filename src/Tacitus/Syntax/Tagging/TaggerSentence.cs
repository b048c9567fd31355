using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Tagging;

/// <summary>
/// The values of a sentence's words that the tagger's features read, each computed once per word rather than once
/// per feature that looks at it: the hashed lower-case and written forms, the shape code, the hashed last three
/// letters, and the usual tag. Positions before and after the sentence read as the start and end marks.
/// </summary>
internal sealed class TaggerSentence
{
    public const ulong Start = 0x5354415254UL; // "START": before the sentence
    public const ulong End = 0x454E44UL;       // "END": after it

    public int Count { get; private set; }

    public ulong[] Lower { get; private set; } = new ulong[64];

    public ulong[] Word { get; private set; } = new ulong[64];

    public ulong[] Shape { get; private set; } = new ulong[64];

    public ulong[] Suffix { get; private set; } = new ulong[64];

    public ulong[] Usual { get; private set; } = new ulong[64];

    public void Fill(string text, ReadOnlySpan<TextSpan> words, PartOfSpeechTagger tagger)
    {
        Count = words.Length;
        if (Lower.Length < Count)
        {
            var size = Math.Max(Count, Lower.Length * 2);
            Lower = new ulong[size];
            Word = new ulong[size];
            Shape = new ulong[size];
            Suffix = new ulong[size];
            Usual = new ulong[size];
        }

        for (var j = 0; j < words.Length; j++)
        {
            var w = words[j].Of(text);
            Lower[j] = FeatureKey.AddLower(0, w);
            Word[j] = FeatureKey.Add(0, w);
            Shape[j] = WordShapes.Code(w);
            Suffix[j] = FeatureKey.AddLower(0, w[Math.Max(0, w.Length - 3)..]);
            Usual[j] = tagger.Usual(w, Lower[j]);
        }
    }

    /// <summary>The hashed lower-case form of word <paramref name="j"/>, or the start or end mark outside the sentence.</summary>
    public ulong LowerAt(int j) => j < 0 ? Start : j >= Count ? End : Lower[j];

    /// <summary>The hashed last three letters of word <paramref name="j"/>, or the start or end mark.</summary>
    public ulong SuffixAt(int j) => j < 0 ? Start : j >= Count ? End : Suffix[j];

    /// <summary>The usual tag of word <paramref name="j"/> + 1 (0 unknown), or the end mark past the sentence.</summary>
    public ulong UsualAt(int j) => j >= Count ? End : Usual[j];
}
