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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_OneWriterForSeveralDocuments_SameBytesAsAWriterEach(bool indented)
    {
        // a long document first, so the reused buffer is larger than the next one needs and must not leak into it
        Document[] docs = [Made(string.Concat(Enumerable.Repeat("Prices rose in the port city. ", 400)), 400), Made("Rain fell.", 1), Made("Talks ended. Both sides left.", 2)];
        using var each = new MemoryStream();
        foreach (var doc in docs)
        {
            AnalysisJsonWriter.Write(each, doc, indented);
            each.WriteByte((byte)'\n');
        }

        using var reused = new MemoryStream();
        using (var writer = AnalysisJsonWriter.Open(reused, indented))
        {
            foreach (var doc in docs)
            {
                AnalysisJsonWriter.Write(writer, doc);
                writer.Flush();
                writer.Reset();
                reused.WriteByte((byte)'\n');
            }
        }

        Assert.Equal(each.ToArray(), reused.ToArray());
    }

    private static Document Made(string text, int sentences)
    {
        var doc = new Document(text, new DocumentMetadata { Outlet = "Wire" }) { Language = "en" };
        var length = text.Length / sentences;
        for (var i = 0; i < sentences; i++)
        {
            doc.Sentences.Add(new Sentence { Index = i, Span = new TextSpan(i * length, i == sentences - 1 ? text.Length : (i + 1) * length) });
        }

        return doc;
    }
}
