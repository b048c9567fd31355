using System.Text;

namespace Tacitus.Store;

/// <summary>Turns the words a user typed into an FTS5 query that requires each word (no FTS5 syntax leaks through).</summary>
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
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append('"').Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return sb.ToString();
    }
}
