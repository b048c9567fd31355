using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax.Clauses;
using Tacitus.Tests.Events;

namespace Tacitus.Tests.Syntax.Clauses;

/// <summary>The words stage: the layer's lemmas kept to the words the readers' tables list, and folded forms, once per document.</summary>
public sealed class WordReaderTests
{
    private static readonly FrozenSet<string> Lexicon = FrozenSet.ToFrozenSet(["cite", "citing", "say", "shoot", "praise", "meeting", "talk"], StringComparer.Ordinal);

    [Theory]
    [InlineData("The agency reported, citing unnamed officials.", "citing", "citing")] // listed in this form: itself, not "cite"
    [InlineData("The minister said nothing.", "said", "say")]                          // the layer's lemma, listed
    [InlineData("Police shot two men in the street.", "shot", "shoot")]                // read as a noun or not, a verb form of a listed verb
    [InlineData("Harbour Board Praises Dock Workers", "Praises", "praise")]             // a headline's verb
    [InlineData("The meeting ended early.", "meeting", "meeting")]                     // listed as it is: never "meet"
    [InlineData("The officials arrived late.", "officials", "officials")]              // "official" is listed nowhere: the word itself
    [InlineData("The talks were long.", "were", "be")]                                 // an auxiliary's lemma, listed or not
    [InlineData("They didn't stay.", "n't", "not")]                                    // a particle's lemma
    public void Process_Words_LayerLemmaKeptToTheLexicon(string text, string word, string lemma)
    {
        var document = Read(text);
        var words = document.WordsOf(document.Sentences[0]);

        var i = Enumerable.Range(0, words.Count).Single(k => document.Slice(words.Span(k)).ToString() == word);
        Assert.Equal(lemma, words.Lemma(i));
    }

    [Theory]
    [InlineData("“Talks,” she said.", 0, "\"")]       // any double quote is the straight one
    [InlineData("It’s Over", 1, "'s")]                // a curly apostrophe folded, lower case
    [InlineData("Rebels Seize PORT", 2, "port")]      // capitals lower-cased
    public void Process_Token_FoldedLowerForm(string text, int token, string lower)
    {
        var document = Read(text);

        Assert.Equal(lower, document.Words[token].Lower);
    }

    [Fact]
    public void Process_Document_OneReadingPerToken()
    {
        var document = Read("The minister said nothing. Rebels Seize Port");

        Assert.Equal(document.Tokens.Count, document.Words.Count);
        Assert.True(document.Annotated.HasFlag(Annotations.Words));
    }

    [Fact]
    public void Process_BeforeTags_Refused()
    {
        var document = new Document("The minister said nothing.", new DocumentMetadata()) { Language = "en" };
        new Tacitus.Text.SentenceSegmenter().Process(document, CancellationToken.None);

        Assert.Throws<StageRequirementException>(() => new WordReader(Lexicon).Process(document, CancellationToken.None));
    }

    private static Document Read(string text)
    {
        var document = DocumentBuilder.With(text).Build();
        new WordReader(Lexicon).Process(document, CancellationToken.None);
        return document;
    }
}
