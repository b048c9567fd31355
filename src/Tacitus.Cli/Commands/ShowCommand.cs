using System.CommandLine;
using System.Globalization;
using Tacitus.Contract;
using Tacitus.Documents;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus show</c>: one stored document: metadata, sentences and records, or its analysis JSON.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Document id, or a unique start of it (as 'tacitus documents' prints)." };
        var db = CommonOptions.Db();
        var json = new Option<bool>("--json") { Description = "Print the analysis JSON (the same contract as 'tacitus code --json')." };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON." };
        var explain = new Option<bool>("--explain") { Description = "Say which rule produced each field." };
        var command = new Command("show", "Show one stored document and what was found in it.") { id, db, json, pretty, explain };
        command.SetAction((parse, ct) =>
        {
            try
            {
                using var store = DocumentStore.Open(parse.GetValue(db)!, create: false);
                var resolved = store.Resolve(parse.GetValue(id)!);
                if (!resolved.Success)
                {
                    Console.Error.WriteLine(new TacitusError("TAC505", "store", resolved.Error!, store.Path).ToString());
                    return Task.FromResult(ExitCodes.PartialFailure);
                }

                var document = store.Load(resolved.Value)!;
                if (parse.GetValue(json))
                {
                    using var stdout = Console.OpenStandardOutput();
                    AnalysisJsonWriter.Write(stdout, document, parse.GetValue(pretty), parse.GetValue(explain));
                    stdout.WriteByte((byte)'\n');
                }
                else
                {
                    WriteReadable(document, parse.GetValue(explain));
                }

                return Task.FromResult(ExitCodes.Ok);
            }
            catch (StoreException ex)
            {
                Console.Error.WriteLine(ex.Error.ToString());
                return Task.FromResult(ExitCodes.Fatal);
            }
        });
        return command;
    }

    private static void WriteReadable(Document document, bool explain)
    {
        var m = document.Metadata;
        Console.WriteLine(TerminalText.Escape($"# {m.Title ?? "(untitled)"}"));
        Console.WriteLine(TerminalText.Escape($"  id        {document.Id}"));
        Console.WriteLine(TerminalText.Escape($"  outlet    {m.Outlet ?? "?"}"));
        Console.WriteLine(TerminalText.Escape($"  published {m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"}"));
        Console.WriteLine(TerminalText.Escape($"  language  {document.Language}"));
        if (m.Url is not null)
        {
            Console.WriteLine(TerminalText.Escape($"  url       {m.Url}"));
        }

        if (m.Author is not null)
        {
            Console.WriteLine(TerminalText.Escape($"  author    {m.Author}"));
        }

        Console.WriteLine(TerminalText.Escape($"  origin    {m.Origin ?? "?"} ({m.Format ?? "?"})"));
        if (document.Provenance is { } provenance)
        {
            Console.WriteLine($"  analysis  {provenance}");
        }

        if (document.Sightings.Count > 0)
        {
            Console.WriteLine($"## Sightings ({document.Sightings.Count}: every outlet, URL and origin this text arrived under)");
            foreach (var s in document.Sightings)
            {
                Console.WriteLine(TerminalText.Escape($"  {s.FirstSeen.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {s.Outlet ?? "-"}  {s.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------"}  {s.Url ?? "-"}  {s.Origin ?? "-"}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(TerminalText.Escape($"## Sentences ({document.Sentences.Count}, {document.Sentences.Count(s => s.Boilerplate)} boilerplate)"));
        foreach (var s in document.Sentences)
        {
            var mark = s.Boilerplate ? $"  [boilerplate{(s.BoilerplateRule is null ? string.Empty : ": " + s.BoilerplateRule)}]" : string.Empty;
            Console.WriteLine(TerminalText.Escape($"{s.Index,4} {(s.Boilerplate ? '~' : ' ')} {s.Span.TextOf(document.Text).ReplaceLineEndings(" ")}{mark}"));
        }

        Console.WriteLine();
        Console.WriteLine(TerminalText.Escape($"## Records ({document.Events.Count})"));
        foreach (var e in document.Events)
        {
            Console.WriteLine(TerminalText.Escape("  " + RecordFormatter.Format(document, e)));
            if (explain)
            {
                foreach (var (field, rule) in e.Explanation)
                {
                    Console.WriteLine(TerminalText.Escape($"      {field}: {rule}"));
                }
            }
        }

        foreach (var warning in document.Warnings)
        {
            Console.WriteLine(TerminalText.Escape($"  warning: {warning.Code} {warning.Stage}: {warning.Message}"));
        }
    }
}
