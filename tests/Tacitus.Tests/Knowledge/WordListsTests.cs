using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class WordListsTests
{
    [Theory]
    [InlineData("clauses", "words.tsv", "relative", "whose")]
    [InlineData("clauses", "words.tsv", "auxiliary", "might")]
    [InlineData("mentions", "place-words.tsv", "strong-locative", "throughout")]
    public void Embedded_ShippedFile_HoldsTheList(string folder, string file, string list, string word) =>
        Assert.Contains(word, (IReadOnlySet<string>)WordLists.Embedded(folder, file)[list]);

    [Fact]
    public void Indexer_ListNotInTheFile_ThrowsNamingListAndFile()
    {
        var lists = WordLists.Embedded("clauses", "words.tsv");

        var ex = Assert.Throws<InvalidOperationException>(() => lists["no-such-list"]);

        Assert.Contains("no-such-list", ex.Message, StringComparison.Ordinal);
        Assert.Contains("data/clauses/words.tsv", ex.Message, StringComparison.Ordinal);
    }
}
