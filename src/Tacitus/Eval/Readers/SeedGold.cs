using System.Globalization;
using System.Text.Json;

namespace Tacitus.Eval.Readers;

/// <summary>A country the gold accepts: the country (null: none, e.g. a missing recipient) or one of the alternatives.</summary>
internal sealed record SeedActor(string? Country, IReadOnlyList<string> Alternatives)
{
    public bool Accepts(string? country) =>
        country is null ? Country is null : string.Equals(country, Country, StringComparison.OrdinalIgnoreCase) || Alternatives.Contains(country, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The source the gold expects for an event or statement, and whether it is anonymous.</summary>
internal sealed record SeedSource(string Source, bool? Anonymous);

internal sealed record SeedEvent
{
    public required string Id { get; init; }

    public bool Required { get; init; }

    public required string Evidence { get; init; }

    public required IReadOnlyList<string> Types { get; init; }

    public required SeedActor Actor { get; init; }

    /// <summary>Null when the gold says nothing about the recipient (any is accepted).</summary>
    public SeedActor? Recipient { get; init; }

    public IReadOnlyList<string> Dates { get; init; } = [];

    public string? Location { get; init; }

    public SeedSource? Attribution { get; init; }

    public bool Denied { get; init; }
}

internal sealed record SeedAttribution(string Id, string Evidence, string Source, bool Anonymous, bool Denial);

internal sealed record SeedMention(string Category, string Name, string? Country, IReadOnlyList<string> AlsoAs);

internal sealed record SeedQuantity(string Text, string Unit, double? Value, double? Low, double? High, string? ConsistentWith);

/// <summary>
/// A careful human reading of one story (the reference story's <c>*.gold.json</c>, see its GOLD.md): events, no-event
/// sentences, boilerplate, attributions, mentions and quantities.
/// </summary>
internal sealed record SeedGold
{
    public string? File { get; init; }

    public DateOnly? Published { get; init; }

    public string? Outlet { get; init; }

    public IReadOnlyList<string> Boilerplate { get; init; } = [];

    public IReadOnlyList<string> NoEventSentences { get; init; } = [];

    public IReadOnlyList<SeedEvent> Events { get; init; } = [];

    public IReadOnlyList<SeedAttribution> Attributions { get; init; } = [];

    public IReadOnlyList<SeedMention> Mentions { get; init; } = [];

    public IReadOnlyList<SeedQuantity> Quantities { get; init; } = [];

    public static SeedGold Read(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such gold file", path));
        }

        return Parse(System.IO.File.ReadAllText(path), path);
    }

    public static SeedGold Parse(string json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.Malformed, $"not JSON: {ex.Message}", file, (int?)(ex.LineNumber + 1)));
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingField, "the gold must be an object with an 'events' list", file));
            }

            var document = root.TryGetProperty("document", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            return new SeedGold
            {
                File = document.ValueKind == JsonValueKind.Object ? Str(document, "file") : null,
                Outlet = document.ValueKind == JsonValueKind.Object ? Str(document, "outlet") : null,
                Published = document.ValueKind == JsonValueKind.Object && DateOnly.TryParseExact(Str(document, "published"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var p) ? p : null,
                Boilerplate = document.ValueKind == JsonValueKind.Object ? Strings(document, "boilerplate") : [],
                NoEventSentences = Strings(root, "no_event_sentences"),
                Events = [.. events.EnumerateArray().Select((e, i) => Event(e, i, file))],
                Attributions = root.TryGetProperty("attributions", out var a) && a.ValueKind == JsonValueKind.Array
                    ? [.. a.EnumerateArray().Select((x, i) => new SeedAttribution(Str(x, "id") ?? $"A{i + 1}", Required(x, "evidence", file, i), Required(x, "source", file, i), Bool(x, "anonymous") ?? false, Bool(x, "denial") ?? false))]
                    : [],
                Mentions = root.TryGetProperty("mentions", out var m) && m.ValueKind == JsonValueKind.Object ? ReadMentions(m) : [],
                Quantities = root.TryGetProperty("mentions", out var mq) && mq.ValueKind == JsonValueKind.Object && mq.TryGetProperty("quantities", out var q) && q.ValueKind == JsonValueKind.Array
                    ? [.. q.EnumerateArray().Select(x => new SeedQuantity(Str(x, "text") ?? string.Empty, Str(x, "unit") ?? string.Empty, Num(x, "value"), Num(x, "low"), Num(x, "high"), Str(x, "consistent_with")))]
                    : [],
            };
        }
    }

    private static SeedEvent Event(JsonElement e, int index, string file)
    {
        var id = Str(e, "id") ?? $"event {index + 1}";
        var types = e.TryGetProperty("event", out var t) && t.ValueKind == JsonValueKind.Array ? Strings(e, "event") : Str(e, "event") is { } one ? [one] : [];
        if (types.Count == 0 || !e.TryGetProperty("actor", out var actor) || actor.ValueKind != JsonValueKind.Object)
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingField, "an event needs 'event' and 'actor'", file, record: id));
        }

        SeedSource? source = e.TryGetProperty("attribution", out var a) && a.ValueKind == JsonValueKind.Object && Str(a, "source") is { } s ? new SeedSource(s, Bool(a, "anonymous")) : null;
        return new SeedEvent
        {
            Id = id,
            Required = Bool(e, "required") ?? false,
            Evidence = Str(e, "evidence") ?? throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingField, "an event needs 'evidence'", file, record: id)),
            Types = types,
            Actor = Actor(actor),
            Recipient = e.TryGetProperty("recipient", out var r) && r.ValueKind == JsonValueKind.Object ? Actor(r) : null,
            Dates = e.TryGetProperty("date", out var dt) && dt.ValueKind == JsonValueKind.Array ? Strings(e, "date") : Str(e, "date") is { } date ? [date] : [],
            Location = Str(e, "location"),
            Attribution = source,
            Denied = e.TryGetProperty("modality", out var mod) && mod.ValueKind == JsonValueKind.Object && (Bool(mod, "denied") ?? false),
        };
    }

    private static SeedActor Actor(JsonElement a) => new(Str(a, "country"), Strings(a, "alternatives"));

    private static List<SeedMention> ReadMentions(JsonElement m)
    {
        var list = new List<SeedMention>();
        foreach (var category in new[] { "people", "organizations", "places" })
        {
            if (m.TryGetProperty(category, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                list.AddRange(items.EnumerateArray().Where(x => Str(x, "name") is not null).Select(x => new SeedMention(category, Str(x, "name")!, Str(x, "country"), Strings(x, "also_as"))));
            }
        }

        return list;
    }

    private static string Required(JsonElement e, string name, string file, int index) =>
        Str(e, name) ?? throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingField, $"an attribution needs '{name}'", file, record: Str(e, "id") ?? $"attribution {index + 1}"));

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static double? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)] : [];
}
