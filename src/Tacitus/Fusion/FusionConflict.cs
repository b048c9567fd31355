namespace Tacitus.Fusion;

/// <summary>
/// Reports that disagree: <see cref="Kind"/> is figure-decrease, figure-spread, denial, negation or ordinal; the
/// detail says what differs (both sides); <see cref="Reports"/> indexes the fused event's reports.
/// </summary>
internal sealed record FusionConflict(string Kind, string Detail, IReadOnlyList<int> Reports);
