using Tacitus.Attributions;
using Tacitus.Tests.Events;

namespace Tacitus.Tests.Attributions;

public sealed class QuoteTrackerTests
{
    [Theory]
    [InlineData("He said: “One. Two.” Then he left.", 1, "One. Two.")]
    [InlineData("“First paragraph of the quote.\n\n“Second paragraph,” she said.", 1, "First paragraph of the quote.\n\n“Second paragraph")]
    [InlineData("“Unclosed quote here.\n\nA new paragraph.", 1, "Unclosed quote here.")]
    [InlineData("The \"fresh start\" was mentioned.", 1, "fresh start")]
    [InlineData("He said, ''It is done. We go home.'' Then he left.", 1, "It is done. We go home.")]
    [InlineData("''First part of it.\n\n''Second part,'' she said.", 1, "First part of it.\n\n''Second part")]
    public void Find_Quotes_AcrossSentencesAndParagraphs(string text, int count, string first)
    {
        var document = DocumentBuilder.With(text).Build();

        var quotes = QuoteTracker.Find(document);

        Assert.Equal(count, quotes.Count);
        Assert.Equal(first, document.Slice(quotes[0].Inner).ToString());
    }
}
