using System.IO.Compression;
using System.Text;
using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class WarcReaderTests
{
    static WarcReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Record(string type, string? uri, string contentType, byte[] block, int number)
    {
        var header = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append($"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{number}>\r\n")
            .Append("WARC-Date: 2024-03-07T10:15:00Z\r\n");
        if (uri is not null)
        {
            header.Append($"WARC-Target-URI: {uri}\r\n");
        }

        header.Append($"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Http(string status, string contentType, byte[] body, bool chunked = false)
    {
        var head = $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n") + "\r\n";
        if (!chunked)
        {
            return [.. Encoding.ASCII.GetBytes(head), .. body];
        }

        var split = body.Length / 2;
        return
        [
            .. Encoding.ASCII.GetBytes(head),
            .. Encoding.ASCII.GetBytes($"{split:x}\r\n"), .. body[..split], .. "\r\n"u8,
            .. Encoding.ASCII.GetBytes($"{body.Length - split:x};ext=1\r\n"), .. body[split..], .. "\r\n"u8,
            .. "0\r\n\r\n"u8,
        ];
    }

    private static string Page(string title, string body) =>
        $"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>";

    /// <summary>warcinfo, request, HTML response (chunked), image response, HTML response in Windows-1252, 404 page.</summary>
    private static List<byte[]> Records()
    {
        var bridge = Encoding.UTF8.GetBytes(Page("Flood closes Marle bridge", "<p>" + Articles.Bridge.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>"));
        var harbour = Encoding.GetEncoding(1252).GetBytes(Page("Harbour strike", "<p>The union called the rota \u201Cunworkable\u201D. " + Articles.Harbour.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>"));
        return
        [
            Record("warcinfo", null, "application/warc-fields", "software: test\r\nformat: WARC File Format 1.1\r\n"u8.ToArray(), 1),
            Record("request", "https://example.org/bridge", "application/http; msgtype=request", "GET /bridge HTTP/1.1\r\nHost: example.org\r\n\r\n"u8.ToArray(), 2),
            Record("response", "https://example.org/bridge", "application/http; msgtype=response", Http("200 OK", "text/html; charset=utf-8", bridge, chunked: true), 3),
            Record("response", "https://example.org/logo.png", "application/http; msgtype=response", Http("200 OK", "image/png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0]), 4),
            Record("response", "https://example.org/harbour", "application/http; msgtype=response", Http("200 OK", "text/html; charset=windows-1252", harbour), 5),
            Record("response", "https://example.org/missing", "application/http; msgtype=response", Http("404 Not Found", "text/html", "<html><body><p>Not found</p></body></html>"u8.ToArray()), 6),
        ];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static void AssertTwoArticles(List<IngestItem> items, string path)
    {
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(2, items.Count);
        var bridge = items[0].Document!;
        Assert.Equal("https://example.org/bridge", bridge.Metadata.Url);
        Assert.Equal(new DateOnly(2024, 3, 7), bridge.Metadata.Published);
        Assert.Equal("urn:uuid:00000000-0000-0000-0000-000000000003", bridge.Metadata.ExternalId);
        Assert.Equal("warc", bridge.Metadata.Format);
        Assert.Equal(path + "#record 3", bridge.Metadata.Origin);
        Assert.Equal(Articles.Bridge, bridge.Text);
        var harbour = items[1].Document!;
        Assert.Equal("https://example.org/harbour", harbour.Metadata.Url);
        Assert.StartsWith("The union called the rota \u201Cunworkable\u201D.", harbour.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Warc_HtmlResponsesBecomeArticles()
    {
        using var folder = new TempFolder();
        var path = folder.Write("crawl.warc", Records().SelectMany(r => r).ToArray());
        AssertTwoArticles(DocumentSources.Read([path], IngestOptions.Default).ToList(), path);
    }

    [Fact]
    public void Read_WarcGzOneMemberPerRecord_HtmlResponsesBecomeArticles()
    {
        using var folder = new TempFolder();
        var path = folder.Write("crawl.warc.gz", Records().SelectMany(Gzip).ToArray());
        AssertTwoArticles(DocumentSources.Read([path], IngestOptions.Default).ToList(), path);
    }

    [Fact]
    public void Read_TruncatedWarcGz_KeepsEarlierRecordsAndNamesRecord()
    {
        using var folder = new TempFolder();
        var members = Records().Select(Gzip).ToList();
        var bytes = members.Take(4).SelectMany(m => m).Concat(members[4][..(members[4].Length / 2)]).ToArray();
        var path = folder.Write("cut.warc.gz", bytes);

        var items = DocumentSources.Read([path], IngestOptions.Default).ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal("https://example.org/bridge", items[0].Document?.Metadata.Url);
        Assert.Equal("TAC109", items[1].Error?.Code);
        Assert.Equal("record 5", items[1].Error?.Record);
        Assert.Equal(path, items[1].Error?.File);
    }

    [Fact]
    public void Read_TruncatedPlainWarc_NamesRecord()
    {
        using var folder = new TempFolder();
        var records = Records();
        var bytes = records.Take(2).SelectMany(r => r).Concat(records[2][..300]).ToArray();
        var path = folder.Write("cut.warc", bytes);

        var item = Assert.Single(DocumentSources.Read([path], IngestOptions.Default));
        Assert.Equal("TAC108", item.Error?.Code);
        Assert.Equal("record 3", item.Error?.Record);
    }

    [Fact]
    public void Read_NotAWarc_Fails()
    {
        using var folder = new TempFolder();
        var path = folder.Write("junk.warc", "This is not an archive at all.\r\n");
        var item = Assert.Single(DocumentSources.Read([path], IngestOptions.Default));
        Assert.Equal("TAC108", item.Error?.Code);
    }

    [Fact]
    public void Dechunk_NotChunked_Null() => Assert.Null(HttpPayload.Dechunk("<html>plain body</html>"u8));
}
