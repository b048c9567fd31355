using System.Collections.Frozen;

namespace Tacitus.Mentions.Quantities;

/// <summary>What a unit measures. Values of the same dimension can be compared once normalised.</summary>
internal enum Dimension
{
    Length,
    Duration,
    Mass,
    Speed,
    Area,
    Money,
    People,
    Percent,
}

/// <summary>A unit as news writes it: its canonical singular name, its dimension, and how to reach the SI base unit.</summary>
internal sealed record UnitDefinition(string Name, Dimension Dimension, Func<double, double>? ToSi, string? SiUnit)
{
    /// <summary>The value in the SI unit, or null when the unit has none or the value overflows it (JSON has no infinity).</summary>
    public double? SiValueOf(double value) => ToSi is { } toSi && toSi(value) is var si && double.IsFinite(si) ? si : null;
}

/// <summary>
/// The units the quantity scanner knows, by every spelling it accepts ("miles", "km", "kilometres", "per cent").
/// Normalisation to SI is the unit's own arithmetic, written as UnitsNet 5.75 does it step by step, so the values are
/// the same to the last bit (a test checks them against UnitsNet): the package's types compiled some 70 methods
/// (~90 KB of code) on a run's first quantities for 25 multiplications (docs/PERFORMANCE.md, s13-cold). Money and
/// head counts have no SI unit; their value is kept as written.
/// </summary>
internal static class UnitTable
{
    private static readonly UnitDefinition Mile = new("mile", Dimension.Length, v => v * 1609.344, "m");
    private static readonly UnitDefinition NauticalMile = new("nautical_mile", Dimension.Length, v => v * 1852, "m");
    private static readonly UnitDefinition Kilometer = new("kilometer", Dimension.Length, v => v * 1e3, "m");
    private static readonly UnitDefinition Meter = new("meter", Dimension.Length, v => v, "m");
    private static readonly UnitDefinition Centimeter = new("centimeter", Dimension.Length, v => v * 1e-2, "m");
    private static readonly UnitDefinition Foot = new("foot", Dimension.Length, v => v * 0.3048, "m");
    private static readonly UnitDefinition Yard = new("yard", Dimension.Length, v => v * 0.9144, "m");
    private static readonly UnitDefinition Inch = new("inch", Dimension.Length, v => v * 2.54e-2, "m");
    private static readonly UnitDefinition Second = new("second", Dimension.Duration, v => v, "s");
    private static readonly UnitDefinition Minute = new("minute", Dimension.Duration, v => v * 60, "s");
    private static readonly UnitDefinition Hour = new("hour", Dimension.Duration, v => v * 3600, "s");
    private static readonly UnitDefinition Day = new("day", Dimension.Duration, v => v * 24 * 3600, "s");
    private static readonly UnitDefinition Week = new("week", Dimension.Duration, v => v * 7 * 24 * 3600, "s");
    private static readonly UnitDefinition Month = new("month", Dimension.Duration, v => v * 30 * 24 * 3600, "s");
    private static readonly UnitDefinition Year = new("year", Dimension.Duration, v => v * 365 * 24 * 3600, "s");
    private static readonly UnitDefinition Kilogram = new("kilogram", Dimension.Mass, v => v, "kg");
    private static readonly UnitDefinition Tonne = new("tonne", Dimension.Mass, v => v * 1e3, "kg");
    private static readonly UnitDefinition Ton = new("ton", Dimension.Mass, v => v * 907.18474, "kg");
    private static readonly UnitDefinition Gram = new("gram", Dimension.Mass, v => v / 1e3, "kg");
    private static readonly UnitDefinition KilometerPerHour = new("kilometer_per_hour", Dimension.Speed, v => v / 3600 * 1e3, "m/s");
    private static readonly UnitDefinition MilePerHour = new("mile_per_hour", Dimension.Speed, v => v * 0.44704, "m/s");
    private static readonly UnitDefinition SquareKilometer = new("square_kilometer", Dimension.Area, v => v * 1e6, "m2");
    private static readonly UnitDefinition SquareMile = new("square_mile", Dimension.Area, v => v * 1609.344 * 1609.344, "m2");
    private static readonly UnitDefinition Hectare = new("hectare", Dimension.Area, v => v * 1e4, "m2");
    private static readonly UnitDefinition Acre = new("acre", Dimension.Area, v => v * 4046.8564224, "m2");
    private static readonly UnitDefinition Percent = new("percent", Dimension.Percent, null, null);
    private static readonly UnitDefinition Person = new("person", Dimension.People, null, null);

    /// <summary>Currency signs before a number ("$5 billion", "£300", "€2m").</summary>
    public static string? CurrencyForSign(char sign)
    {
        Span<char> key = [sign];
        return SignLookup.TryGetValue(key, out var code) ? code : null;
    }

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SignLookup =
        QuantityWords.CurrencySigns.GetAlternateLookup<ReadOnlySpan<char>>();

    public static UnitDefinition Currency(string code) => new(code, Dimension.Money, null, null);

    private static readonly UnitDefinition[] Definitions =
    [
        Mile, NauticalMile, Kilometer, Meter, Centimeter, Foot, Yard, Inch, Second, Minute, Hour, Day, Week, Month, Year,
        Kilogram, Tonne, Ton, Gram, KilometerPerHour, MilePerHour, SquareKilometer, SquareMile, Hectare, Acre, Percent, Person,
    ];

    /// <summary>Units of two or three words, read before one-word ones (data: <see cref="QuantityWords.UnitPhrases"/>).</summary>
    private static readonly FrozenDictionary<string, UnitDefinition> Phrases = ByName(QuantityWords.UnitPhrases);

    // after the tables it is built from: static fields initialise in order
    private static readonly FrozenDictionary<string, UnitDefinition> Words = BuildWords();

    /// <summary>One-word units, people nouns ("30 people") and currency names ("300 euros"), in that order of precedence
    /// from lowest: a later table's word replaces an earlier one's.</summary>
    private static FrozenDictionary<string, UnitDefinition> BuildWords()
    {
        var words = new Dictionary<string, UnitDefinition>(ByName(QuantityWords.Units), StringComparer.OrdinalIgnoreCase);
        foreach (var noun in QuantityWords.PeopleNouns)
        {
            words[noun] = Person;
        }

        foreach (var (word, code) in QuantityWords.Currencies)
        {
            words[word] = Currency(code);
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The words of a data list with the definitions their values name; a name no definition has is a build fault.</summary>
    private static FrozenDictionary<string, UnitDefinition> ByName(FrozenDictionary<string, string> words)
    {
        var byName = Definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        return words.ToFrozenDictionary(
            e => e.Key,
            e => byName.TryGetValue(e.Value, out var unit) ? unit : throw new InvalidOperationException($"data/mentions/quantity-words.tsv names the unit '{e.Value}', which UnitTable does not define; rebuild the project."),
            StringComparer.OrdinalIgnoreCase);
    }

    public static bool TryWord(ReadOnlySpan<char> word, out UnitDefinition unit) =>
        Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out unit!);

    public static bool TryPhrase(ReadOnlySpan<char> phrase, out UnitDefinition unit) =>
        Phrases.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(phrase, out unit!);
}
