using System.Text.Json;
using Tacitus.Contract;
using Tacitus.Tests.Store;

namespace Tacitus.Tests.Contract;

/// <summary>The PLOVER export uses the field names of the PLOVER manual's "PLOVER JSON" table and its objects.</summary>
public sealed class PloverJsonWriterTests
{
    private static JsonElement Record(int index)
    {
        var document = StoreFixtures.Analysed();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            PloverJsonWriter.Write(w, document, index);
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Write_Event_HasThePloverFields()
    {
        var r = Record(0);

        Assert.Equal(StoreFixtures.Analysed().Id.Value + "-0", r.GetProperty("id").GetString());
        Assert.Equal("2021-03-01", r.GetProperty("date").GetString());
        Assert.Equal(["CONSULT"], r.GetProperty("event").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["visit"], r.GetProperty("mode").EnumerateArray().Select(e => e.GetString()));
        var actor = Assert.Single(r.GetProperty("actor").EnumerateArray());
        Assert.Equal(("HUN", "GOV", "Foreign Minister Ana Varga", "Ana Varga"),
            (actor.GetProperty("code").GetString(), actor.GetProperty("sector").GetString(), actor.GetProperty("entity_text").GetString(), actor.GetProperty("identifier_text").GetString()));
        Assert.Equal("AUT", Assert.Single(r.GetProperty("recipient").EnumerateArray()).GetProperty("code").GetString());
        var location = r.GetProperty("event_loc");
        Assert.Equal((2761369L, 48.2, "AUT", "Vienna"),
            (location.GetProperty("geonameid").GetInt64(), location.GetProperty("lat").GetDouble(), location.GetProperty("country_code").GetString(), location.GetProperty("resolved_place").GetString()));
        Assert.Equal(["visited"], r.GetProperty("event_text").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1.9, r.GetProperty("event_scale").GetDouble());
        Assert.Equal(0, r.GetProperty("text_info").GetProperty("sequence").GetInt32());
        Assert.Equal(("https://example.org/varga", "Daily Ledger"), (r.GetProperty("cite_info").GetProperty("url").GetString(), r.GetProperty("cite_info").GetProperty("publication").GetString()));
        Assert.True(r.GetProperty("tacitus").GetProperty("modality").GetProperty("hedged").GetBoolean());
    }

    [Fact]
    public void Write_DeniedEvent_SaysSoInComment()
    {
        var r = Record(1);

        Assert.Contains("denied", r.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.True(r.GetProperty("tacitus").GetProperty("modality").GetProperty("denied").GetBoolean());
        Assert.Equal(["meet"], r.GetProperty("mode").EnumerateArray().Select(e => e.GetString()));
        Assert.False(r.TryGetProperty("event_loc", out _));
    }
}
