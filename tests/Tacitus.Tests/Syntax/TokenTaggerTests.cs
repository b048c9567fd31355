using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax;
using Tacitus.Syntax.Entities;
using Tacitus.Text;
using Xunit;

namespace Tacitus.Tests.Syntax;

public sealed class TokenTaggerTests
{
    private const string Text = "The minister visited Paris on Monday. Police arrested two men.\n\nShips left the port.";

    private static Document Segmented()
    {
        var document = new Document(Text, new DocumentMetadata()) { Language = "en" };
        new AnalysisPipeline([new SentenceSegmenter(), new BoilerplateMarker()]).Process(document);
        return document;
    }

    [Fact]
    public void Process_Segmented_TagsLemmasAndShapesWithoutTree()
    {
        var document = Segmented();
        StageRequirements.Run(new TokenTagger(SyntaxFixture.Models), document, CancellationToken.None);

        Assert.Equal(document.Tokens.Count, document.Syntax.Count);
        Assert.All(document.Syntax, t => Assert.Equal((-1, string.Empty), (t.Head, t.Relation)));
        Assert.Equal(("visit", "VERB", "VBD", WordShape.Lower), (document.Syntax[2].Lemma, document.Syntax[2].Upos, document.Syntax[2].Xpos, document.Syntax[2].Shape));
        Assert.True((document.Annotated & Annotations.Tags) != 0);
        Assert.True((document.Annotated & Annotations.Syntax) == 0);
    }

    [Fact]
    public void Process_ThenParser_SameLayerAsParserAlone()
    {
        var alone = Segmented();
        StageRequirements.Run(new SyntaxAnnotator(SyntaxFixture.Models), alone, CancellationToken.None);
        var split = Segmented();
        StageRequirements.Run(new TokenTagger(SyntaxFixture.Models), split, CancellationToken.None);
        var tagsOnly = split.Syntax.ToList();

        StageRequirements.Run(new SyntaxAnnotator(SyntaxFixture.Models), split, CancellationToken.None);

        Assert.Equal(alone.Syntax, split.Syntax);
        Assert.Equal(tagsOnly.Select(t => (t.Lemma, t.Upos, t.Xpos, t.Shape)), split.Syntax.Select(t => (t.Lemma, t.Upos, t.Xpos, t.Shape)));
        Assert.Contains(split.Syntax, t => t.Relation == "nsubj");
    }

    [Fact]
    public void Process_WithPhaseClock_TagsAndRecordsTimed()
    {
        var document = Segmented();
        long ticks = 0;
        var clock = new SyntaxPhaseClock(() => ++ticks);

        new TokenTagger(SyntaxFixture.Models).Process(document, clock, CancellationToken.None);

        Assert.Equal((1L, 0L, 1L), (clock.Tagger, clock.Parser, clock.Layer));
    }

    [Fact]
    public void Requires_EntitiesBeforeTags_RefusedWithTac402()
    {
        var refused = Assert.Throws<StageRequirementException>(() => new AnalysisPipeline([new SentenceSegmenter(), new EntityRecognizer(), new TokenTagger(SyntaxFixture.Models)]));

        Assert.Equal(AnalysisErrors.StageOrder, refused.Error.Code);
        Assert.Contains("Tags", refused.Error.Message, StringComparison.Ordinal);
        Assert.Contains("'tags'", refused.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EntitiesOnUntaggedDocument_RefusedWithTac403()
    {
        var document = Segmented();

        var refused = Assert.Throws<StageRequirementException>(() => StageRequirements.Run(new EntityRecognizer(), document, CancellationToken.None));

        Assert.Equal(AnalysisErrors.MissingAnnotation, refused.Error.Code);
        Assert.Empty(document.Names);
    }
}
