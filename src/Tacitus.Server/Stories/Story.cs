namespace Tacitus.Server.Stories;

/// <summary>A story: documents about the same happening, with the ids of its fused events (docs/CONTRACT.md of the fusion work).</summary>
internal sealed record Story(string Id, string Title, IReadOnlyList<StoryDocument> Documents, IReadOnlyList<string> Events);
