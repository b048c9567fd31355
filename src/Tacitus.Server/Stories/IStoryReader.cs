using Tacitus.Store;

namespace Tacitus.Server.Stories;

/// <summary>
/// Where the API reads stories and fused events from: <see cref="FusionStoryReader"/> reads the store's fusion
/// tables; <see cref="NoStories"/> answers with empty lists (the load test). Implementations must be safe to call
/// from several requests at once.
/// </summary>
internal interface IStoryReader
{
    StorePage<Story> Stories(int offset, int limit);

    Story? Story(string id);

    StorePage<FusedEvent> FusedEvents(FusedEventFilter filter, int offset, int limit);

    /// <summary>The stored event records behind the fused events of <paramref name="status"/> (for <c>/api/events?status=</c>).</summary>
    IReadOnlyCollection<StoredEventKey> EventsWithStatus(string status);
}
