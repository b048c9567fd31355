namespace Tacitus.Domain;

/// <summary>A CAMEO event code: two to four digits, e.g. 04, 042, 0331.</summary>
public readonly record struct CameoCode
{
    private CameoCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The two-digit root (the CAMEO cue category).</summary>
    public string Root => Value[..2];

    public static ParseResult<CameoCode> Parse(string? value)
    {
        if (value is null || value.Length is < 2 or > 4 || !value.All(char.IsAsciiDigit))
        {
            return ParseResult<CameoCode>.Fail($"'{value}' is not a CAMEO code (2 to 4 digits)");
        }

        return ParseResult<CameoCode>.Ok(new CameoCode(value));
    }

    public static CameoCode From(string value) => Parse(value).Value;

    public override string ToString() => Value ?? string.Empty;
}
