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
internal sealed record UnitDefinition(string Name, Dimension Dimension, Func<double, double>? ToSi, string? SiUnit);

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

    /// <summary>Currency names and codes after a number ("5 billion yuan", "300 euros").</summary>
    private static readonly FrozenDictionary<string, string> CurrencyWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["dollar"] = "usd", ["dollars"] = "usd", ["usd"] = "usd", ["euro"] = "eur", ["euros"] = "eur", ["eur"] = "eur",
        ["yuan"] = "cny", ["renminbi"] = "cny", ["cny"] = "cny", ["won"] = "krw", ["krw"] = "krw", ["yen"] = "jpy", ["jpy"] = "jpy",
        ["sterling"] = "gbp", ["gbp"] = "gbp", ["rupee"] = "inr", ["rupees"] = "inr", ["roubles"] = "rub", ["rubles"] = "rub",
        ["rouble"] = "rub", ["ruble"] = "rub", ["francs"] = "chf", ["pesos"] = "mxn", ["rand"] = "zar", ["riyals"] = "sar",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Currency signs before a number ("$5 billion", "£300", "€2m").</summary>
    public static string? CurrencyForSign(char sign) => sign switch
    {
        '$' => "usd",
        '£' => "gbp",
        '€' => "eur",
        '¥' => "jpy",
        '₩' => "krw",
        '₹' => "inr",
        _ => null,
    };

    public static UnitDefinition Currency(string code) => new(code, Dimension.Money, null, null);

    /// <summary>Two-word units, read before one-word ones.</summary>
    private static readonly FrozenDictionary<string, UnitDefinition> Phrases = new Dictionary<string, UnitDefinition>(StringComparer.OrdinalIgnoreCase)
    {
        ["nautical miles"] = NauticalMile, ["nautical mile"] = NauticalMile, ["per cent"] = Percent,
        ["square kilometers"] = SquareKilometer, ["square kilometres"] = SquareKilometer, ["square km"] = SquareKilometer,
        ["square miles"] = SquareMile, ["square mile"] = SquareMile, ["metric tons"] = Tonne, ["metric tonnes"] = Tonne,
        ["miles per hour"] = MilePerHour, ["kilometers per hour"] = KilometerPerHour, ["kilometres per hour"] = KilometerPerHour,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns for people: "30 people", "200 protesters", "12 soldiers" count heads.</summary>
    private static readonly string[] PeopleNouns =
    [
        "people", "persons", "person", "protesters", "protestors", "demonstrators", "soldiers", "troops", "civilians",
        "children", "police", "policemen", "officers", "refugees", "migrants", "workers", "students", "fighters", "militants",
        "casualties", "dead", "injured", "wounded", "residents", "passengers", "hostages", "prisoners", "detainees",
        "journalists", "employees", "staff", "voters", "women", "men", "villagers", "rebels", "insurgents", "victims",
        "survivors", "patients", "delegates", "lawmakers", "members", "activists", "supporters", "spectators", "fans",
        "pilgrims", "tourists", "inmates", "miners", "farmers", "doctors", "nurses", "teachers", "sailors", "marines",
        "peacekeepers", "personnel", "citizens", "nationals", "asylum-seekers", "adults", "babies", "girls", "boys",
    ];

    // after the tables it is built from: static fields initialise in order
    private static readonly FrozenDictionary<string, UnitDefinition> Words = BuildWords();

    private static FrozenDictionary<string, UnitDefinition> BuildWords()
    {
        var words = new Dictionary<string, UnitDefinition>(StringComparer.OrdinalIgnoreCase)
        {
            ["mile"] = Mile, ["miles"] = Mile,
            ["kilometer"] = Kilometer, ["kilometers"] = Kilometer, ["kilometre"] = Kilometer, ["kilometres"] = Kilometer, ["km"] = Kilometer, ["kms"] = Kilometer,
            ["meter"] = Meter, ["meters"] = Meter, ["metre"] = Meter, ["metres"] = Meter,
            ["centimeter"] = Centimeter, ["centimeters"] = Centimeter, ["centimetre"] = Centimeter, ["centimetres"] = Centimeter, ["cm"] = Centimeter,
            ["foot"] = Foot, ["feet"] = Foot, ["ft"] = Foot, ["yard"] = Yard, ["yards"] = Yard, ["inch"] = Inch, ["inches"] = Inch,
            ["second"] = Second, ["seconds"] = Second, ["minute"] = Minute, ["minutes"] = Minute, ["mins"] = Minute,
            ["hour"] = Hour, ["hours"] = Hour, ["hrs"] = Hour, ["day"] = Day, ["days"] = Day, ["week"] = Week, ["weeks"] = Week,
            ["month"] = Month, ["months"] = Month, ["year"] = Year, ["years"] = Year,
            ["kilogram"] = Kilogram, ["kilograms"] = Kilogram, ["kilogramme"] = Kilogram, ["kilogrammes"] = Kilogram, ["kg"] = Kilogram, ["kilos"] = Kilogram,
            ["tonne"] = Tonne, ["tonnes"] = Tonne, ["ton"] = Ton, ["tons"] = Ton, ["gram"] = Gram, ["grams"] = Gram,
            ["km/h"] = KilometerPerHour, ["kph"] = KilometerPerHour, ["mph"] = MilePerHour,
            ["hectare"] = Hectare, ["hectares"] = Hectare, ["acre"] = Acre, ["acres"] = Acre,
            ["percent"] = Percent, ["pct"] = Percent, ["%"] = Percent,
        };
        foreach (var noun in PeopleNouns)
        {
            words[noun] = Person;
        }

        foreach (var (word, code) in CurrencyWords)
        {
            words[word] = Currency(code);
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static bool TryWord(ReadOnlySpan<char> word, out UnitDefinition unit) =>
        Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out unit!);

    public static bool TryPhrase(ReadOnlySpan<char> phrase, out UnitDefinition unit) =>
        Phrases.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(phrase, out unit!);
}
