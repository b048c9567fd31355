using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax;
using Tacitus.Text;
using Xunit;

namespace Tacitus.Tests.Syntax;

public sealed class SyntaxAnnotatorTests
{
    private static Document Analyse(string text)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new AnalysisPipeline([new SentenceSegmenter(), new BoilerplateMarker(), new SyntaxAnnotator(SyntaxFixture.Models)]).Process(document);
        return document;
    }

    [Fact]
    public void Process_TwoSentences_LayerParallelToTokensWithOneRootEach()
    {
        var document = Analyse("The minister visited Paris on Monday. Police arrested two men.");
        Assert.Equal(document.Tokens.Count, document.Syntax.Count);
        foreach (var sentence in document.Sentences)
        {
            var layer = document.SyntaxOf(sentence);
            Assert.Equal(1, layer.ToArray().Count(t => t.Head < 0));
            foreach (var t in layer)
            {
                Assert.True(t.Head < 0 || (t.Head >= sentence.FirstToken && t.Head < sentence.FirstToken + sentence.TokenCount), "head outside its sentence");
            }
        }
    }

    [Fact]
    public void Process_WithPhaseClock_SameLayerAndEveryPhaseTimed()
    {
        const string text = "The minister visited Paris on Monday. Police arrested two men.\n\nShips left the port.";
        var plain = Analyse(text);
        var timed = new Document(text, new DocumentMetadata()) { Language = "en" };
        new AnalysisPipeline([new SentenceSegmenter(), new BoilerplateMarker()]).Process(timed);
        long ticks = 0;
        var clock = new SyntaxPhaseClock(() => ++ticks);

        new SyntaxAnnotator(SyntaxFixture.Models).Process(timed, clock, CancellationToken.None);

        Assert.Equal(plain.Syntax, timed.Syntax);
        Assert.Equal((1L, 1L, 1L), (clock.Tagger, clock.Parser, clock.Layer));
    }

    [Fact]
    public void Process_KnownSentence_TagsLemmatisesAndParses()
    {
        var document = Analyse("The minister visited Paris on Monday.");
        var layer = document.Syntax;
        Assert.Equal(("visit", "VERB", "VBD", -1, "root"), (layer[2].Lemma, layer[2].Upos, layer[2].Xpos, layer[2].Head, layer[2].Relation));
        Assert.Equal((2, "nsubj"), (layer[1].Head, layer[1].Relation));
        Assert.Equal(WordShape.Title, layer[3].Shape);
        Assert.Equal(WordShape.Lower, layer[1].Shape);
    }

    [Fact]
    public void Requires_SentencesAndTokens_RefusedBeforeSegmentation()
    {
        Assert.ThrowsAny<InvalidOperationException>(() => new AnalysisPipeline([new SyntaxAnnotator(SyntaxFixture.Models)]));
    }
}

public sealed class ConlluAnnotationTests
{
    [Fact]
    public void Predict_TokenizedSentence_KeepsCommentsWordsAndRanges()
    {
        const string input = "# sent_id = x-1\n# text = They don't talk.\n1\tThey\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\ttalk\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        var sentence = Tacitus.Syntax.Conllu.ConlluReader.Read(new StringReader(input), "x.conllu", new List<TacitusError>()).Single();
        var predicted = Tacitus.Syntax.Conllu.ConlluAnnotation.Predict(sentence, SyntaxFixture.Models, new SyntaxWorkspace());
        Assert.Equal(sentence.Comments, predicted.Comments);
        Assert.Equal(sentence.Ranges, predicted.Ranges);
        Assert.Equal(sentence.Words.Select(w => w.Form), predicted.Words.Select(w => w.Form));
        Assert.Equal("SpaceAfter=No", predicted.Words[3].Misc);
        Assert.Equal(1, predicted.Words.Count(w => w.Head == 0));
        Assert.All(predicted.Words, w => Assert.NotEqual("_", w.Upos));
    }

    [Fact]
    public void FromDocument_RawText_OneBlockPerSentenceWithTextAndSpaceAfter()
    {
        var document = new Document("Police arrested two men. They left.", new DocumentMetadata()) { Language = "en" };
        new AnalysisPipeline([new SentenceSegmenter(), new BoilerplateMarker(), new SyntaxAnnotator(SyntaxFixture.Models)]).Process(document);
        var sentences = Tacitus.Syntax.Conllu.ConlluAnnotation.FromDocument(document, "d-").ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal("# text = Police arrested two men.", sentences[0].Comments[1]);
        Assert.Equal(["Police", "arrested", "two", "men", "."], sentences[0].Words.Select(w => w.Form));
        Assert.Equal("SpaceAfter=No", sentences[0].Words[3].Misc);
        Assert.Equal("_", sentences[0].Words[4].Misc);
    }
}
