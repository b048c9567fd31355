using System.Diagnostics;
using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

/// <summary>
/// The reproducers in Fixtures/fuzz (hostile files and what the fuzzer found), replayed: each gives coded errors for
/// its bad records and still yields the good record after them, in bounded time and memory. Fixtures/fuzz/README.md
/// says what each file is.
/// </summary>
public sealed class HostileInputTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", name);

    [Theory]
    [InlineData("lone-surrogate.jsonl", "TAC106", 1)]
    [InlineData("lone-surrogate-in-name.jsonl", "TAC106", 1)]
    [InlineData("text-not-string.jsonl", "TAC106", 1)]
    [InlineData("nul-byte-line.jsonl", "TAC103", 1)]
    [InlineData("huge-line.jsonl.gz", "TAC104", 1)]
    [InlineData("brotli-not-brotli.warc", "TAC108", 1)]
    [InlineData("content-length-too-small.warc", "TAC108", 2)]
    [InlineData("gzip-body-bomb.warc", "TAC104", 1)]
    [InlineData("deep-nesting.html", "", 1)]
    [InlineData("nested-lists.html", "", 1)]
    [InlineData("bad-published.txt", "", 1)]
    public void Read_Reproducer_BadRecordsCodedAndGoodOnesKept(string file, string codes, int documents)
    {
        var clock = Stopwatch.StartNew();

        var items = DocumentSources.Read([Fixture(file)], IngestOptions.Default).ToList();

        Assert.Equal(codes, string.Join(' ', items.Where(i => i.Error is not null).Select(i => i.Error!.Code)));
        Assert.Equal(documents, items.Count(i => i.Document is not null));
        Assert.All(items.Where(i => i.Error is not null), i => Assert.Equal(Fixture(file), i.Error!.File));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{file} took {clock.Elapsed}");
    }

    [Fact]
    public void Read_ContentLengthTooSmall_NextRecordIsKept()
    {
        var items = DocumentSources.Read([Fixture("content-length-too-small.warc")], IngestOptions.Default).ToList();

        // The first record is read as far as its (wrong) length goes; the rest of it is reported and passed over.
        Assert.Equal("TAC108", Assert.Single(items, i => i.Error is not null).Error!.Code);
        var document = items.Last(i => i.Document is not null).Document!;
        Assert.Equal("Second page", document.Metadata.Title);
        Assert.Equal("https://example.org/2", document.Metadata.Url);
    }

    [Theory]
    [InlineData("gzip-body-bomb.warc")]
    [InlineData("huge-line.jsonl.gz")]
    public void Read_CompressedBomb_RefusedWhileStreaming(string file)
    {
        // Both hold 100 MB once decompressed; the limit is 5 MB and is checked while decompressing.
        var before = GC.GetAllocatedBytesForCurrentThread();

        var items = DocumentSources.Read([Fixture(file)], IngestOptions.Default).ToList();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(items, i => i.Error?.Code == "TAC104");
        Assert.True(allocated < 48L * 1024 * 1024, $"{file}: {allocated:N0} bytes allocated");
    }

    [Fact]
    public void Read_DeeplyNestedPage_ReadFlatWithItsText()
    {
        var document = Assert.Single(DocumentSources.Read([Fixture("deep-nesting.html")], IngestOptions.Default)).Document!;

        Assert.Equal("Deep", document.Metadata.Title);
        Assert.Contains("repair the old pier", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadPublishedDate_DocumentKeptWithWarning()
    {
        var document = Assert.Single(DocumentSources.Read([Fixture("bad-published.txt")], IngestOptions.Default)).Document!;

        Assert.Null(document.Metadata.Published);
        Assert.Equal("TAC110", Assert.Single(document.Warnings).Code);
    }

    [Fact]
    public void Read_HeaderFoldedOverThousandsOfLines_CodedErrorWithBoundedAllocation()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var items = DocumentSources.Read([Fixture("folded-header-runs-on.warc")], IngestOptions.Default).ToList();
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024, "reading the header allocated over 64 MB");
        var error = Assert.Single(items, i => i.Error is not null).Error!;
        Assert.Equal(IngestErrors.MalformedWarc, error.Code);
        Assert.Contains("header longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryReproducer_NeverThrowsAndEnds()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var clock = Stopwatch.StartNew();
            var items = DocumentSources.Read([file], IngestOptions.Default).ToList();
            Assert.All(items, i => Assert.True(i.Document is not null ^ i.Error is not null));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{Path.GetFileName(file)} took {clock.Elapsed}");
        }
    }
}
