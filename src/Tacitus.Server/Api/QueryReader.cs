using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tacitus.Domain;
using Tacitus.Store;

namespace Tacitus.Server.Api;

/// <summary>
/// Reads an endpoint's query parameters into typed values; the first one that cannot be read is kept as the
/// error (TAC901, naming the parameter and what it takes), so the endpoint answers 400 instead of guessing.
/// </summary>
internal sealed class QueryReader(IQueryCollection query)
{
    public const int DefaultLimit = 50;

    public string? Error { get; private set; }

    public string? Text(string name, int maxLength = 200)
    {
        var value = Single(name);
        if (value is not null && value.Length > maxLength)
        {
            Fail($"{name}: at most {maxLength} characters");
            return null;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public int Offset() => Integer("offset", 0, 0, int.MaxValue / 2);

    public int Limit() => Integer("limit", DefaultLimit, 1, StoreQueries.MaxLimit);

    public int Integer(string name, int fallback, int min, int max)
    {
        var value = Single(name);
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            Fail($"{name}: '{value}' is not a whole number from {min} to {max}");
            return fallback;
        }

        return n;
    }

    public DateOnly? Date(string name)
    {
        var value = Text(name, 10);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Fail($"{name}: '{value}' is not a date in the form YYYY-MM-DD");
        return null;
    }

    public PloverType? Type(string name) => Parsed(name, 20, PloverTypes.Parse);

    public CountryCode? Country(string name) => Parsed(name, 3, CountryCode.Parse);

    /// <summary>An actor code: a country (<c>CHN</c>) or a country and a sector (<c>CHNGOV</c>, <c>CHN GOV</c>, <c>CHN-GOV</c>).</summary>
    public (CountryCode? Country, Sector? Sector) ActorCode(string name)
    {
        var value = Text(name, 10)?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (value is null)
        {
            return (null, null);
        }

        var country = CountryCode.Parse(value.Length >= 3 ? value[..3] : value);
        var sector = value.Length == 6 ? Sector.Parse(value[3..]) : ParseResult<Sector>.Fail(string.Empty);
        if (!country.Success || (value.Length != 3 && !sector.Success))
        {
            Fail($"{name}: '{value}' is not an actor code (a country like CHN, or a country and a sector like CHNGOV)");
            return (null, null);
        }

        return (country.Value, value.Length == 6 ? sector.Value : null);
    }

    public T? Choice<T>(string name, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var value = Text(name, 40);
        if (value is null)
        {
            return null;
        }

        if (choices.TryGetValue(value.ToLowerInvariant(), out var choice))
        {
            return choice;
        }

        Fail($"{name}: '{value}' is not one of {string.Join(", ", choices.Keys)}");
        return null;
    }

    public string? OneOf(string name, IReadOnlySet<string> choices)
    {
        var value = Text(name, 40)?.ToLowerInvariant();
        if (value is null || choices.Contains(value))
        {
            return value;
        }

        Fail($"{name}: '{value}' is not one of {string.Join(", ", choices.Order(StringComparer.Ordinal))}");
        return null;
    }

    private T? Parsed<T>(string name, int maxLength, Func<string, ParseResult<T>> parse)
        where T : struct
    {
        var value = Text(name, maxLength);
        if (value is null)
        {
            return null;
        }

        var parsed = parse(value);
        if (!parsed.Success)
        {
            Fail($"{name}: {parsed.Error}");
            return null;
        }

        return parsed.Value;
    }

    private string? Single(string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            Fail($"{name}: give it once");
            return null;
        }

        return values.Count == 0 ? null : values[0];
    }

    private void Fail(string message) => Error ??= message;
}
