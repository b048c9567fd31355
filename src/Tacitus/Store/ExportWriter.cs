using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Tacitus.Contract;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// Streams rows out as CSV (RFC 4180, header first, text always quoted), TSV (header first, tab, backslash, CR and LF
/// escaped as \t \\ \r \n), JSON Lines (one object per row, typed values) or Parquet (typed columns, row groups
/// of <see cref="RowGroupSize"/> rows). Every format writes the same columns with the same types (docs/EXPORT.md).
/// </summary>
internal static class ExportWriter
{
    public const int RowGroupSize = 10_000;

    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static long WriteCsv<TRow>(Stream output, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns) =>
        WriteDelimited(output, rows, columns, ',', CsvField);

    public static long WriteTsv<TRow>(Stream output, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns) =>
        WriteDelimited(output, rows, columns, '\t', (_, text) => TsvField(text));

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
                    case long n: w.WriteNumber(column.Name, n); break;
                    case double d: w.WriteNumber(column.Name, d); break;
                    case DateOnly day: w.WriteString(column.Name, EventDateRange.Iso(day)); break;
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

    /// <summary>A Parquet file with one typed, nullable column per export column (text: UTF-8 string; date: DATE).</summary>
    public static async Task<long> WriteParquetAsync<TRow>(Stream output, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns, CancellationToken cancellationToken = default)
    {
        var fields = columns.Select(Field).ToArray();
        long count = 0;
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var group = new List<object?[]>(RowGroupSize);
            foreach (var row in rows)
            {
                group.Add([.. columns.Select(c => c.Value(row))]);
                count++;
                if (group.Count == RowGroupSize)
                {
                    await WriteGroupAsync(writer, fields, columns, group, cancellationToken).ConfigureAwait(false);
                    group.Clear();
                }
            }

            if (group.Count > 0 || count == 0)
            {
                await WriteGroupAsync(writer, fields, columns, group, cancellationToken).ConfigureAwait(false);
            }
        }

        return count;
    }

    /// <summary>One analysis object (docs/CONTRACT.md) per line.</summary>
    public static long WriteAnalyses(Stream output, IEnumerable<Document> documents)
    {
        long count = 0;
        using var w = AnalysisJsonWriter.Open(output); // one writer, reset per document: it keeps its buffer
        foreach (var document in documents)
        {
            AnalysisJsonWriter.Write(w, document);
            w.Flush();
            w.Reset();
            output.WriteByte((byte)'\n');
            count++;
        }

        return count;
    }

    /// <summary>One PLOVER event record per line (<see cref="PloverJsonWriter"/>).</summary>
    public static long WritePlover(Stream output, IEnumerable<StoredEvent> events)
    {
        using var w = new Utf8JsonWriter(output, Json);
        long count = 0;
        foreach (var e in events)
        {
            PloverJsonWriter.Write(w, e.Document, e.Index);
            w.Flush();
            w.Reset();
            output.WriteByte((byte)'\n');
            count++;
        }

        return count;
    }

    private static long WriteDelimited<TRow>(Stream output, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns, char separator, Func<ExportType, string, string> field)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = separator == ',' ? "\r\n" : "\n" };
        w.WriteLine(string.Join(separator, columns.Select(c => field(ExportType.Text, c.Name))));
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    w.Write(separator);
                }

                if (columns[i].Value(row) is { } value)
                {
                    w.Write(field(columns[i].Type, Format(value)));
                }
            }

            w.WriteLine();
            count++;
        }

        return count;
    }

    private static async Task WriteGroupAsync<TRow>(ParquetWriter writer, DataField[] fields, IReadOnlyList<ExportColumn<TRow>> columns, List<object?[]> group, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        for (var i = 0; i < columns.Count; i++)
        {
            var c = i;
            switch (columns[i].Type)
            {
                case ExportType.Text:
                    await rowGroup.WriteAsync(fields[i], group.Select(r => (string)r[c]!).ToArray()).ConfigureAwait(false);
                    break;
                case ExportType.Integer:
                    await rowGroup.WriteAsync<long>(fields[i], group.Select(r => (long?)r[c]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case ExportType.Number:
                    await rowGroup.WriteAsync<double>(fields[i], group.Select(r => (double?)r[c]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case ExportType.Boolean:
                    await rowGroup.WriteAsync<bool>(fields[i], group.Select(r => (bool?)r[c]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await rowGroup.WriteAsync<DateOnly>(fields[i], group.Select(r => (DateOnly?)r[c]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        rowGroup.CompleteValidate();
    }

    private static DataField Field<TRow>(ExportColumn<TRow> column) => column.Type switch
    {
        ExportType.Text => new DataField<string>(column.Name, true),
        ExportType.Integer => new DataField<long?>(column.Name),
        ExportType.Number => new DataField<double?>(column.Name),
        ExportType.Boolean => new DataField<bool?>(column.Name),
        _ => new DataField<DateOnly?>(column.Name),
    };

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly day => EventDateRange.Iso(day)!,
        var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Text is always quoted (a reader that types columns keeps "0831" as text); other values never need quotes.</summary>
    private static string CsvField(ExportType type, string field) =>
        type == ExportType.Text ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string TsvField(string field) =>
        field.AsSpan().IndexOfAny("\\\t\r\n") < 0 ? field : field.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
