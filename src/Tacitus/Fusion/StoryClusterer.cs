using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// Groups documents into stories online, as they are stored. A document's profile (<see cref="DocumentProfile"/>) is
/// weighted by TF-IDF over the documents clustered so far and compared by cosine with the centroid of every story that
/// shares a term with it and is still open (its latest document within the time window, and fewer than
/// <see cref="StoryOptions.CloseAfterDocuments"/> documents ago); it joins the most similar story above the threshold, or
/// starts a new one.
/// <para>
/// The work is in memory: the document frequencies and the open stories' centroids (<see cref="OpenStoryIndex"/>) are
/// kept here and written to the store once per batch (<see cref="Flush"/>, called inside the batch's transaction before
/// it commits: <c>fusion_terms</c>, <c>stories</c> with each changed story's centroid (<see cref="CentroidBlob"/>), <c>story_documents</c> and
/// the document count in <c>fusion_state</c>). Whenever a new transaction begins and the store's document count is not
/// the one last written (first use, a rolled-back batch, another writer), or a batch was left unwritten, the state is
/// read again from the store, so it never answers for a state the store does not have.
/// </para>
/// </summary>
internal sealed class StoryClusterer(PreparedStatements sql, FusionLexicon lexicon, StoryOptions options)
{
    private const int TitleNames = 3;
    private const int TitleWords = 2;
    private const int TitleTerms = 40;
    private const int Candidates = 16;

    private readonly Dictionary<string, TermCount> terms = new(StringComparer.Ordinal);
    private readonly List<TermCount> changedTerms = [];
    private readonly HashSet<OpenStory> changedStories = [];
    private readonly List<(long Document, long Story, double? Similarity)> placed = [];
    private readonly ArrayBufferWriter<byte> json = new(16 * 1024);
    private readonly CentroidBlob centroid = new();
    private readonly List<string> keys = [];
    private readonly List<StoryTerm> added = [];
    private readonly DocumentProfile profiles = new(lexicon);
    private double[] weights = new double[DocumentProfile.MaxWords + DocumentProfile.MaxNames];
    private OpenStoryIndex? index;
    private Microsoft.Data.Sqlite.SqliteTransaction? checkedUnder;
    private bool checkedOnce;
    private long documents;
    private long written;
    private long nextStory;

    /// <summary>How many times the state was read from the store: what is kept in step with it (the open fused events) is read again when this changes.</summary>
    public int Generation { get; private set; }

    /// <summary>
    /// Puts the document (row <paramref name="seq"/>) into a story and returns the story's id. A document placed before
    /// (<paramref name="again"/>: re-analysed, same text) is in the document count already, and a term some document
    /// already carries is taken as counted for it: only terms no document had are added. This is an approximation (a
    /// name the new analysis found that other documents carry is not counted for it, a name it lost stays counted), and
    /// the document's earlier story membership is not undone: it joins a story again while its first story keeps it.
    /// </summary>
    public long Assign(long seq, Document document, bool again = false)
    {
        var profile = profiles.Of(document);
        var stories = Index();
        var total = again ? Math.Max(0, documents - 1) : documents;
        if (weights.Length < profile.Count)
        {
            weights = new double[profile.Count];
        }

        for (var i = 0; i < profile.Count; i++)
        {
            if (!terms.TryGetValue(profile[i].Key, out var count))
            {
                count = new TermCount(profile[i].Key, profile[i].Display);
                terms[count.Term] = count;
            }

            var counted = again && count.Df > 0;
            var idf = Math.Log((total + 1.0) / (count.Df - (counted ? 1 : 0) + 1.0)) + 1.0;
            weights[i] = (1 + Math.Log(profile[i].Count)) * idf;
            if (counted)
            {
                continue;
            }

            count.Df++;
            if (!count.Changed)
            {
                count.Changed = true;
                changedTerms.Add(count);
            }
        }

        var squares = 0.0;
        for (var i = 0; i < profile.Count; i++)
        {
            squares += weights[i] * weights[i];
        }

        var norm = Math.Sqrt(squares);
        if (norm > 0)
        {
            for (var i = 0; i < profile.Count; i++)
            {
                weights[i] /= norm;
            }
        }

        // Candidates: for each term, the most recent open stories (at most PostingLimit) that have it.
        var day = document.Metadata.Published?.DayNumber;
        keys.Clear();
        for (var i = 0; i < profile.Count; i++)
        {
            keys.Add(profile[i].Key);
        }

        var candidates = stories.Candidates(keys, weights, day - options.WindowDays);
        long? best = null;
        var bestSimilarity = 0.0;
        foreach (var (story, dot, norm2) in Strongest(candidates))
        {
            var similarity = norm2 > 0 ? dot / Math.Sqrt(norm2) : 0;
            if (similarity > bestSimilarity || (similarity == bestSimilarity && best is not null && story > best))
            {
                (best, bestSimilarity) = (story, similarity);
            }
        }

        var joined = best is long id && bestSimilarity >= options.Threshold ? stories.Find(id)! : Create(day, stories);
        documents = total + 1;
        Join(joined, profile, weights, day, stories);
        placed.Add((seq, joined.Id, best == joined.Id ? bestSimilarity : null));
        return joined.Id;
    }

