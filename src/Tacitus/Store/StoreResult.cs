using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>What saving a batch did: documents newly stored, documents already there, and the ones that failed (nothing of them written).</summary>
internal sealed record StoreResult(int Stored, int AlreadyStored, IReadOnlyList<TacitusError> Failed)
{
    public static readonly StoreResult Empty = new(0, 0, []);

    public StoreResult Add(StoreResult other) =>
        new(Stored + other.Stored, AlreadyStored + other.AlreadyStored, Failed.Count == 0 ? other.Failed : other.Failed.Count == 0 ? Failed : [.. Failed, .. other.Failed]);
}

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
    int Events);

/// <summary>One event record as stored, with the document it was read from (for export).</summary>
internal sealed record StoredEvent(Document Document, int Index)
{
    public EventRecord Record => Document.Events[Index];
}
