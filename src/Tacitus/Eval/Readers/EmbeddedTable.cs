using System.Reflection;

namespace Tacitus.Eval.Readers;

/// <summary>Reads the tab-separated tables under data/eval/ that ship inside the assembly (data/eval/NOTICE.md).</summary>
internal static class EmbeddedTable
{
    /// <summary>The rows of <c>data/eval/{fileName}</c>, split on tabs; '#' lines and blank lines are skipped.</summary>
    public static IEnumerable<string[]> Rows(string fileName)
    {
        var name = "Tacitus.Eval." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The table {name} is not embedded in the assembly (data/eval/{fileName}).");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }
}