    /// <summary>
    /// The <see cref="Candidates"/> candidates with the largest dot product (ties: the highest id), strongest first:
    /// what sorting them all and taking the first would give, without sorting them all.
    /// </summary>
    private static List<StoryScore> Strongest(List<StoryScore> candidates) =>
        TopRanked.Of(candidates, Candidates, static (a, b) => b.Dot.CompareTo(a.Dot) is var order && order != 0 ? order : b.Story.CompareTo(a.Story));

    /// <summary>Writes what the batch changed (document frequencies, stories and their centroids, which story each document joined, the document count) in the caller's transaction.</summary>
    public void Flush()
    {
        if (changedTerms.Count == 0 && changedStories.Count == 0 && placed.Count == 0)
        {
            return;
        }

        if (changedTerms.Count > 0)
        {
            sql.Run("""
                INSERT INTO fusion_terms (term, df, display) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each($p0) WHERE true
                ON CONFLICT (term) DO UPDATE SET df = excluded.df
                """, Json(w =>
            {
                foreach (var t in changedTerms)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(t.Term);
                    w.WriteNumberValue(t.Df);
                    w.WriteStringValue(t.Display);
                    w.WriteEndArray();
                }
            }));
        }

        foreach (var s in changedStories)
        {
            sql.Run("""
                INSERT INTO stories (id, title, first_day, last_day, documents, norm2, terms, centroid, last_document) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_day = excluded.first_day, last_day = excluded.last_day, documents = excluded.documents,
                    norm2 = excluded.norm2, terms = excluded.terms, centroid = excluded.centroid, last_document = excluded.last_document
                """, s.Id, s.Title, s.FirstDay, s.LastDay, s.Documents, s.Norm2, s.Terms.Count, Centroid(s), s.LastArrival);
        }

