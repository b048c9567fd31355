namespace Tacitus.Fusion;

/// <summary>How sure we are of a fused event. Names are the contract's (docs/CONTRACT.md).</summary>
internal static class FusionStatus
{
    /// <summary>A party to the event says so.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Two or more independent sources.</summary>
    public const string Corroborated = "corroborated";

    public const string SingleSource = "single-source";

    /// <summary>Every source is unnamed.</summary>
    public const string AnonymousOnly = "anonymous-only";

    /// <summary>A party denies it (the denial is kept with its source).</summary>
    public const string Denied = "denied";

    /// <summary>Reports conflict on a detail.</summary>
    public const string Disputed = "disputed";

    public static readonly IReadOnlyList<string> All = [Confirmed, Corroborated, SingleSource, AnonymousOnly, Denied, Disputed];
}
