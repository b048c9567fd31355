using Tacitus.Documents;
using Tacitus.Knowledge;
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

    private static Document Segmented(string text)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        return document;
    }
}
