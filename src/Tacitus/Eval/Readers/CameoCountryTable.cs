using System.Collections.Frozen;
using Tacitus.Domain;

namespace Tacitus.Eval.Readers;

/// <summary>
/// Maps the country codes of CAMEO-era gold records (<c>JAP</c>, <c>VTN</c>) to ISO 3166-1 alpha-3, from
/// <c>data/eval/cameo-country-codes.tsv</c>. Codes the table does not list are read as they stand.
/// </summary>
internal static class CameoCountryTable
{
    private static readonly Lazy<FrozenDictionary<string, string>> Table = new(() =>
        EmbeddedTable.Rows("cameo-country-codes.tsv")
            .Where(r => r.Length >= 2)
            .ToFrozenDictionary(r => r[0].Trim(), r => r[1].Trim(), StringComparer.OrdinalIgnoreCase));

    public static int Count => Table.Value.Count;

    public static ParseResult<CountryCode> ToIso(string? code)
    {
        if (code is null)
        {
            return ParseResult<CountryCode>.Fail("no country code");
        }

        var trimmed = code.Trim();
        return CountryCode.Parse(Table.Value.TryGetValue(trimmed, out var iso) ? iso : trimmed);
    }
}
