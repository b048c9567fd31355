namespace Tacitus.Fusion;

/// <summary>
/// The open stories in memory with their terms indexed (term → the stories that have it, by id), so a document's
/// candidate stories cost no SQL. A story closes when <c>closeAfter</c> documents have arrived since its latest one
/// (dated or not: order of arrival is a clock too) and leaves memory, so memory is bounded by that many stories
/// whatever the corpus size.
/// </summary>
internal sealed class OpenStoryIndex(int postingLimit, long closeAfter)
{
    private readonly Dictionary<string, List<StoryTerm>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, OpenStory> stories = [];
    private readonly LinkedList<OpenStory> byArrival = new();
    private readonly List<OpenStory> reached = [];
    private readonly List<StoryScore> found = [];

    /// <summary>The posting list of each key of the last <see cref="Candidates"/> call (null: none), for <see cref="Post"/>.</summary>
    private List<StoryTerm>?[] listed = new List<StoryTerm>?[DocumentProfile.MaxWords + DocumentProfile.MaxNames];
    private int scorings;

    /// <summary>How many stories are open (in memory).</summary>
    public int Count => stories.Count;

    /// <summary>How many (term, story) postings the index holds.</summary>
    public int Postings { get; private set; }

    public OpenStory? Find(long id) => stories.GetValueOrDefault(id);

    /// <summary>Adds a story (new, or loaded with its terms from the store) as joined at its <see cref="OpenStory.LastArrival"/>.</summary>
    public void Add(OpenStory story)
    {
        stories.Add(story.Id, story);
        foreach (var t in story.Terms)
        {
            Post(t);
        }

        Place(story);
    }

    /// <summary>Marks the story as joined by the document that arrived <paramref name="arrival"/>-th, then closes the stories that document leaves behind.</summary>
    public void Joined(OpenStory story, long arrival)
    {
        story.LastArrival = arrival;
        if (story.Node is { } node)
        {
            byArrival.Remove(node);
        }

        Place(story);
        while (byArrival.First is { } oldest && oldest.Value.LastArrival <= arrival - closeAfter)
        {
            Close(oldest.Value);
        }
    }

    /// <summary>A term the story gained: now findable through it.</summary>
    public void Post(StoryTerm term) => Post(term, null);

    /// <summary>
    /// The same for the term of the <paramref name="key"/>-th key of the last <see cref="Candidates"/> call, whose posting
    /// list that call found (no look-up by term). Valid until postings are taken out (a prune or a close).
    /// </summary>
    public void PostFound(StoryTerm term, int key) => Post(term, listed[key]);

    private void Post(StoryTerm term, List<StoryTerm>? found)
    {
        var list = found;
        if (list is null && !postings.TryGetValue(term.Term, out list))
        {
            list = [];
            postings[term.Term] = list;
        }

        var at = FindStory(list, term.Story);
        if (at < 0)
        {
            list.Insert(~at, term);
            term.Postings = list;
            Postings++;
        }
    }

    /// <summary>A term the story dropped (pruned): no longer findable through it.</summary>
    public void Unpost(StoryTerm term)
    {
        // the term's own list when it was posted here (no look-up by term), else the index's
        var list = term.Postings;
        if ((list is not null || postings.TryGetValue(term.Term, out list)) && FindStory(list, term.Story) is >= 0 and var at)
        {
            list.RemoveAt(at);
            term.Postings = null;
            Postings--;
            if (list.Count == 0)
            {
                postings.Remove(term.Term);
            }
        }
    }

    /// <summary>
    /// The sum of weight products with each candidate story and its squared norm: for each term, the <c>postingLimit</c>
    /// most recent stories (highest ids) open on <paramref name="since"/> (the term's last day on or after it, or undated;
    /// every story when it is null). Each story's sum is kept on the story itself while scoring (no table by story id),
    /// added in the same order as before (terms in profile order, postings most recent first), so the figures are the same.
    /// The list returned is the index's own, reused by the next call (a scoring per document allocates nothing).
    /// </summary>
    public List<StoryScore> Candidates(IReadOnlyList<string> keys, double[] weights, int? since)
    {
        var scoring = ++scorings;
        reached.Clear();
        found.Clear();
        if (listed.Length < keys.Count)
        {
            listed = new List<StoryTerm>?[keys.Count];
        }

        for (var i = 0; i < keys.Count; i++)
        {
            listed[i] = postings.GetValueOrDefault(keys[i]);
            if (listed[i] is not { } list)
            {
                continue;
            }

            var taken = 0;
            for (var j = list.Count - 1; j >= 0 && taken < postingLimit; j--)
            {
                var p = list[j];
                if (since is null || p.LastDay is null || p.LastDay >= since)
                {
                    taken++;
                    var story = p.Owner;
                    if (story.ScoredIn != scoring)
                    {
                        story.ScoredIn = scoring;
                        story.Dot = default;
                        reached.Add(story);
                    }

                    story.Dot.Add(weights[i] * p.Weight);
                }
            }
        }

        foreach (var story in reached)
        {
            found.Add(new StoryScore(story.Id, story.Dot.Value, story.Norm2));
        }

        return found;
    }

    private void Place(OpenStory story) => story.Node = byArrival.AddLast(story);

    private void Close(OpenStory story)
    {
        foreach (var t in story.Terms)
        {
            Unpost(t);
        }

        byArrival.Remove(story.Node!);
        story.Node = null;
        stories.Remove(story.Id);
    }

    private static int FindStory(List<StoryTerm> list, long story)
    {
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = list[mid].Story;
            if (s == story)
            {
                return mid;
            }

            if (s < story)
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
}
