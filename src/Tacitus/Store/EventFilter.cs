using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>
/// Which stored event records a query wants. Every filter is optional; those given must all hold.
/// <see cref="Actor"/> is a country code (<c>CHN</c>) or country and sector (<c>CHNGOV</c>) matched on either
/// side of the event; <see cref="Country"/> matches the actor, the recipient or the place; dates compare the
/// event's calendar day (the publication day when it has none).
/// </summary>
internal sealed record EventFilter
{
    public PloverType? Type { get; init; }

    public CountryCode? ActorCountry { get; init; }

    public Sector? ActorSector { get; init; }

    public CountryCode? Country { get; init; }

    public DateOnly? Since { get; init; }

    public DateOnly? Until { get; init; }

    /// <summary>asserted (no modality flag), negated, denied, hedged, future or conditional.</summary>
    public EventModalityFilter? Modality { get; init; }

    /// <summary>Only events of these documents (a story's); null for all.</summary>
    public IReadOnlyCollection<DocumentId>? Documents { get; init; }

    /// <summary>Only these events (a story's or a status's, as document and index); null for all.</summary>
    public IReadOnlyCollection<StoredEventKey>? Events { get; init; }

    public EventSort Sort { get; init; } = EventSort.Stored;

    public bool Descending { get; init; }

    public static readonly EventFilter None = new();
}
