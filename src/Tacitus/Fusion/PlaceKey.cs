namespace Tacitus.Fusion;

/// <summary>An event's place as fusion compares it; <see cref="CountryLevel"/> when the place is a whole country.</summary>
internal sealed record PlaceKey(string? Name, string? Country, double? Lat, double? Lon, bool CountryLevel)
{
    /// <summary>Higher is more precise: a named place with coordinates, then a country.</summary>
    public int Precision => CountryLevel ? 1 : Lat is null ? 2 : 3;
}
