namespace Tacitus.Server.Stories;

/// <summary>Which fused events a query wants: of one story, one PLOVER type, one status (each optional).</summary>
internal sealed record FusedEventFilter(string? Story, string? Type, string? Status);
