using Tacitus.Syntax;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Training;
using Xunit;

namespace Tacitus.Tests.Syntax.Parsing;

/// <summary>The parser's word-cluster features: trained, written with the model, read back.</summary>
public sealed class ParserClustersTests
{
    // paths written by hand for some of the fixture's words: verbs of movement and speech share a prefix, so do
    // prepositions, and days of the week
    private static WordClusters Clusters() => WordClusters.FromPaths(
    [
        ("visited", "0110"), ("marched", "0111"), ("said", "0101"), ("on", "1000"), ("through", "1001"),
        ("in", "1010"), ("Monday", "1100"), ("the", "1110"), ("The", "1110"),
    ]);

    private static DependencyParser Train(WordClusters? clusters)
    {
        var sentences = SyntaxFixture.Sentences();
        var tagger = SyntaxFixture.Models.Tagger;
        int[] Tags(TreebankSentence sentence) =>
            [.. Enumerable.Range(0, sentence.Count).Select(i => Math.Max(0, tagger.Tags.IndexOf(sentence.JointTag(i))))];
        return new ParserTrainer { Iterations = 4, Clusters = clusters }.Train(sentences, Tags);
    }

    [Fact]
    public void Train_WithClusters_SameBytesTwice()
    {
        Assert.Equal(SyntaxFixture.ParserBytes(Train(Clusters())), SyntaxFixture.ParserBytes(Train(Clusters())));
    }

    [Fact]
    public void Train_WithClusters_ModelReadsThem()
    {
        // a trainer that ignored the table would write the same transition and relation weights as one without it
        var with = Train(Clusters());
        var without = Train(null);
        Assert.NotEqual(Weights(with), Weights(without));
    }

    [Fact]
    public void WriteAndRead_ParserWithClusters_KeepsTheTable()
    {
        using var stream = new MemoryStream(SyntaxFixture.ParserBytes(Train(Clusters())));
        var read = SyntaxModels.ReadParser(stream);
        Assert.Equal(9, read.Clusters!.Count); // "the" and "The" are two words (of one path)
        Assert.Equal(WordClusters.Encode("0110"), read.Clusters.PathOf(FeatureKey.Add(0, "visited"), FeatureKey.AddLower(0, "visited")));
    }

    /// <summary>The model file without its cluster table: the two perceptrons' weights.</summary>
    private static byte[] Weights(DependencyParser parser)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            parser.Model.Write(writer);
            parser.Labels.Write(writer);
        }

        return stream.ToArray();
    }

    [Fact]
    public void WriteAndRead_ParserWithoutClusters_HasNone()
    {
        using var stream = new MemoryStream(SyntaxFixture.ParserBytes(Train(null)));
        Assert.Null(SyntaxModels.ReadParser(stream).Clusters);
    }

    [Theory]
    [InlineData(true, 9)]
    [InlineData(false, 0)]
    public void TrainParser_ClustersFile_CopiedIntoTheModel(bool given, int expected)
    {
        var folder = Directory.CreateTempSubdirectory("tacitus-clusters-");
        try
        {
            var file = Path.Combine(folder.FullName, "clusters.tsv.gz");
            using (var stream = File.Create(file))
            {
                WordClusters.WriteText(stream, "test clusters", [("0110", "visited", 3), ("0111", "marched", 3), ("1000", "on", 5),
                    ("1001", "through", 2), ("1010", "in", 4), ("1100", "Monday", 2), ("1110", "the", 9), ("1110", "The", 4), ("0101", "said", 3)]);
            }

            var training = new SyntaxTraining { ParserIterations = 2, JackknifeFolds = 1, ClustersFile = given ? file : null };
            var parser = training.TrainParser(SyntaxFixture.Sentences(), SyntaxFixture.Models.Tagger);
            Assert.Equal(expected, parser.Clusters?.Count ?? 0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Fill_WordOfEitherCase_WrittenFormFirstThenLowerCase()
    {
        // "The" has its own path; "ON" has none as written and takes the path of "on"; "Tuesday" has none
        var clusters = WordClusters.FromPaths([("The", "0001"), ("on", "10"), ("the", "1110")]);
        var text = "The ON Tuesday";
        Tacitus.Documents.TextSpan[] words = [new(0, 3), new(4, 6), new(7, 14)];
        var sentence = new ParserWords();
        sentence.Fill(text, words, [0, 0, 0], clusters);
        Assert.True(sentence.HasClusters);
        Assert.Equal(WordClusters.Encode("0001"), sentence.FineClusters[0]);
        Assert.Equal(WordClusters.Encode("10"), sentence.FineClusters[1]);
        Assert.Equal(0UL, sentence.FineClusters[2]);
        sentence.Fill(text, words, [0, 0, 0]);
        Assert.False(sentence.HasClusters);
    }
}
