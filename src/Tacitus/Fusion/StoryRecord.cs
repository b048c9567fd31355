namespace Tacitus.Fusion;

/// <summary>A story: documents about the same real-world happening, with a title of its own making and its fused events.</summary>
internal sealed record StoryRecord(long Id, string Title, IReadOnlyList<ReportDocument> Documents, IReadOnlyList<long> Events);
