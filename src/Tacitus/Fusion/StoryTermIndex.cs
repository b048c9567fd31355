namespace Tacitus.Fusion;

/// <summary>
/// The stories' term weights in memory, so finding a document's candidate stories costs no SQL round trip. It mirrors
/// <c>story_terms</c> and <c>stories.norm2</c> and answers exactly what the SQL candidate query would, or says it cannot
/// (null) and the caller asks SQLite. Memory is bounded: each term keeps its <see cref="PerTerm"/> most recent stories and
/// the index at most <see cref="MaxPostings"/> postings (the oldest stories leave first); a term that lost postings only
/// answers a query when what it kept holds the query's full posting limit of open stories, since every posting it dropped
/// is older than every posting it kept. It is in step with the store at a document count; the caller drops it when the
/// count it reads in the transaction differs (a rolled-back batch, another writer) and it is rebuilt from the store.
/// </summary>
internal sealed class StoryTermIndex(int postingLimit, int maxPostings)
{
    private readonly Dictionary<string, TermPostings> terms = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, StoryTerms> stories = [];
    private int postings;

    /// <summary>The stored document count (<c>fusion_state.documents</c>) the index is in step with.</summary>
    public long Documents { get; set; }

    private int PerTerm => postingLimit * 2;

    private int MaxPostings => Math.Max(maxPostings, PerTerm);

    /// <summary>Sets a (term, story) posting as the store now has it, with the story's squared norm.</summary>
    public void Set(string term, long story, double weight, int? lastDay)
    {
        if (!terms.TryGetValue(term, out var list))
        {
            list = new TermPostings();
            terms[term] = list;
        }

        var at = list.Find(story);
        if (at >= 0)
        {
            list.Items[at].Weight = weight;
            list.Items[at].LastDay = lastDay;
            return;
        }

        if (story <= list.DroppedMax)
        {
            return; // no newer than a posting the term dropped: it stays dropped, so every dropped one is older than every kept one
        }

        var insert = ~at;

        var posting = new Posting(term, story, weight, lastDay);
        list.Items.Insert(insert, posting);
        Story(story).Postings.Add(posting);
        postings++;
        if (list.Items.Count > PerTerm)
        {
            Drop(list, list.Items[0]);
        }

        while (postings > MaxPostings && stories.Count > 0)
        {
            Evict(stories.First().Key);
        }
    }

    /// <summary>The story's squared norm as the store computed it; its postings dated before <paramref name="lastDay"/> move up to it (a null day changes none).</summary>
    public void Joined(long story, double norm2, int? lastDay)
    {
        var entry = Story(story);
        entry.Norm2 = norm2;
        if (lastDay is int day)
        {
            foreach (var p in entry.Postings)
            {
                if (p.LastDay is null || p.LastDay < day)
                {
                    p.LastDay = day;
                }
            }
        }
    }

    /// <summary>The story's postings of <paramref name="removed"/> leave (the store pruned them); its squared norm is the store's.</summary>
    public void Pruned(long story, IReadOnlyCollection<string> removed, double norm2)
    {
        if (!stories.TryGetValue(story, out var entry))
        {
            return;
        }

        entry.Norm2 = norm2;
        foreach (var term in removed)
        {
            if (!terms.TryGetValue(term, out var list) || list.Find(story) is not (>= 0 and var at))
            {
                continue;
            }

            entry.Postings.Remove(list.Items[at]);
            list.Items.RemoveAt(at);
            postings--;
            if (list.Items.Count == 0 && list.DroppedMax < 0)
            {
                terms.Remove(term);
            }
        }
    }

    /// <summary>Sets a story's squared norm (as loaded from the store).</summary>
    public void Norm(long story, double norm2)
    {
        if (stories.TryGetValue(story, out var entry))
        {
            entry.Norm2 = norm2;
        }
    }

    /// <summary>
    /// The sum of weight products with each candidate story and its squared norm, as the SQL candidate query sums them:
    /// for each term the <c>postingLimit</c> most recent stories open on <paramref name="since"/> (last day on or after it,
    /// or undated; every story when it is null). Null when a term dropped postings the query could need.
    /// </summary>
    public Dictionary<long, (double Dot, double Norm2)>? Candidates(IReadOnlyList<string> keys, double[] weights, int? since)
    {
        var sums = new Dictionary<long, (double Sum, double Error)>();
        var open = new List<Posting>(postingLimit);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!terms.TryGetValue(keys[i], out var list))
            {
                continue;
            }

            open.Clear();
            for (var j = list.Items.Count - 1; j >= 0 && open.Count < postingLimit; j--)
            {
                var p = list.Items[j];
                if (since is null || p.LastDay is null || p.LastDay >= since)
                {
                    open.Add(p);
                }
            }

            if (list.DroppedMax >= 0 && open.Count < postingLimit)
            {
                return null;
            }

            foreach (var p in open)
            {
                // summed the way SQLite's total() sums (Kahan-Babuska-Neumaier), so the result is the SQL query's
                var (sum, error) = sums.GetValueOrDefault(p.Story);
                var r = weights[i] * p.Weight;
                var t = sum + r;
                error += Math.Abs(sum) > Math.Abs(r) ? (sum - t) + r : (r - t) + sum;
                sums[p.Story] = (t, error);
            }
        }

        return sums.ToDictionary(s => s.Key, s => (s.Value.Sum + s.Value.Error, stories[s.Key].Norm2));
    }

    private StoryTerms Story(long story)
    {
        if (!stories.TryGetValue(story, out var entry))
        {
            entry = new StoryTerms();
            stories[story] = entry;
        }

        return entry;
    }

    private void Drop(TermPostings list, Posting p)
    {
        list.Items.RemoveAt(list.Find(p.Story));
        list.DroppedMax = Math.Max(list.DroppedMax, p.Story);
        postings--;
        var entry = stories[p.Story];
        entry.Postings.Remove(p);
    }

    /// <summary>The oldest story leaves: each of its terms keeps only stories newer than it, so it is marked as having dropped some.</summary>
    private void Evict(long story)
    {
        foreach (var p in stories[story].Postings.ToList())
        {
            Drop(terms[p.Term], p);
        }

        stories.Remove(story);
    }

    private sealed class Posting(string term, long story, double weight, int? lastDay)
    {
        public string Term { get; } = term;

        public long Story { get; } = story;

        public double Weight { get; set; } = weight;

        public int? LastDay { get; set; } = lastDay;
    }

    private sealed class StoryTerms
    {
        public double Norm2 { get; set; }

        public List<Posting> Postings { get; } = [];
    }

    /// <summary>A term's kept postings by story id, and the newest story it dropped (-1: none; all dropped are older than all kept).</summary>
    private sealed class TermPostings
    {
        public List<Posting> Items { get; } = [];

        public long DroppedMax { get; set; } = -1;

        public int Find(long story)
        {
            int lo = 0, hi = Items.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var s = Items[mid].Story;
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
}
