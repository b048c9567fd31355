using System.Collections.Frozen;
using Tacitus.Domain;

namespace Tacitus.Eval.Readers;

/// <summary>
/// Maps event types of older PLOVER drafts (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) that gold records still use to
/// the 2021 types Tacitus codes, from <c>data/eval/plover-legacy-types.tsv</c> (the manual's translation table).
/// </summary>
internal static class PloverLegacyTypes
{
    private static readonly Lazy<FrozenDictionary<PloverType, PloverType>> Table = new(() =>
        EmbeddedTable.Rows("plover-legacy-types.tsv")
            .Where(r => r.Length >= 2)
            .ToFrozenDictionary(r => PloverTypes.Parse(r[0]).Value, r => PloverTypes.Parse(r[1]).Value));

    /// <summary>The 2021 type for <paramref name="type"/>; types that are already current come back unchanged.</summary>
    public static PloverType Current(PloverType type) => Table.Value.TryGetValue(type, out var current) ? current : type;
}
