namespace Tacitus.Fusion;

/// <summary>
/// A story still open to new documents, as story clustering keeps it in memory: its centroid (the summed weights of its
/// documents' terms, each with the latest day the story had when the term was last dated), its squared norm, its days
/// and document count, and the arrival number of its latest document (order of arrival is the clock that closes it).
/// </summary>
internal sealed class OpenStory(long id)
{
    public long Id { get; } = id;

    /// <summary>The centroid's terms in ordinal order of the term (the order the squared norm is summed in).</summary>
    public List<StoryTerm> Terms { get; } = [];

    public double Norm2 { get; set; }

    public int? FirstDay { get; set; }

    public int? LastDay { get; set; }

    public long Documents { get; set; }

    /// <summary>The arrival number (1 for the store's first document fused) of the story's latest document.</summary>
    public long LastArrival { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>Its place in the index's order of arrival (least recently joined first).</summary>
    internal LinkedListNode<OpenStory>? Node { get; set; }

    /// <summary>The dot product with the document being scored (<see cref="OpenStoryIndex.Candidates"/>), summed in place of a table by story.</summary>
    internal CompensatedSum Dot;

    /// <summary>Which scoring <see cref="Dot"/> belongs to (it is reset when a new one first reaches the story).</summary>
    internal int ScoredIn { get; set; }

    /// <summary>The index of <paramref name="term"/> in <see cref="Terms"/>, or the complement of where it would go.</summary>
    public int Find(string term)
    {
        int lo = 0, hi = Terms.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = string.CompareOrdinal(Terms[mid].Term, term);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>The sum of the squared weights in term order, summed as SQLite's <c>total()</c> sums (so a story's norm is what the store computed before it kept centroids).</summary>
    public double SumOfSquares()
    {
        var sum = new CompensatedSum();
        foreach (var t in Terms)
        {
            sum.Add(t.Weight * t.Weight);
        }

        return sum.Value;
    }
}
