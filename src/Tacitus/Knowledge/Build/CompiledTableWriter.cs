using System.IO.Compression;

namespace Tacitus.Knowledge.Build;

/// <summary>Writes a compiled table: UTF-8 without BOM, '\n' line ends, gzip when the name ends in .gz, rows in the order given.</summary>
internal static class CompiledTableWriter
{
    public static void Write(string dataDirectory, string file, string header, IEnumerable<string> rows)
    {
        var path = Path.Combine(dataDirectory, "compiled", file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using Stream body = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionLevel.SmallestSize) : stream;
        using var writer = new StreamWriter(body, KnowledgeTableFormat.Utf8) { NewLine = "\n" };
        writer.WriteLine(header);
        foreach (var row in rows)
        {
            writer.WriteLine(row);
        }
    }

    /// <summary>Rows of a hand-kept table in data/knowledge/ (empty when the file is absent).</summary>
    public static IEnumerable<(int Line, string[] Fields)> HandRows(string dataDirectory, string file)
    {
        var path = Path.Combine(dataDirectory, "knowledge", file);
        if (!File.Exists(path))
        {
            yield break;
        }

        using var reader = new StreamReader(path);
        foreach (var row in KnowledgeTableFormat.Rows(reader))
        {
            yield return row;
        }
    }
}
