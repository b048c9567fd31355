using Tacitus.Domain;
using Tacitus.Eval.Readers;
using Tacitus.Knowledge;

namespace Tacitus.Eval.Scoring;

/// <summary>How the country of a gold toponym was found.</summary>
internal enum GoldCountrySource : byte
{
    /// <summary>The gold names it (LGL, TR-News).</summary>
    Gold,

    /// <summary>The gold GeoNames id is a gazetteer entry; its country.</summary>
    GeoNamesId,

    /// <summary>The country of the nearest gazetteer city within <see cref="GoldCountryLocator.RadiusKm"/> of the gold coordinates.</summary>
    NearestCity,

    /// <summary>Not found: the toponym does not count for correct country.</summary>
    None,
}

/// <summary>
/// Gives gold toponyms that carry coordinates but no country (GeoWebNews) a country: the country of the gazetteer entry
/// with the gold GeoNames id, else of the nearest gazetteer city (population ≥ 15,000) within <see cref="RadiusKm"/> km
/// of the gold point. A gold id that is a continent gives no country. Cities are bucketed by whole degrees, so a look-up reads a few cells, not the whole table.
/// </summary>
internal sealed class GoldCountryLocator
{
    /// <summary>How far the nearest city may be for its country to count as the toponym's.</summary>
    public const double RadiusKm = 100;

    private readonly Gazetteer gazetteer;
    private readonly Dictionary<(int Lat, int Lon), List<GazetteerEntry>> cells = [];

    public GoldCountryLocator(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        this.gazetteer = gazetteer;
        foreach (var entry in gazetteer.Entries)
        {
            if (entry.Kind == PlaceKind.City && entry.Country is not null)
            {
                var key = Cell(entry.Lat, entry.Lon);
                if (!cells.TryGetValue(key, out var list))
                {
                    cells[key] = list = [];
                }

                list.Add(entry);
            }
        }
    }

    /// <summary>The toponym with its country filled in where the gold has none, and how it was found.</summary>
    public (GoldToponym Toponym, GoldCountrySource Source) Locate(GoldToponym toponym)
    {
        ArgumentNullException.ThrowIfNull(toponym);
        if (toponym.Country is not null)
        {
            return (toponym, GoldCountrySource.Gold);
        }

        if (toponym.GeoNamesId is long id && gazetteer.FindById(id) is { } entry)
        {
            // A continent has no country: it does not count for correct country.
            return entry.Country is { } byId ? (toponym with { Country = byId }, GoldCountrySource.GeoNamesId) : (toponym, GoldCountrySource.None);
        }

        if (toponym.Lat is double lat && toponym.Lon is double lon && Nearest(lat, lon) is { } nearest)
        {
            return (toponym with { Country = nearest }, GoldCountrySource.NearestCity);
        }

        return (toponym, GoldCountrySource.None);
    }

    private CountryCode? Nearest(double lat, double lon)
    {
        var (cellLat, cellLon) = Cell(lat, lon);
        // One degree of longitude shrinks with latitude: read enough cells east and west to cover the radius.
        var cosLat = Math.Max(0.05, Math.Cos(lat * Math.PI / 180));
        var lonSpan = (int)Math.Ceiling(RadiusKm / (111.0 * cosLat));
        CountryCode? best = null;
        var bestKm = RadiusKm;
        for (var dLat = -1; dLat <= 1; dLat++)
        {
            for (var dLon = -lonSpan; dLon <= lonSpan; dLon++)
            {
                var column = ((cellLon + dLon + 180) % 360 + 360) % 360 - 180;
                if (!cells.TryGetValue((cellLat + dLat, column), out var list))
                {
                    continue;
                }

                foreach (var entry in list)
                {
                    var km = GeoDistance.Kilometres(lat, lon, entry.Lat, entry.Lon);
                    if (km <= bestKm)
                    {
                        bestKm = km;
                        best = entry.Country;
                    }
                }
            }
        }

        return best;
    }

    private static (int Lat, int Lon) Cell(double lat, double lon) => ((int)Math.Floor(lat), (int)Math.Floor(lon));
}
