using System.Collections.Frozen;
using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>A country: ISO alpha-3 code, common name, aliases, nationality adjectives and capitals.</summary>
public sealed record CountryInfo(CountryCode Code, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Adjectives, IReadOnlyList<string> Capitals);

/// <summary>Countries by code, by name or alias, by adjective ("North Korean") and by capital ("Pyongyang").</summary>
public sealed class CountryTable
{
    private readonly FrozenDictionary<string, CountryInfo> byCode;

    internal CountryTable(IReadOnlyList<CountryInfo> countries, IEnumerable<(string Key, CountryInfo Country)> extraAdjectives)
    {
        All = countries;
        byCode = countries.GroupBy(c => c.Code.Value).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Adjectives = PhraseIndex<CountryInfo>.Build(
            countries.SelectMany(c => c.Adjectives.Select(a => (PhraseKey.Normalize(a), c))).Concat(extraAdjectives));
        Capitals = PhraseIndex<CountryInfo>.Build(countries.SelectMany(c => c.Capitals.Select(a => (PhraseKey.Normalize(a), c))));
        Names = PhraseIndex<CountryInfo>.Build(countries.SelectMany(c => c.Aliases.Prepend(c.Name).Select(a => (PhraseKey.Normalize(a), c))));
    }

    public IReadOnlyList<CountryInfo> All { get; }

    /// <summary>Nationality adjectives and demonyms → country.</summary>
    internal PhraseIndex<CountryInfo> Adjectives { get; }

    /// <summary>Capital city names → country (for metonyms: "Moscow rejected ...").</summary>
    internal PhraseIndex<CountryInfo> Capitals { get; }

    /// <summary>Names and aliases → country.</summary>
    internal PhraseIndex<CountryInfo> Names { get; }

    public bool TryGetByCode(ReadOnlySpan<char> code, out CountryInfo country)
    {
        var lookup = byCode.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(code, out country!);
    }

    /// <summary>A country by ISO alpha-3 code, name, alias or nationality adjective.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out CountryInfo country)
    {
        if (text.Length == 3 && TryGetByCode(text, out country))
        {
            return true;
        }

        var key = PhraseKey.Normalize(text.ToString());
        if (Names.TryGet(key, out var found) || Adjectives.TryGet(key, out found))
        {
            country = found[0];
            return true;
        }

        country = null!;
        return false;
    }

    /// <summary>The country whose capital this is ("Beijing" → China).</summary>
    public bool TryGetByCapital(ReadOnlySpan<char> text, out CountryInfo country)
    {
        if (Capitals.TryGet(PhraseKey.Normalize(text.ToString()), out var found))
        {
            country = found[0];
            return true;
        }

        country = null!;
        return false;
    }
}
