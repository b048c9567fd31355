namespace Tacitus.Fusion;

/// <summary>
/// A count a report gives for an event (killed, injured, arrested, displaced, troops, money): the value, its
/// qualifier ("at least"), unit, the document and the report's source. <see cref="Report"/> indexes the fused event's reports.
/// </summary>
internal sealed record FusedFigure(string Kind, double Value, string? Qualifier, string Unit, int Mention)
{
    public int Report { get; init; } = -1;

    public ReportDocument? Document { get; init; }

    public string? Source { get; init; }

    public string? SourceKind { get; init; }

    /// <summary>True for the figure of its kind from the latest report.</summary>
    public bool Latest { get; init; }
}
