using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class DocumentVotesTests
{
    private static readonly int UOrg = BilouTags.Tag(1, 'U');
    private static readonly int ULoc = BilouTags.Tag(2, 'U');
    private static readonly int BPer = BilouTags.Tag(0, 'B');
    private static readonly int LPer = BilouTags.Tag(0, 'L');

    private static Token[] Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return [.. tokens];
    }

    [Theory]
    [InlineData(0, 0)] // O
    [InlineData(1, 1)] // B-PER
    [InlineData(8, 2)] // U-ORG
    [InlineData(16, 4)] // U-OTH
    public void Category_Class_OutsideOrOnePlusType(int tag, int category)
    {
        Assert.Equal(category, DocumentVotes.Category(tag));
    }

    [Theory]
    [InlineData(new int[0], false)]
    [InlineData(new[] { 0, 0, 0 }, false)] // always outside
    [InlineData(new[] { 8, 8 }, false)] // always U-ORG
    [InlineData(new[] { 8, 0 }, true)] // an organisation once, outside once
    [InlineData(new[] { 8, 12 }, true)] // an organisation and a place
    public void Disagrees_FirstPassClasses_TrueForTwoCategories(int[] tags, bool expected)
    {
        var votes = new DocumentVotes();
        var key = FeatureKey.AddLower(0, "Quellco");
        foreach (var tag in tags)
        {
            votes.Add(key, tag);
        }

        var sentence = new EntitySentence();
        sentence.Reset(1);
        sentence.Lower[0] = key;
        votes.Fill(sentence, [BilouTags.Outside]);

        Assert.Equal(expected, DocumentVotes.Disagrees(sentence.Votes[0]));
        Assert.Equal(expected, votes.AnyDisagreement("QUELLCO said so .", Tokens("QUELLCO said so ."), new int[4]));
        Assert.Equal(expected, votes.AnyDisagreement("we said quellco .", Tokens("we said quellco ."), [0, 0, UOrg, 0]));
        Assert.False(votes.AnyDisagreement("we said quellco .", Tokens("we said quellco ."), new int[4])); // lower case, outside: not a name here
        Assert.False(votes.AnyDisagreement("Nobody said so .", Tokens("Nobody said so ."), new int[4]));
    }

    [Theory]
    [InlineData(4, 3, false, true)] // outside here as four of seven: the majority, not read again; inside a name: outvoted
    [InlineData(3, 3, true, true)] // a tie: either reading is worth a second look
    [InlineData(1, 5, true, false)] // outside once, an organisation five times
    public void AnyDisagreement_ReadingHereAgainstDocumentCounts_ReReadsWhenOutvotedOrTied(int outside, int organisation, bool outsideOutvoted, bool organisationOutvoted)
    {
        var votes = new DocumentVotes();
        var key = FeatureKey.AddLower(0, "Quellco");
        for (var k = 0; k < outside; k++)
        {
            votes.Add(key, BilouTags.Outside);
        }

        for (var k = 0; k < organisation; k++)
        {
            votes.Add(key, UOrg);
        }

        // beyond three the packed votes the features read are equal (3 / 3); the gate counts on
        Assert.Equal(outsideOutvoted, votes.AnyDisagreement("Quellco said so .", Tokens("Quellco said so ."), new int[4]));
        Assert.Equal(organisationOutvoted, votes.AnyDisagreement("Quellco said so .", Tokens("Quellco said so ."), [UOrg, 0, 0, 0]));
    }

    [Fact]
    public void Categories_EntityTypes_OutsidePlusOneEachAndFitsPackedFields()
    {
        Assert.Equal(DocumentVotes.Categories, 1 + BilouTags.Types.Count);
        Assert.True(DocumentVotes.Categories * 12 <= 64); // exact counts, 12 bits each in a ulong
        Assert.True(DocumentVotes.Categories * 2 <= 32); // packed votes, 2 bits each in an int
    }

    [Theory]
    [InlineData(5000, 1, false, true)] // past the ceiling the majority still stands; the lone organisation is outvoted
    [InlineData(5000, 4100, true, true)] // both stop at 4,095: a tie, so either reading is read again
    public void AnyDisagreement_CountsPastCeiling_MajorityKeptOrTied(int places, int organisations, bool placeOutvoted, bool organisationOutvoted)
    {
        var votes = new DocumentVotes();
        var key = FeatureKey.AddLower(0, "Quellco");
        for (var k = 0; k < places; k++)
        {
            votes.Add(key, ULoc);
        }

        for (var k = 0; k < organisations; k++)
        {
            votes.Add(key, UOrg);
        }

        Assert.Equal(placeOutvoted, votes.AnyDisagreement("Quellco said so .", Tokens("Quellco said so ."), [ULoc, 0, 0, 0]));
        Assert.Equal(organisationOutvoted, votes.AnyDisagreement("Quellco said so .", Tokens("Quellco said so ."), [UOrg, 0, 0, 0]));
    }

    [Fact]
    public void Add_SameWordAnyCase_CountedTogetherUpToThree()
    {
        var votes = new DocumentVotes();
        var key = FeatureKey.AddLower(0, "Quellco");
        foreach (var tag in new[] { UOrg, UOrg, UOrg, UOrg, BilouTags.Outside })
        {
            votes.Add(key, tag);
        }

        var sentence = new EntitySentence();
        sentence.Reset(1);
        sentence.Lower[0] = FeatureKey.AddLower(0, "QUELLCO");
        votes.Fill(sentence, [BilouTags.Outside]);

        Assert.True(sentence.HasDocument);
        Assert.Equal(3, DocumentVotes.CountOf(sentence.Votes[0], 2));
        Assert.Equal(1, DocumentVotes.CountOf(sentence.Votes[0], 0));
        Assert.Equal(0, DocumentVotes.CountOf(sentence.Votes[0], 1));
        Assert.Equal(BilouTags.Outside, sentence.FirstPass[0]);
    }

    [Fact]
    public void Add_Sentence_CountsWordsNotPunctuation()
    {
        const string text = "Ines Maro joined Quellco .";
        var votes = new DocumentVotes();
        votes.Add(text, Tokens(text), [BPer, LPer, BilouTags.Outside, UOrg, BilouTags.Outside]);

        var sentence = new EntitySentence();
        sentence.Reset(2);
        sentence.Lower[0] = FeatureKey.AddLower(0, "maro");
        sentence.Lower[1] = FeatureKey.AddLower(0, ".");
        votes.Fill(sentence, [BilouTags.Outside, BilouTags.Outside]);

        Assert.Equal(1, DocumentVotes.CountOf(sentence.Votes[0], 1));
        Assert.Equal(0, sentence.Votes[1]);
    }

    [Fact]
    public void Clear_NextDocument_ForgetsVotes()
    {
        var votes = new DocumentVotes();
        votes.Add(FeatureKey.AddLower(0, "Quellco"), UOrg);
        votes.Clear();
        var sentence = new EntitySentence();
        sentence.Reset(1);
        sentence.Lower[0] = FeatureKey.AddLower(0, "Quellco");

        votes.Fill(sentence, [BilouTags.Outside]);

        Assert.Equal(0, sentence.Votes[0]);
    }

    [Fact]
    public void Reset_NextSentence_NoDocumentView()
    {
        var sentence = new EntitySentence();
        sentence.Reset(1);
        new DocumentVotes().Fill(sentence, [BilouTags.Outside]);

        sentence.Reset(1);

        Assert.False(sentence.HasDocument);
    }
}
