using System.Text.Json;
using Tacitus.Contract;
using Tacitus.Documents;

namespace Tacitus.Tests.Contract;

public sealed class AnalysisJsonWriterTests
{
    [Fact]
    public void ToJson_DocumentWithSentence_WritesSnakeCaseContract()
    {
        var doc = new Document("Rain fell. Nothing else.", new DocumentMetadata { Outlet = "Wire", Published = new DateOnly(2020, 3, 4) }) { Language = "en" };
        doc.Sentences.Add(new Sentence { Index = 0, Span = new TextSpan(0, 10) });
        doc.Sentences.Add(new Sentence { Index = 1, Span = new TextSpan(11, 24), Boilerplate = true });

        using var json = JsonDocument.Parse(AnalysisJsonWriter.ToJson(doc));
        var root = json.RootElement;
        Assert.Equal("2020-03-04", root.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal("Wire", root.GetProperty("document").GetProperty("outlet").GetString());
        var sentences = root.GetProperty("sentences");
        Assert.Equal(2, sentences.GetArrayLength());
        Assert.True(sentences[1].GetProperty("boilerplate").GetBoolean());
        Assert.Equal(24, sentences[1].GetProperty("end").GetInt32());
        Assert.Equal(0, root.GetProperty("events").GetArrayLength());
    }
}
