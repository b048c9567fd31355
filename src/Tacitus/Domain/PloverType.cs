namespace Tacitus.Domain;

/// <summary>The 16 PLOVER event types (plus ACCUSE and REQUEST, which the 2021 CAMEO table still uses).</summary>
public enum PloverType
{
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    Fight,
    Demand,
    Disapprove,
    Investigate,
}

public static class PloverTypes
{
    public static string ToCode(this PloverType type) => type.ToString().ToUpperInvariant();

    public static ParseResult<PloverType> Parse(string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && Enum.TryParse<PloverType>(value.Trim(), ignoreCase: true, out var t) && !int.TryParse(value, out _))
        {
            return ParseResult<PloverType>.Ok(t);
        }

        return ParseResult<PloverType>.Fail($"'{value}' is not a PLOVER event type");
    }
}
