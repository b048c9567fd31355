using Tacitus.Domain;
using Tacitus.Knowledge;

namespace Tacitus.Tests.Knowledge;

public class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    [Theory]
    [InlineData("Paris", "FRA", 2988507)]
    [InlineData("paris", "FRA", 2988507)]
    [InlineData("Zürich", "CHE", 2657896)]
    [InlineData("Zurich", "CHE", 2657896)]
    [InlineData("Beijing", "CHN", 1816670)]
    [InlineData("Peking", "CHN", 1816670)]
    [InlineData("St. Louis", "USA", 4407066)]
    public void TryGetCandidates_KnownName_FirstCandidateIsTheBestKnownPlace(string name, string country, long geoNameId)
    {
        Assert.True(Gazetteer.TryGetCandidates(name, out var candidates));
        var first = candidates.ToArray().Where(c => c.Entry.Kind == PlaceKind.City).OrderByDescending(c => c.Entry.Population).First().Entry;
        Assert.Equal(country, first.Country?.Value);
        Assert.Equal(geoNameId, first.GeoNameId);
    }

    [Fact]
    public void TryGetCandidates_AmbiguousName_ListsPlacesInSeveralCountries()
    {
        Assert.True(Gazetteer.TryGetCandidates("Paris", out var candidates));
        var countries = candidates.ToArray().Select(c => c.Entry.Country?.Value).Distinct().ToList();
        Assert.Contains("FRA", countries);
        Assert.Contains("USA", countries);
    }

    [Fact]
    public void TryGetCandidates_UnknownName_ReturnsFalse() =>
        Assert.False(Gazetteer.TryGetCandidates("Qwxzzy", out _));

    [Theory]
    [InlineData("China", "CHN")]
    [InlineData("North Korea", "PRK")]
    [InlineData("U.S.", "USA")]
    [InlineData("United States", "USA")]
    [InlineData("Britain", "GBR")]
    [InlineData("Côte d'Ivoire", "CIV")]
    public void FindCountryByName_CountryName_ReturnsCountry(string name, string iso3) =>
        Assert.Equal(iso3, Gazetteer.FindCountryByName(name)?.Country?.Value);

    [Theory]
    [InlineData("Chinese", "CHN")]
    [InlineData("North Korean", "PRK")]
    [InlineData("French", "FRA")]
    [InlineData("Kenyan", "KEN")]
    [InlineData("American", "USA")]
    public void FindCountryByAdjective_Demonym_ReturnsCountry(string adjective, string iso3) =>
        Assert.Equal(iso3, Gazetteer.FindCountryByAdjective(adjective)?.Country?.Value);

    [Theory]
    [InlineData("CHN", "Beijing")]
    [InlineData("FRA", "Paris")]
    [InlineData("PRK", "Pyongyang")]
    [InlineData("USA", "Washington")]
    [InlineData("GEO", "Tbilisi")]
    public void FindCapital_Country_ReturnsCapitalCity(string iso3, string capital) =>
        Assert.Equal(capital, Gazetteer.FindCapital(CountryCode.From(iso3))?.Name);

    [Fact]
    public void FindCountry_Country_HasGeoNamesIdAndCoordinates()
    {
        var china = Gazetteer.FindCountry(CountryCode.From("CHN"));
        Assert.NotNull(china);
        Assert.Equal(1814991, china.GeoNameId);
        Assert.Equal("country", china.FeatureType);
        Assert.InRange(china.Lat, 20, 45);
        Assert.InRange(china.Lon, 90, 120);
    }

    [Theory]
    [InlineData("Texas", "USA", "TX")]
    [InlineData("Illinois", "USA", "IL")]
    [InlineData("Ontario", "CAN", "08")]
    [InlineData("Sichuan", "CHN", "32")]
    public void TryGetCandidates_RegionName_FindsRegionWithAdmin1(string name, string iso3, string admin1)
    {
        Assert.True(Gazetteer.TryGetCandidates(name, out var candidates));
        var region = candidates.ToArray().Select(c => c.Entry).First(e => e.Kind == PlaceKind.Region);
        Assert.Equal(iso3, region.Country?.Value);
        Assert.Equal(admin1, region.Admin1);
    }

    [Theory]
    [InlineData("Ill.", "Illinois")]
    [InlineData("Tex.", "Texas")]
    [InlineData("TX", "Texas")]
    [InlineData("B.C.", "British Columbia")]
    public void TryGetRegionsByAbbreviation_Abbreviation_FindsRegion(string abbreviation, string region)
    {
        Assert.True(Gazetteer.TryGetRegionsByAbbreviation(abbreviation, out var regions));
        Assert.Equal(region, regions[0].Name);
    }

    [Fact]
    public void FindRegionOf_City_ReturnsItsState()
    {
        Assert.True(Gazetteer.TryGetCandidates("Springfield", out var candidates));
        var illinois = candidates.ToArray().Select(c => c.Entry).First(e => e.Country?.Value == "USA" && e.Admin1 == "IL");
        Assert.Equal("Illinois", Gazetteer.FindRegionOf(illinois)?.Name);
    }

    [Theory]
    [InlineData("Reading", true)]
    [InlineData("May", true)]
    [InlineData("Paris", false)]
    public void IsAmbiguousWord_Word_TellsCommonWordsFromPlaces(string word, bool ambiguous) =>
        Assert.Equal(ambiguous, Gazetteer.IsAmbiguousWord(word));

    [Fact]
    public void Load_EmbeddedTable_ReadsCitiesCountriesRegionsAndAreas()
    {
        var assembly = typeof(Gazetteer).Assembly;
        var loaded = Gazetteer.Load(assembly.GetManifestResourceStream(Gazetteer.ResourceName)!, assembly.GetManifestResourceStream(Gazetteer.AmbiguousWordsResourceName)!);
        Assert.True(loaded.Entries.Count(e => e.Kind == PlaceKind.City) > 30_000);
        Assert.True(loaded.Entries.Count(e => e.Kind == PlaceKind.Country) > 240);
        Assert.True(loaded.Entries.Count(e => e.Kind == PlaceKind.Region) > 150);
        Assert.Contains(loaded.Entries, e => e.Kind == PlaceKind.Area && e.Name == "Africa");
    }

    [Theory]
    [InlineData("Chinese", "China", "country")]
    [InlineData("North Korean", "North Korea", "country")]
    [InlineData("European", "Europe", "area")]
    [InlineData("Latin American", "South America", "area")]
    public void FindPlaceByAdjective_Adjective_GivesCountryElseArea(string adjective, string name, string featureType)
    {
        var place = Gazetteer.FindPlaceByAdjective(adjective);
        Assert.Equal(name, place?.Name);
        Assert.Equal(featureType, place?.FeatureType);
    }

    [Fact]
    public void FindCountryByAdjective_AreaAdjective_FindsNoCountry() =>
        Assert.Null(Gazetteer.FindCountryByAdjective("European"));

    [Fact]
    public void FindCountryByName_UnitedStates_IsAtThePublishedReferencePoint()
    {
        var usa = Gazetteer.FindCountryByName("United States");
        Assert.Equal(39.83, usa!.Lat, 2);
        Assert.Equal(-98.58, usa.Lon, 2);
    }
}
