using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Entities;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class EntityCuesTests
{
    private static readonly int Org = BilouTags.TypeOf("ORG");
    private static readonly int Per = BilouTags.TypeOf("PER");

    /// <summary>A sentence of tokens split at spaces, with one name over tokens [first, first + count).</summary>
    private static (string Text, Token[] Tokens, int[] Gold) Sentence(string text, int first, int count, int type)
    {
        var list = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), list);
        var gold = new int[list.Count];
        BilouTags.Encode([(first, count, type)], gold);
        return (text, [.. list], gold);
    }

    /// <summary>Five organisation names ending in "Quellworks" after "joined", and five people ending in "Tarvo" after "met".</summary>
    internal static EntityCues Counted()
    {
        var sentences = new List<(string, Token[], int[])>();
        foreach (var start in new[] { "Ostra", "Varn", "Pell", "Dusk", "Amber" })
        {
            sentences.Add(Sentence($"She joined {start} Quellworks last year .", 2, 2, Org));
            sentences.Add(Sentence($"We met {start} Tarvo today .", 2, 2, Per));
        }

        return EntityCues.FromNames(sentences, KnowledgeBase.Default);
    }

    [Theory]
    [InlineData("Quellworks", "OrgEnd, OrgEndOnly")]
    [InlineData("QUELLWORKS.", "OrgEnd, OrgEndOnly")]
    [InlineData("joined", "OrgBefore")]
    [InlineData("Tarvo", "None")]
    [InlineData("met", "None")]
    [InlineData(".", "None")]
    public void FromNames_CountedWords_CuesOfOrganisationsOnly(string word, string expected)
    {
        Assert.Equal(expected, (Counted().CueOf(word) & ~EntityCue.OrgAfter).ToString());
    }

    [Fact]
    public void FromNames_ActorDictionary_LegalFormEndsOrganisations()
    {
        var cues = EntityCues.FromNames([], KnowledgeBase.Default);

        Assert.True((cues.CueOf("Inc.") & EntityCue.OrgEnd) != 0);
        Assert.Equal(EntityCue.None, cues.CueOf("the"));
    }

    [Fact]
    public void Write_ReadBack_SameCues()
    {
        var cues = Counted();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            cues.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = EntityCues.Read(reader);

        Assert.Equal(cues.Count, read.Count);
        Assert.Equal(cues.CueOf("Quellworks"), read.CueOf("Quellworks"));
        Assert.Equal(cues.CueOf("joined"), read.CueOf("joined"));
    }

    [Fact]
    public void WriteText_SameCounts_SameTextSorted()
    {
        using var first = new StringWriter();
        using var second = new StringWriter();
        Counted().WriteText(first);
        Counted().WriteText(second);

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Contains("\nquellworks\tOrgEnd, OrgEndOnly\tend 5/0\n", first.ToString(), StringComparison.Ordinal);
        var words = first.ToString().Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal(words.Order(StringComparer.Ordinal), words);
    }
}
