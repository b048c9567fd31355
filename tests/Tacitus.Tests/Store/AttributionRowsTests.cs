using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public class AttributionRowsTests
{
    [Fact]
    public void Pack_NoAttributions_IsNull() => Assert.Null(new AttributionRows().Pack([]));

    [Fact]
    public void Unpack_PackedAttributions_GivesEveryFieldBack()
    {
        var original = StoreFixtures.Analysed().Attributions;
        var rows = new AttributionRows();
        rows.Pack([original[1]]); // the writer is reused: a second document's value holds only its own attributions

        var read = new List<Attribution>();
        AttributionRows.Unpack(rows.Pack(original)!.ToString(), read);

        Assert.Equal(original.Select(Fields), read.Select(Fields));
        Assert.Equal(original[0].Date, read[0].Date);
        Assert.Null(read[1].Date);
    }

    [Fact]
    public void Pack_Attribution_WritesTheOldTableColumnsInOrderWithSourceObjects()
    {
        var attribution = new Attribution
        {
            Source = new SourceRef { Text = "port officials", Kind = "official", Country = CountryCode.From("NOR") },
            Cue = new TextSpan(20, 24),
            Content = new TextSpan(25, 40),
            Evidence = new TextSpan(0, 41),
            Anonymous = true,
            Denial = true,
            Rule = "said",
        };
        attribution.Via.Add(new SourceRef { Text = "a pilot", Kind = "person" });

        var packed = new AttributionRows().Pack([attribution]);

        Assert.Equal(
            """[[{"text":"port officials","kind":"official","country":"NOR"},20,24,25,40,[{"text":"a pilot","kind":"person"}],1,0,1,0,41,null,"said"]]""",
            packed!.ToString());
    }

    [Fact]
    public void Unpack_ValueWithoutSource_ThrowsJsonException()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => AttributionRows.Unpack("[[null,0,1,2,3,[],0,0,0,0,4,null,null]]", []));
    }

    private static (string Source, TextSpan Cue, TextSpan Content, string Via, bool Anonymous, bool DirectQuote, bool Denial, TextSpan Evidence, string? Date, string? Rule) Fields(Attribution a) =>
        (Json(a.Source), a.Cue, a.Content, string.Join("|", a.Via.Select(Json)), a.Anonymous, a.DirectQuote, a.Denial, a.Evidence, a.Date?.Value, a.Rule);

    private static string Json(SourceRef s) => System.Text.Json.JsonSerializer.Serialize(s, StoreJson.Default.SourceRef);
}
