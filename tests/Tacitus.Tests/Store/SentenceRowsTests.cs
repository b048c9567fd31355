using Tacitus.Documents;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public class SentenceRowsTests
{
    [Fact]
    public void Pack_NoSentences_IsNull() => Assert.Null(new SentenceRows().Pack([]));

    [Fact]
    public void Unpack_PackedSentences_GivesEveryFieldBack()
    {
        var original = new List<Sentence>
        {
            new() { Index = 0, Span = new TextSpan(0, 24), Paragraph = 0, FirstToken = 0, TokenCount = 6 },
            new() { Index = 1, Span = new TextSpan(25, 60), Paragraph = 1, FirstToken = 6, TokenCount = 9, Boilerplate = true, BoilerplateRule = "share-links" },
            new() { Index = 3, Span = new TextSpan(61, 70), Paragraph = 2, FirstToken = 15, TokenCount = 2 },
        };
        var rows = new SentenceRows();
        rows.Pack([original[2]]); // the writer is reused: a second document's value holds only its own sentences

        var read = new List<Sentence>();
        SentenceRows.Unpack(rows.Pack(original)!.ToString(), read);

        Assert.Equal(
            original.Select(s => (s.Index, s.Span, s.Paragraph, s.FirstToken, s.TokenCount, s.Boilerplate, s.BoilerplateRule)),
            read.Select(s => (s.Index, s.Span, s.Paragraph, s.FirstToken, s.TokenCount, s.Boilerplate, s.BoilerplateRule)));
    }

    [Fact]
    public void Pack_Sentence_WritesTheOldTableColumnsInOrder()
    {
        var packed = new SentenceRows().Pack([new Sentence { Index = 2, Span = new TextSpan(5, 9), Paragraph = 1, FirstToken = 3, TokenCount = 4, Boilerplate = true, BoilerplateRule = "byline" }]);

        Assert.Equal("""[[2,5,9,1,3,4,1,"byline"]]""", packed!.ToString());
    }
}
