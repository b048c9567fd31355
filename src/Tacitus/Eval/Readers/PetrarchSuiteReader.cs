using System.Globalization;
using System.Text.RegularExpressions;
using Tacitus.Documents;

namespace Tacitus.Eval.Readers;

/// <summary>An expected event of a validation record: CAMEO code, source and target codes (<c>---</c> for none).</summary>
internal sealed record PetrarchExpected(string Event, string Source, string Target);

/// <summary>One record of the PETRARCH validation suite: its category, id, date, expected events (none: "no events"), text and parse.</summary>
internal sealed record PetrarchSuiteRecord(string Id, string Category, DateOnly Date, bool Evaluate, bool NoEvents, IReadOnlyList<PetrarchExpected> Expected, string Text, string Parse, int Line);

/// <summary>The suite's environment: its dictionaries (full paths) and the categories it includes.</summary>
internal sealed record PetrarchSuiteEnvironment(string Verbs, IReadOnlyList<string> Actors, IReadOnlyList<string> Agents, string? Discards, string? Ontology, IReadOnlySet<string> Include);

/// <summary>
/// Reads UD-PETRARCH's functional validation file (<c>PETR_Validate_records_2_02.xml</c>): the <c>&lt;Environment&gt;</c>
/// naming its dictionaries, and each <c>&lt;Sentence&gt;</c> with its <c>&lt;EventCoding&gt;</c> lines, text and
/// CoNLL-U parse, read as validation.py reads them (a missing code is <c>---</c>, an isolated agent <c>~</c> too).
/// </summary>
internal static partial class PetrarchSuiteReader
{
    public static (PetrarchSuiteEnvironment Environment, List<PetrarchSuiteRecord> Records, List<TacitusError> Problems) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "validation file not found", path));
        }

        // Read line by line, as validation.py does: the file is XML-like but not well-formed XML ("--" in comments).
        var lines = File.ReadAllLines(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < lines.Length && !lines[i].TrimStart().StartsWith("<Environment>", StringComparison.Ordinal))
        {
            i++;
        }

        for (i++; i < lines.Length && !lines[i].Contains("</Environment>", StringComparison.Ordinal); i++)
        {
            var m = ElementLine().Match(lines[i]);
            if (m.Success)
            {
                values[m.Groups[1].Value] = m.Groups[2].Value.Trim();
            }
        }

        string? Named(string element) => values.TryGetValue(element, out var v) && v.Length > 0 ? v : null;
        IReadOnlyList<string> Files(string element) => (Named(element) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => Path.Combine(directory, f)).ToList();
        var verbs = Named("Verbfile") ?? throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingField, "no <Environment> naming a <Verbfile>", path));
        var environment = new PetrarchSuiteEnvironment(
            Path.Combine(directory, verbs),
            Files("Actorfile"),
            Files("Agentfile"),
            Named("Discardfile") is { } d ? Path.Combine(directory, d) : null,
            Named("PICOfile") is { } o ? Path.Combine(directory, o) : null,
            new HashSet<string>((Named("Include") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal));

        var records = new List<PetrarchSuiteRecord>();
        var problems = new List<TacitusError>();
        for (; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("<Stop", StringComparison.Ordinal))
            {
                break;
            }

            if (!lines[i].StartsWith("<Sentence ", StringComparison.Ordinal))
            {
                continue;
            }

            var line = i + 1;
            var attributes = Attributes(lines[i]);
            var id = attributes.GetValueOrDefault("id") ?? $"line {line}";
            var expected = new List<PetrarchExpected>();
            var noEvents = false;
            string? text = null;
            string? parse = null;
            for (i++; i < lines.Length && parse is null; i++)
            {
                var current = lines[i];
                if (current.StartsWith("<EventCoding", StringComparison.Ordinal))
                {
                    var coding = Attributes(current);
                    if (string.Equals(coding.GetValueOrDefault("noevents"), "True", StringComparison.OrdinalIgnoreCase))
                    {
                        noEvents = true;
                    }
                    else
                    {
                        expected.Add(new PetrarchExpected(Code(coding, "eventcode"), Code(coding, "sourcecode"), Code(coding, "targetcode")));
                    }
                }
                else if (current.StartsWith("<Text", StringComparison.Ordinal))
                {
                    var builder = new System.Text.StringBuilder();
                    for (i++; i < lines.Length && !lines[i].StartsWith("</Text", StringComparison.Ordinal); i++)
                    {
                        builder.Append(lines[i]).Append(' ');
                    }

                    text = builder.ToString().Trim();
                }
                else if (current.StartsWith("<Parse", StringComparison.Ordinal))
                {
                    var builder = new System.Text.StringBuilder();
                    for (i++; i < lines.Length && !lines[i].StartsWith("</Parse", StringComparison.Ordinal); i++)
                    {
                        builder.Append(lines[i]).Append('\n');
                    }

                    parse = builder.ToString();
                }
                else if (current.StartsWith("</Sentence", StringComparison.Ordinal) || current.StartsWith("<Sentence ", StringComparison.Ordinal))
                {
                    break;
                }
            }

            i--;
            if (text is null || parse is null)
            {
                problems.Add(EvalErrors.Create(EvalErrors.MissingField, "a <Sentence> without <Text> or <Parse>", path, line, id));
                continue;
            }

            var dateText = attributes.GetValueOrDefault("date") ?? string.Empty;
            if (!DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(EvalErrors.Create(EvalErrors.BadValue, $"date '{dateText}' is not YYYYMMDD", path, line, id));
                continue;
            }

            records.Add(new PetrarchSuiteRecord(
                id,
                attributes.GetValueOrDefault("category") ?? string.Empty,
                date,
                string.Equals(attributes.GetValueOrDefault("evaluate"), "true", StringComparison.OrdinalIgnoreCase),
                noEvents && expected.Count == 0,
                expected,
                text,
                parse,
                line));
        }

        return (environment, records, problems);
    }

    private static Dictionary<string, string> Attributes(string line)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Attribute().Matches(line))
        {
            result.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        }

        return result;
    }

    private static string Code(Dictionary<string, string> coding, string name)
    {
        var value = coding.GetValueOrDefault(name)?.Trim() ?? string.Empty;
        return value.Length == 0 ? "---" : value.Replace("~", "---", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(\w+)\s*=\s*""([^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""<(\w+)>([^<]*)</\1>""")]
    private static partial Regex ElementLine();
}
