using Tacitus.Domain;

namespace Tacitus.Fusion;

/// <summary>
/// One real-world event read from one or more reports: type, actors, the most precise date and place the reports
/// support (with the range they span), its sources and status (and the reports that earned it), figures and conflicts.
/// </summary>
internal sealed class FusedEvent
{
    public required long Id { get; init; }

    public long? Story { get; init; }

    public required PloverType Type { get; set; }

    public string? Mode { get; set; }

    public string? Cameo { get; set; }

    public required ActorKey Actor { get; set; }

    public ActorKey? Recipient { get; set; }

    public string? DateValue { get; set; }

    /// <summary>How much <see cref="DateValue"/> says (<see cref="DateRange.Precision"/>).</summary>
    public int? DatePrecision { get; set; }

    public DateOnly? Earliest { get; set; }

    public DateOnly? Latest { get; set; }

    public PlaceKey? Location { get; set; }

    /// <summary>confirmed, corroborated, single-source, anonymous-only, denied or disputed.</summary>
    public string Status { get; set; } = FusionStatus.SingleSource;

    /// <summary>The reports (indexes) that earned the status.</summary>
    public IReadOnlyList<int> StatusReports { get; set; } = [];

    public IReadOnlyList<FusedSource> Sources { get; set; } = [];

    public int IndependentSources => Sources.Count;

    public List<FusedReport> Reports { get; } = [];

    /// <summary>Every report's figures in time order (publication, then report).</summary>
    public IReadOnlyList<FusedFigure> Figures { get; set; } = [];

    public List<FusionConflict> Conflicts { get; } = [];
}
