using Tacitus.Knowledge;
using Tacitus.Syntax.Training;
using Xunit;

namespace Tacitus.Tests.Syntax.Training;

public sealed class SyntaxTrainingMixTests
{
    [Fact]
    public void ReadMix_Lines_KeepsFileOrder()
    {
        var mix = SyntaxTraining.ReadMix(Lines("news_a\t3", "news\t0"));
        Assert.Equal([("news_a", 3), ("news", 0)], mix);
    }

    [Theory]
    [InlineData("news")]             // no repeats
    [InlineData("news\ttwo")]        // not a number
    [InlineData("news\t-1")]         // negative
    [InlineData("news\t11")]         // more than 10
    [InlineData("news\t1\tx")]       // a third field
    public void ReadMix_BadLine_ThrowsCodedError(string line)
    {
        var error = Assert.Throws<InvalidDataException>(() => SyntaxTraining.ReadMix(Lines(line)));
        Assert.Contains(SyntaxTraining.BadMix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMix_PrefixTwice_ThrowsCodedError()
    {
        Assert.Throws<InvalidDataException>(() => SyntaxTraining.ReadMix(Lines("news\t1", "news\t2")));
    }

    [Fact]
    public void TrainParser_TreebankLeftOut_DiffersFromFullMix()
    {
        // the fixture is read from news.conllu: a mix of 0 for "news" leaves every sentence out of the passes
        var sentences = SyntaxFixture.Sentences();
        var (tagger, _) = new SyntaxTraining { TaggerIterations = 2 }.TrainTagger(sentences);
        var full = new SyntaxTraining { ParserIterations = 2, JackknifeFolds = 1, ParserMix = [("news", 1)] }.TrainParser(sentences, tagger);
        var twice = new SyntaxTraining { ParserIterations = 2, JackknifeFolds = 1, ParserMix = [("news", 2)] }.TrainParser(sentences, tagger);
        var none = new SyntaxTraining { ParserIterations = 2, JackknifeFolds = 1, ParserMix = [("other", 2), ("news", 0)] }.TrainParser(sentences, tagger);
        Assert.NotEqual(SyntaxFixture.ParserBytes(full), SyntaxFixture.ParserBytes(twice));
        Assert.True(SyntaxFixture.ParserBytes(none).Length < SyntaxFixture.ParserBytes(full).Length, "a mix that leaves every sentence out learns no weights");
    }

    [Fact]
    public void TrainParser_MixOfOnes_SameBytesAsShippedMix()
    {
        // the shipped table names no "news" treebank, so the fixture is seen once per pass either way
        var sentences = SyntaxFixture.Sentences();
        var (tagger, _) = new SyntaxTraining { TaggerIterations = 2 }.TrainTagger(sentences);
        var shipped = new SyntaxTraining { ParserIterations = 2, JackknifeFolds = 1 }.TrainParser(sentences, tagger);
        var ones = new SyntaxTraining { ParserIterations = 2, JackknifeFolds = 1, ParserMix = [("news", 1)] }.TrainParser(sentences, tagger);
        Assert.Equal(SyntaxFixture.ParserBytes(shipped), SyntaxFixture.ParserBytes(ones));
    }

    [Theory]
    [InlineData(false, 1)] // the treebanks alone: once a pass
    [InlineData(true, 2)]  // with silver trees (seen once): the treebanks twice, so they outweigh the silver news
    public void Shipped_WithOrWithoutSilver_TreebankRepeats(bool silver, int repeats)
    {
        var mix = SyntaxTraining.Shipped(silver);
        Assert.Equal(repeats, mix.Single(m => m.Prefix == "en_ewt").Repeats);
        Assert.Equal(repeats, mix.Single(m => m.Prefix == "en_gum").Repeats);
        Assert.DoesNotContain(mix, m => "silver-bbc.conllu".StartsWith(m.Prefix, StringComparison.Ordinal));
    }

    private static IEnumerable<DataLine> Lines(params string[] lines) =>
        DataFile.Read(new StringReader(string.Join('\n', lines)), "mix.tsv");
}
