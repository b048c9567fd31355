using System.IO.Compression;
using System.Text;
using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class DocumentSourcesTests
{
    static DocumentSourcesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static List<IngestItem> Read(params string[] inputs) => DocumentSources.Read(inputs, IngestOptions.Default).ToList();

    private static string Name(IngestItem item) => Path.GetFileName((item.Document?.Metadata.Origin ?? item.Error!.File)!.Split('#')[0]);

    [Fact]
    public void Read_MixedDirectory_GoodFilesComeThroughAndEachBrokenOneIsNamed()
    {
        using var folder = new TempFolder();
        folder.Write("a-text.txt", "Flood closes Marle bridge\n\n" + Articles.Bridge);
        folder.Write("b-page.html", HtmlPageReaderTests.Page);
        folder.Write("c-batch.jsonl", "{\"id\":\"1\",\"text\":\"" + Articles.Election.Replace("\n", "\\n", StringComparison.Ordinal) + "\"}\n{broken\n");
        folder.Write("d-feed.rss", FeedReaderTests.Rss);
        folder.Write("e-empty.txt", string.Empty);
        folder.Write("f-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        folder.Write("g-photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]);
        folder.Write("h-huge.txt", string.Concat(Enumerable.Repeat(Articles.Harbour + "\n\n", 20)));
        folder.Write("i-broken.xml", "<?xml version=\"1.0\"?><rss><channel><title>T</title><item><title>x</title>");
        folder.Write("j-blank.txt", "  \n\n \t\n");
        folder.Write("k-badgzip.warc.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF]);
        folder.Write(".DS_Store", [0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]);
        folder.Write("._a-text.txt", [0, 5, 22, 7, 0, 2]);
        folder.Write(".hidden/secret.txt", Articles.Harbour);
        folder.Write("Thumbs.db", [0xD0, 0xCF, 0x11, 0xE0]);

        var items = DocumentSources.Read([folder.Path], new IngestOptions { MaxDocumentBytes = 1500 }).ToList();

        var good = items.Where(i => i.Document is not null).Select(Name).ToList();
        Assert.Equal(["a-text.txt", "b-page.html", "c-batch.jsonl", "d-feed.rss", "d-feed.rss"], good);
        var errors = items.Where(i => i.Error is not null).Select(i => (Name(i), i.Error!.Code)).ToList();
        Assert.Equal(
            [
                ("c-batch.jsonl", "TAC106"),
                ("e-empty.txt", "TAC102"),
                ("f-binary.txt", "TAC103"),
                ("g-photo.jpg", "TAC112"),
                ("h-huge.txt", "TAC104"),
                ("i-broken.xml", "TAC107"),
                ("j-blank.txt", "TAC102"),
                ("k-badgzip.warc.gz", "TAC109"),
            ],
            errors);
        Assert.All(items.Where(i => i.Error is not null), i => Assert.DoesNotContain('\n', i.Error!.Message));
    }

    [Fact]
    public void Read_Directory_RecursesInOrdinalOrder()
    {
        using var folder = new TempFolder();
        folder.Write("b/2.txt", Articles.Harbour);
        folder.Write("a/z/3.txt", Articles.Election);
        folder.Write("a/1.txt", Articles.Bridge);
        folder.Write("B.txt", Articles.Bridge);

        var origins = Read(folder.Path).Select(i => Path.GetRelativePath(folder.Path, i.Document!.Metadata.Origin!).Replace('\\', '/')).ToList();

        Assert.Equal(["B.txt", "a/1.txt", "a/z/3.txt", "b/2.txt"], origins);
    }

    [Fact]
    public void Read_Glob_MatchesRecursivePattern()
    {
        using var folder = new TempFolder();
        folder.Write("data/2024/one.txt", Articles.Bridge);
        folder.Write("data/2024/03/two.txt", Articles.Harbour);
        folder.Write("data/2024/03/skip.html", HtmlPageReaderTests.Page);
        folder.Write("other/three.txt", Articles.Election);

        var items = Read(Path.Combine(folder.Path, "data", "**", "*.txt"));

        Assert.Equal(["two.txt", "one.txt"], items.Select(Name));
        Assert.All(items, i => Assert.Null(i.Error));
    }

    [Fact]
    public void Read_GlobMatchingNothing_Fails()
    {
        using var folder = new TempFolder();
        var item = Assert.Single(Read(Path.Combine(folder.Path, "*.txt")));
        Assert.Equal("TAC101", item.Error?.Code);
    }

    [Fact]
    public void Read_MissingPath_FailsAndCarriesOn()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.txt", Articles.Bridge);

        var items = Read(Path.Combine(folder.Path, "missing.txt"), good);

        Assert.Equal("TAC101", items[0].Error?.Code);
        Assert.Contains("missing.txt", items[0].Error!.File, StringComparison.Ordinal);
        Assert.NotNull(items[1].Document);
    }

    [Fact]
    public void Read_UnreadableFile_Fails()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var path = folder.Write("locked.txt", Articles.Bridge);
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            using var probe = File.OpenRead(path);

            // Running as root: permissions do not stop reading, so there is nothing to test here.
            return;
        }
        catch (UnauthorizedAccessException)
        {
            var item = Assert.Single(Read(path));
            Assert.Equal("TAC101", item.Error?.Code);
        }
        finally
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("windows-1252")]
    [InlineData("latin-1")]
    public void Read_EncodedTextFile_DecodedWithNormalisedLineEndings(string encodingName)
    {
        const string text = "Fares rise \u00A32 as \u201Cessential\u201D works begin\r\n\r\nThe operator said the rise would pay for new signals on the coastal line.\r\n";
        byte[] bytes = encodingName switch
        {
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "windows-1252" => Encoding.GetEncoding(1252).GetBytes(text),
            _ => Encoding.Latin1.GetBytes(text.Replace('\u201C', '"').Replace('\u201D', '"')),
        };
        using var folder = new TempFolder();
        var path = folder.Write("fares.txt", bytes);

        var doc = Assert.Single(Read(path)).Document!;

        var expectedTitle = encodingName == "latin-1" ? "Fares rise \u00A32 as \"essential\" works begin" : "Fares rise \u00A32 as \u201Cessential\u201D works begin";
        Assert.Equal(expectedTitle, doc.Metadata.Title);
        Assert.Equal(expectedTitle + "\n\nThe operator said the rise would pay for new signals on the coastal line.", doc.Text);
        Assert.Equal("en", doc.Language);
    }

    [Theory]
    [InlineData("page.txt", "<!DOCTYPE html><html><head><title>T</title></head><body><p>{0}</p></body></html>", "html")]
    [InlineData("noext", "{{\"text\": \"{0}\"}}\n", "jsonl")]
    [InlineData("feed.txt", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><description>{0}</description></item></channel></rss>", "rss")]
    [InlineData("plain", "{0}", "text")]
    public void Read_ContentSniffing_PicksFormat(string name, string template, string format)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "The ferry will run extra crossings while the bridge is closed, the operator said."));

        var item = Assert.Single(Read(path));

        Assert.Null(item.Error);
        Assert.Equal(format, item.Document!.Metadata.Format);
        Assert.StartsWith("The ferry will run extra crossings", item.Document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GzippedJsonLines_Decompressed()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"id\":\"g1\",\"text\":\"Compressed batches are read as they come.\"}\n"));
        }

        using var folder = new TempFolder();
        var path = folder.Write("batch.jsonl.gz", output.ToArray());

        Assert.Equal("g1", Assert.Single(Read(path)).Document?.Metadata.ExternalId);
    }

    [Fact]
    public void Read_NonEnglishDocument_KeptAndFlagged()
    {
        using var folder = new TempFolder();
        var path = folder.Write("fr.txt", "Le conseil a annoncé mardi que le pont resterait fermé jusqu'à ce que les ingénieurs l'aient inspecté.");
        Assert.Equal("fr", Assert.Single(Read(path)).Document?.Language);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.txt", Articles.Bridge);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => DocumentSources.Read([path], IngestOptions.Default, cancel.Token).ToList());
    }

    [Theory]
    [InlineData("README.md", "TAC112")]
    [InlineData("README", "TAC112")]
    [InlineData("readme.TXT", "TAC112")]
    [InlineData("LICENSE", "TAC112")]
    [InlineData("CHANGELOG.md", "TAC112")]
    [InlineData("photo.png", "TAC112")]
    [InlineData("story.txt", null)]
    [InlineData("readmission-rates.txt", null)]
    public void Read_DirectoryWithFilesThatAreNotArticles_SkippedWithNote(string name, string? code)
    {
        using var folder = new TempFolder();
        folder.Write(name, Articles.Harbour);

        var item = Assert.Single(DocumentSources.Read([folder.Path], IngestOptions.Default));

        Assert.Equal(code, item.Error?.Code);
        Assert.Equal(code is not null, IngestErrors.IsNote(item.Error));
    }

    [Fact]
    public void Read_NotArticleNamedExplicitly_IsRead()
    {
        using var folder = new TempFolder();
        var path = folder.Write("README.md", Articles.Harbour);

        Assert.NotNull(Assert.Single(DocumentSources.Read([path], IngestOptions.Default)).Document);
    }

    [Fact]
    public async Task Read_FifoInDirectory_SkippedWithNoteWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("a.txt", Articles.Harbour);
        Run("mkfifo", Path.Combine(folder.Path, "b-pipe"));

        var read = Task.Run(() => DocumentSources.Read([folder.Path], IngestOptions.Default).ToList());

        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))));
        var items = await read;
        Assert.Equal(["a.txt", "b-pipe"], items.Select(Name));
        Assert.Equal("TAC111", items[1].Error?.Code);
    }

    [Fact]
    public void Read_FileNameNotUtf8_ReportedNotLost()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        folder.Write("a.txt", Articles.Harbour);
        Run("sh", "-c", "printf 'text' > \"$1/b-$(printf '\\377')-name.txt\"", "sh", folder.Path);

        var items = DocumentSources.Read([folder.Path], IngestOptions.Default).ToList();

        Assert.Equal(2, items.Count);
        Assert.NotNull(items[0].Document);
        Assert.Equal("TAC101", items[1].Error?.Code);
        Assert.Contains("not valid UTF-8", items[1].Error!.Message, StringComparison.Ordinal);
    }

    private static void Run(string program, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
