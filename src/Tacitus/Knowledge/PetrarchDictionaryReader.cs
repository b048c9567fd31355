using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Knowledge;

/// <summary>A CAMEO code with its date restriction ("CHNGOV >20121115"); undated codes run over all time.</summary>
internal readonly record struct PetrarchCode(string Code, DateOnly From, DateOnly To, bool Dated);

/// <summary>One root entry of a PETRARCH .actors file: phrase, '+' synonyms, codes, and the line it starts on.</summary>
internal sealed record PetrarchActor(string Phrase, IReadOnlyList<string> Synonyms, IReadOnlyList<PetrarchCode> Codes, int Line, string? Comment);

/// <summary>One entry of a PETRARCH .agents file: a noun phrase (substitution sets expanded), its plural, and its code.</summary>
/// <see cref="Prefix"/> is true for <c>[CODE~]</c> (the code goes before the actor's: <c>NGO</c> + <c>ARN</c>), false for <c>[~CODE]</c>.
internal sealed record PetrarchAgent(string Phrase, string? Plural, string Code, int Line, bool Prefix = false);

/// <summary>
/// Reads the PETRARCH/TABARI dictionary formats (.actors, .agents) that event-data users already keep, so they can
/// bring them to Tacitus. Bad lines become <see cref="TacitusError"/>s (TAC301) naming file and line; reading goes on.
/// </summary>
internal static partial class PetrarchDictionaryReader
{
    public static List<PetrarchActor> ReadActors(string path, List<TacitusError> errors) =>
        ReadActors(File.ReadLines(path), Path.GetFileName(path), errors);

    public static List<PetrarchActor> ReadActors(IEnumerable<string> lines, string file, List<TacitusError> errors)
    {
        var result = new List<PetrarchActor>();
        string? phrase = null;
        string? comment = null;
        var synonyms = new List<string>();
        var codes = new List<PetrarchCode>();
        var start = 0;
        var lineNo = 0;

        void Flush()
        {
            if (phrase is not null && phrase.Length > 0)
            {
                result.Add(new PetrarchActor(phrase, [.. synonyms], [.. codes], start, comment));
            }

            phrase = null;
            comment = null;
            synonyms.Clear();
            codes.Clear();
        }

        foreach (var raw in lines)
        {
            lineNo++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = hash >= 0 ? raw[..hash] : raw;
            var note = hash >= 0 ? raw[(hash + 1)..].Trim() : null;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.StartsWith("<!", StringComparison.Ordinal))
            {
                continue; // an XML-style comment line (<!-- ... -->), as the validation dictionaries write them
            }

            if (trimmed[0] == '+')
            {
                if (phrase is null)
                {
                    errors.Add(Error(file, lineNo, "a '+' synonym line with no root phrase before it"));
                    continue;
                }

                var (syn, _) = SplitPhraseAndCodes(trimmed[1..], file, lineNo, errors, codes);
                if (syn.Length > 0)
                {
                    synonyms.Add(syn);
                }

                continue;
            }

            if (trimmed[0] == '[' && char.IsWhiteSpace(line[0]))
            {
                if (phrase is null)
                {
                    errors.Add(Error(file, lineNo, "a code line with no root phrase before it"));
                    continue;
                }

                ParseCodes(trimmed, file, lineNo, errors, codes);
                continue;
            }

            if (trimmed[0] == '[')
            {
                // A code line written at the margin: it still belongs to the root above.
                if (phrase is not null)
                {
                    ParseCodes(trimmed, file, lineNo, errors, codes);
                }

                continue;
            }

            Flush();
            start = lineNo;
            comment = note;
            var (root, alternatives) = SplitPhraseAndCodes(trimmed, file, lineNo, errors, codes);
            phrase = root;
            synonyms.AddRange(alternatives);
        }

