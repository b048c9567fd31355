using System.Text;
using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class JsonLinesReaderTests
{
    private static string Line(string id, string text, string extra = "") =>
        $"{{\"id\":\"{id}\",\"url\":\"https://example.org/{id}\",\"title\":\"Story {id}\",\"outlet\":\"Valley Post\",\"published\":\"2024-03-0{id}\"{extra},\"text\":{System.Text.Json.JsonSerializer.Serialize(text)}}}";

    [Fact]
    public void Read_Lines_GivesDocumentsWithMetadata()
    {
        using var folder = new TempFolder();
        var path = folder.Write("batch.jsonl", Line("1", Articles.Bridge) + "\n\n" + Line("2", Articles.Harbour, ",\"author\":\"Sam Reyes\"") + "\n");

        var items = DocumentSources.Read([path], IngestOptions.Default).ToList();

        Assert.Equal(2, items.Count);
        var second = items[1].Document!;
        Assert.Equal(Articles.Harbour, second.Text);
        Assert.Equal("2", second.Metadata.ExternalId);
        Assert.Equal("https://example.org/2", second.Metadata.Url);
        Assert.Equal("Story 2", second.Metadata.Title);
        Assert.Equal("Valley Post", second.Metadata.Outlet);
        Assert.Equal("Sam Reyes", second.Metadata.Author);
        Assert.Equal(new DateOnly(2024, 3, 2), second.Metadata.Published);
        Assert.Equal(path + "#line 3", second.Metadata.Origin);
        Assert.Equal("jsonl", second.Metadata.Format);
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"text\": \"unterminated}", "TAC106")]
    [InlineData("[1, 2, 3]", "TAC106")]
    [InlineData("{\"id\": \"x\", \"title\": \"no text field\"}", "TAC106")]
    [InlineData("{\"id\": \"x\", \"text\": \"   \"}", "TAC102")]
    public void Read_BadLine_ErrorNamesLineAndReadingGoesOn(string bad, string code)
    {
        using var folder = new TempFolder();
        var path = folder.Write("batch.jsonl", Line("1", Articles.Bridge) + "\n" + bad + "\n" + Line("3", Articles.Election) + "\n");

        var items = DocumentSources.Read([path], IngestOptions.Default).ToList();

        Assert.Equal(3, items.Count);
        Assert.NotNull(items[0].Document);
        Assert.Equal(code, items[1].Error?.Code);
        Assert.Equal(path, items[1].Error?.File);
        Assert.Equal("line 2", items[1].Error?.Record);
        Assert.Equal(Articles.Election, items[2].Document?.Text);
    }

    [Fact]
    public void Read_HtmlField_ReadAsPage()
    {
        var line = "{\"id\":\"p\",\"html\":" + System.Text.Json.JsonSerializer.Serialize(HtmlPageReaderTests.Page) + "}";
        var item = JsonLinesReader.ReadLine(line, "b.jsonl", 1, IngestOptions.Default);
        Assert.Null(item.Error);
        Assert.Equal("Flood closes Marle bridge", item.Document!.Metadata.Title);
        Assert.StartsWith("The old stone bridge", item.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StdinJsonl_KeepsOrder()
    {
        var lines = Enumerable.Range(1, 40).Select(i => $"{{\"id\":\"n{i}\",\"text\":\"Item number {i} of the batch was filed on time by the desk.\"}}");
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

        var ids = DocumentSources.Read(["-"], new IngestOptions { StdinFormat = "jsonl" }, stdin)
            .Select(i => i.Document!.Metadata.ExternalId).ToList();

        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"n{i}"), ids);
    }

    [Fact]
    public void Read_StdinText_OneDocument()
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes("Title: Harbour strike\n\n" + Articles.Harbour));
        var item = Assert.Single(DocumentSources.Read(["-"], IngestOptions.Default, stdin));
        Assert.Equal("Harbour strike", item.Document!.Metadata.Title);
        Assert.Equal("-", item.Document.Metadata.Origin);
    }

    [Fact]
    public void Read_LineOverLimit_TooLarge()
    {
        var item = JsonLinesReader.ReadLine(Line("1", Articles.Bridge), "b.jsonl", 7, new IngestOptions { MaxDocumentBytes = 100 });
        Assert.Equal("TAC104", item.Error?.Code);
        Assert.Equal("line 7", item.Error?.Record);
    }
}
