using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>What kind of place a gazetteer entry is.</summary>
internal enum PlaceKind : byte
{
    City,
    Region,
    Country,

    /// <summary>A continent or a world region ("Africa", "Middle East").</summary>
    Area,
}

/// <summary>One place of the compiled gazetteer (GeoNames city, first-level region or country).</summary>
internal sealed class GazetteerEntry
{
    /// <summary>The GeoNames id; 0 when the source gives none (the hand-kept regions).</summary>
    public required long GeoNameId { get; init; }

    public required string Name { get; init; }

    public required double Lat { get; init; }

    public required double Lon { get; init; }

    /// <summary>GeoNames feature code: PPL, PPLA, PPLC, …; ADM1 for regions, PCLI for countries.</summary>
    public required string FeatureCode { get; init; }

    /// <summary>The country; null for continents and world regions.</summary>
    public required CountryCode? Country { get; init; }

    /// <summary>GeoNames admin1 code within the country ("TX", "22"); empty for countries.</summary>
    public required string Admin1 { get; init; }

    public required long Population { get; init; }

    public required PlaceKind Kind { get; init; }

    /// <summary>For countries: the GeoNames id of the capital, or 0.</summary>
    internal long CapitalId { get; init; }

    /// <summary>"country", "region" or "city", as <see cref="Documents.PlaceInfo.FeatureType"/> writes it.</summary>
    public string FeatureType => Kind switch
    {
        PlaceKind.Country => "country",
        PlaceKind.Region => "region",
        PlaceKind.Area => "area",
        _ => "city",
    };

    public override string ToString() => $"{Name} ({FeatureCode}, {Country}, {GeoNameId})";
}

/// <summary>A gazetteer entry found under a name, and whether the name was its main name or an alternate.</summary>
internal readonly record struct GazetteerMatch(GazetteerEntry Entry, bool ByAlternateName);
