namespace Tacitus.Eval.Scoring;

/// <summary>Great-circle distance on the mean Earth sphere (radius 6,371.0088 km, IUGG).</summary>
internal static class GeoDistance
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The usual geocoding threshold: 161 km (100 miles).</summary>
    public const double AccuracyThresholdKm = 161;

    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The median of the values (the mean of the middle two for an even count); NaN when there are none.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
