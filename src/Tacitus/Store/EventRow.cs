using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// One stored event record as the API lists it: the record's fields, its document's title, outlet and
/// publication day, its evidence sentence, the source of the attribution that governs it and the issue codes of its
/// sentence (none for a store analysed before issues were kept, until it is reanalysed).
/// </summary>
internal sealed record EventRow(
    StoredEventKey Key,
    string? Title,
    string? Outlet,
    string? Published,
    string Type,
    string? Mode,
    string? Cameo,
    ActorRef Actor,
    ActorRef? Recipient,
    EventDate? Date,
    EventLocation? Location,
    Modality Modality,
    double Confidence,
    TextSpan Evidence,
    string EvidenceText,
    SourceRef? Source,
    IReadOnlyList<SourceRef> Via,
    bool Anonymous,
    IReadOnlyList<IssueCount> Issues);
