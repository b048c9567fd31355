namespace Tacitus.Fusion;

/// <summary>
/// An open fused event with its type family, the actor country it is indexed under, the store row of its latest
/// report's document, and how many reports it has. Its reports are kept in memory (<see cref="FusedEvent.Reports"/>) up
/// to <see cref="StoryOptions.OpenEventReports"/>; past that it keeps only what it matches on (the folded event) and its
/// count (<see cref="Trimmed"/>), and its reports are read from the store when it is judged.
/// </summary>
internal sealed class OpenFusedEvent(FusedEvent fused, string family)
{
    public FusedEvent Event { get; } = fused;

    public string Family { get; } = family;

    public string? Country { get; set; }

    public long LastDocument { get; set; }

    /// <summary>How many reports the event has (in the store, and in memory too unless <see cref="Trimmed"/>).</summary>
    public int ReportCount { get; set; }

    /// <summary>True when its reports are no longer kept in memory (more than the bound): they are read from the store when it is judged.</summary>
    public bool Trimmed => Event.Reports.Count < ReportCount;

    /// <summary>
    /// The status the judge gave it from all its reports, while no report joined since (a new event is judged when it
    /// starts, so the batch need not judge it again before writing it); null when it must be judged again.
    /// </summary>
    public string? Status { get; set; }

    /// <summary>
    /// What its status is judged from, kept as reports join (made when the second joins, from the reports it kept); null
    /// for an event read from the store without its reports (past the bound), which is judged from the store.
    /// </summary>
    public StatusTally? Tally { get; set; }
}
