namespace Tacitus.Domain;

/// <summary>
/// An ISO 3166-1 alpha-3 country code, or one of the bodies with no country: <c>UNO</c>, <c>IGO</c>, <c>NGO</c>
/// (plus <c>IMG</c> for armed non-state groups and <c>ITL</c> for international actors, as PLOVER uses them).
/// </summary>
public readonly record struct CountryCode
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    public static readonly CountryCode Uno = new("UNO");
    public static readonly CountryCode Igo = new("IGO");
    public static readonly CountryCode Ngo = new("NGO");

    public static ParseResult<CountryCode> Parse(string? value)
    {
        if (value is null || value.Length != 3)
        {
            return ParseResult<CountryCode>.Fail($"'{value}' is not a country code (three letters, ISO 3166-1 alpha-3)");
        }

        Span<char> upper = stackalloc char[3];
        for (var i = 0; i < 3; i++)
        {
            if (!char.IsAsciiLetter(value[i]))
            {
                return ParseResult<CountryCode>.Fail($"'{value}' is not a country code (three letters, ISO 3166-1 alpha-3)");
            }

            upper[i] = char.ToUpperInvariant(value[i]);
        }

        return ParseResult<CountryCode>.Ok(new CountryCode(new string(upper)));
    }

    /// <summary>For codes the program itself writes (tables it compiled); throws on a malformed code.</summary>
    public static CountryCode From(string value) => Parse(value).Value;

    public override string ToString() => Value ?? string.Empty;
}
