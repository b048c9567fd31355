using Tacitus.Ingest;

namespace Tacitus.Tests.Ingest;

public sealed class PlainTextReaderTests
{
    private static Tacitus.Documents.Document ReadOne(string text, IngestOptions? options = null)
    {
        var item = PlainTextReader.Read(text, "a.txt", "a.txt", options ?? IngestOptions.Default);
        Assert.Null(item.Error);
        return item.Document!;
    }

    [Fact]
    public void Read_HeaderBlock_FillsMetadataAndRemovesHeader()
    {
        var doc = ReadOne("Title: Bridge closed by flood\nOutlet: Valley Post\nPublished: 2024-03-05\nURL: https://example.org/bridge\nAuthor: Jane Rowe\n\n" + Articles.Bridge);

        Assert.Equal(Articles.Bridge, doc.Text);
        Assert.Equal("Bridge closed by flood", doc.Metadata.Title);
        Assert.Equal("Valley Post", doc.Metadata.Outlet);
        Assert.Equal(new DateOnly(2024, 3, 5), doc.Metadata.Published);
        Assert.Equal("https://example.org/bridge", doc.Metadata.Url);
        Assert.Equal("Jane Rowe", doc.Metadata.Author);
        Assert.Equal("text", doc.Metadata.Format);
        Assert.Equal("en", doc.Language);
    }

    [Theory]
    [InlineData("Published: 5 March 2024")]
    [InlineData("Published: March 5, 2024")]
    [InlineData("published: Tue, 05 Mar 2024 08:00:00 GMT")]
    [InlineData("Date: 2024-03-05T23:30:00-05:00")]
    public void Read_HeaderDateForms_ReadAsCalendarDate(string line)
    {
        var doc = ReadOne(line + "\n\n" + Articles.Bridge);
        Assert.Equal(new DateOnly(2024, 3, 5), doc.Metadata.Published);
    }

    [Fact]
    public void Read_NoHeader_KeepsWholeTextAndTakesHeadline()
    {
        var text = "Flood closes Marle bridge\n\n" + Articles.Bridge;
        var doc = ReadOne(text);

        Assert.Equal(text, doc.Text);
        Assert.Equal("Flood closes Marle bridge", doc.Metadata.Title);
    }

    [Theory]
    [InlineData("The bridge was closed on Tuesday after the river rose.\nIt may reopen next week.")]
    [InlineData("Only one line without a break")]
    public void Read_FirstLineNotAHeadline_NoTitle(string text) => Assert.Null(ReadOne(text).Metadata.Title);

    [Fact]
    public void Read_ColonLineThatIsNotAHeaderKey_KeepsWholeText()
    {
        var text = "Update: the bridge has reopened\n\n" + Articles.Bridge;
        var doc = ReadOne(text);
        Assert.Equal(text, doc.Text);
        Assert.Null(doc.Metadata.Outlet);
    }

    [Fact]
    public void Read_UnreadableDate_WarnsAndKeepsDocument()
    {
        var doc = ReadOne("Title: Bridge\nPublished: sometime soon\n\n" + Articles.Bridge);

        Assert.Null(doc.Metadata.Published);
        var warning = Assert.Single(doc.Warnings);
        Assert.Equal("TAC110", warning.Code);
        Assert.Equal("a.txt", warning.File);
    }

    [Fact]
    public void Read_OptionsFillOnlyWhatIsMissing()
    {
        var options = new IngestOptions { Outlet = "Given Outlet", Published = new DateOnly(2020, 1, 1) };

        var withHeader = ReadOne("Outlet: Valley Post\nPublished: 2024-03-05\n\n" + Articles.Bridge, options);
        var without = ReadOne(Articles.Bridge, options);

        Assert.Equal("Valley Post", withHeader.Metadata.Outlet);
        Assert.Equal(new DateOnly(2024, 3, 5), withHeader.Metadata.Published);
        Assert.Equal("Given Outlet", without.Metadata.Outlet);
        Assert.Equal(new DateOnly(2020, 1, 1), without.Metadata.Published);
    }

    [Fact]
    public void Read_HeaderOnly_FailsAsEmpty()
    {
        var item = PlainTextReader.Read("Title: Nothing follows\n\n   \n", "a.txt", "a.txt", IngestOptions.Default);
        Assert.Equal("TAC102", item.Error?.Code);
    }

    [Fact]
    public void Read_HeaderWithoutTitle_TitleFromFirstBodyLine()
    {
        var doc = ReadOne("Outlet: Valley Post\n\nFlood closes Marle bridge\n\n" + Articles.Bridge);
        Assert.Equal("Flood closes Marle bridge", doc.Metadata.Title);
        Assert.StartsWith("Flood closes Marle bridge\n\nThe old stone bridge", doc.Text, StringComparison.Ordinal);
    }
}
