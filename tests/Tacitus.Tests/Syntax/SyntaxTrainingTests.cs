using Tacitus.Syntax;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Tagging;
using Tacitus.Syntax.Training;
using Xunit;

namespace Tacitus.Tests.Syntax;

public sealed class SyntaxTrainingTests
{
    [Fact]
    public void TrainTagger_Fixture_TagsItsTrainingWords()
    {
        var sentences = SyntaxFixture.Sentences();
        var tagger = SyntaxFixture.Models.Tagger;
        int right = 0, total = 0;
        var buffers = new TaggerBuffers();
        foreach (var sentence in sentences)
        {
            var tags = new int[sentence.Count];
            tagger.Tag(sentence.Text, sentence.Words, tags, buffers);
            for (var i = 0; i < tags.Length; i++)
            {
                right += tagger.Tags[tags[i]] == sentence.JointTag(i) ? 1 : 0;
                total++;
            }
        }

        Assert.True(right >= total * 0.95, $"{right}/{total} tags right");
    }

    [Fact]
    public void TrainTagger_SameDataTwice_SameBytes()
    {
        var sentences = SyntaxFixture.Sentences();
        var training = new SyntaxTraining { TaggerIterations = 4 };
        var (a, lemmasA) = training.TrainTagger(sentences);
        var (b, lemmasB) = training.TrainTagger(sentences);
        Assert.Equal(SyntaxFixture.TaggerBytes(a, lemmasA), SyntaxFixture.TaggerBytes(b, lemmasB));
    }

    [Fact]
    public void TrainParser_Fixture_FindsMostHeadsOfItsTrainingSentences()
    {
        var models = SyntaxFixture.Models;
        int right = 0, labelled = 0, total = 0;
        var work = new SyntaxWorkspace();
        foreach (var sentence in SyntaxFixture.Sentences())
        {
            var layer = new List<Tacitus.Documents.TokenSyntax>();
            SyntaxAnnotator.Annotate(models, sentence.Text, sentence.Words, 0, layer, work);
            for (var i = 0; i < sentence.Count; i++)
            {
                var head = layer[i].Head + 1;
                right += head == sentence.Gold[i].Head ? 1 : 0;
                labelled += head == sentence.Gold[i].Head && layer[i].Relation == sentence.Gold[i].Relation ? 1 : 0;
                total++;
            }
        }

        Assert.True(right >= total * 0.9, $"UAS {right}/{total}");
        Assert.True(labelled >= total * 0.85, $"LAS {labelled}/{total}");
    }

    [Fact]
    public void TrainParser_SameDataTwice_SameBytes()
    {
        var sentences = SyntaxFixture.Sentences();
        var training = new SyntaxTraining { TaggerIterations = 3, ParserIterations = 3, JackknifeFolds = 2 };
        var (tagger, _) = training.TrainTagger(sentences);
        var a = training.TrainParser(sentences, tagger);
        var b = training.TrainParser(sentences, tagger);
        Assert.Equal(SyntaxFixture.ParserBytes(a), SyntaxFixture.ParserBytes(b));
    }

    [Fact]
    public void WriteAndRead_TrainedModels_ParseAlike()
    {
        var models = SyntaxFixture.Models;
        using var taggerStream = new MemoryStream(SyntaxFixture.TaggerBytes(models.Tagger, models.Lemmas));
        using var parserStream = new MemoryStream(SyntaxFixture.ParserBytes(models.Parser));
        var (tagger, lemmas) = SyntaxModels.ReadTagger(taggerStream);
        var read = new SyntaxModels(tagger, lemmas, SyntaxModels.ReadParser(parserStream));
        var sentence = SyntaxFixture.Sentences()[0];
        var expected = new List<Tacitus.Documents.TokenSyntax>();
        var actual = new List<Tacitus.Documents.TokenSyntax>();
        SyntaxAnnotator.Annotate(models, sentence.Text, sentence.Words, 0, expected, new SyntaxWorkspace());
        SyntaxAnnotator.Annotate(read, sentence.Text, sentence.Words, 0, actual, new SyntaxWorkspace());
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(new[] { 1, 3, 1 }, true)]       // 0←1, 1 root (n = 3), 2←1
    [InlineData(new[] { 2, 3, 4, 1 }, false)]   // 0→2 and 1→3 cross
    [InlineData(new[] { 3, 0, 1 }, true)]       // chain 2←1←0, 0 root
    public void IsProjective_Trees_TellsCrossingArcs(int[] heads, bool projective)
    {
        // heads: word index, heads.Length for the root
        Assert.Equal(projective, ParserTrainer.IsProjective(heads));
    }

    [Theory]
    [InlineData(new[] { 1, 3, 1 }, new[] { 1, 3, 1 })]       // projective: unchanged
    [InlineData(new[] { 2, 3, 4, 2 }, new[] { 2, 2, 4, 2 })] // 3→1 passes over the root word 2: lifted to 2
    [InlineData(new[] { 4, 3, 0, 5, 3 }, new[] { 3, 3, 3, 5, 3 })] // 0→2 (shortest) goes up to 4, then 3; 4→0 goes up to 3
    public void Projectivize_CrossingArcs_LiftsShortestUntilProjective(int[] heads, int[] expected)
    {
        var tree = (int[])heads.Clone();
        ParserTrainer.Projectivize(tree);
        Assert.True(ParserTrainer.IsProjective(tree));
        Assert.Equal(expected, tree);
    }

    [Theory]
    [InlineData(new[] { 1, 3, 1 }, true)]
    [InlineData(new[] { 1, 0, 3 }, false)]   // 0 and 1 head each other
    [InlineData(new[] { 0, 3 }, false)]      // 0 heads itself
    public void IsTree_Heads_TellsCycles(int[] heads, bool tree)
    {
        Assert.Equal(tree, ParserTrainer.IsTree(heads));
    }
}
