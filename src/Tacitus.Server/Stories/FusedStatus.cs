namespace Tacitus.Server.Stories;

/// <summary>The statuses a fused event can have (issue 10), for validating filters.</summary>
internal static class FusedStatus
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "confirmed", "corroborated", "single-source", "anonymous-only", "denied", "disputed",
    };
}
