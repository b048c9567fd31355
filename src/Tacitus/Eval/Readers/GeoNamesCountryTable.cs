using System.Collections.Frozen;
using System.Globalization;
using Tacitus.Domain;

namespace Tacitus.Eval.Readers;

/// <summary>GeoNames country geonameid (and English name) → ISO alpha-3, from <c>data/eval/geonames-countries.tsv</c>.</summary>
internal static class GeoNamesCountryTable
{
    private static readonly Lazy<(FrozenDictionary<long, string> ById, FrozenDictionary<string, string> ByName)> Tables = new(() =>
    {
        var rows = EmbeddedTable.Rows("geonames-countries.tsv").Where(r => r.Length >= 3).ToList();
        var byId = rows.ToFrozenDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => r[1]);
        var byName = rows.GroupBy(r => r[2], StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
        return (byId, byName);
    });

    public static CountryCode? ById(long geonameId) =>
        Tables.Value.ById.TryGetValue(geonameId, out var iso) ? CountryCode.From(iso) : null;

    public static CountryCode? ByName(string? name) =>
        name is not null && Tables.Value.ByName.TryGetValue(name.Trim(), out var iso) ? CountryCode.From(iso) : null;
}
