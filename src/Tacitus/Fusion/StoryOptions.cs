namespace Tacitus.Fusion;

/// <summary>
/// How documents are grouped into stories: the cosine similarity a document needs with a story to join it, and how
/// many days after a story's latest document a new one may still join it (documents with no date are not windowed).
/// </summary>
internal sealed record StoryOptions
{
    /// <summary>
    /// Tuned on the even-numbered half of WikiRef220 (`tacitus eval stories`: B-cubed F1 0.935 there, 0.926 on the held-out
    /// odd half); 0.075 scored 0.941 on the tuning half, 0.10 was kept as the middle of the 0.075-0.125 plateau.
    /// </summary>
    public double Threshold { get; init; } = 0.10;

    public int WindowDays { get; init; } = 14;

    /// <summary>Stories per term looked at when finding candidates (the most recent first): bounds the work per document.</summary>
    public int PostingLimit { get; init; } = 64;

    /// <summary>Terms a story's centroid keeps (the heaviest); pruned back to this when it grows to one and a half times as many.</summary>
    public int CentroidTerms { get; init; } = 200;

    /// <summary>
    /// Documents that may arrive after a story's latest one before it closes, dated or not (order of arrival is a clock
    /// too: undated text would otherwise keep every story open). Bounds the stories kept in memory, so memory and the work
    /// per document stay flat in corpus size.
    /// </summary>
    public long CloseAfterDocuments { get; init; } = 2_000;

    /// <summary>
    /// Reports an open fused event keeps in memory; past it (<see cref="OpenFusedEvent.Trimmed"/>) the event keeps what
    /// it matches on and its report count, and its reports are read from the store when it is judged. Bounds the memory of
    /// an event that never closes (joined within every window); the output does not depend on it.
    /// </summary>
    public int OpenEventReports { get; init; } = OpenFusedEvents.DefaultReportLimit;

    /// <summary>
    /// Terms whose document frequency story clustering holds in memory (about 150 bytes each). Past it the least recently
    /// used go after each batch and a term not held is read from the store when a document has it: memory stays bounded as
    /// the vocabulary grows, and the output does not depend on it (every frequency is the store's). Below 1 counts as 1.
    /// </summary>
    public int TermsInMemory { get; init; } = 1 << 16;

    /// <summary>
    /// Documents placed between two writes of the changed document frequencies (<c>fusion_term_counts</c>); a batch that passes
    /// it, or holds more terms than <see cref="TermsInMemory"/>, writes them. Until then the newer documents' stored
    /// contributions carry their terms and are counted again when the state is read (at most this many and one batch), so
    /// a restart reads exactly what one run holds; most of a batch's terms are common ones written every batch before.
    /// Below 1 counts as 1 (every batch).
    /// </summary>
    public int TermsWrittenEvery { get; init; } = 4096;

    public static readonly StoryOptions Default = new();
}