        Flush();
        return result;
    }

    /// <summary>Splits "PHRASE [CODE ...][CODE ...]" and braces "{A_}{B_}" into the phrase(s) and codes.</summary>
    private static (string Phrase, List<string> Alternatives) SplitPhraseAndCodes(string text, string file, int line, List<TacitusError> errors, List<PetrarchCode> codes)
    {
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        var phrasePart = (bracket >= 0 ? text[..bracket] : text).Trim();
        if (bracket >= 0)
        {
            ParseCodes(text[bracket..], file, line, errors, codes);
        }

        var alternatives = new List<string>();
        if (phrasePart.StartsWith('{'))
        {
            foreach (var part in phrasePart.Split(['{', '}'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                alternatives.Add(part);
            }

            var first = alternatives.Count > 0 ? alternatives[0] : string.Empty;
            alternatives.RemoveAt(0);
            return (first, alternatives);
        }

        return (phrasePart.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty, alternatives);
    }

    private static void ParseCodes(string text, string file, int line, List<TacitusError> errors, List<PetrarchCode> codes)
    {
        var i = 0;
        while ((i = text.IndexOf('[', i)) >= 0)
        {
            var close = text.IndexOf(']', i);
            if (close < 0)
            {
                errors.Add(Error(file, line, "a '[' code with no closing ']'"));
                return;
            }

            var parsed = ParseCode(text.AsSpan(i + 1, close - i - 1));
            if (parsed.Success)
            {
                codes.Add(parsed.Value);
            }
            else
            {
                errors.Add(Error(file, line, parsed.Error!));
            }

            i = close + 1;
        }
    }

    /// <summary>Parses "CODE", "CODE &gt;date", "CODE &lt;date", "CODE date-date" (dates YYMMDD or YYYYMMDD).</summary>
    public static ParseResult<PetrarchCode> ParseCode(ReadOnlySpan<char> content)
    {
        content = content.Trim();
        var space = content.IndexOfAny(' ', '\t');
        var code = (space < 0 ? content : content[..space]).ToString();
        if (code.Length < 3)
        {
            return ParseResult<PetrarchCode>.Fail($"'{content}' is not a code (at least three letters)");
        }

        if (space < 0)
        {
            return ParseResult<PetrarchCode>.Ok(new PetrarchCode(code, DateOnly.MinValue, DateOnly.MaxValue, false));
        }

        var range = content[(space + 1)..].Trim();
        if (range.Length == 0)
        {
            return ParseResult<PetrarchCode>.Ok(new PetrarchCode(code, DateOnly.MinValue, DateOnly.MaxValue, false));
        }

        if (range[0] == '>')
        {
            return Date(range[1..]) is { } from
                ? ParseResult<PetrarchCode>.Ok(new PetrarchCode(code, from, DateOnly.MaxValue, true))
                : ParseResult<PetrarchCode>.Fail($"'{content}': bad date");
        }

        if (range[0] == '<')
        {
            return Date(range[1..]) is { } to
                ? ParseResult<PetrarchCode>.Ok(new PetrarchCode(code, DateOnly.MinValue, to, true))
                : ParseResult<PetrarchCode>.Fail($"'{content}': bad date");
        }

        var dash = range.IndexOf('-');
        if (dash > 0 && Date(range[..dash]) is { } a && Date(range[(dash + 1)..]) is { } b)
        {
            return ParseResult<PetrarchCode>.Ok(new PetrarchCode(code, a, b, true));
        }

        return ParseResult<PetrarchCode>.Fail($"'{content}': bad date range");
    }

    /// <summary>YYMMDD (years before 20 are 20xx) or YYYYMMDD; a day past the month's end is clamped (the sources write 20030431).</summary>
    private static DateOnly? Date(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        int year, month, day;
        if (s.Length == 6)
        {
            var yy = n / 10000;
            year = yy < 20 ? 2000 + yy : 1900 + yy;
        }
        else if (s.Length == 8)
        {
            year = n / 10000;
        }
        else
        {
            return null;
        }

        month = n / 100 % 100;
        day = n % 100;
        if (year is < 1 or > 9999 || month is < 1 or > 12)
        {
            return null;
        }

        day = Math.Clamp(day, 1, DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day);
    }

    public static List<PetrarchAgent> ReadAgents(string path, List<TacitusError> errors) =>
        ReadAgents(File.ReadLines(path), Path.GetFileName(path), errors);

    public static List<PetrarchAgent> ReadAgents(IEnumerable<string> lines, string file, List<TacitusError> errors)
    {
        var sets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new List<PetrarchAgent>();
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0 || line.StartsWith("<!", StringComparison.Ordinal))
            {
                continue;
            }

            if (line[0] == '!' && line.Contains('=', StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                sets[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }

            var open = line.IndexOf('[', StringComparison.Ordinal);
            var close = open < 0 ? -1 : line.IndexOf(']', open);
            if (open < 0 || close < 0)
            {
                errors.Add(Error(file, lineNo, "an agent line with no [code]"));
                continue;
            }

            var marked = line[(open + 1)..close].Trim();
            var prefix = marked.EndsWith('~') && !marked.StartsWith('~');
            var code = marked.Trim('~').Trim().ToUpperInvariant();
            var head = line[..open].Trim();
            string? plural = null;
            var brace = head.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                var end = head.IndexOf('}', brace);
                var inside = end > brace ? head[(brace + 1)..end].Trim() : string.Empty;
                plural = inside.Length == 0 ? string.Empty : inside;
                head = head[..brace].Trim();
            }

            foreach (var expanded in Expand(head, sets))
            {
                result.Add(new PetrarchAgent(expanded, plural, code, lineNo, prefix));
            }
        }

        return result;
    }

    /// <summary>Expands one substitution set ("SPOKES!PERSON!") into each of its members.</summary>
    private static IEnumerable<string> Expand(string phrase, Dictionary<string, string[]> sets)
    {
        var a = phrase.IndexOf('!', StringComparison.Ordinal);
        var b = a < 0 ? -1 : phrase.IndexOf('!', a + 1);
        if (a < 0 || b < 0 || !sets.TryGetValue(phrase[a..(b + 1)], out var members))
        {
            yield return phrase;
            yield break;
        }

        foreach (var member in members)
        {
            foreach (var rest in Expand(string.Concat(phrase.AsSpan(0, a), member, phrase.AsSpan(b + 1)), sets))
            {
                yield return rest;
            }
        }
    }

    private static TacitusError Error(string file, int line, string message) =>
        new("TAC301", "knowledge", message, file, $"line {line}");
}
