namespace Tacitus.Fusion;

/// <summary>
/// How documents are grouped into stories: the cosine similarity a document needs with a story to join it, and how
/// many days after a story's latest document a new one may still join it (documents with no date are not windowed).
/// </summary>
internal sealed record StoryOptions
{
    /// <summary>Tuned on the even-numbered half of WikiRef220 (docs/QUALITY.md); the odd half is held out.</summary>
    public double Threshold { get; init; } = 0.20;

    public int WindowDays { get; init; } = 14;

    /// <summary>Stories per term looked at when finding candidates (the most recent first): bounds the work per document.</summary>
    public int PostingLimit { get; init; } = 64;

    /// <summary>Terms a story's centroid keeps (the heaviest); pruned back to this when it grows to one and a half times as many.</summary>
    public int CentroidTerms { get; init; } = 200;

    public static readonly StoryOptions Default = new();
}
