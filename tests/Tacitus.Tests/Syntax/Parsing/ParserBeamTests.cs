using Tacitus.Documents;
using Tacitus.Syntax;
using Tacitus.Syntax.Learning;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Training;
using Xunit;

namespace Tacitus.Tests.Syntax.Parsing;

public sealed class ParserBeamTests
{
    // classes of a parser with the groups root (0) and dep (1): SHIFT, LEFT-root, LEFT-dep, RIGHT-root, RIGHT-dep
    private const int LeftDep = 2;
    private const int RightDep = 4;

    [Fact]
    public void Advance_LocallyBestMoveLeadsToPenalisedState_BeamFindsHigherTotalThanGreedy()
    {
        // "rain fell": after the forced SHIFT, SHIFT scores 1 and LEFT-dep 0.5, but SHIFT leads to a state whose only move
        // (RIGHT-dep) scores -10. Greedy takes SHIFT (total -9: "fell" under "rain"); a beam of 2 keeps LEFT-dep and ends
        // at 0.5 ("rain" under "fell").
        var (parser, sentence) = HandParser();
        var greedy = Search(parser, sentence, 1);
        var beam = Search(parser, sentence, 2);

        Assert.Equal(-9f, greedy.Score, 3);
        Assert.Equal(0.5f, beam.Score, 3);
        Assert.Equal([-1, 0], greedy.Heads);
        Assert.Equal([1, -1], beam.Heads);
    }

    [Theory]
    [InlineData(1, new[] { -1, 0 })]
    [InlineData(2, new[] { 1, -1 })]
    public void Parse_HandModel_WidthDecidesTheTree(int width, int[] expected)
    {
        var (hand, _) = HandParser();
        var parser = hand.WithBeam(width);
        var heads = new int[2];
        var relations = new int[2];
        parser.Parse(Text, Words, [0, 0], heads, relations, new ParserBuffers());
        Assert.Equal(expected, heads);
    }

    [Theory]
    [InlineData(0.4f, new[] { -1, 0 })] // LEFT-dep is 0.5 behind SHIFT: dropped, the search is greedy's
    [InlineData(0.6f, new[] { 1, -1 })] // within the margin: kept, and the beam's tree wins
    public void Parse_BeamMargin_DropsSuccessorsFurtherBehindThanIt(float margin, int[] expected)
    {
        var (hand, _) = HandParser();
        var parser = hand.WithBeam(2, margin);
        var heads = new int[2];
        var relations = new int[2];
        parser.Parse(Text, Words, [0, 0], heads, relations, new ParserBuffers());
        Assert.Equal(expected, heads);
    }

    [Fact]
    public void Advance_MarginLeavesOneConfiguration_SameTreeAndScoreAsGreedy()
    {
        // a margin of 0 keeps one configuration at every step (moved in place): the greedy search's tree and total
        var (parser, sentence) = HandParser();
        var greedy = Search(parser, sentence, 1);
        var narrowed = Search(parser, sentence, 4, 0f);
        Assert.Equal(greedy.Heads, narrowed.Heads);
        Assert.Equal(greedy.Score, narrowed.Score, 3);
    }

    [Fact]
    public void TrainParser_BeamSliceTwice_SameBytesAndBeamKept()
    {
        var sentences = SyntaxFixture.Sentences();
        var training = new SyntaxTraining { TaggerIterations = 3, ParserIterations = 3, JackknifeFolds = 1, ParserBeam = 4, ParserBeamPasses = 2 };
        var (tagger, _) = training.TrainTagger(sentences);
        var a = SyntaxFixture.ParserBytes(training.TrainParser(sentences, tagger));
        var b = SyntaxFixture.ParserBytes(training.TrainParser(sentences, tagger));
        Assert.Equal(a, b);
        using var stream = new MemoryStream(a);
        Assert.Equal(4, SyntaxModels.ReadParser(stream).Beam);
    }

