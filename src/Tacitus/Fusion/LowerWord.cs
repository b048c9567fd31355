namespace Tacitus.Fusion;

/// <summary>
/// A word lower-cased (invariant, as <see cref="string.ToLowerInvariant()"/>) into a caller's buffer, so the fusion
/// lexicon's tables are looked up by span: reading a report's figures and claims made two strings of every word of its
/// sentence, most of the allocation of fusing its events (issue 10).
/// </summary>
internal static class LowerWord
{
    /// <summary>The length of buffer the callers give: a longer word is lowered into a new string.</summary>
    public const int Buffer = 64;

    public static ReadOnlySpan<char> Of(ReadOnlySpan<char> word, Span<char> buffer) =>
        word.ToLowerInvariant(buffer) is var n and >= 0 ? buffer[..n] : word.ToString().ToLowerInvariant();
}
