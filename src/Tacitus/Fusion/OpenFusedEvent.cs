namespace Tacitus.Fusion;

/// <summary>An open fused event with its type family, the actor country it is indexed under and the store row of its latest report's document.</summary>
internal sealed class OpenFusedEvent(FusedEvent fused, string family)
{
    public FusedEvent Event { get; } = fused;

    public string Family { get; } = family;

    public string? Country { get; set; }

    public long LastDocument { get; set; }

    /// <summary>
    /// The status the judge gave it from all its reports, while no report joined since (a new event is judged when it
    /// starts, so the batch need not judge it again before writing it); null when it must be judged again.
    /// </summary>
    public string? Status { get; set; }
}
