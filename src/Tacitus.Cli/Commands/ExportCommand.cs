using System.CommandLine;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus export</c>: stream the store out as CSV or JSON Lines: event records, documents, or whole analyses.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var format = new Option<string>("--format") { Description = "jsonl or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var what = new Option<string>("--what") { Description = "events (one row per record), fused (one row per fused event), documents, or analyses (the analysis JSON, jsonl only).", DefaultValueFactory = _ => "events" };
        what.AcceptOnlyFromAmong("events", "fused", "documents", "analyses");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout." };
        var command = new Command("export", "Export event records, documents or analyses from the store.") { db, format, what, output };
        command.SetAction((parse, ct) =>
        {
            var csv = parse.GetValue(format) == "csv";
            var kind = parse.GetValue(what)!;
            if (csv && kind == "analyses")
            {
                Console.Error.WriteLine("tacitus export: analyses are JSON; use --format jsonl.");
                return Task.FromResult(ExitCodes.Usage);
            }

            try
            {
                using var store = DocumentStore.Open(parse.GetValue(db)!, create: false);
                var path = parse.GetValue(output);
                using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
                using var buffered = new BufferedStream(stream, 1 << 16);
                using var fusion = store.Fusion();
                var rows = kind switch
                {
                    "events" when csv => ExportWriter.WriteCsv(buffered, store.Events(), ExportColumns.Events),
                    "events" => ExportWriter.WriteJsonLines(buffered, store.Events(), ExportColumns.Events),
                    "fused" when csv => ExportWriter.WriteCsv(buffered, fusion.FusedEvents(), ExportColumns.Fused),
                    "fused" => ExportWriter.WriteJsonLines(buffered, fusion.FusedEvents(), ExportColumns.Fused),
                    "documents" when csv => ExportWriter.WriteCsv(buffered, store.Documents(), ExportColumns.Documents),
                    "documents" => ExportWriter.WriteJsonLines(buffered, store.Documents(), ExportColumns.Documents),
                    _ => ExportWriter.WriteAnalyses(buffered, store.Documents()),
                };
                buffered.Flush();
                Console.Error.WriteLine($"exported {rows} row{(rows == 1 ? string.Empty : "s")} ({kind}){(path is null ? string.Empty : " to " + path)}");
                return Task.FromResult(ExitCodes.Ok);
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine(ex.Error.ToString());
                return Task.FromResult(ExitCodes.Fatal);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"tacitus export: {ex.Message}");
                return Task.FromResult(ExitCodes.Fatal);
            }
        });
        return command;
    }
}
