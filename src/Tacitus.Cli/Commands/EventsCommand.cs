using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tacitus.Domain;
using Tacitus.Fusion;
using Tacitus.Store;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus events</c>: event records as stored, or with <c>--fused</c> one event per real-world happening with its
/// reports, sources, status, figures and conflicts; filtered by story, type, actor, country, dates and status.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var fused = new Option<bool>("--fused") { Description = "Fused events: one per happening, with every report, its sources and status." };
        var json = new Option<bool>("--json") { Description = "One JSON object per event (JSON Lines; docs/CONTRACT.md)." };
        var story = new Option<long?>("--story") { Description = "Only events of this story (an id from 'tacitus stories')." };
        var type = new Option<string?>("--type") { Description = "Only this PLOVER event type (CONSULT, ASSAULT, ...)." };
        var actor = new Option<string?>("--actor") { Description = "Only events whose actor has this code (CHNGOV, CHN) or name." };
        var country = new Option<string?>("--country") { Description = "Only events with this country (ISO3) as actor, recipient or place." };
        var since = CommonOptions.Day("--since", "Only events on or after this day (YYYY-MM-DD).");
        var until = CommonOptions.Day("--until", "Only events on or before this day (YYYY-MM-DD).");
        var status = new Option<string?>("--status") { Description = $"Only fused events with this status: {string.Join(", ", FusionStatus.All)}." };
        status.AcceptOnlyFromAmong([.. FusionStatus.All]);
        var command = new Command("events", "List event records, or fused events (--fused) with their sources and status.")
        {
            db, fused, json, story, type, actor, country, since, until, status,
        };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(type) is { } t && !PloverTypes.Parse(t).Success)
            {
                Console.Error.WriteLine($"tacitus events: --type: '{t}' is not a PLOVER event type.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(status) is not null && !parse.GetValue(fused))
            {
                Console.Error.WriteLine("tacitus events: --status applies to fused events; add --fused.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var filter = new FusedEventFilter
            {
                Story = parse.GetValue(story),
                Type = parse.GetValue(type),
                Actor = parse.GetValue(actor),
                Country = parse.GetValue(country),
                Since = parse.GetValue(since),
                Until = parse.GetValue(until),
                Status = parse.GetValue(status),
            };
            try
            {
                using var store = DocumentStore.Open(parse.GetValue(db)!, create: false);
                using var fusion = store.Fusion();
                using var stdout = Console.OpenStandardOutput();
                var count = parse.GetValue(fused)
                    ? WriteFused(stdout, fusion.FusedEvents(filter), parse.GetValue(json), ct)
                    : WriteRecords(stdout, Records(store, fusion, filter), parse.GetValue(json));
                Console.Error.WriteLine($"{count} {(parse.GetValue(fused) ? "fused event" : "event record")}{(count == 1 ? string.Empty : "s")}");
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

    private static long WriteFused(Stream stdout, IEnumerable<FusedEvent> events, bool json, CancellationToken ct)
    {
        long count = 0;
        using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        using var text = new StreamWriter(stdout, leaveOpen: true);
        foreach (var e in events)
        {
            ct.ThrowIfCancellationRequested();
            count++;
            if (json)
            {
                FusionJsonWriter.Write(w, e);
                w.Flush();
                w.Reset();
                stdout.WriteByte((byte)'\n');
                continue;
            }

            var recipient = e.Recipient is { } r ? $" → {Actor(r)}" : string.Empty;
            var place = e.Location is { } l ? $", {l.Name ?? l.Country}" : string.Empty;
            var mode = e.Mode is null ? string.Empty : "/" + e.Mode;
            text.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"#{e.Id} [{e.Status}, {e.IndependentSources} source{(e.IndependentSources == 1 ? string.Empty : "s")}, {e.Reports.Count} report{(e.Reports.Count == 1 ? string.Empty : "s")}] " +
                $"{Actor(e.Actor)} —{e.Type.ToString().ToUpperInvariant()}{mode}{recipient}, {e.DateValue ?? "undated"}{place}; sources: {string.Join("; ", e.Sources.Select(s => s.Name))}"));
            foreach (var kind in e.Figures.Where(f => f.Latest))
            {
                text.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {kind.Kind}: {string.Join(" → ", e.Figures.Where(f => f.Kind == kind.Kind).Select(f => $"{f.Qualifier}{(f.Qualifier is null ? string.Empty : " ")}{f.Value:0.##} ({f.Document!.Published:yyyy-MM-dd})"))}"));
            }

            foreach (var c in e.Conflicts)
            {
                text.WriteLine($"    conflict ({c.Kind}): {c.Detail}");
            }
        }

        text.Flush();
        return count;
    }

    private static string Actor(ActorKey a) => a.Name is null ? a.Code ?? "∅" : a.Code is null ? a.Name : $"{a.Name} ({a.Code})";

    private static IEnumerable<StoredEvent> Records(DocumentStore store, FusionStore fusion, FusedEventFilter f)
    {
        var inStory = f.Story is long id ? (fusion.Story(id)?.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal) ?? []) : null;
        foreach (var e in store.Events())
        {
            var r = e.Record;
            if (inStory is not null && !inStory.Contains(e.Document.Id.Value))
            {
                continue;
            }

            if (f.Type is { } type && !string.Equals(r.Event.ToCode(), type, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var code = (r.Actor.Country?.Value ?? "---") + (r.Actor.Sector?.Value ?? string.Empty);
            if (f.Actor is { } actor && !code.StartsWith(actor, StringComparison.OrdinalIgnoreCase) && !string.Equals(r.Actor.Name, actor, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (f.Country is { } country && !new[] { r.Actor.Country?.Value, r.Recipient?.Country?.Value, r.Location?.Country?.Value }.Contains(country.ToUpperInvariant()))
            {
                continue;
            }

            var range = DateRange.Of(r.Date?.Value, r.Date?.Basis);
            if ((f.Since is { } since && (range is null || range.Value.Latest < since)) || (f.Until is { } until && (range is null || range.Value.Earliest > until)))
            {
                continue;
            }

            yield return e;
        }
    }

    private static long WriteRecords(Stream stdout, IEnumerable<StoredEvent> records, bool json)
    {
        if (json)
        {
            return ExportWriter.WriteJsonLines(stdout, records, ExportColumns.Events);
        }

        long count = 0;
        using var text = new StreamWriter(stdout, leaveOpen: true);
        foreach (var e in records)
        {
            text.WriteLine($"{e.Document.Id.Value[..12]}  {Contract.RecordFormatter.Format(e.Document, e.Record)}");
            count++;
        }

        text.Flush();
        return count;
    }
}
