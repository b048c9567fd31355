using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Clauses;
using Tacitus.Tests.Events;
using Tacitus.Text;

namespace Tacitus.Tests.Knowledge;

/// <summary>The case facts of the keyed index, read from the token layer's shape, the same with and without the layer.</summary>
public sealed class TokenKeysTests
{
    [Theory]
    [InlineData("Officials in Lagos met.", "Lagos", true, false)]     // title case
    [InlineData("The NATO summit opened.", "NATO", true, true)]       // all capitals
    [InlineData("A crowd gathered.", "A", true, true)]                // one capital: all capitals too
    [InlineData("She bought an iPhone there.", "iPhone", false, false)] // mixed, lower-case first
    [InlineData("The McDonald family left.", "McDonald", true, false)] // mixed, capital first
    [InlineData("Troops met al-Sadr there.", "al-Sadr", true, false)] // a particle joined to a name
    [InlineData("Prices rose sharply.", "rose", false, false)]        // lower case
    public void Of_Word_CaseFactsFromTheShape(string text, string word, bool capitalized, bool allCaps)
    {
        foreach (var document in new[] { DocumentBuilder.With(text).Build(), Segmented(text) })
        {
            var keys = TokenKeys.Of(document, KnowledgeBase.Default.Words);
            var i = document.Tokens.FindIndex(t => document.Slice(t.Span).ToString() == word);

            Assert.Equal((capitalized, allCaps), (keys.Capitalized[i], keys.AllCaps[i]));
        }
    }

    [Theory]
    [InlineData("Officials in Lagos met the U.S. envoy.")]                          // full stops inside a word: dropped from the key
    [InlineData("Troops met al-Sadr and the Sadrists' allies.")]                    // hyphen, possessive ending
    [InlineData("“It’s over,” said José Núñez of Ottawa’s council.")]             // curly quotes, accents, a split possessive
    [InlineData("THE NATO SUMMIT OPENED; US$ 5 bn & `quoted` [sic] -- e-mail.")]      // capitals, symbols, back-ticks, dashes
    public void Of_AfterTheWordsStage_SameKeysAsWithout(string text)
    {
        var plain = DocumentBuilder.With(text).Build();
        var read = DocumentBuilder.With(text).Build();
        new WordReader(System.Collections.Frozen.FrozenSet<string>.Empty).Process(read, CancellationToken.None);
        Assert.Equal(read.Tokens.Count, read.Words.Count);

        var expected = TokenKeys.Of(plain, KnowledgeBase.Default.Words);
        var actual = TokenKeys.Of(read, KnowledgeBase.Default.Words);

        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Equal(expected.Classes, actual.Classes);
        Assert.Equal(expected.HasPossessive, actual.HasPossessive);
    }

    private static Document Segmented(string text)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        return document;
    }
}
