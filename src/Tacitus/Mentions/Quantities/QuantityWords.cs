using System.Collections.Frozen;
using System.Globalization;
using Tacitus.Knowledge;

namespace Tacitus.Mentions.Quantities;

/// <summary>
/// The words of numbers and units the quantity reader reads, from data/mentions/quantity-words.tsv (see its header
/// for what each list means), matched ignoring case. Loaded once; a missing list or a value that is no number is a
/// build fault and fails at first use.
/// </summary>
internal static class QuantityWords
{
    private static readonly WordLists Lists = WordLists.Embedded("mentions", "quantity-words.tsv");

    /// <summary>Numbers written as words ("twelve", "dozen") and their values.</summary>
    public static FrozenDictionary<string, int> NumberWords { get; } = Numbers("number-word", int.Parse);

    /// <summary>Words that multiply the number before them ("million", "bn") and their factors.</summary>
    public static FrozenDictionary<string, double> Scales { get; } = Numbers("number-scale", (v, c) => double.Parse(v, NumberStyles.Float, c));

    /// <summary>One-word units and signs ("km", "%") with the unit's name in <see cref="UnitTable"/>.</summary>
    public static FrozenDictionary<string, string> Units { get; } = Lists.Values("unit", StringComparer.OrdinalIgnoreCase);

    /// <summary>Units of two or three words ("per cent", "miles per hour") with the unit's name.</summary>
    public static FrozenDictionary<string, string> UnitPhrases { get; } = Lists.Values("unit-phrase", StringComparer.OrdinalIgnoreCase);

    /// <summary>Plural nouns for people: a number before them counts heads.</summary>
    public static FrozenSet<string> PeopleNouns { get; } = Lists["people-noun"];

    /// <summary>Currency names and codes after a number, with their ISO 4217 codes in lower case.</summary>
    public static FrozenDictionary<string, string> Currencies { get; } = Lists.Values("currency", StringComparer.OrdinalIgnoreCase);

    /// <summary>Currency signs before a number, with their ISO 4217 codes in lower case.</summary>
    public static FrozenDictionary<string, string> CurrencySigns { get; } = Lists.Values("currency-sign", StringComparer.Ordinal);

    private static FrozenDictionary<string, T> Numbers<T>(string list, Func<string, IFormatProvider, T> parse) =>
        Lists.Values(list, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(e => e.Key, e => parse(e.Value, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
}
