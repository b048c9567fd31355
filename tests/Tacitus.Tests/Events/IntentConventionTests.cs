using Tacitus.Domain;
using Tacitus.Events;

namespace Tacitus.Tests.Events;

/// <summary>CAMEO's convention for acts stated as intent, shared by the rules and the tree coder.</summary>
public sealed class IntentConventionTests
{
    [Theory]
    [InlineData(PloverType.Consult, "042", false, "036")]
    [InlineData(PloverType.Aid, "073", false, "033")]
    [InlineData(PloverType.Retreat, "0872", false, "035")]
    [InlineData(PloverType.Consult, "042", true, "125")]
    [InlineData(PloverType.Sanction, "163", false, "1312")]
    [InlineData(PloverType.Assault, "190", false, "138")]
    [InlineData(PloverType.Protest, "141", false, "133")]
    [InlineData(PloverType.Assault, "190", true, null)]
    [InlineData(PloverType.Accuse, "112", false, null)]
    public void Code_IntendedAct_ConventionalCode(PloverType type, string cameo, bool negated, string? expected)
    {
        Assert.Equal(expected, IntentConvention.Code(type, CameoCode.From(cameo), negated)?.Value);
    }
}
