using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class CorpusVotesTests
{
    private static readonly int UOrg = BilouTags.Tag(1, 'U');

    private static (string, Token[], int[]) Sentence(string text, params int[] tags)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return (text, [.. tokens], tags);
    }

    private static byte ClassOf(CorpusVotes votes, string word) => votes.ClassOf(FeatureKey.AddLower(0, word));

    [Fact]
    public void FromSentences_ThreeCapitalisedOccurrences_MajorityShareAndFrequency()
    {
        var votes = CorpusVotes.FromSentences(
        [
            Sentence("Shares in Quellco fell", 0, 0, UOrg, 0),
            Sentence("Analysts at Quellco said", 0, 0, UOrg, 0),
            Sentence("The Quellco plant closed", 0, 0, 0, 0),
        ]);

        // organisation (category 2) in 2 of 3 (share under 80%), seen 3–9 times
        Assert.Equal(1 + (2 * 9) + (1 * 3) + 0, ClassOf(votes, "QUELLCO"));
        Assert.Equal(1, votes.Count);
    }

    [Fact]
    public void FromSentences_SentenceStartsAndLowerCase_NotCounted()
    {
        var votes = CorpusVotes.FromSentences(
        [
            Sentence("Quellco fell", UOrg, 0),
            Sentence("Quellco rose", UOrg, 0),
            Sentence("a quellco b", 0, UOrg, 0),
            Sentence("at Quellco", 0, UOrg),
        ]);

        Assert.Equal(0, ClassOf(votes, "Quellco"));
    }

    [Fact]
    public void Write_ReadBack_SameClasses()
    {
        var votes = CorpusVotes.FromSentences([Sentence("at Quellco and Quellco and Quellco", 0, UOrg, 0, UOrg, 0, UOrg)]);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            votes.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = CorpusVotes.Read(reader);

        Assert.Equal(ClassOf(votes, "Quellco"), ClassOf(read, "Quellco"));
        Assert.NotEqual(0, ClassOf(read, "Quellco"));
    }
}
