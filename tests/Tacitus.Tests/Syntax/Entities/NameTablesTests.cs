using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class NameTablesTests
{
    private static readonly NameTables Tables = NameTables.Build(
    [
        ("Lee Hsien-loong", NameTable.Person),
        ("New York", NameTable.Place),
        ("York", NameTable.Place),
        ("U.K.", NameTable.Country),
        ("South African", NameTable.Demonym),
    ]);

    private static (Token[] Tokens, uint[] Bits) Mark(string text, NameTables tables)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        var bits = new uint[tokens.Count];
        tables.Mark(text, [.. tokens], bits);
        return ([.. tokens], bits);
    }

    private static uint Bit(NameTable table, char position) => 1u << (((int)table * 4) + "BILU".IndexOf(position, StringComparison.Ordinal));

    private static int IndexOf(string text, Token[] tokens, string word) =>
        Array.FindIndex(tokens, t => t.Span.Of(text).SequenceEqual(word));

    [Theory]
    [InlineData("Prime Minister Lee Hsien-loong spoke .", "Lee", "Person", 'B')]
    [InlineData("Prime Minister Lee Hsien - loong spoke .", "loong", "Person", 'L')]
    [InlineData("Prime Minister LEE HSIEN LOONG spoke .", "HSIEN", "Person", 'I')]
    [InlineData("She flew to New York today .", "New", "Place", 'B')]
    [InlineData("She flew to New York today .", "York", "Place", 'L')]
    [InlineData("She flew to New York today .", "York", "Place", 'U')]
    [InlineData("The U.K. said so .", "U.K.", "Country", 'U')]
    [InlineData("South African troops", "African", "Demonym", 'L')]
    public void Mark_PhraseInTable_SetsPositionBit(string text, string word, string table, char position)
    {
        var (tokens, bits) = Mark(text, Tables);

        Assert.NotEqual(0u, bits[IndexOf(text, tokens, word)] & Bit(Enum.Parse<NameTable>(table), position));
    }

    [Theory]
    [InlineData("She met Lee today .", "Lee")]
    [InlineData("He said uk too .", "said")]
    [InlineData("South Africans left .", "South")]
    public void Mark_NoWholePhrase_SetsNothing(string text, string word)
    {
        var (tokens, bits) = Mark(text, Tables);

        Assert.Equal(0u, bits[IndexOf(text, tokens, word)]);
    }

    [Theory]
    [InlineData("quellco inc", "quellco")]
    [InlineData("ostra mining corp", "ostra mining")]
    [InlineData("harbor logistics , llc", "harbor logistics")]
    [InlineData("northfield holdings plc ltd", "northfield holdings")]
    [InlineData("quellco", null)]
    [InlineData("ab inc", null)]
    [InlineData("inc", null)]
    [InlineData("corp of engineers", null)]
    public void ShortBusinessName_LegalFormAtTheEnd_Dropped(string key, string? expected)
    {
        Assert.Equal(expected, NameTables.ShortBusinessName(key));
    }

    [Fact]
    public void Shipped_KnowledgeTables_HoldCountriesPlacesAndActors()
    {
        const string text = "Kenyan officials met Vladimir Putin in Nairobi and Paris .";
        var (tokens, bits) = Mark(text, NameTables.Shipped);

        Assert.NotEqual(0u, bits[IndexOf(text, tokens, "Kenyan")] & Bit(NameTable.Demonym, 'U'));
        Assert.NotEqual(0u, bits[IndexOf(text, tokens, "Putin")] & Bit(NameTable.Person, 'L'));
        Assert.NotEqual(0u, bits[IndexOf(text, tokens, "Nairobi")] & Bit(NameTable.MajorPlace, 'U'));
        Assert.NotEqual(0u, bits[IndexOf(text, tokens, "Paris")] & Bit(NameTable.Place, 'U'));
    }

    [Fact]
    public void Mark_ManyPhrasesSharingBuckets_FindsEveryOneAndNoOther()
    {
        // enough phrases that several share a bucket and lookups go on to the next: each is still found, with its
        // own table, and a word that is only a prefix of them is marked nowhere
        var entries = Enumerable.Range(0, 2000).Select(n => ($"Harbor{n} Point", n % 2 == 0 ? NameTable.Place : NameTable.Organisation)).ToArray();
        var tables = NameTables.Build(entries);

        foreach (var (phrase, table) in entries.Where((_, n) => n % 97 == 0))
        {
            var text = $"They reached {phrase} today .";
            var (tokens, bits) = Mark(text, tables);
            var first = IndexOf(text, tokens, phrase.Split(' ')[0]);
            var other = table == NameTable.Place ? NameTable.Organisation : NameTable.Place;
            Assert.Equal(Bit(table, 'B'), bits[first]);
            Assert.Equal(Bit(table, 'L'), bits[first + 1]);
            Assert.Equal(0u, bits[first] & Bit(other, 'B'));
        }

        var (_, alone) = Mark("They reached Harbor7 today .", tables);
        Assert.All(alone, b => Assert.Equal(0u, b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10_000)]
    public void Build_AnyCapacityHint_SameMarksAsWithout(int capacity)
    {
        // the capacity only makes room at once: a hint smaller than the phrases and prefixes still takes them all
        var entries = Enumerable.Range(0, 300).Select(n => ($"Harbor{n} Point Road", n % 3 == 0 ? NameTable.Place : NameTable.Person)).ToArray();
        var hinted = NameTables.Build(entries, capacity);
        var plain = NameTables.Build(entries);

        Assert.Equal(plain.Count, hinted.Count);
        foreach (var (phrase, _) in entries.Where((_, n) => n % 7 == 0))
        {
            var text = $"They reached {phrase} today .";
            var (_, bits) = Mark(text, hinted);
            Assert.NotEqual(0u, bits[2]);
            Assert.Equal(Mark(text, plain).Bits, bits);
        }
    }
}
