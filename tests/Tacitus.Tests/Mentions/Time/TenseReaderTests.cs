using Tacitus.Documents;
using Tacitus.Mentions.Time;
using Tacitus.Text;

namespace Tacitus.Tests.Mentions.Time;

public sealed class TenseReaderTests
{
    [Theory]
    [InlineData("The minister said Tuesday that talks would resume.", "Tuesday", "Past")]
    [InlineData("The minister spoke with reporters Tuesday.", "Tuesday", "Past")]
    [InlineData("The council will vote on Monday.", "Monday", "Future")]
    [InlineData("The summit is expected to open on Monday.", "Monday", "Future")]
    [InlineData("The dividend will be paid Dec. 14.", "Dec. 14", "Future")]
    [InlineData("The team could return as soon as Thursday.", "Thursday", "Future")]
    [InlineData("The rebels might have crossed the river on Friday.", "Friday", "Past")]
    [InlineData("Prices have risen steadily since March.", "March", "Past")]
    [InlineData("The market is open on Sunday.", "Sunday", "Present")]
    [InlineData("On Friday, the ministers met in Rome.", "Friday", "Past")]
    [InlineData("A memorial planned for Saturday was cancelled.", "Saturday", "Past")]
    public void Read_Clause_FindsTense(string text, string expression, string expected)
    {
        var document = new Document(text, new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        var start = text.IndexOf(expression, StringComparison.Ordinal);
        Assert.Equal(Enum.Parse<Tense>(expected), TenseReader.Read(document, document.Sentences[0], new TextSpan(start, start + expression.Length)));
    }
}
