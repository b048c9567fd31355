using Tacitus.Tests.Events;

namespace Tacitus.Tests.Attributions;

public sealed class ColonFrameTests
{
    [Theory]
    [InlineData("Senator Ruth Okafor: Taxes Must Fall Before Winter.", "Senator Ruth Okafor", "Taxes Must Fall Before Winter")]
    [InlineData("Poll: Okafor leads in the northern districts.", "Poll", "Okafor leads in the northern districts")]
    [InlineData("The ministry in a statement: “The border stays open.”", "ministry in a statement", "The border stays open.")]
    public void Process_ColonAfterSource_ContentIsWhatFollows(string text, string source, string content)
    {
        var document = DocumentBuilder.With(text).Person("Ruth Okafor", "NGA", "GOV").Analyse();

        var a = VerbFrameTests.Find(document, ":", null);
        Assert.Equal(source, document.Slice(a.Source.Span!.Value).ToString());
        Assert.Equal(content, document.Slice(a.Content).ToString());
    }

    [Theory]
    [InlineData("Editor's note: This story was updated on Friday.")]
    [InlineData("Update: the road reopened at noon.")]
    public void Process_ColonAfterLabel_NoAttribution(string text)
    {
        var document = DocumentBuilder.With(text).Analyse();

        Assert.Empty(document.Attributions);
    }
}
