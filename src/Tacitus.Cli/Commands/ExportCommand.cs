using System.CommandLine;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus export</c>: stream the store out: event records or documents as CSV, TSV, JSON Lines or Parquet (the
/// columns of docs/EXPORT.md), event records as PLOVER JSON Lines, or whole analyses as JSON Lines.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var format = new Option<string>("--format") { Description = "csv, tsv, jsonl, parquet, or plover (PLOVER JSON Lines, events only).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "tsv", "parquet", "plover");
        var what = new Option<string>("--what") { Description = "events (one row per record), fused (one row per fused event), documents, or analyses (the analysis JSON, jsonl only).", DefaultValueFactory = _ => "events" };
        what.AcceptOnlyFromAmong("events", "fused", "documents", "analyses");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout (parquet needs a file)." };
        var command = new Command("export", "Export event records, documents or analyses from the store.") { db, format, what, output };
        command.SetAction(async (parse, ct) =>
        {
            var shape = parse.GetValue(format)!;
            var kind = parse.GetValue(what)!;
            var path = parse.GetValue(output);
            if ((kind == "analyses" && shape != "jsonl") || (shape == "plover" && kind != "events"))
            {
                Console.Error.WriteLine(kind == "analyses"
                    ? "tacitus export: analyses are JSON; use --format jsonl."
                    : "tacitus export: PLOVER records are events; use --what events.");
                return ExitCodes.Usage;
            }

            if (shape == "parquet" && path is null)
            {
                Console.Error.WriteLine("tacitus export: Parquet is a binary file; give --out FILE.parquet.");
                return ExitCodes.Usage;
            }

            try
            {
                using var store = DocumentStore.Open(parse.GetValue(db)!, create: false);
                await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
                await using var buffered = new BufferedStream(stream, 1 << 16);
                using var fusion = store.Fusion();

                // A document whose stored values do not decode is named on stderr and skipped; the rest are exported.
                var skipped = 0;
                void Unreadable(StoreException ex)
                {
                    skipped++;
                    Console.Error.WriteLine(ex.Error.ToString());
                }

                var events = store.Events(Unreadable);
                var documents = store.Documents(unreadable: Unreadable);
                var rows = (kind, shape) switch
                {
                    ("events", "csv") => ExportWriter.WriteCsv(buffered, events, ExportColumns.Events),
                    ("events", "tsv") => ExportWriter.WriteTsv(buffered, events, ExportColumns.Events),
                    ("events", "parquet") => await ExportWriter.WriteParquetAsync(buffered, events, ExportColumns.Events, ct),
                    ("events", "plover") => ExportWriter.WritePlover(buffered, events),
                    ("events", _) => ExportWriter.WriteJsonLines(buffered, events, ExportColumns.Events),
                    ("fused", "csv") => ExportWriter.WriteCsv(buffered, fusion.FusedEvents(), ExportColumns.Fused),
                    ("fused", "tsv") => ExportWriter.WriteTsv(buffered, fusion.FusedEvents(), ExportColumns.Fused),
                    ("fused", "parquet") => await ExportWriter.WriteParquetAsync(buffered, fusion.FusedEvents(), ExportColumns.Fused, ct),
                    ("fused", _) => ExportWriter.WriteJsonLines(buffered, fusion.FusedEvents(), ExportColumns.Fused),
                    ("documents", "csv") => ExportWriter.WriteCsv(buffered, documents, ExportColumns.Documents),
                    ("documents", "tsv") => ExportWriter.WriteTsv(buffered, documents, ExportColumns.Documents),
                    ("documents", "parquet") => await ExportWriter.WriteParquetAsync(buffered, documents, ExportColumns.Documents, ct),
                    ("documents", _) => ExportWriter.WriteJsonLines(buffered, documents, ExportColumns.Documents),
                    _ => ExportWriter.WriteAnalyses(buffered, documents),
                };
                await buffered.FlushAsync(ct);
                if (!parse.GetValue(Verbosity.Quiet))
                {
                    Console.Error.WriteLine($"exported {rows} row{(rows == 1 ? string.Empty : "s")} ({kind}, {shape}){(path is null ? string.Empty : " to " + path)}" +
                        (skipped > 0 ? $"; {skipped} unreadable document{(skipped == 1 ? string.Empty : "s")} skipped" : string.Empty));
                }

                return skipped > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine(ex.Error.ToString());
                return ExitCodes.Fatal;
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"tacitus export: {ex.Message}");
                return ExitCodes.Fatal;
            }
        });
        return command;
    }
}
