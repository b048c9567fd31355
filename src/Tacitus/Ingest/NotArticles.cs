using System.Collections.Frozen;
using Tacitus.Knowledge;

namespace Tacitus.Ingest;

/// <summary>
/// Files a directory listing passes over because they are not news: READMEs, licences, change logs, images,
/// archives, programs (data/ingest/not-articles.tsv). Only listings use it; a file named on the command line is read.
/// </summary>
internal static class NotArticles
{
    private static readonly (FrozenDictionary<string, string> Names, FrozenDictionary<string, string> Extensions) Table = Load();

    /// <summary>What the file is ("a README", "an image") when it is not an article; null when it may be one.</summary>
    public static string? Reason(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        var stem = name.Split('.', 2)[0];
        if (Table.Names.TryGetValue(stem, out var what))
        {
            return what;
        }

        var extension = Path.GetExtension(name);
        return extension.Length > 0 && Table.Extensions.TryGetValue(extension, out what) ? what : null;
    }

    private static (FrozenDictionary<string, string>, FrozenDictionary<string, string>) Load()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataFile.Embedded("Tacitus.Data.ingest.not-articles.tsv"))
        {
            var fields = line.Fields;
            if (fields.Length < 3)
            {
                throw new InvalidOperationException($"{line.Origin} line {line.LineNumber}: expected kind, value, description");
            }

            (fields[0] == "name" ? names : extensions)[fields[1]] = fields[2];
        }

        return (names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), extensions.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
