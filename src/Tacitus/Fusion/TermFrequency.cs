namespace Tacitus.Fusion;

/// <summary>A term's document frequency in story clustering and how a title shows it (the first form seen).</summary>
internal sealed class TermFrequency(string term, string display)
{
    public string Term { get; } = term;

    public string Display { get; } = display;

    public long Df { get; set; }

    /// <summary>Its document frequency changed since the store last had it (it is in the list to write).</summary>
    public bool Changed { get; set; }

    /// <summary>The store has a row for it (<c>fusion_term_counts</c>); a new term's row is written with its batch, its frequency later.</summary>
    public bool Stored { get; set; }

    /// <summary>The document count when a document last had the term: the table lets the least recently used go first.</summary>
    public long LastUsed { get; set; }
}
