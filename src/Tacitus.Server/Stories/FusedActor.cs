namespace Tacitus.Server.Stories;

/// <summary>The actor or recipient of a fused event.</summary>
internal sealed record FusedActor(string Name, string? Country, string? Sector);
