using Tacitus.Syntax;
using Tacitus.Syntax.Parsing;
using Xunit;

namespace Tacitus.Tests.Syntax.Parsing;

public sealed class DependencyParserTests
{
    [Fact]
    public void Read_ModelOfTheLabelledFormat_ThrowsInvalidData()
    {
        // a format-1 parser file began with its relation count, not the format-2 magic
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(51);
            writer.Write("root");
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var error = Assert.Throws<InvalidDataException>(() => DependencyParser.Read(reader));
        Assert.Contains("retrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrainedOnFixture_EveryRelationInItsTransitionsGroup()
    {
        var models = SyntaxFixture.Models;
        var parser = models.Parser;
        var work = new SyntaxWorkspace();
        foreach (var sentence in SyntaxFixture.Sentences())
        {
            var layer = new List<Tacitus.Documents.TokenSyntax>();
            SyntaxAnnotator.Annotate(models, sentence.Text, sentence.Words, 0, layer, work);
            var roots = layer.Count(t => t.Head < 0);
            Assert.Equal(1, roots);
            foreach (var token in layer)
            {
                var relation = parser.Relations.IndexOf(token.Relation);
                Assert.True(relation >= 0, token.Relation);
                Assert.Equal(token.Head < 0, token.Relation == DependencyParser.RootLabel);
            }
        }
    }

    [Theory]
    [InlineData("Resigned")]
    [InlineData("Talks resumed")]
    [InlineData("The envoy left early .")]
    public void Parse_LastWordLeftOnStack_AttachedToRoot(string sentence)
    {
        // once only the root is left in the buffer, the one word on the stack takes LEFT-root without being scored
        var parser = SyntaxFixture.Models.Parser;
        var words = new List<Tacitus.Documents.TextSpan>();
        var start = 0;
        foreach (var word in sentence.Split(' '))
        {
            words.Add(new Tacitus.Documents.TextSpan(start, start + word.Length));
            start += word.Length + 1;
        }

        var heads = new int[words.Count];
        var relations = new int[words.Count];
        parser.Parse(sentence, words.ToArray(), new int[words.Count], heads, relations, new ParserBuffers());
        var roots = Enumerable.Range(0, words.Count).Where(i => heads[i] < 0).ToList();
        var root = Assert.Single(roots);
        Assert.Equal(parser.RootIndex, relations[root]);
        Assert.All(Enumerable.Range(0, words.Count).Where(i => i != root), i => Assert.NotEqual(parser.RootIndex, relations[i]));
    }

    [Fact]
    public void Costs_LeftArcOfWrongGroup_CostsOne()
    {
        // "A B C": A <-nsubj- B (root), B -obj-> C; groups root 0, subject 1, core 2
        int[] heads = [1, 3, 1];
        int[] labels = [1, 0, 2];
        int[] groupOf = [0, 1, 2];
        var state = new ParserState();
        state.Reset(3);
        state.Shift(); // stack [A], buffer B
        var allowed = Enumerable.Repeat(true, DependencyParser.Classes(3)).ToArray();
        var costs = new int[allowed.Length];
        ParserTrainer.Costs(state, heads, labels, groupOf, 3, allowed, costs);
        Assert.Equal(1, costs[DependencyParser.Shift]); // A would lose its head B
        Assert.Equal(0, costs[1 + 1]);                  // LEFT-subject: A <- B, right group
        Assert.Equal(1, costs[1 + 2]);                  // LEFT-core: right head, wrong group
        Assert.Equal(1, costs[1 + 3 + 1]);             // RIGHT-subject: no s1, A's head is in the buffer
    }

    [Fact]
    public void WriteAndRead_ArcEagerModel_KeepsItsSystem()
    {
        var parser = SyntaxFixture.Models.Parser;
        Assert.Equal(TransitionSystem.NonMonotonicArcEager, parser.TransitionSystem);
        using var stream = new MemoryStream(SyntaxFixture.ParserBytes(parser));
        var read = SyntaxModels.ReadParser(stream);
        Assert.Equal(TransitionSystem.NonMonotonicArcEager, read.TransitionSystem);
        Assert.Equal(1, read.Beam);
    }

    [Fact]
    public void WithBeam_ArcEagerModelWiderThanOne_RefusedWithItsCode()
    {
        var parser = SyntaxFixture.Models.Parser;
        Assert.Equal("TAC625", Assert.Throws<BeamRefusedException>(() => parser.WithBeam(4)).Error.Code);
        Assert.Equal(1, parser.WithBeam(1).Beam);
    }

    [Fact]
    public void TrainParser_ArcHybridAsked_OtherBytesThanTheDefault()
    {
        var sentences = SyntaxFixture.Sentences();
        var training = new Tacitus.Syntax.Training.SyntaxTraining { TaggerIterations = 3, ParserIterations = 3, JackknifeFolds = 1 };
        var (tagger, _) = training.TrainTagger(sentences);
        var hybrid = new Tacitus.Syntax.Training.SyntaxTraining { TaggerIterations = 3, ParserIterations = 3, JackknifeFolds = 1, ParserSystem = TransitionSystem.ArcHybrid }.TrainParser(sentences, tagger);
        var eager = training.TrainParser(sentences, tagger);
        Assert.Equal(TransitionSystem.ArcHybrid, hybrid.TransitionSystem);
        Assert.Equal(TransitionSystem.NonMonotonicArcEager, eager.TransitionSystem);
        Assert.Equal(DependencyParser.Classes(hybrid.Groups.Count) + 1, eager.Model.Classes);
        Assert.NotEqual(SyntaxFixture.ParserBytes(hybrid), SyntaxFixture.ParserBytes(eager));
    }
}
