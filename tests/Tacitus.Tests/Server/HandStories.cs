using Tacitus.Documents;
using Tacitus.Server.Stories;
using Tacitus.Store;

namespace Tacitus.Tests.Server;

/// <summary>
/// A story reader with one story written by hand over two stored documents (the fusion work fills real ones): a
/// fused event reported twice with a figures series that conflicts, and one denied.
/// </summary>
internal sealed class HandStories(Story story, IReadOnlyList<FusedEvent> fused) : IStoryReader
{
    public const string StoryId = "story-1";

    public static HandStories Over(IReadOnlyList<StoredDocumentSummary> documents)
    {
        var docs = documents.Take(2).Select(d => new StoryDocument(d.Id.Value, d.Origin, d.Title, d.Outlet, d.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var first = docs[0];
        var second = docs.Count > 1 ? docs[1] : docs[0];
        var asserted = new Modality();
        var fused = new List<FusedEvent>
        {
            new("fe-1", StoryId, "ASSAULT", "attack", "190", new FusedActor("Gunmen", null, null), new FusedActor("Villagers", "NGA", "CVL"),
                new FusedDate("2023-05-02", "2023-05-01", "2023-05-02"), new FusedPlace("Jos", "NGA", 9.9, 8.9), "corroborated",
                ["Wire A", "Radio B"], 2,
                [new(first, 0, "Gunmen attacked the village, Wire A reported.", "Wire A", asserted), new(second, 1, "Radio B said gunmen killed villagers.", "Radio B", asserted)],
                [new("killed", 4, "at least", "person", first, "2023-05-01", "Wire A"), new("killed", 12, null, "person", second, "2023-05-02", "Radio B"),
                 new("killed", 10, "about", "person", second, "2023-05-03", "Radio B")],
                ["killed: 10 on 2023-05-03 (Radio B) is lower than 12 on 2023-05-02 (Radio B)"]),
            new("fe-2", StoryId, "ASSAULT", null, null, new FusedActor("Army", "NGA", "MIL"), null, new FusedDate("2023-05-02", null, null), null, "denied",
                ["army spokesman"], 1, [new(second, 2, "The army denied any role.", "army spokesman", new Modality { Denied = true })], [], []),
        };
        return new HandStories(new Story(StoryId, "Attack near Jos", docs, fused.Select(f => f.Id).ToList()), fused);
    }

    public StorePage<Story> Stories(int offset, int limit) => Page([story], offset, limit);

    public Story? Story(string id) => id == story.Id ? story : null;

    public StorePage<FusedEvent> FusedEvents(FusedEventFilter filter, int offset, int limit) =>
        Page(fused.Where(f => (filter.Story is null || f.Story == filter.Story) && (filter.Type is null || f.Event == filter.Type) && (filter.Status is null || f.Status == filter.Status)).ToList(), offset, limit);

    public IReadOnlyCollection<StoredEventKey> EventsWithStatus(string status) =>
        status == "corroborated" ? [new StoredEventKey(DocumentId.Parse(story.Documents[0].Id).Value, 0)] : [];

    private static StorePage<T> Page<T>(IReadOnlyList<T> items, int offset, int limit) =>
        new(items.Skip(offset).Take(limit).ToList(), offset, limit, offset + limit < items.Count ? offset + limit : null);
}
