using System.Collections.Frozen;
using Tacitus.Domain;
using Tacitus.Knowledge;

namespace Tacitus.Events;

/// <summary>PLOVER type, mode and context for a CAMEO code.</summary>
internal sealed record PloverMapping(PloverType Type, string? Mode, string? Context, string Description);

/// <summary>
/// The CAMEO → PLOVER table (data/events/CAMEO2PLOVER-2021.txt, a copy of openeventdata/PLOVER's table, CC BY-SA 4.0)
/// with the project's corrections where the PLOVER manual disagrees with it (data/events/cameo-plover-corrections.txt,
/// read first, so a corrected code takes its line from there), and the PLOVER scores by type and mode (data/events/plover-scores.tsv, from the PLOVER manual Draft 0.8).
/// A code not in the table falls back to its three-digit, then two-digit parent.
/// </summary>
internal sealed class CameoPloverTable
{
    private readonly FrozenDictionary<string, PloverMapping> mappings;
    private readonly FrozenDictionary<string, double> scores;

    private CameoPloverTable(Dictionary<string, PloverMapping> mappings, Dictionary<string, double> scores)
    {
        this.mappings = mappings.ToFrozenDictionary(StringComparer.Ordinal);
        this.scores = scores.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static CameoPloverTable Shipped { get; } = Load();

    public int Count => mappings.Count;

    public PloverMapping? Map(CameoCode code)
    {
        var value = code.Value;
        while (value.Length >= 2)
        {
            if (mappings.TryGetValue(value, out var m))
            {
                return m;
            }

            value = value[..^1];
        }

        return null;
    }

    /// <summary>The PLOVER score of a type and mode; the type's own score when the mode has none.</summary>
    public double? Score(PloverType type, string? mode)
    {
        var code = type.ToCode();
        if (mode is { Length: > 0 } && scores.TryGetValue(code + "/" + mode, out var s))
        {
            return s;
        }

        return scores.TryGetValue(code, out var t) ? t : null;
    }

    private static CameoPloverTable Load()
    {
        var mappings = new Dictionary<string, PloverMapping>(StringComparer.Ordinal);
        foreach (var file in (string[])["cameo-plover-corrections.txt", "CAMEO2PLOVER-2021.txt"])
        {
            var stream = DataFile.Assembly.GetManifestResourceStream(DataFile.ResourceName("events", file))
                ?? throw new InvalidOperationException(file + " is not embedded; rebuild the project.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (ParseLine(line) is { } entry && !mappings.ContainsKey(entry.Code))
                {
                    mappings[entry.Code] = entry.Mapping; // the first line for a code wins: corrections, then the table
                }
            }
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in DataFile.Embedded(DataFile.ResourceName("events", "plover-scores.tsv")))
        {
            if (line.Fields.Length >= 3 && double.TryParse(line.Fields[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score))
            {
                var key = line.Fields[1].Trim().Length > 0 ? line.Fields[0].Trim() + "/" + line.Fields[1].Trim() : line.Fields[0].Trim();
                scores[key] = score;
            }
        }

        return new CameoPloverTable(mappings, scores);
    }

    /// <summary>"041: CONSULT, phone,   # Discuss by telephone" → code, type, mode, context.</summary>
    internal static (string Code, PloverMapping Mapping)? ParseLine(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (line.StartsWith('#') || colon < 2)
        {
            return null;
        }

        var code = line[..colon].Trim();
        if (!CameoCode.Parse(code).Success)
        {
            return null;
        }

        var rest = line[(colon + 1)..];
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        var description = hash >= 0 ? rest[(hash + 1)..].Trim() : string.Empty;
        var fields = (hash >= 0 ? rest[..hash] : rest).Split(',');
        var type = PloverTypes.Parse(fields[0].Trim());
        if (!type.Success)
        {
            return null;
        }

        var mode = fields.Length > 1 ? fields[1].Trim() : string.Empty;
        var context = fields.Length > 2 ? string.Join(',', fields[2..]).Trim() : string.Empty;
        return (code, new PloverMapping(type.Value, mode.Length > 0 ? mode : null, context.Length > 0 ? context : null, description));
    }
}
