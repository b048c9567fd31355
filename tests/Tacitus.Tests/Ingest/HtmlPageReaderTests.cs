using System.Text;
using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class HtmlPageReaderTests
{
    internal const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Flood closes Marle bridge | Valley Post</title>
        <meta property="og:site_name" content="Valley Post">
        <meta property="article:published_time" content="2024-03-05T08:00:00Z">
        <meta name="author" content="Jane Rowe">
        <script>var tracking = "do not read me";</script>
        </head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <article>
          <h1>Flood closes Marle bridge</h1>
          <p class="byline">By Jane Rowe</p>
          <p>The old stone bridge over the Marle river was closed on Tuesday after the water rose above the arches, the county council said.</p>
          <p>Engineers will inspect the structure once the level falls. &ldquo;We cannot take any risk with a bridge of this age,&rdquo; a council spokesman said.<br>He gave no date for reopening.</p>
          <p>Traffic is being diverted through the northern bypass, which adds about twenty minutes to the journey into town for commuters.</p>
          <ul><li>The ferry will run extra crossings.</li><li>Schools on the south bank stay open.</li></ul>
        </article>
        <footer>Copyright Valley Post 2024</footer>
        </body></html>
        """;

    [Fact]
    public void Read_ArticlePage_ExtractsTextAndMetadata()
    {
        var item = HtmlPageReader.Read(Page, "flood.html", "flood.html", IngestOptions.Default);
        Assert.Null(item.Error);
        var doc = item.Document!;

        Assert.Equal("Flood closes Marle bridge", doc.Metadata.Title);
        Assert.Equal("Valley Post", doc.Metadata.Outlet);
        Assert.Equal("Jane Rowe", doc.Metadata.Author);
        Assert.Equal(new DateOnly(2024, 3, 5), doc.Metadata.Published);
        Assert.Equal("html", doc.Metadata.Format);
        Assert.Equal("en", doc.Language);

        Assert.StartsWith("The old stone bridge", doc.Text, StringComparison.Ordinal);
        Assert.Contains("the county council said.\n\nEngineers will inspect", doc.Text, StringComparison.Ordinal);
        Assert.Contains("\u201CWe cannot take any risk", doc.Text, StringComparison.Ordinal);
        Assert.Contains("spokesman said.\nHe gave no date", doc.Text, StringComparison.Ordinal);
        Assert.Contains("extra crossings.\n\nSchools on the south bank", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShortPage_TextWithoutFurniture()
    {
        const string html = "<html><head><title>Notice</title></head><body><header>Site header</header><div>Road closed.</div><footer>Footer</footer></body></html>";
        var item = HtmlPageReader.Read(html, "n.html", "n.html", IngestOptions.Default);
        Assert.Null(item.Error);
        Assert.Equal("Road closed.", item.Document!.Text);
    }

    [Fact]
    public void Read_PageWithNoText_FailsWithCode()
    {
        var item = HtmlPageReader.Read("<html><head><title>x</title></head><body><script>1</script></body></html>", "e.html", "e.html", IngestOptions.Default);
        Assert.Equal("TAC105", item.Error?.Code);
        Assert.Equal("e.html", item.Error?.File);
    }

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">", "windows-1252")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", "ISO-8859-1")]
    [InlineData("<meta name=\"x\">", null)]
    public void DeclaredCharset_MetaTags_Found(string meta, string? expected) =>
        Assert.Equal(expected, HtmlPageReader.DeclaredCharset(Encoding.ASCII.GetBytes("<html><head>" + meta + "</head>")));

    [Theory]
    [InlineData("Flood closes bridge | Valley Post", "Valley Post", "Flood closes bridge")]
    [InlineData("Valley Post - Flood closes bridge", "Valley Post", "Flood closes bridge")]
    [InlineData("Flood closes bridge", "Valley Post", "Flood closes bridge")]
    [InlineData("Flood | closes", null, "Flood | closes")]
    public void TitleWithoutSite_SiteSuffixOrPrefix_Removed(string title, string? site, string expected) =>
        Assert.Equal(expected, HtmlPageReader.TitleWithoutSite(title, site));

    [Fact]
    public void FromFragment_BreaksAndBlocks_BecomeParagraphs()
    {
        var text = HtmlText.FromFragment("<p>One  <b>bold</b>\n word.</p>Loose line<br><br>After two breaks<table><tr><td>a</td><td>b</td></tr></table>");
        Assert.Equal("One bold word.\n\nLoose line\n\nAfter two breaks\n\na b", text);
    }
}
