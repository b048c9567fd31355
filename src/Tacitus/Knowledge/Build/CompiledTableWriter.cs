using System.IO.Compression;

namespace Tacitus.Knowledge.Build;

/// <summary>
/// Writes a compiled table: UTF-8 without BOM, '\n' line ends, rows in the order given, gzip when the name ends in
/// .gz. The same rows give the same bytes on every machine: the gzip header carries no time (MTIME 0) and no
/// operating system (OS 255, "unknown"), which zlib would otherwise set from the platform it was built for.
/// </summary>
internal static class CompiledTableWriter
{
    private const int GzipOsByte = 9;
    private const byte UnknownOs = 255;

    public static void Write(string dataDirectory, string file, string? header, IEnumerable<string> rows)
    {
        var path = Path.Combine(dataDirectory, "compiled", file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new MemoryStream();
        using (var writer = new StreamWriter(text, KnowledgeTableFormat.Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            if (header is not null)
            {
                writer.WriteLine(header);
            }

            foreach (var row in rows)
            {
                writer.WriteLine(row);
            }
        }

        File.WriteAllBytes(path, file.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(text) : text.ToArray());
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

    private static byte[] Gzip(MemoryStream text)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            text.Position = 0;
            text.CopyTo(gzip);
        }

        var bytes = packed.ToArray();
        Array.Clear(bytes, 4, 4); // MTIME
        bytes[GzipOsByte] = UnknownOs;
        return bytes;
    }
}
