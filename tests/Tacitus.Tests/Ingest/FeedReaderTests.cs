using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class FeedReaderTests
{
    internal const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Valley Post</title>
            <link>https://example.org/</link>
            <image><title>Valley Post logo</title><url>https://example.org/logo.png</url></image>
            <item>
              <title>Flood closes Marle bridge</title>
              <link>https://example.org/bridge</link>
              <guid isPermaLink="false">vp-1001</guid>
              <pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
              <dc:creator>Jane Rowe</dc:creator>
              <description>Short summary only.</description>
              <content:encoded><![CDATA[<p>The old stone bridge over the Marle river was closed on Tuesday after the water rose above the arches.</p><p>Engineers will inspect it once the level falls, the council said.</p>]]></content:encoded>
            </item>
            <item>
              <title>Dock workers strike &amp; ships wait</title>
              <link>https://example.org/harbour</link>
              <pubDate>Mon, 04 Mar 2024 17:30:00 +0100</pubDate>
              <description>&lt;p&gt;Dock workers at the port of Calloway walked out on Monday in a dispute over night shifts.&lt;/p&gt;&lt;p&gt;The union said the strike would go on.&lt;/p&gt;</description>
            </item>
          </channel>
        </rss>
        """;

    internal const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Northern Ledger</title>
          <id>urn:uuid:feed-1</id>
          <updated>2024-03-06T09:00:00Z</updated>
          <entry>
            <title type="html">Governor will not stand again</title>
            <link rel="alternate" href="https://ledger.example/governor"/>
            <link rel="enclosure" href="https://ledger.example/photo.jpg"/>
            <id>urn:uuid:entry-1</id>
            <published>2024-03-02T18:00:00-05:00</published>
            <updated>2024-03-06T09:00:00Z</updated>
            <author><name>Ana Duarte</name></author>
            <summary>Summary text.</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Voters in the northern province will choose a new governor in March.</p><p>Two former ministers have said they will run.</p></div></content>
          </entry>
          <entry>
            <title>Only a summary here</title>
            <link href="https://ledger.example/summary"/>
            <id>urn:uuid:entry-2</id>
            <updated>2024-03-05T12:00:00Z</updated>
            <summary type="text">The electoral commission expects turnout to be higher than at the last vote, officials said.</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public void Read_Rss_ItemsWithContentOrDescription()
    {
        using var folder = new TempFolder();
        var path = folder.Write("valley.rss", Rss);

        var docs = DocumentSources.Read([path], IngestOptions.Default).Select(i => i.Document!).ToList();

        Assert.Equal(2, docs.Count);
        Assert.Equal("Flood closes Marle bridge", docs[0].Metadata.Title);
        Assert.Equal("Valley Post", docs[0].Metadata.Outlet);
        Assert.Equal("https://example.org/bridge", docs[0].Metadata.Url);
        Assert.Equal("vp-1001", docs[0].Metadata.ExternalId);
        Assert.Equal("Jane Rowe", docs[0].Metadata.Author);
        Assert.Equal(new DateOnly(2024, 3, 5), docs[0].Metadata.Published);
        Assert.Equal("rss", docs[0].Metadata.Format);
        Assert.Equal(path + "#item 1", docs[0].Metadata.Origin);
        Assert.Equal("The old stone bridge over the Marle river was closed on Tuesday after the water rose above the arches.\n\nEngineers will inspect it once the level falls, the council said.", docs[0].Text);

        Assert.Equal("Dock workers strike & ships wait", docs[1].Metadata.Title);
        Assert.Equal(new DateOnly(2024, 3, 4), docs[1].Metadata.Published);
        Assert.StartsWith("Dock workers at the port of Calloway", docs[1].Text, StringComparison.Ordinal);
        Assert.Contains("night shifts.\n\nThe union", docs[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Atom_EntriesWithXhtmlContentOrSummary()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ledger.atom", Atom);

        var docs = DocumentSources.Read([path], IngestOptions.Default).Select(i => i.Document!).ToList();

        Assert.Equal(2, docs.Count);
        Assert.Equal("Northern Ledger", docs[0].Metadata.Outlet);
        Assert.Equal("https://ledger.example/governor", docs[0].Metadata.Url);
        Assert.Equal(new DateOnly(2024, 3, 2), docs[0].Metadata.Published);
        Assert.Equal("Ana Duarte", docs[0].Metadata.Author);
        Assert.Equal("atom", docs[0].Metadata.Format);
        Assert.Equal("Voters in the northern province will choose a new governor in March.\n\nTwo former ministers have said they will run.", docs[0].Text);
        Assert.Equal("https://ledger.example/summary", docs[1].Metadata.Url);
        Assert.Equal(new DateOnly(2024, 3, 5), docs[1].Metadata.Published);
        Assert.StartsWith("The electoral commission", docs[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedAfterFirstItem_KeepsItemAndNamesLine()
    {
        using var folder = new TempFolder();
        var broken = Rss[..Rss.IndexOf("<item>", Rss.IndexOf("</item>", StringComparison.Ordinal), StringComparison.Ordinal)] + "<item><title>Cut</title><description>oops</descr";
        var path = folder.Write("broken.xml", broken);

        var items = DocumentSources.Read([path], IngestOptions.Default).ToList();

        Assert.Equal(2, items.Count);
        Assert.NotNull(items[0].Document);
        Assert.Equal("TAC107", items[1].Error?.Code);
        Assert.Contains("line", items[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XmlThatIsNotAFeed_Fails()
    {
        using var folder = new TempFolder();
        var path = folder.Write("catalog.xml", "<?xml version=\"1.0\"?><catalog><book>One</book></catalog>");
        var item = Assert.Single(DocumentSources.Read([path], IngestOptions.Default));
        Assert.Equal("TAC107", item.Error?.Code);
    }
}
