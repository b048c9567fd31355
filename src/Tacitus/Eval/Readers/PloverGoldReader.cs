using System.Globalization;
using System.Text.Json;
using Tacitus.Domain;

namespace Tacitus.Eval.Readers;

/// <summary>An actor of a gold event record: its words, its country (ISO alpha-3 after the CAMEO table) and sector.</summary>
internal sealed record GoldActor(string Text, CountryCode Country, string RawCode, string? Sector);

/// <summary>One PLOVER gold record: a sentence, its date, and the event it codes.</summary>
internal sealed record PloverGoldRecord
{
    public required string Id { get; init; }

    public required int Line { get; init; }

    public required string Text { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>The event type as Tacitus codes it (2021 PLOVER; older names mapped, see <see cref="PloverLegacyTypes"/>).</summary>
    public required PloverType Event { get; init; }

    /// <summary>The event type as the gold record writes it.</summary>
    public PloverType GoldEvent { get; init; }

    public string? Mode { get; init; }

    public string? Context { get; init; }

    public required IReadOnlyList<GoldActor> Sources { get; init; }

    public required IReadOnlyList<GoldActor> Targets { get; init; }

    /// <summary>True when the markup tags actors SRC/TAR: each is source and target of the other (a reciprocal event).</summary>
    public bool Reciprocal { get; init; }
}

/// <summary>
/// Reads PLOVER gold records (JSON Lines: <c>id</c>, <c>text</c>, <c>date</c>, <c>event</c>, <c>source</c>/<c>target</c>
/// lists of <c>{actorText, code, sector}</c>, <c>textInfo.markup</c>). Country codes go through <see cref="CameoCountryTable"/>.
/// A bad line is reported (TAC602/603/605, naming file and line) and left out; the rest are read.
/// </summary>
internal static class PloverGoldReader
{
    public static GoldSet<PloverGoldRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such gold file", path));
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static GoldSet<PloverGoldRecord> Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var set = new GoldSet<PloverGoldRecord>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                set.Problems.Add(EvalErrors.Create(EvalErrors.Malformed, $"not a JSON object: {ex.Message}", file, lineNumber));
                continue;
            }

            using (json)
            {
                var record = ReadRecord(json.RootElement, file, lineNumber, set.Problems);
                if (record is not null)
                {
                    set.Items.Add(record);
                }
            }
        }

        return set;
    }

    private static PloverGoldRecord? ReadRecord(JsonElement root, string file, int line, List<Documents.TacitusError> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(EvalErrors.Create(EvalErrors.Malformed, "a record must be a JSON object", file, line));
            return null;
        }

        var id = String(root, "id") ?? $"line {line}";
        var text = String(root, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(EvalErrors.Create(EvalErrors.MissingField, "record has no 'text'", file, line, id));
            return null;
        }

        var eventType = PloverTypes.Parse(String(root, "event"));
        if (!eventType.Success)
        {
            problems.Add(EvalErrors.Create(EvalErrors.MissingField, $"'event': {eventType.Error}", file, line, id));
            return null;
        }

        DateOnly? date = null;
        if (String(root, "date") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                problems.Add(EvalErrors.Create(EvalErrors.BadValue, $"'date' '{dateText}' is not YYYY-MM-DD; read without a date", file, line, id));
            }
        }

        var sources = Actors(root, "source", file, line, id, problems);
        var targets = Actors(root, "target", file, line, id, problems);
        if (sources is null || targets is null)
        {
            return null;
        }

        var markup = root.TryGetProperty("textInfo", out var info) && info.ValueKind == JsonValueKind.Object ? String(info, "markup") : null;
        return new PloverGoldRecord
        {
            Id = id,
            Line = line,
            Text = text,
            Date = date,
            Event = PloverLegacyTypes.Current(eventType.Value),
            GoldEvent = eventType.Value,
            Mode = Blank(String(root, "mode")),
            Context = Blank(String(root, "context")),
            Sources = sources,
            Targets = targets,
            Reciprocal = markup?.Contains("SRC/TAR", StringComparison.Ordinal) == true,
        };
    }

    /// <summary>A list of actors; absent or "" is an empty list. Null when the field is unreadable.</summary>
    private static List<GoldActor>? Actors(JsonElement root, string field, string file, int line, string id, List<Documents.TacitusError> problems)
    {
        var actors = new List<GoldActor>();
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return actors;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.GetString()!.Length > 0)
            {
                problems.Add(EvalErrors.Create(EvalErrors.BadValue, $"'{field}' is the string '{value.GetString()}', not a list of actors; read as no {field}", file, line, id));
            }

            return actors;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(EvalErrors.Create(EvalErrors.Malformed, $"'{field}' must be a list of actors", file, line, id));
            return null;
        }

        foreach (var a in value.EnumerateArray())
        {
            if (a.ValueKind != JsonValueKind.Object)
            {
                problems.Add(EvalErrors.Create(EvalErrors.Malformed, $"'{field}' holds a value that is not an actor object", file, line, id));
                return null;
            }

            var raw = String(a, "code");
            var country = CameoCountryTable.ToIso(raw);
            if (!country.Success)
            {
                problems.Add(EvalErrors.Create(EvalErrors.BadValue, $"'{field}' actor code: {country.Error}", file, line, id));
                return null;
            }

            actors.Add(new GoldActor(String(a, "actorText") ?? string.Empty, country.Value, raw!, Blank(String(a, "sector"))));
        }

        return actors;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) || value == "***" ? null : value.Trim();
}
