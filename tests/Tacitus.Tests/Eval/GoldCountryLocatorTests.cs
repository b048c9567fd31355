using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Eval.Readers;
using Tacitus.Eval.Scoring;
using Tacitus.Knowledge;

namespace Tacitus.Tests.Eval;

public class GoldCountryLocatorTests
{
    private static readonly GoldCountryLocator Locator = new(Gazetteer.Default);

    private static GoldToponym Toponym(double? lat, double? lon, long? id, string? country = null) =>
        new(new TextSpan(0, 4), "Name", lat, lon, id, country is null ? null : CountryCode.From(country), "Literal");

    [Theory]
    [InlineData(48.85341, 2.3488, 2988507L, "FRA", "GeoNamesId")] // Paris by its GeoNames id
    [InlineData(47.05, 8.31, null, "CHE", "NearestCity")] // a point in central Switzerland, no id
    [InlineData(46.2, 6.15, 999_999_999L, "CHE", "NearestCity")] // an id the gazetteer lacks: by the point
    [InlineData(-30.0, -140.0, null, null, "None")] // the open Pacific: no city within the radius
    public void Locate_ToponymWithoutCountry_FindsCountryByIdOrNearestCity(double lat, double lon, long? id, string? country, string source)
    {
        var (located, how) = Locator.Locate(Toponym(lat, lon, id));

        Assert.Equal(source, how.ToString());
        Assert.Equal(country, located.Country?.Value);
    }

    [Fact]
    public void Locate_GoldNamesCountry_KeepsIt()
    {
        var (located, how) = Locator.Locate(Toponym(48.85, 2.35, 2988507, "BEL"));

        Assert.Equal(GoldCountrySource.Gold, how);
        Assert.Equal("BEL", located.Country?.Value);
    }
}
