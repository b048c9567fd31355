using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// What saving a batch did: documents newly stored, documents already there (of which <see cref="Reanalysed"/> had
/// their analysis replaced), and the ones that failed (nothing of them written). <see cref="LeftOut"/> holds the TAC504 of
/// other documents, stored earlier, that fusion's backlog met on the way and left out (<see cref="DocumentStore.FuseBacklog"/>):
/// they are not this batch's failures, so a caller reports them apart.
/// </summary>
internal sealed record StoreResult(int Stored, int AlreadyStored, IReadOnlyList<TacitusError> Failed, int Reanalysed = 0)
{
    public static readonly StoreResult Empty = new(0, 0, []);

    /// <summary>Stored documents, not of this batch, that the backlog run before it could not read and left out of fusion.</summary>
    public IReadOnlyList<TacitusError> LeftOut { get; init; } = [];

    public StoreResult Add(StoreResult other) =>
        new(Stored + other.Stored, AlreadyStored + other.AlreadyStored, Join(Failed, other.Failed), Reanalysed + other.Reanalysed) { LeftOut = Join(LeftOut, other.LeftOut) };

    private static IReadOnlyList<TacitusError> Join(IReadOnlyList<TacitusError> first, IReadOnlyList<TacitusError> second) =>
        first.Count == 0 ? second : second.Count == 0 ? first : [.. first, .. second];
}

/// <summary>A document to save: analysed, or known to be stored already (then only its sighting is recorded).</summary>
internal readonly record struct StoreWrite(Document Document, bool Analysed = true);

/// <summary>One line of <c>tacitus documents</c>: a stored document's metadata and how much was found in it.</summary>
internal sealed record StoredDocumentSummary(
    DocumentId Id,
    string? Title,
    string? Outlet,
    DateOnly? Published,
    string? Origin,
    string Language,
    int Sentences,
    int Boilerplate,
    int Mentions,
    int Attributions,
    int Events,
    AnalysisProvenance? Provenance = null,
    int Sightings = 1,
    bool LeftOutOfFusion = false);

/// <summary>One event record as stored, with the document it was read from (for export).</summary>
internal sealed record StoredEvent(Document Document, int Index)
{
    public EventRecord Record => Document.Events[Index];
}
