namespace Tacitus.Fusion;

/// <summary>
/// The source of a report: the end of its attribution chain ("Reuters, citing unnamed diplomats" → Reuters's
/// anonymous officials; an outlet that cites another outlet → that outlet), or the outlet when the article speaks
/// in its own voice. <see cref="Key"/> identifies a source across documents: two reports with the same key are one source.
/// </summary>
internal sealed record ReportSource(string Key, string Name, string Kind, bool Anonymous, string? Country);
