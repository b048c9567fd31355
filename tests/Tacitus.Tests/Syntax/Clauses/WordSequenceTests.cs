using Tacitus.Syntax.Clauses;
using Tacitus.Tests.Events;

namespace Tacitus.Tests.Syntax.Clauses;

/// <summary>The lemmas the rule readers match on, read from the token layer and kept to the words their tables list.</summary>
public sealed class WordSequenceTests
{
    private static readonly HashSet<string> Lexicon = ["cite", "citing", "say", "shoot", "praise", "meeting", "talk"];

    [Theory]
    [InlineData("The agency reported, citing unnamed officials.", "citing", "citing")] // listed in this form: itself, not "cite"
    [InlineData("The minister said nothing.", "said", "say")]                          // the layer's lemma, listed
    [InlineData("Police shot two men in the street.", "shot", "shoot")]                // read as a noun or not, a verb form of a listed verb
    [InlineData("Harbour Board Praises Dock Workers", "Praises", "praise")]             // a headline's verb
    [InlineData("The meeting ended early.", "meeting", "meeting")]                     // listed as it is: never "meet"
    [InlineData("The officials arrived late.", "officials", "officials")]              // "official" is listed nowhere: the word itself
    [InlineData("The talks were long.", "were", "be")]                                 // an auxiliary's lemma, listed or not
    [InlineData("They didn't stay.", "n't", "not")]                                    // a particle's lemma
    public void Lemma_Words_LayerLemmaKeptToTheLexicon(string text, string word, string lemma)
    {
        var document = DocumentBuilder.With(text).Build();
        var words = new WordSequence(document, document.Sentences[0], Lexicon);

        var i = Enumerable.Range(0, words.Count).Single(k => document.Slice(words.Span(k)).ToString() == word);
        Assert.Equal(lemma, words.Lemma(i));
    }
}
