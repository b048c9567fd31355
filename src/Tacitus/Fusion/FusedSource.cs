namespace Tacitus.Fusion;

/// <summary>One independent source of a fused event and the reports (indexes) that rest on it.</summary>
internal sealed record FusedSource(string Name, string Kind, bool Anonymous, bool Party, IReadOnlyList<int> Reports);