    [Fact]
    public void TrainParser_BeamPassesOnSlice_ParsesItsTrainingSentences()
    {
        // global training on the fixture must learn it about as well as greedy training does
        var sentences = SyntaxFixture.Sentences();
        var training = new SyntaxTraining { TaggerIterations = 6, ParserIterations = 8, JackknifeFolds = 1, ParserBeam = 4, ParserBeamPasses = 4 };
        var models = SyntaxFixture.Train(training);
        int right = 0, total = 0;
        var work = new SyntaxWorkspace();
        foreach (var sentence in sentences)
        {
            var layer = new List<TokenSyntax>();
            SyntaxAnnotator.Annotate(models, sentence.Text, sentence.Words, 0, layer, work);
            for (var i = 0; i < layer.Count; i++)
            {
                total++;
                right += layer[i].Head + 1 == sentence.Gold[i].Head ? 1 : 0;
            }
        }

        Assert.True(right >= total * 0.9, $"UAS {right}/{total}");
    }

    [Theory]
    [InlineData(new[] { 1, 2 }, new[] { DependencyParser.Shift, LeftDep, DependencyParser.Shift, 1 })] // a <- b, b root (LEFT-root = 1)
    [InlineData(new[] { 2, 0 }, new[] { DependencyParser.Shift, DependencyParser.Shift, RightDep, 1 })] // a root, a -> b
    public void Oracle_GoldTree_ReachesIt(int[] heads, int[] expected)
    {
        var (parser, _) = HandParser();
        var training = new BeamTraining(parser, 2);
        int[] labels = [.. heads.Select(h => h == 2 ? 0 : 1)];
        var state = new ParserState();
        state.Reset(2);
        var moves = new List<int>();
        while (!state.IsTerminal)
        {
            var move = training.Oracle(state, heads, labels, [0, 1]);
            moves.Add(move);
            parser.Apply(state, move, move == DependencyParser.Shift ? 0 : labels[state.Stack(0)]);
        }

        Assert.Equal(expected, moves);
        Assert.Equal(heads, state.Heads[..2]);
    }

    private const string Text = "rain fell";

    private static readonly TextSpan[] Words = [new(0, 4), new(5, 9)];

    private static (int[] Heads, float Score) Search(DependencyParser parser, ParserWords sentence, int width, float margin = float.PositiveInfinity)
    {
        var buffers = new ParserBuffers();
        var beam = buffers.Beam;
        beam.Start(2, width);
        while (!beam.IsTerminal)
        {
            beam.Advance(parser, sentence, width, buffers, margin);
        }

        var state = beam.StateOf(0);
        return ([state.Heads[0] == 2 ? -1 : state.Heads[0], state.Heads[1] == 2 ? -1 : state.Heads[1]], beam.Items[0].Score);
    }

    /// <summary>A parser of two groups whose transition weights are set by hand on the features of two configurations of "rain fell".</summary>
    private static (DependencyParser Parser, ParserWords Sentence) HandParser()
    {
        var relations = new LabelSet();
        relations.Add(DependencyParser.RootLabel);
        relations.Add("dep");
        var groups = new LabelSet();
        groups.Add(DependencyParser.RootLabel);
        groups.Add("dep");
        var model = AveragedPerceptron.ForTraining(DependencyParser.Classes(groups.Count));
        var labels = AveragedPerceptron.ForTraining(relations.Count);
        var parser = new DependencyParser(relations, groups, [0, 1], model, labels);
        var sentence = new ParserWords();
        sentence.Fill(Text, Words, [0, 0]);
        var features = new ulong[ParserFeatures.Max];

        var first = new ParserState();
        first.Reset(2);
        first.Shift(); // stack [rain], buffer fell
        var count = ParserFeatures.Extract(first, sentence, features);
        model.Adjust(features.AsSpan(0, count), DependencyParser.Shift, 1f / count);
        model.Adjust(features.AsSpan(0, count), LeftDep, 0.5f / count);

        var second = new ParserState();
        second.CopyFrom(first);
        second.Shift(); // stack [rain, fell], buffer the root: only RIGHT is allowed
        count = ParserFeatures.Extract(second, sentence, features);
        model.Adjust(features.AsSpan(0, count), RightDep, -10f / count);
        return (parser, sentence);
    }
}
