namespace Tacitus.Store;

/// <summary>One page of a listing: its items, where it starts, its size, and the offset of the next page (null on the last).</summary>
internal sealed record StorePage<T>(IReadOnlyList<T> Items, int Offset, int Limit, int? Next);
