using Tacitus.Store;

namespace Tacitus.Server.Stories;

/// <summary>The story reader of a store without fusion tables: no stories, no fused events.</summary>
internal sealed class NoStories : IStoryReader
{
    public static readonly NoStories Instance = new();

    public StorePage<Story> Stories(int offset, int limit) => new([], offset, limit, null);

    public Story? Story(string id) => null;

    public StorePage<FusedEvent> FusedEvents(FusedEventFilter filter, int offset, int limit) => new([], offset, limit, null);

    public IReadOnlyCollection<StoredEventKey> EventsWithStatus(string status) => [];
}
