namespace Tacitus.Fusion;

/// <summary>The document a report was read from: its id (content hash), the file or URL it was read from, outlet and publication date.</summary>
internal sealed record ReportDocument(string Id, string? File, string? Outlet, DateOnly? Published, string? Title);
