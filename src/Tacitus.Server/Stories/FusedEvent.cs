namespace Tacitus.Server.Stories;

/// <summary>
/// One event from many reports, in the JSON shape of issue 10 (<c>tacitus events --fused --json</c>): type, actors,
/// date and place, status with its sources and how many are independent, every report, the figures and the conflicts.
/// </summary>
internal sealed record FusedEvent(
    string Id,
    string Story,
    string Event,
    string? Mode,
    string? Cameo,
    FusedActor? Actor,
    FusedActor? Recipient,
    FusedDate? Date,
    FusedPlace? Location,
    string Status,
    IReadOnlyList<string> Sources,
    int IndependentSources,
    IReadOnlyList<FusedReport> Reports,
    IReadOnlyList<FusedFigure> Figures,
    IReadOnlyList<string> Conflicts);
