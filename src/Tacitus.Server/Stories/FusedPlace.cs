namespace Tacitus.Server.Stories;

/// <summary>A fused event's place.</summary>
internal sealed record FusedPlace(string? Name, string? Country, double? Lat, double? Lon);
