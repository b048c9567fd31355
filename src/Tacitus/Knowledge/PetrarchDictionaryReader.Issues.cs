using Tacitus.Documents;

namespace Tacitus.Knowledge;

/// <summary>
/// One word of an issue phrase: its spellings (<c>early+childhood</c> → "early childhood", "early-childhood",
/// "earlychildhood") and whether it must be a noun (<c>n:school</c>: "school", "schools", not "schooling").
/// </summary>
internal sealed record IssueWord(IReadOnlyList<string> Spellings, bool Noun);

/// <summary>
/// One line of a PETRARCH issue dictionary: its category (<c>&lt;ISSUE CATEGORY="EDUCATION"&gt;</c>), its words,
/// and its issue code; an exclusion (<c>~a head start</c>) has no code: a sentence holding it gets no issues at all
/// (PETRARCH-2 <c>get_issues</c>; applied by <c>Events.IssueCoder</c>).
/// </summary>
internal sealed record PetrarchIssue(string Category, IReadOnlyList<IssueWord> Words, string? Code, bool Exclusion, int Line);

/// <summary>Issue dictionaries (<c>Phoenix.IssueCoding.txt</c>, PETRARCH-2 <c>read_issue_list</c>).</summary>
internal static partial class PetrarchDictionaryReader
{
    public static List<PetrarchIssue> ReadIssues(string path, List<TacitusError> errors) =>
        ReadIssues(File.ReadLines(path), Path.GetFileName(path), errors);

    /// <summary>Reads the <c>&lt;ISSUE CATEGORY=".."&gt;</c> blocks; a line outside a block or without a [code] is a TAC302.</summary>
    public static List<PetrarchIssue> ReadIssues(IEnumerable<string> lines, string file, List<TacitusError> errors)
    {
        var result = new List<PetrarchIssue>();
        string? category = null;
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("<ISSUE", StringComparison.OrdinalIgnoreCase))
            {
                var at = line.IndexOf("CATEGORY=\"", StringComparison.OrdinalIgnoreCase);
                var end = at < 0 ? -1 : line.IndexOf('"', at + 10);
                category = end > at ? line[(at + 10)..end] : null;
                if (category is null)
                {
                    errors.Add(VerbProblem(file, lineNo, "an <ISSUE> block with no CATEGORY=\"...\""));
                }

                continue;
            }

            if (line.StartsWith("</ISSUE", StringComparison.OrdinalIgnoreCase))
            {
                category = null;
                continue;
            }

            if (category is null)
            {
                errors.Add(VerbProblem(file, lineNo, "an issue phrase outside any <ISSUE CATEGORY=\"...\"> block"));
                continue;
            }

            var exclusion = line[0] == '~';
            var text = exclusion ? line[1..] : line;
            string? code = null;
            var open = text.IndexOf('[', StringComparison.Ordinal);
            if (open >= 0)
            {
                var close = text.IndexOf(']', open);
                code = close > open ? text[(open + 1)..close].Trim() : null;
                text = text[..open];
            }

            if (!exclusion && string.IsNullOrEmpty(code))
            {
                errors.Add(VerbProblem(file, lineNo, "an issue phrase with no [CODE]"));
                continue;
            }

            var words = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(IssueWordOf).ToList();
            if (words.Count == 0)
            {
                errors.Add(VerbProblem(file, lineNo, "an issue line with no phrase"));
                continue;
            }

            result.Add(new PetrarchIssue(category, words, code, exclusion, lineNo));
        }

        return result;
    }

    private static IssueWord IssueWordOf(string token)
    {
        var parts = token.ToUpperInvariant().Split('+', StringSplitOptions.RemoveEmptyEntries);
        var noun = parts.Any(p => p.StartsWith("N:", StringComparison.Ordinal));
        parts = [.. parts.Select(p => p.StartsWith("N:", StringComparison.Ordinal) ? p[2..] : p)];
        return parts.Length == 1
            ? new IssueWord([parts[0]], noun)
            : new IssueWord([string.Join(' ', parts), string.Join('-', parts), string.Concat(parts)], noun);
    }
}
