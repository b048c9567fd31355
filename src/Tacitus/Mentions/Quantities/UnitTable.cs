using System.Collections.Frozen;
using UnitsNet;

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
    public double? SiValueOf(double value)
    {
        if (ToSi is not { } toSi)
        {
            return null;
        }

        try
        {
            return toSi(value) is var si && double.IsFinite(si) ? si : null;
        }
        catch (ArgumentException)
        {
            // UnitsNet refuses to hold an infinite result: a value near double's limit (1e307 miles) has no SI value
            return null;
        }
    }
}

/// <summary>
/// The units the quantity scanner knows, by every spelling it accepts ("miles", "km", "kilometres", "per cent").
/// Normalisation to SI goes through UnitsNet (<c>Length.FromMiles(520).Meters</c>). Money and head counts have no SI
/// unit; their value is kept as written.
/// </summary>
internal static class UnitTable
{
    private static readonly UnitDefinition Mile = new("mile", Dimension.Length, v => Length.FromMiles(v).Meters, "m");
    private static readonly UnitDefinition NauticalMile = new("nautical_mile", Dimension.Length, v => Length.FromNauticalMiles(v).Meters, "m");
    private static readonly UnitDefinition Kilometer = new("kilometer", Dimension.Length, v => Length.FromKilometers(v).Meters, "m");
    private static readonly UnitDefinition Meter = new("meter", Dimension.Length, v => Length.FromMeters(v).Meters, "m");
    private static readonly UnitDefinition Centimeter = new("centimeter", Dimension.Length, v => Length.FromCentimeters(v).Meters, "m");
    private static readonly UnitDefinition Foot = new("foot", Dimension.Length, v => Length.FromFeet(v).Meters, "m");
    private static readonly UnitDefinition Yard = new("yard", Dimension.Length, v => Length.FromYards(v).Meters, "m");
    private static readonly UnitDefinition Inch = new("inch", Dimension.Length, v => Length.FromInches(v).Meters, "m");
    private static readonly UnitDefinition Second = new("second", Dimension.Duration, v => Duration.FromSeconds(v).Seconds, "s");
    private static readonly UnitDefinition Minute = new("minute", Dimension.Duration, v => Duration.FromMinutes(v).Seconds, "s");
    private static readonly UnitDefinition Hour = new("hour", Dimension.Duration, v => Duration.FromHours(v).Seconds, "s");
    private static readonly UnitDefinition Day = new("day", Dimension.Duration, v => Duration.FromDays(v).Seconds, "s");
    private static readonly UnitDefinition Week = new("week", Dimension.Duration, v => Duration.FromWeeks(v).Seconds, "s");
    private static readonly UnitDefinition Month = new("month", Dimension.Duration, v => Duration.FromMonths30(v).Seconds, "s");
    private static readonly UnitDefinition Year = new("year", Dimension.Duration, v => Duration.FromYears365(v).Seconds, "s");
    private static readonly UnitDefinition Kilogram = new("kilogram", Dimension.Mass, v => Mass.FromKilograms(v).Kilograms, "kg");
    private static readonly UnitDefinition Tonne = new("tonne", Dimension.Mass, v => Mass.FromTonnes(v).Kilograms, "kg");
    private static readonly UnitDefinition Ton = new("ton", Dimension.Mass, v => Mass.FromShortTons(v).Kilograms, "kg");
    private static readonly UnitDefinition Gram = new("gram", Dimension.Mass, v => Mass.FromGrams(v).Kilograms, "kg");
    private static readonly UnitDefinition KilometerPerHour = new("kilometer_per_hour", Dimension.Speed, v => Speed.FromKilometersPerHour(v).MetersPerSecond, "m/s");
    private static readonly UnitDefinition MilePerHour = new("mile_per_hour", Dimension.Speed, v => Speed.FromMilesPerHour(v).MetersPerSecond, "m/s");
    private static readonly UnitDefinition SquareKilometer = new("square_kilometer", Dimension.Area, v => Area.FromSquareKilometers(v).SquareMeters, "m2");
    private static readonly UnitDefinition SquareMile = new("square_mile", Dimension.Area, v => Area.FromSquareMiles(v).SquareMeters, "m2");
    private static readonly UnitDefinition Hectare = new("hectare", Dimension.Area, v => Area.FromHectares(v).SquareMeters, "m2");
    private static readonly UnitDefinition Acre = new("acre", Dimension.Area, v => Area.FromAcres(v).SquareMeters, "m2");
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
