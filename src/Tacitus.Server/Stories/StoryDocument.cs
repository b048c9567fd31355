namespace Tacitus.Server.Stories;

/// <summary>A document of a story or of a report, as issue 10's contract names it (<c>file</c>: the path or URL it was read from).</summary>
internal sealed record StoryDocument(string Id, string? File, string? Title, string? Outlet, string? Published);
