using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Syntax.Conllu;

/// <summary>
/// Streams sentences from a CoNLL-U file (Universal Dependencies' format): comment lines, one line per syntactic
/// word, multiword token ranges (<c>1-2</c>) kept apart, empty nodes (<c>8.1</c>) skipped, a blank line after each
/// sentence. A line that is not ten tab-separated columns, or whose ID or HEAD is not a number, is a TAC620 naming
/// the file and line; its sentence is left out and the rest are read.
/// </summary>
internal static class ConlluReader
{
    public const string Malformed = "TAC620";

    public static IEnumerable<ConlluSentence> Read(TextReader reader, string file, ICollection<TacitusError> problems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(problems);
        ConlluSentence? current = null;
        var bad = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.All(char.IsWhiteSpace))
            {
                if (current is { Words.Count: > 0 } && !bad)
                {
                    yield return current;
                }

                current = null;
                bad = false;
                continue;
            }

            current ??= new ConlluSentence { Line = lineNumber };
            if (line[0] == '#')
            {
                current.Comments.Add(line);
                continue;
            }

            if (bad)
            {
                continue;
            }

            var error = ReadLine(line, current);
            if (error is not null)
            {
                problems.Add(new TacitusError(Malformed, "syntax", error, file, $"line {lineNumber}"));
                bad = true;
            }
        }

        if (current is { Words.Count: > 0 } && !bad)
        {
            yield return current;
        }
    }

    /// <summary>Adds one word or range line to the sentence; returns why it cannot be read, or null.</summary>
    private static string? ReadLine(string line, ConlluSentence sentence)
    {
        var columns = line.Split('\t');
        if (columns.Length != 10)
        {
            return $"expected 10 tab-separated columns, found {columns.Length}";
        }

        var id = columns[0];
        if (id.Contains('.', StringComparison.Ordinal))
        {
            return null; // an empty node of the enhanced graph: not part of the basic tree
        }

        var dash = id.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            if (!TryInt(id.AsSpan(0, dash), out var first) || !TryInt(id.AsSpan(dash + 1), out var last) || last < first)
            {
                return $"bad multiword token range '{id}'";
            }

            sentence.Ranges.Add(new ConlluRange(first, last, columns[1], columns[9]));
            return null;
        }

        if (!TryInt(id, out var wordId) || wordId != sentence.Words.Count + 1)
        {
            return $"word id '{id}' is not {sentence.Words.Count + 1}";
        }

        var head = -1;
        if (columns[6] != "_" && !TryInt(columns[6], out head))
        {
            return $"head '{columns[6]}' is not a number";
        }

        sentence.Words.Add(new ConlluWord(
            wordId, columns[1], columns[2], columns[3], columns[4], columns[5], head, columns[7], columns[8], columns[9]));
        return null;
    }

    private static bool TryInt(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
