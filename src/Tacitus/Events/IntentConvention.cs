using System.Collections.Frozen;
using Tacitus.Domain;

namespace Tacitus.Events;

/// <summary>
/// CAMEO's convention for acts stated as intent ("will", "plans to"): a future cooperative act is AGREE (CAMEO
/// 03x: "will visit" is 036, "will provide aid" 033), a refused future cooperative act is REJECT (12x), a future act
/// of material conflict is THREATEN (13x: "will impose sanctions" is 131). One rule for both coders.
/// </summary>
internal static class IntentConvention
{
    private static readonly FrozenSet<PloverType> Cooperative = FrozenSet.ToFrozenSet(
        [PloverType.Consult, PloverType.Support, PloverType.Cooperate, PloverType.Aid, PloverType.Concede, PloverType.Retreat]);

    private static readonly FrozenSet<PloverType> Material = FrozenSet.ToFrozenSet(
        [PloverType.Protest, PloverType.Mobilize, PloverType.Sanction, PloverType.Coerce, PloverType.Assault, PloverType.Fight]);

    /// <summary>The CAMEO code an act of <paramref name="type"/> (coded <paramref name="cameo"/>) takes when it is only intended; null when the convention leaves it as it is (verbal acts, a refused conflict act).</summary>
    public static CameoCode? Code(PloverType type, CameoCode cameo, bool negated)
    {
        string? code = null;
        if (Cooperative.Contains(type))
        {
            code = negated
                ? cameo.Root switch { "04" => "125", "05" => "120", "06" => "121", "07" => "122", _ => "124" }
                : cameo.Root switch { "04" => "036", "05" => "032", "06" => "031", "07" => "033", _ => "035" };
        }
        else if (Material.Contains(type) && !negated)
        {
            code = cameo.Root switch
            {
                "14" => "133",
                "15" or "18" or "19" or "20" => "138",
                "16" => cameo.Value == "163" ? "1312" : "131",
                "17" => "132",
                _ => "130",
            };
        }

        return code is null ? null : CameoCode.From(code);
    }

    /// <summary>What the explanation of an event says the convention did: "; future act coded as AGREE (CAMEO 036, intent convention)".</summary>
    public static string Explain(PloverType type, CameoCode converted, bool negated) =>
        $"; {(negated ? "refused" : "future")} act coded as {type.ToCode()} (CAMEO {converted.Value}, intent convention)";
}