        if (placed.Count > 0)
        {
            sql.Run("INSERT OR REPLACE INTO story_documents (document, story, similarity) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each($p0)", Json(w =>
            {
                foreach (var (document, story, similarity) in placed)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(document);
                    w.WriteNumberValue(story);
                    if (similarity is double s)
                    {
                        w.WriteNumberValue(s);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }

                    w.WriteEndArray();
                }
            }));
        }

        sql.Run("UPDATE fusion_state SET value = $p0 WHERE name = 'documents'", documents);
        written = documents;
        foreach (var t in changedTerms)
        {
            t.Changed = false;
        }

        changedTerms.Clear();
        changedStories.Clear();
        placed.Clear();
    }

    /// <summary>
    /// The open stories in step with the store: read again when a new transaction finds the store's document count not
    /// the one last written, or finds a batch left unwritten (it failed before <see cref="Flush"/>).
    /// </summary>
    private OpenStoryIndex Index()
    {
        var transaction = sql.Transaction;
        if (index is { } kept && checkedOnce && (transaction is null || ReferenceEquals(transaction, checkedUnder)))
        {
            return kept;
        }

        var stored = Convert.ToInt64(sql.Scalar("SELECT value FROM fusion_state WHERE name = 'documents'"), CultureInfo.InvariantCulture);
        (checkedUnder, checkedOnce) = (transaction, true);
        if (index is { } current && stored == written && changedTerms.Count == 0 && changedStories.Count == 0 && placed.Count == 0)
        {
            return current;
        }

        return Load(stored);
    }

    private OpenStoryIndex Load(long stored)
    {
        Generation++;
        changedTerms.Clear();
        changedStories.Clear();
        placed.Clear();
        terms.Clear();
        (documents, written) = (stored, stored);
        using (var r = sql.Get("SELECT term, df, display FROM fusion_terms").ExecuteReader())
        {
            while (r.Read())
            {
                var t = new TermCount(r.GetString(0), r.GetString(2)) { Df = r.GetInt64(1) };
                terms[t.Term] = t;
            }
        }

        var built = new OpenStoryIndex(options.PostingLimit, options.CloseAfterDocuments);
        var open = new List<OpenStory>();
        using (var r = sql.Get("""
            SELECT id, title, first_day, last_day, documents, norm2, centroid, last_document FROM stories
            WHERE documents > 0 AND centroid IS NOT NULL AND last_document > $p0 ORDER BY last_document, id
            """, stored - options.CloseAfterDocuments).ExecuteReader())
        {
            while (r.Read())
            {
                var story = new OpenStory(r.GetInt64(0))
                {
                    Title = r.GetString(1),
                    FirstDay = r.IsDBNull(2) ? null : r.GetInt32(2),
                    LastDay = r.IsDBNull(3) ? null : r.GetInt32(3),
                    Documents = r.GetInt64(4),
                    Norm2 = r.GetDouble(5),
                    LastArrival = r.GetInt64(7),
                };
                ReadCentroid(story, r.GetFieldValue<byte[]>(6));
                open.Add(story);
            }
        }

        foreach (var story in open)
        {
            built.Add(story);
        }

        nextStory = Convert.ToInt64(sql.Scalar("SELECT coalesce(max(id), 0) FROM stories"), CultureInfo.InvariantCulture) + 1;
        index = built;
        return built;
    }

    private OpenStory Create(int? day, OpenStoryIndex stories)
    {
        var story = new OpenStory(nextStory++) { FirstDay = day, LastDay = day, LastArrival = documents + 1 };
        stories.Add(story);
        return story;
    }

    private void Join(OpenStory story, IReadOnlyList<ProfileTerm> profile, double[] weights, int? day, OpenStoryIndex stories)
    {
        for (var i = 0; i < profile.Count; i++)
        {
            var at = story.Find(profile[i].Key);
            if (at >= 0)
            {
                story.Terms[at].Weight += weights[i];
            }
            else
            {
                var term = new StoryTerm(profile[i].Key, story, weights[i], day);
                added.Add(term);
                stories.Post(term);
            }
        }

        Merge(story.Terms, added);

        if (day is int d)
        {
            foreach (var t in story.Terms)
            {
                if (t.LastDay is null || t.LastDay < d)
                {
                    t.LastDay = d;
                }
            }

            story.FirstDay = story.FirstDay is null || d < story.FirstDay ? d : story.FirstDay;
            story.LastDay = story.LastDay is null || d > story.LastDay ? d : story.LastDay;
        }

        story.Documents++;
        if (story.Terms.Count > options.CentroidTerms * 3 / 2)
        {
            Prune(story, stories);
        }

        story.Norm2 = story.SumOfSquares();
        if (story.Documents <= 5 || story.Documents % 10 == 0)
        {
            story.Title = Title(story);
        }

        changedStories.Add(story);
        stories.Joined(story, documents);
    }

    /// <summary>
    /// Adds the new terms (none of them in <paramref name="terms"/> already) to the story's terms, keeping ordinal order:
    /// sorted among themselves, then merged from the end, so a story gaining many terms does not shift its list once per term.
    /// Empties <paramref name="fresh"/>.
    /// </summary>
    private static void Merge(List<StoryTerm> terms, List<StoryTerm> fresh)
    {
        if (fresh.Count == 0)
        {
            return;
        }

        fresh.Sort(ByTerm);
        var kept = terms.Count;
        CollectionsMarshal.SetCount(terms, kept + fresh.Count);
        var all = CollectionsMarshal.AsSpan(terms);
        int i = kept - 1, j = fresh.Count - 1, k = all.Length - 1;
        while (j >= 0)
        {
            all[k--] = i >= 0 && string.CompareOrdinal(all[i].Term, fresh[j].Term) > 0 ? all[i--] : fresh[j--];
        }

        fresh.Clear();
    }

    private static int ByTerm(StoryTerm a, StoryTerm b) => string.CompareOrdinal(a.Term, b.Term);

    /// <summary>Keeps the story's heaviest terms (ties: the first in ordinal order).</summary>
    private void Prune(OpenStory story, OpenStoryIndex stories)
    {
        var ranked = story.Terms.ToArray();
        Array.Sort(ranked, Heavier);
        var last = ranked[options.CentroidTerms - 1];
        for (var i = options.CentroidTerms; i < ranked.Length; i++)
        {
            stories.Unpost(ranked[i]);
        }

        story.Terms.RemoveAll(t => Heavier(t, last) > 0);
    }

    /// <summary>Heavier terms first, ties in ordinal order of the term (a story's terms are distinct, so no two are equal).</summary>
    private static int Heavier(StoryTerm a, StoryTerm b) =>
        b.Weight.CompareTo(a.Weight) is var order && order != 0 ? order : string.CompareOrdinal(a.Term, b.Term);

    /// <summary>A title of the story's own making: its heaviest names, then its heaviest words ("Emmanuel Macron, Lagos, Bola Tinubu: visit, trade").</summary>
    private string Title(OpenStory story)
    {
        var heaviest = TopRanked.Of(story.Terms, TitleTerms, Heavier);
        var displays = new string[heaviest.Count];
        for (var i = 0; i < heaviest.Count; i++)
        {
            displays[i] = terms[heaviest[i].Term].Display;
        }

        var names = new List<string>(TitleNames);
        var words = new List<string>(TitleWords);
        for (var i = 0; i < heaviest.Count; i++)
        {
            var display = displays[i];
            if (IsName(heaviest[i]))
            {
                if (names.Count < TitleNames && !names.Any(n => EventMatcher.NamesAgree(n, display)))
                {
                    names.Add(display);
                }
            }
            else if (words.Count < TitleWords && !InAName(heaviest, displays, display))
            {
                words.Add(display);
            }
        }

        var title = string.Join(", ", names);
        return words.Count == 0 ? title : title.Length == 0 ? string.Join(", ", words) : $"{title}: {string.Join(", ", words)}";
    }

    private static bool IsName(StoryTerm term) => term.Term.StartsWith('~');

    /// <summary>Whether one of the heaviest names shows <paramref name="word"/> (ignoring case).</summary>
    private static bool InAName(List<StoryTerm> heaviest, string[] displays, string word)
    {
        for (var i = 0; i < heaviest.Count; i++)
        {
            if (IsName(heaviest[i]) && displays[i].Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The story's centroid as stored (<see cref="CentroidBlob"/>), in term order, in a buffer reused by the next call (bound at once).</summary>
    private ReadOnlyMemory<byte> Centroid(OpenStory story)
    {
        centroid.Begin(story.Terms.Count);
        foreach (var t in story.Terms)
        {
            centroid.Add(t.Term, t.Weight, t.LastDay);
        }

        return centroid.Written;
    }

    private void ReadCentroid(OpenStory story, byte[] blob)
    {
        try
        {
            CentroidBlob.Read(blob, story, static (s, term, weight, day) => s.Terms.Add(new StoryTerm(term, s, weight, day)));
        }
        catch (FormatException ex)
        {
            throw new Store.StoreException(new TacitusError("TAC504", "fusion", $"unreadable story centroid: {ex.Message}", sql.Connection.DataSource, $"story {story.Id}"), ex);
        }

        story.Terms.Sort(ByTerm);
    }

    /// <summary>One JSON array, its items written by <paramref name="items"/>, as UTF-8 in a buffer reused by the next call (bound at once).</summary>
    private Store.Utf8Text Json(Action<Utf8JsonWriter> items)
    {
        json.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartArray();
            items(w);
            w.WriteEndArray();
        }

        return new Store.Utf8Text(json.WrittenMemory);
    }

    /// <summary>A term's document frequency and how a title shows it (the first form seen).</summary>
    private sealed class TermCount(string term, string display)
    {
        public string Term { get; } = term;

        public string Display { get; } = display;

        public long Df { get; set; }

        /// <summary>Its document frequency changed since the store last had it (it is in the list to write).</summary>
        public bool Changed { get; set; }
    }
}
