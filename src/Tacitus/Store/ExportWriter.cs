using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tacitus.Contract;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>Streams rows out as CSV (RFC 4180, header first) or JSON Lines (one object per row).</summary>
internal static class ExportWriter
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static long WriteCsv<TRow>(Stream output, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        w.WriteLine(string.Join(',', columns.Select(c => Quote(c.Name))));
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    w.Write(',');
                }

                w.Write(Quote(Format(columns[i].Value(row))));
            }

            w.WriteLine();
            count++;
        }

        return count;
    }

    public static long WriteJsonLines<TRow>(Stream output, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns)
    {
        using var w = new Utf8JsonWriter(output, Json);
        long count = 0;
        foreach (var row in rows)
        {
            w.WriteStartObject();
            foreach (var column in columns)
            {
                switch (column.Value(row))
                {
                    case null: w.WriteNull(column.Name); break;
                    case bool b: w.WriteBoolean(column.Name, b); break;
                    case int n: w.WriteNumber(column.Name, n); break;
                    case double d: w.WriteNumber(column.Name, d); break;
                    case var v: w.WriteString(column.Name, Convert.ToString(v, CultureInfo.InvariantCulture)); break;
                }
            }

            w.WriteEndObject();
            w.Flush();
            w.Reset();
            output.WriteByte((byte)'\n');
            count++;
        }

        return count;
    }

    /// <summary>One analysis object (docs/CONTRACT.md) per line.</summary>
    public static long WriteAnalyses(Stream output, IEnumerable<Document> documents)
    {
        long count = 0;
        foreach (var document in documents)
        {
            AnalysisJsonWriter.Write(output, document);
            output.WriteByte((byte)'\n');
            count++;
        }

        return count;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
