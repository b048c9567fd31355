using Tacitus.Documents;
using Tacitus.Text;

namespace Tacitus.Tests.Text;

/// <summary>The headline and dateline flags the segmenter sets once per sentence for every later stage.</summary>
public sealed class HeadlineRulesTests
{
    private static Document Segment(string text)
    {
        var document = new Document(text, new DocumentMetadata());
        new SentenceSegmenter().Process(document, CancellationToken.None);
        return document;
    }

    private static Sentence SentenceStarting(Document document, string start) =>
        document.Sentences.Single(s => document.Slice(s.Span).StartsWith(start, StringComparison.Ordinal));

    [Theory]
    [InlineData("Valmora Expels Two Diplomats Over Spy Row", true)]
    [InlineData("PORT WORKERS END NINE-DAY STRIKE", true)]
    [InlineData("Mayor Says Harbor Fees Will Rise in March", true)]
    [InlineData("Port workers end nine-day strike after pay deal", false)]
    [InlineData("The minister met the new cabinet in Lisbon on Friday.", false)]
    [InlineData("Alves, Costa, Silva, Pereira Named To Cabinet", false)] // a list of names, not a title
    [InlineData("Quit Now", false)] // too few words to tell
    public void Process_FirstLine_HeadlineWhenTitleCase(string line, bool headline)
    {
        var document = Segment(line + "\n\nThe union said the deal would hold until the spring.");

        Assert.Equal(headline, document.Sentences[0].Headline);
        Assert.False(document.Sentences[^1].Headline);
    }

    [Fact]
    public void Process_LongTitleCaseSentence_IsNotAHeadline()
    {
        var line = string.Join(' ', Enumerable.Repeat("Harbor Workers Strike", 9)) + ".";

        Assert.False(Segment(line).Sentences[0].Headline);
    }

    [Theory]
    [InlineData("LISBON (Harbor Wire) — The minister resigned on Friday after a week of protests.", "LISBON (Harbor Wire)")]
    [InlineData("PORTO, Portugal (AP) - Dock workers walked out on Monday.", "PORTO, Portugal (AP)")]
    [InlineData("COIMBRA (Harbor Wire)\n\nThe university closed for a day.", "COIMBRA (Harbor Wire)")]
    public void Process_WireDateline_FlagsOnlyTheDateline(string text, string dateline)
    {
        var document = Segment(text);

        Assert.True(SentenceStarting(document, dateline).Dateline);
        Assert.Single(document.Sentences, s => s.Dateline);
    }

    [Theory]
    [InlineData("The minister (a former judge) resigned on Friday.")]
    [InlineData("Shares in Acme (ACM) fell 3% on Monday.")]
    public void Process_BracketsInProse_NoDateline(string text) =>
        Assert.DoesNotContain(Segment(text).Sentences, s => s.Dateline);
}
