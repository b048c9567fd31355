using System.Globalization;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tacitus.Fusion;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary><c>tacitus stories</c>: the stories in the store (documents about the same happening), with their documents and fused events.</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var json = new Option<bool>("--json") { Description = "One JSON object per story (JSON Lines; docs/CONTRACT.md)." };
        var command = new Command("stories", "List the stories: documents grouped by the happening they report, with their fused events.") { db, json };
        command.SetAction((parse, ct) =>
        {
            try
            {
                using var store = DocumentStore.Open(parse.GetValue(db)!, create: false);
                using var fusion = store.Fusion();
                var count = 0;
                using var stdout = Console.OpenStandardOutput();
                using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                foreach (var story in fusion.Stories())
                {
                    ct.ThrowIfCancellationRequested();
                    count++;
                    if (parse.GetValue(json))
                    {
                        FusionJsonWriter.Write(w, story);
                        w.Flush();
                        w.Reset();
                        stdout.WriteByte((byte)'\n');
                    }
                    else
                    {
                        var days = story.Documents.Select(d => d.Published).OfType<DateOnly>().ToList();
                        var span = days.Count == 0 ? "undated" : $"{days.Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{days.Max().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
                        Console.Out.Flush();
                        Console.WriteLine($"{story.Id,5}  {span,-22}  {story.Documents.Count,4} documents  {story.Events.Count,4} events  {story.Title}");
                    }
                }

                Console.Error.WriteLine($"{count} stor{(count == 1 ? "y" : "ies")}");
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
}
