using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// What saving a batch did: documents newly stored, documents already there (of which <see cref="Reanalysed"/> had
/// their analysis replaced), and the ones that failed (nothing of them written).
/// </summary>
internal sealed record StoreResult(int Stored, int AlreadyStored, IReadOnlyList<TacitusError> Failed, int Reanalysed = 0)
{
    public static readonly StoreResult Empty = new(0, 0, []);

    public StoreResult Add(StoreResult other) =>
        new(Stored + other.Stored, AlreadyStored + other.AlreadyStored, Failed.Count == 0 ? other.Failed : other.Failed.Count == 0 ? Failed : [.. Failed, .. other.Failed], Reanalysed + other.Reanalysed);
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
    int Sightings = 1);

/// <summary>One event record as stored, with the document it was read from (for export).</summary>
internal sealed record StoredEvent(Document Document, int Index)
{
    public EventRecord Record => Document.Events[Index];
}
