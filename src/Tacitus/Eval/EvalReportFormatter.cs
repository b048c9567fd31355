using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tacitus.Eval;

/// <summary>Renders an <see cref="EvalReport"/> as Markdown tables (readable in a terminal and pasteable into docs), or JSON.</summary>
internal static class EvalReportFormatter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToMarkdown(EvalReport report, int headingLevel = 2)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var hashes = new string('#', headingLevel);
        sb.Append(CultureInfo.InvariantCulture, $"{hashes} eval {report.Task}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Gold: `{report.Gold}` — {report.Documents} documents, {report.Misses.Count} errors listed, {report.GoldProblems.Count} gold problems (records left out or read with a note; see the error file).\n\n");
        foreach (var table in report.Tables)
        {
            sb.Append("**").Append(table.Title).Append("**\n\n");
            sb.Append("| ").Append(string.Join(" | ", table.Columns)).Append(" |\n");
            sb.Append('|').Append(string.Concat(table.Columns.Select((_, i) => i == 0 ? "---|" : "---:|"))).Append('\n');
            foreach (var row in table.Rows)
            {
                sb.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
            }

            sb.Append('\n');
        }

        foreach (var note in report.Notes)
        {
            sb.Append("- ").Append(note).Append('\n');
        }

        if (report.Notes.Count > 0)
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string ToJson(IEnumerable<EvalReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartArray();
            foreach (var r in reports)
            {
                w.WriteStartObject();
                w.WriteString("task", r.Task);
                w.WriteString("gold", r.Gold);
                w.WriteNumber("documents", r.Documents);
                w.WriteNumber("errors", r.Misses.Count);
                w.WriteNumber("gold_problems", r.GoldProblems.Count);
                w.WriteStartObject("figures");
                foreach (var (name, value) in r.Figures)
                {
                    w.WriteNumber(name, double.IsFinite(value) ? Math.Round(value, 4) : 0);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes every miss as one JSON object per line: task, document, kind, gold, output, text.</summary>
    public static void WriteMisses(TextWriter writer, EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var m in report.Misses)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("task", report.Task);
                w.WriteString("document", m.Document);
                w.WriteString("kind", m.Kind);
                w.WriteString("gold", m.Gold);
                w.WriteString("output", m.Output);
                w.WriteString("text", m.Text);
                w.WriteEndObject();
            }

            writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            writer.Write('\n');
        }

        foreach (var p in report.GoldProblems)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("task", report.Task);
                w.WriteString("document", p.File ?? string.Empty);
                w.WriteString("kind", "gold-unreadable");
                w.WriteString("gold", p.Record ?? string.Empty);
                w.WriteString("output", string.Empty);
                w.WriteString("text", p.ToString());
                w.WriteEndObject();
            }

            writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            writer.Write('\n');
        }
    }
}
