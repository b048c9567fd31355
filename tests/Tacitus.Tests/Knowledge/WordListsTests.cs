using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public sealed class WordListsTests
{
    [Theory]
    [InlineData("clauses", "words.tsv", "relative", "whose")]
    [InlineData("clauses", "words.tsv", "auxiliary", "might")]
    [InlineData("mentions", "place-words.tsv", "strong-locative", "throughout")]
    [InlineData("clauses", "words.tsv", "mention-joiner", ", and the")]
    [InlineData("mentions", "name-words.tsv", "lower-case-name-word", "of")]
    [InlineData("mentions", "quantity-words.tsv", "people-noun", "protesters")]
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

    [Theory]
    [InlineData("number-word", "Twelve", "12")]  // matched ignoring case, as the readers ask
    [InlineData("number-scale", "bn", "1e9")]
    [InlineData("unit-phrase", "per cent", "percent")]
    [InlineData("currency-sign", "€", "eur")]
    public void Values_ValuedList_GivesEachWordsValue(string list, string word, string value) =>
        Assert.Equal(value, WordLists.Embedded("mentions", "quantity-words.tsv").Values(list, StringComparer.OrdinalIgnoreCase)[word]);

    [Fact]
    public void Values_ListWithoutValues_GivesEmptyValues() =>
        Assert.Equal(string.Empty, WordLists.Embedded("mentions", "quantity-words.tsv").Values("people-noun", StringComparer.Ordinal)["troops"]);

    [Fact]
    public void Resource_TextFolderFile_HoldsTheSegmenterLists() =>
        Assert.Contains("Sen", (IReadOnlySet<string>)WordLists.Resource("Tacitus.Text.segmentation-words.tsv", "data/text/segmentation-words.tsv")["title"]);
}
