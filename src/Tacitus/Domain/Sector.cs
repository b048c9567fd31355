namespace Tacitus.Domain;

/// <summary>A PLOVER actor sector code such as GOV, MIL, BUS, MED, OPP, REB, COP, CVL.</summary>
public readonly record struct Sector
{
    private Sector(string value) => Value = value;

    public string Value { get; }

    public static readonly Sector Government = new("GOV");
    public static readonly Sector Military = new("MIL");
    public static readonly Sector Business = new("BUS");
    public static readonly Sector Media = new("MED");
    public static readonly Sector Civilian = new("CVL");

    public static ParseResult<Sector> Parse(string? value)
    {
        if (value is null || value.Length != 3 || !value.All(char.IsAsciiLetter))
        {
            return ParseResult<Sector>.Fail($"'{value}' is not a sector code (three letters, e.g. GOV, MIL, BUS)");
        }

        return ParseResult<Sector>.Ok(new Sector(value.ToUpperInvariant()));
    }

    public static Sector From(string value) => Parse(value).Value;

    public override string ToString() => Value ?? string.Empty;
}
