using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Parsing;

/// <summary>
/// The values the parser's features read per word of a sentence, computed once per sentence instead of once per
/// feature: a hash of the lower-case form, the tag index + 1, and the two joined. Reused between sentences
/// (<see cref="Fill"/>) so parsing allocates nothing.
/// </summary>
internal sealed class ParserWords
{
    public ulong[] Words { get; private set; } = new ulong[64];

    public ulong[] Tags { get; private set; } = new ulong[64];

    /// <summary>Per word, <see cref="FeatureKey.Join"/> of its word and tag values.</summary>
    public ulong[] Joined { get; private set; } = new ulong[64];

    public void Fill(string text, ReadOnlySpan<TextSpan> words, ReadOnlySpan<int> tags)
    {
        var n = words.Length;
        if (Words.Length < n)
        {
            var capacity = Math.Max(n, Words.Length * 2);
            Words = new ulong[capacity];
            Tags = new ulong[capacity];
            Joined = new ulong[capacity];
        }

        for (var i = 0; i < n; i++)
        {
            Words[i] = FeatureKey.AddLower(0, words[i].Of(text));
            Tags[i] = (ulong)tags[i] + 1;
            Joined[i] = FeatureKey.Join(Words[i], Tags[i]);
        }
    }
}
