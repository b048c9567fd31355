namespace Tacitus.Server.Stories;

/// <summary>A fused event's date: the most precise value its reports support and the range they span.</summary>
internal sealed record FusedDate(string? Value, string? Earliest, string? Latest);
