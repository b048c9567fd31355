namespace Tacitus.Server.Stories;

/// <summary>A figure one report gives for a fused event (killed, injured, ...), with its qualifier, unit, document and source.</summary>
internal sealed record FusedFigure(string Kind, double Value, string? Qualifier, string? Unit, StoryDocument Document, string? Published, string? Source);
