using System.Text;

namespace Tacitus.Store;

/// <summary>
/// Turns the words a user typed into an FTS5 query that requires each word (no FTS5 syntax leaks through), except a
/// trailing <c>*</c>, which makes the word a prefix: <c>Blai*</c> finds Blair.
/// </summary>
internal static class FullTextQuery
{
    public static string? From(string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var word in words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = word.Length > 1 && word[^1] == '*';
            var term = (prefix ? word.TrimEnd('*') : word).Replace("\"", "\"\"", StringComparison.Ordinal);
            if (term.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append('"').Append(term).Append('"');
            if (prefix)
            {
                sb.Append('*');
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
