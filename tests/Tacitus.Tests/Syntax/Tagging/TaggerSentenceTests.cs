using Tacitus.Documents;
using Tacitus.Syntax.Learning;
using Tacitus.Syntax.Tagging;
using Xunit;

namespace Tacitus.Tests.Syntax.Tagging;

public sealed class TaggerSentenceTests
{
    private static TaggerSentence Fill(string text)
    {
        var words = new List<TextSpan>();
        var start = 0;
        foreach (var word in text.Split(' '))
        {
            words.Add(new TextSpan(start, start + word.Length));
            start += word.Length + 1;
        }

        var sentence = new TaggerSentence();
        sentence.Fill(text, [.. words], SyntaxFixture.Models.Tagger);
        return sentence;
    }

    [Theory]
    [InlineData(-2, TaggerSentence.Start)]
    [InlineData(-1, TaggerSentence.Start)]
    [InlineData(3, TaggerSentence.End)]
    [InlineData(9, TaggerSentence.End)]
    public void LowerAt_OutsideTheSentence_StartOrEndMark(int position, ulong expected)
    {
        var sentence = Fill("Ships left Harbourtown");
        Assert.Equal(expected, sentence.LowerAt(position));
        Assert.Equal(expected, sentence.SuffixAt(position));
    }

    [Fact]
    public void Fill_WordsOfOtherCase_SameLowerDifferentWritten()
    {
        var sentence = Fill("Port port PORT");
        Assert.Equal(sentence.Lower[0], sentence.Lower[1]);
        Assert.Equal(sentence.Lower[1], sentence.Lower[2]);
        Assert.NotEqual(sentence.Word[0], sentence.Word[1]);
        Assert.Equal(FeatureKey.AddLower(0, "ort"), sentence.Suffix[2]);
    }

    [Fact]
    public void Fill_UsualWordInAnyCase_UsualTagOfItsLowerForm()
    {
        var usual = SyntaxFixture.Models.Tagger.UsualTags;
        Assert.True(usual.ContainsKey("the"), "the fixture has 'the' often enough");
        var sentence = Fill("THE The the Harbourtown");
        var expected = (ulong)usual["the"] + 1;
        Assert.Equal([expected, expected, expected, 0UL], sentence.Usual[..4]);
    }

    [Fact]
    public void Fill_LongerSentenceAfterShorter_GrowsAndCountsIt()
    {
        var sentence = new TaggerSentence();
        var text = string.Join(' ', Enumerable.Repeat("word", 100));
        var words = Enumerable.Range(0, 100).Select(i => new TextSpan(i * 5, (i * 5) + 4)).ToArray();
        sentence.Fill(text, words, SyntaxFixture.Models.Tagger);
        Assert.Equal(100, sentence.Count);
        Assert.Equal(sentence.Lower[0], sentence.Lower[99]);
        Assert.Equal(TaggerSentence.End, sentence.UsualAt(100));
    }
}
