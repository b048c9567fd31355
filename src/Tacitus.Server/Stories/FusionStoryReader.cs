using System.Globalization;
using Tacitus.Documents;
using Tacitus.Fusion;
using Tacitus.Store;
using Core = Tacitus.Fusion;

namespace Tacitus.Server.Stories;

/// <summary>
/// Reads the store's stories and fused events (issue 10's fusion tables) for the API, as the shapes of
/// docs/CONTRACT.md. Each call opens the store read-only (a pooled connection), so requests never share one.
/// </summary>
internal sealed class FusionStoryReader(string dbPath) : IStoryReader
{
    public StorePage<Story> Stories(int offset, int limit)
    {
        using var store = DocumentStore.OpenReadOnly(dbPath);
        using var fusion = store.Fusion();
        var page = fusion.Stories().Skip(offset).Take(limit + 1).Select(ToStory).ToList();
        return Page(page, offset, limit);
    }

    public Story? Story(string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        using var store = DocumentStore.OpenReadOnly(dbPath);
        using var fusion = store.Fusion();
        return fusion.Story(number) is { } story ? ToStory(story) : null;
    }

    public StorePage<FusedEvent> FusedEvents(FusedEventFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var store = DocumentStore.OpenReadOnly(dbPath);
        using var fusion = store.Fusion();
        var page = fusion.FusedEvents(CoreFilter(filter), offset, limit + 1).Select(ToFused).ToList();
        return Page(page, offset, limit);
    }

    public IReadOnlyCollection<StoredEventKey> EventsWithStatus(string status)
    {
        using var store = DocumentStore.OpenReadOnly(dbPath);
        using var fusion = store.Fusion();
        var keys = new HashSet<StoredEventKey>();
        foreach (var (document, index) in fusion.ReportsWithStatus(status))
        {
            if (DocumentId.Parse(document) is { Success: true } id)
            {
                keys.Add(new StoredEventKey(id.Value, index));
            }
        }

        return keys;
    }

    /// <summary>One more row than the page was read to tell whether a next page exists.</summary>
    private static StorePage<T> Page<T>(List<T> rows, int offset, int limit) =>
        rows.Count > limit ? new StorePage<T>(rows[..limit], offset, limit, offset + limit) : new StorePage<T>(rows, offset, limit, null);

    private static Core.FusedEventFilter CoreFilter(FusedEventFilter filter) => new()
    {
        Story = long.TryParse(filter.Story, NumberStyles.None, CultureInfo.InvariantCulture, out var story) ? story : filter.Story is null ? null : -1,
        Type = filter.Type,
        Status = filter.Status,
    };

    private static Story ToStory(StoryRecord story) => new(
        Id(story.Id), story.Title, story.Documents.Select(ToDocument).ToList(), story.Events.Select(Id).ToList());

    private static StoryDocument ToDocument(ReportDocument d) =>
        new(d.Id, d.File, d.Title, d.Outlet, d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static FusedEvent ToFused(Core.FusedEvent e) => new(
        Id(e.Id),
        e.Story is long story ? Id(story) : string.Empty,
        e.Type.ToString().ToUpperInvariant(),
        e.Mode,
        e.Cameo,
        Actor(e.Actor),
        e.Recipient is { } recipient ? Actor(recipient) : null,
        new FusedDate(e.DateValue, Day(e.Earliest), Day(e.Latest)),
        e.Location is { } place ? new FusedPlace(place.Name, place.Country, place.Lat, place.Lon) : null,
        e.Status,
        e.Sources.Select(s => s.Anonymous ? $"{s.Name} (anonymous)" : s.Name).ToList(),
        e.IndependentSources,
        e.Reports.Select(ToReport).ToList(),
        e.Figures.Select(f => new FusedFigure(f.Kind, f.Value, f.Qualifier, f.Unit,
            f.Document is { } d ? ToDocument(d) : new StoryDocument(string.Empty, null, null, null, null), Day(f.Document?.Published), f.Source)).ToList(),
        e.Conflicts.Select(c => $"{c.Kind}: {c.Detail}").ToList());

    private static FusedReport ToReport(Core.FusedReport r) => new(
        ToDocument(r.Document),
        r.Sentence,
        r.Evidence,
        r.Chain.Count == 0 ? null : string.Join(" via ", r.Chain.Select(s => s.Name ?? s.Text)) + (r.Source.Anonymous ? " [anonymous]" : string.Empty),
        r.Modality);

    private static FusedActor Actor(ActorKey actor) => new(actor.Name ?? actor.Code ?? "?", actor.Country, actor.Sector);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
