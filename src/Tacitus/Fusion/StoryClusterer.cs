using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// Groups documents into stories online, as they are stored. A document's profile (<see cref="DocumentProfile"/>) is
/// weighted by TF-IDF over the documents clustered so far and compared by cosine with the centroid of every story that
/// shares a term with it and is still open (its latest document within the time window, and fewer than
/// <see cref="StoryOptions.CloseAfterDocuments"/> documents ago); it joins the most similar story above the threshold, or
/// starts a new one.
/// <para>
/// The work is in memory: the document frequencies (at most <see cref="StoryOptions.TermsInMemory"/> of them; the others
/// are read from the store when a document has them) and the open stories' centroids (<see cref="OpenStoryIndex"/>) are
/// kept here and written to the store once per batch (<see cref="Flush"/>, called inside the batch's transaction before
/// it commits: <c>stories</c> with each changed story's centroid (<see cref="CentroidBlob"/>), <c>story_documents</c>, a
/// row for each new term, and the document count in <c>fusion_state</c>). The document frequencies themselves
/// (<c>fusion_term_counts.df</c>) are written every <see cref="StoryOptions.TermsWrittenEvery"/> documents (migration 22): they
/// count the documents up to row <c>terms_through</c> in <c>fusion_state</c>, and reading the state counts the later
/// documents' contributions again, so it is always exactly what one run holds. Whenever a new transaction begins and the store's document count is not
/// the one last written (first use, a rolled-back batch), another connection has committed (its data version moved), or
/// a batch was left unwritten, the state is read again from the store, so it never answers for a state the store does not have.
/// </para>
/// <para>
/// A batch is what <see cref="Assign"/> and <see cref="Rewind"/> change in memory until <see cref="Flush"/> writes it, in
/// the caller's transaction. The clusterer keeps track of it itself (no caller has to tell it of a failure): a batch begun
/// in a transaction that is no longer the current one ended unwritten (rolled back, or committed without
/// <see cref="Flush"/>), so what memory holds is dropped before anything else is done; each written batch raises
/// <c>fusion_state.batches</c> (migration 23), so a written batch whose transaction was then rolled back shows, when the
/// next transaction begins, as a number the store does not have, and the state is read again. An operation that threw
/// leaves the batch half done: nothing more is done in that transaction (<see cref="InvalidOperationException"/>) until
/// it is rolled back; the next transaction starts from the store. <see cref="Forget"/> drops what is held at once; callers need not call it.
/// </para>
/// <para>
/// Each placed document's contribution is kept with its row (<c>story_documents.contribution</c>, migration 15): the
/// normalised weights of its profile's terms, in a <see cref="CentroidBlob"/> (no days: the document's own day is its
/// publication). <see cref="Rewind"/> uses them to take the store back to what it held before a given document, exactly
/// (a story is replayed from its earlier documents' contributions, with the same sums, prunes and titles), so the
/// documents from there on can be placed again in store order as a fresh ingest places them.
/// </para>
/// </summary>
internal sealed class StoryClusterer
{
    private const int TitleNames = 3;
    private const int TitleWords = 2;
    private const int TitleTerms = 40;
    private const int Candidates = 16;

    /// <summary>
    /// The document frequencies in memory: every term the store has while they number at most
    /// <see cref="StoryOptions.TermsInMemory"/> (<see cref="allKnown"/>); past that the least recently used go after each
    /// batch and a term not held is read from <c>fusion_term_counts</c> when a document has it, so memory stays bounded as the
    /// vocabulary grows and every frequency is the store's.
    /// </summary>
    private readonly Dictionary<string, TermFrequency> terms = new(StringComparer.Ordinal);
    private readonly List<TermFrequency> changedTerms = [];
    private readonly HashSet<OpenStory> changedStories = [];
    private readonly List<(long Document, long Story, double? Similarity, int Offset, int Length)> placed = [];
    private readonly CentroidBlob centroid = new();

    /// <summary>The contributions of the documents placed since the last <see cref="Flush"/>, one after another (<see cref="placed"/> says where).</summary>
    private readonly ArrayBufferWriter<byte> contributions = new(64 * 1024);
    private readonly List<string> keys = [];
    private readonly List<StoryTerm> added = [];
    private readonly PreparedStatements sql;
    private readonly StoryOptions options;
    private readonly DocumentProfile profiles;
    private double[] weights = new double[DocumentProfile.MaxWords + DocumentProfile.MaxNames];

    /// <summary>A story's terms by weight and place while it is pruned, and which of them go (reused).</summary>
    private (double Weight, int Index)[] ranks = new (double, int)[512];
    private bool[] gone = new bool[512];

    /// <summary>The current document's profile terms' entries in <see cref="terms"/>, in profile order.</summary>
    private TermFrequency[] frequencies = new TermFrequency[DocumentProfile.MaxWords + DocumentProfile.MaxNames];

    /// <summary>Whether <see cref="terms"/> holds every term the store has (a term it lacks has document frequency 0), so no look-up in the store is needed.</summary>
    private bool allKnown;
    private OpenStoryIndex? index;
    private Microsoft.Data.Sqlite.SqliteTransaction? checkedUnder;
    private bool checkedOnce;
    private long documents;
    private long written;

    /// <summary>The last document row placed (or counted again on reading the state).</summary>
    private long lastPlaced;

    /// <summary>Documents placed since <c>fusion_term_counts.df</c> was last written: their terms' frequencies are held here only.</summary>
    private long termsPending;

    /// <summary>The new terms of a batch, in term order when their rows are written (reused).</summary>
    private readonly List<TermFrequency> newTerms = [];

    /// <summary>The store's <c>PRAGMA data_version</c> when the state was last read: it changes when another connection commits.</summary>
    private long dataVersion;

    /// <summary>A batch began (<see cref="Assign"/> or <see cref="Rewind"/> changed what is held) and is not written yet, in <see cref="begunIn"/>.</summary>
    private bool begun;
    private Microsoft.Data.Sqlite.SqliteTransaction? begunIn;

    /// <summary>An operation threw part way (set on entry, cleared on return), in <see cref="brokenIn"/>: what is held, and what it wrote in that transaction, may be half done.</summary>
    private bool broken;
    private Microsoft.Data.Sqlite.SqliteTransaction? brokenIn;

    /// <summary><c>fusion_state.batches</c> as memory holds it: read with the state, raised by each batch written.</summary>
    private long batches;
    private long nextStory;

    public StoryClusterer(PreparedStatements sql, FusionLexicon lexicon, StoryOptions options)
    {
        this.sql = sql;
        this.options = options;
        var byCharacters = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        // the profile takes a word's string from the table when it has the word, so a known word makes no string
        profiles = new DocumentProfile(lexicon, word => byCharacters.TryGetValue(word, out var t) ? t : null);
    }

    /// <summary>Terms whose document frequency is held in memory now (at most <see cref="StoryOptions.TermsInMemory"/> after each <see cref="Flush"/>).</summary>
    public int TermsInMemory => terms.Count;

    /// <summary>How many times a term not held in memory was read from the store.</summary>
    public long TermsRead { get; private set; }

    /// <summary>How many times the state was read from the store: what is kept in step with it (the open fused events) is read again when this changes.</summary>
    public int Generation { get; private set; }

    /// <summary>
    /// Puts the document (row <paramref name="seq"/>, the next in store order: a document placed before is taken back by
    /// <see cref="Rewind"/> first) into a story and returns the story's id.
    /// </summary>
    public long Assign(long seq, Document document)
    {
        Enter();
        var story = Place(seq, document);
        broken = false;
        return story;
    }

    private long Place(long seq, Document document)
    {
        // the state first: reading it again replaces the frequency entries the profile hands over
        var stories = Index();
        Begin();
        var profile = profiles.Of(document);
        var total = documents;
        if (weights.Length < profile.Count)
        {
            weights = new double[profile.Count];
            frequencies = new TermFrequency[profile.Count];
        }

        for (var i = 0; i < profile.Count; i++)
        {
            // a word the profile found in the table comes with its entry
            var count = profile[i].Frequency ?? Frequency(profile[i].Key, profile[i].Display);
            frequencies[i] = count;
            count.LastUsed = total + 1;
            var idf = Math.Log((total + 1.0) / (count.Df + 1.0)) + 1.0;
            weights[i] = (1 + Math.Log(profile[i].Count)) * idf;
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
        Join(joined, profile, weights, frequencies, day, stories, documents);
        placed.Add((seq, joined.Id, best == joined.Id ? bestSimilarity : null, contributions.WrittenCount, Contribution(profile)));
        (lastPlaced, termsPending) = (seq, termsPending + 1);
        return joined.Id;
    }

    /// <summary>The entry of the term: held in memory, read from the store when not held and the store may have it, or new (document frequency 0, shown as <paramref name="display"/>).</summary>
    private TermFrequency Frequency(string term, string display)
    {
        if (terms.TryGetValue(term, out var count))
        {
            return count;
        }

        count = allKnown ? null : Stored(term);
        count ??= new TermFrequency(term, display);
        terms.Add(term, count);
        return count;
    }

    /// <summary>The term's entry as the store has it, or null when it has none.</summary>
    private TermFrequency? Stored(string term)
    {
        TermsRead++;
        using var r = sql.Get("SELECT df, display FROM fusion_term_counts WHERE term = $p0", term).ExecuteReader();
        return r.Read() ? new TermFrequency(term, r.GetString(1)) { Df = r.GetInt64(0), Stored = true } : null;
    }

    /// <summary>
    /// After a batch is written: when more terms than <see cref="StoryOptions.TermsInMemory"/> are held, the least
    /// recently used go (down to three quarters of the bound, so this runs once per many batches); the store keeps them.
    /// Nothing is pending then (the batch and every frequency are written: holding more than the bound makes
    /// <see cref="Flush"/> write them), so no change is lost.
    /// </summary>
    private void Bound()
    {
        var limit = Math.Max(1, options.TermsInMemory);
        if (terms.Count <= limit)
        {
            return;
        }

        var used = new long[terms.Count];
        var i = 0;
        foreach (var t in terms.Values)
        {
            used[i++] = t.LastUsed;
        }

        Array.Sort(used);
        var keep = Math.Max(1, limit - (limit / 4));
        var cutoff = used[used.Length - keep];
        foreach (var (term, t) in terms)
        {
            if (t.LastUsed < cutoff)
            {
                terms.Remove(term);
            }
        }

        // terms last used by the same document tie: as many of them go as the bound needs
        foreach (var (term, t) in terms)
        {
            if (terms.Count <= keep)
            {
                break;
            }

            if (t.LastUsed == cutoff)
            {
                terms.Remove(term);
            }
        }

        allKnown = false;
    }

    /// <summary>Appends the document's contribution (its terms in profile order with their normalised weights) to <see cref="contributions"/>; returns its length in bytes.</summary>
    private int Contribution(IReadOnlyList<ProfileTerm> profile)
    {
        centroid.Begin(profile.Count);
        for (var i = 0; i < profile.Count; i++)
        {
            centroid.Add(profile[i].Key, weights[i], null);
        }

        var bytes = centroid.Written.Span;
        bytes.CopyTo(contributions.GetSpan(bytes.Length));
        contributions.Advance(bytes.Length);
        return bytes.Length;
    }

    /// <summary>
    /// The <see cref="Candidates"/> candidates with the largest dot product (ties: the highest id), strongest first:
    /// what sorting them all and taking the first would give, without sorting them all.
    /// </summary>
    private static List<StoryScore> Strongest(List<StoryScore> candidates) =>
        TopRanked.Of(candidates, Candidates, static (a, b) => b.Dot.CompareTo(a.Dot) is var order && order != 0 ? order : b.Story.CompareTo(a.Story));

    /// <summary>Writes what the batch changed (stories and their centroids, which story each document joined, new terms, the document count, and every <see cref="StoryOptions.TermsWrittenEvery"/> documents the document frequencies) in the caller's transaction.</summary>
    public void Flush()
    {
        Enter();
        Flush(allTerms: false);
        broken = false;
    }

    /// <param name="allTerms">Write the changed document frequencies whatever the count since they were last written.</param>
    private void Flush(bool allTerms)
    {
        if (!allTerms && changedStories.Count == 0 && placed.Count == 0)
        {
            begun = false;
            return;
        }

        // the frequencies wait (the placed documents' contributions carry them) until enough documents are pending, or
        // more terms are held than the bound lets stay (only a written term may go)
        if (allTerms || termsPending >= Math.Max(1, options.TermsWrittenEvery) || terms.Count > Math.Max(1, options.TermsInMemory))
        {
            WriteFrequencies();
        }
        else
        {
            WriteNewTerms();
        }

        foreach (var s in changedStories)
        {
            sql.Run("""
                INSERT INTO stories (id, title, first_day, last_day, documents, norm2, terms, centroid, last_document) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_day = excluded.first_day, last_day = excluded.last_day, documents = excluded.documents,
                    norm2 = excluded.norm2, terms = excluded.terms, centroid = excluded.centroid, last_document = excluded.last_document
                """, s.Id, s.Title, s.FirstDay, s.LastDay, s.Documents, s.Norm2, s.Terms.Count, Centroid(s), s.LastArrival);
        }

        foreach (var (document, story, similarity, offset, length) in placed)
        {
            sql.Run("INSERT INTO story_documents (document, story, similarity, contribution) VALUES ($p0, $p1, $p2, $p3)",
                document, story, similarity, contributions.WrittenMemory.Slice(offset, length));
        }

        sql.Run("UPDATE fusion_state SET value = $p0 WHERE name = 'documents'", documents);
        written = documents;
        changedStories.Clear();
        placed.Clear();
        contributions.ResetWrittenCount();
        Written();
        Bound();
    }

    /// <summary>The batch is written (in the caller's transaction): its number goes to the store, where a rollback takes it back.</summary>
    private void Written()
    {
        sql.Run("UPDATE fusion_state SET value = $p0 WHERE name = 'batches'", ++batches);
        begun = false;
    }

    /// <summary>A batch begins changing what is held, in the current transaction.</summary>
    private void Begin()
    {
        if (!begun)
        {
            (begun, begunIn) = (true, sql.Transaction);
        }
    }

    /// <summary>
    /// Before an operation: a batch begun in another transaction than the current one ended unwritten, so what is held goes
    /// (the state is read again); one that threw in the current transaction cannot go on, and one that threw in another
    /// (whether or not its batch had begun: reading the state can throw before) leaves only what is held to drop. Marks the
    /// operation under way.
    /// </summary>
    /// <exception cref="InvalidOperationException">An earlier operation threw in the current transaction, which was not rolled back.</exception>
    private void Enter()
    {
        var transaction = sql.Transaction;
        if (begun && !ReferenceEquals(transaction, begunIn))
        {
            Forget();
        }
        else if (broken)
        {
            // without a transaction every statement commits alone: there is nothing to roll back, only the state to read again
            if (transaction is not null && ReferenceEquals(transaction, brokenIn))
            {
                throw new InvalidOperationException("story clustering failed part way in this transaction: roll it back before the next batch");
            }

            Forget();
        }

        (broken, brokenIn) = (true, transaction);
    }

    /// <summary>
    /// Writes every changed document frequency, one prepared row per term in term order, and that they now count the
    /// documents up to the last placed. One statement per term costs less than one JSON array SQLite parses, and in
    /// order each look-up lands next to the last in the table's B-tree (docs/PERFORMANCE.md, s15-story).
    /// </summary>
    private void WriteFrequencies()
    {
        changedTerms.Sort(ByTermText);
        foreach (var t in changedTerms)
        {
            sql.Run("INSERT INTO fusion_term_counts (term, df, display) VALUES ($p0, $p1, $p2) ON CONFLICT (term) DO UPDATE SET df = excluded.df", t.Term, t.Df, t.Display);
            (t.Changed, t.Stored) = (false, true);
        }

        changedTerms.Clear();
        sql.Run("UPDATE fusion_state SET value = $p0 WHERE name = 'terms_through'", lastPlaced);
        termsPending = 0;
    }

    /// <summary>
    /// Writes a row for each term new to the store with frequency 0 (no document up to <c>fusion_state.terms_through</c> has it;
    /// its count waits with the others): the row keeps how the term shows, which its documents' contributions do not.
    /// </summary>
    private void WriteNewTerms()
    {
        newTerms.Clear();
        foreach (var t in changedTerms)
        {
            if (!t.Stored)
            {
                newTerms.Add(t);
            }
        }

        newTerms.Sort(ByTermText);
        foreach (var t in newTerms)
        {
            sql.Run("INSERT INTO fusion_term_counts (term, df, display) VALUES ($p0, 0, $p1)", t.Term, t.Display);
            t.Stored = true;
        }

        newTerms.Clear();
    }

    /// <summary>
    /// Takes story clustering back to what it was before the document of row <paramref name="from"/> was placed: the
    /// documents placed from it on leave their stories (a story left with none goes; one left with earlier documents is
    /// replayed from their contributions in store order, with the same sums, prunes and titles as it had then), their
    /// terms leave the document frequencies (a term no document has any more goes), and the document count goes back.
    /// What was placed must be written first (<see cref="Flush"/>); the caller owns the transaction. When a document
    /// involved was placed without its contribution (by a store before migration 15), or nothing placed is before
    /// <paramref name="from"/>, every story goes and this returns false: every document is to be placed again.
    /// </summary>
    /// <returns>False when all placed documents were taken back, true when only those from <paramref name="from"/> on were.</returns>
    public bool Rewind(long from)
    {
        Enter();
        var kept = TakeBack(from);
        broken = false;
        return kept;
    }

    private bool TakeBack(long from)
    {
        if (sql.Scalar("SELECT 1 FROM story_documents WHERE document >= $p0 LIMIT 1", from) is null)
        {
            return true;
        }

        // every document goes back when none is kept before it, or when one involved was placed without its contribution;
        // decided before the state is read: taking back the whole store needs none of it, so a damaged contribution that
        // reading the state would count again (Recount) cannot stop it (reanalyse --all is how such a store is repaired)
        var whole = sql.Scalar("SELECT 1 FROM story_documents WHERE document < $p0 LIMIT 1", from) is null
            || sql.Scalar("SELECT 1 FROM story_documents WHERE contribution IS NULL AND story IN (SELECT story FROM story_documents WHERE document >= $p0) LIMIT 1", from) is not null;
        Begin();
        if (whole)
        {
            sql.Run("DELETE FROM story_documents");
            sql.Run("DELETE FROM stories");
            sql.Run("DELETE FROM fusion_term_counts");
            sql.Run("UPDATE fusion_state SET value = 0 WHERE name IN ('documents', 'terms_through')");
            // the state was not read: the number goes on from the store's
            batches = StoredBatches();
            Written();
            Load(0);
            return false;
        }

        Index();
        var affected = new SortedSet<long>();
        using (var r = sql.Get("SELECT DISTINCT story FROM story_documents WHERE document >= $p0 ORDER BY story", from).ExecuteReader())
        {
            while (r.Read())
            {
                affected.Add(r.GetInt64(0));
            }
        }

        // the documents taken back leave the document frequencies, one contribution in memory at a time
        using (var r = sql.Get("SELECT document, contribution FROM story_documents WHERE document >= $p0 ORDER BY document", from).ExecuteReader())
        {
            while (r.Read())
            {
                ReadContribution(r.GetInt64(0), r.GetFieldValue<byte[]>(1), this, static (self, term, _) => self.Uncount(term));
            }
        }

        foreach (var gone in changedTerms.Where(t => t.Df == 0))
        {
            terms.Remove(gone.Term);
            sql.Run("DELETE FROM fusion_term_counts WHERE term = $p0", gone.Term);
        }

        changedTerms.RemoveAll(t => t.Df == 0);
        sql.Run("DELETE FROM story_documents WHERE document >= $p0", from);
        // every document kept is before the first taken back: the frequencies written below count them all
        lastPlaced = from - 1;
        documents = Convert.ToInt64(sql.Scalar("SELECT count(*) FROM story_documents"), CultureInfo.InvariantCulture);
        // each kept story's arrival: the place of its latest document among the documents still placed (as migration 10 numbers them)
        var arrivals = new Dictionary<long, long>();
        using (var r = sql.Get("SELECT story, max(n) FROM (SELECT story, row_number() OVER (ORDER BY document) AS n FROM story_documents) GROUP BY story").ExecuteReader())
        {
            while (r.Read())
            {
                if (affected.Contains(r.GetInt64(0)))
                {
                    arrivals[r.GetInt64(0)] = r.GetInt64(1);
                }
            }
        }

        var replayed = new OpenStoryIndex(options.PostingLimit, long.MaxValue);
        var profile = new List<ProfileTerm>();
        var sums = new List<double>();
        var earlier = new List<(long Document, byte[] Contribution, int? Day)>();
        foreach (var id in affected)
        {
            // one story's kept documents at a time, in store order
            earlier.Clear();
            using (var r = sql.Get("""
                SELECT s.document, s.contribution, d.published FROM story_documents s JOIN documents d ON d.seq = s.document
                WHERE s.story = $p0 ORDER BY s.document
                """, id).ExecuteReader())
            {
                while (r.Read())
                {
                    earlier.Add((r.GetInt64(0), r.GetFieldValue<byte[]>(1), r.IsDBNull(2) ? null : DateRange.ParseDay(r.GetString(2))?.DayNumber));
                }
            }

            if (earlier.Count == 0)
            {
                sql.Run("DELETE FROM stories WHERE id = $p0", id);
                continue;
            }

            var story = new OpenStory(id) { FirstDay = earlier[0].Day, LastDay = earlier[0].Day };
            replayed.Add(story);
            foreach (var (document, contribution, day) in earlier)
            {
                profile.Clear();
                sums.Clear();
                ReadContribution(document, contribution, (profile, sums), static (state, term, weight) =>
                {
                    state.profile.Add(new ProfileTerm(term, 1, term, term.StartsWith('~')));
                    state.sums.Add(weight);
                });
                if (weights.Length < sums.Count)
                {
                    weights = new double[sums.Count];
                }

                sums.CopyTo(weights);
                // the story's latest document sets its arrival
                var arrival = document == earlier[^1].Document ? arrivals[id] : 0;
                Join(story, profile, weights, null, day, replayed, arrival);
            }
        }

        Flush(allTerms: true);
        Load(documents);
        return true;
    }

    /// <summary>Lets go of what is held (the open stories and the batch in hand, written or not): the next document reads the state from the store again.</summary>
    public void Forget()
    {
        index = null;
        changedStories.Clear();
        placed.Clear();
        contributions.ResetWrittenCount();
        (begun, begunIn, broken, brokenIn) = (false, null, false, null);
    }

    /// <summary>A document's term leaves the document frequencies.</summary>
    private void Uncount(string term)
    {
        if (!terms.TryGetValue(term, out var count))
        {
            if (allKnown || Stored(term) is not { } stored)
            {
                return;
            }

            count = stored;
            terms.Add(term, count);
        }

        if (count.Df == 0)
        {
            return;
        }

        count.Df--;
        if (!count.Changed)
        {
            count.Changed = true;
            changedTerms.Add(count);
        }
    }

    /// <summary>Calls <paramref name="add"/> with each term and weight of the contribution of the document of row <paramref name="document"/>.</summary>
    /// <param name="repair">Appended to the error's message: what repairs the store when the caller cannot go on without it.</param>
    private void ReadContribution<TState>(long document, byte[] contribution, TState state, Action<TState, string, double> add, string repair = "")
    {
        try
        {
            CentroidBlob.Read(contribution, (state, add), static (s, term, weight, _) => s.add(s.state, term, weight));
        }
        catch (FormatException ex)
        {
            throw new Store.StoreException(new TacitusError("TAC504", "fusion", $"unreadable story contribution: {ex.Message}{repair}", sql.Connection.DataSource, $"document row {document}"), ex);
        }
    }

    /// <summary>
    /// The open stories in step with the store: read again when a new transaction finds the store's document count not
    /// the one last written, another connection's commit, or not the number of the batch last written (it was rolled back).
    /// </summary>
    private OpenStoryIndex Index()
    {
        var transaction = sql.Transaction;
        if (index is { } kept && checkedOnce && (transaction is null || ReferenceEquals(transaction, checkedUnder)))
        {
            return kept;
        }

        var stored = Convert.ToInt64(sql.Scalar("SELECT value FROM fusion_state WHERE name = 'documents'"), CultureInfo.InvariantCulture);
        // another connection's commit moves the data version even when it leaves the document count as it was (a re-analysis)
        var version = Convert.ToInt64(sql.Scalar("PRAGMA data_version"), CultureInfo.InvariantCulture);
        (checkedUnder, checkedOnce) = (transaction, true);
        // a batch begun and not written is gone already (Enter); one written and rolled back left the store an older number
        if (index is { } current && stored == written && version == dataVersion && StoredBatches() == batches)
        {
            return current;
        }

        dataVersion = version;
        return Load(stored);
    }

    private OpenStoryIndex Load(long stored)
    {
        Generation++;
        changedTerms.Clear();
        changedStories.Clear();
        placed.Clear();
        contributions.ResetWrittenCount();
        terms.Clear();
        (documents, written) = (stored, stored);
        batches = StoredBatches();
        // every term when they fit the bound; otherwise as many as it allows, the most frequent first, and the rest read when met
        var limit = Math.Max(1, options.TermsInMemory);
        allKnown = true;
        using (var r = sql.Get("SELECT term, df, display FROM fusion_term_counts ORDER BY df DESC, term LIMIT $p0", limit + 1L).ExecuteReader())
        {
            while (r.Read())
            {
                if (terms.Count == limit)
                {
                    allKnown = false;
                    break;
                }

                var t = new TermFrequency(r.GetString(0), r.GetString(2)) { Df = r.GetInt64(1), Stored = true };
                terms[t.Term] = t;
            }
        }

        Recount(stored);

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

    /// <summary><c>fusion_state.batches</c>: how many batches story clustering has written to the store.</summary>
    /// <exception cref="Store.StoreException">TAC504 when the store has no such row (its schema is older than migration 23).</exception>
    private long StoredBatches() => StateRow("batches", 23);

    /// <summary>A row of <c>fusion_state</c> that migration <paramref name="migration"/> added.</summary>
    /// <exception cref="Store.StoreException">TAC504 when the store has no such row (its schema is older than that migration).</exception>
    private long StateRow(string name, int migration) =>
        sql.Scalar("SELECT value FROM fusion_state WHERE name = $p0", name) is { } value
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : throw new Store.StoreException(new TacitusError("TAC504", "fusion", $"fusion_state has no {name} row: the store's schema is older than story clustering needs (migration {migration})", sql.Connection.DataSource));

    /// <summary>
    /// What a recount's error suggests: the documents counted again are the newest placed, so no ingest goes on past a
    /// damaged one; taking back every document needs no state (<see cref="Rewind"/>), and re-analysing the whole store
    /// places each again with a new contribution.
    /// </summary>
    private const string Repair = "; `tacitus reanalyse --all` places every document again";

    /// <summary>
    /// Counts again the terms of the documents placed after <c>fusion_state.terms_through</c> (their frequencies were
    /// held in memory, not written), from their stored contributions in store order: the frequencies are then what the
    /// run that placed them held, and are written with the next batch that writes frequencies.
    /// </summary>
    private void Recount(long stored)
    {
        // a store below migration 22 has no such row: read as 0 it would count every placed document again on top of
        // the frequencies it wrote, and the row's UPDATE would change nothing
        var termsThrough = StateRow("terms_through", 22);
        (lastPlaced, termsPending) = (termsThrough, 0);
        using var r = sql.Get("SELECT document, contribution FROM story_documents WHERE document > $p0 ORDER BY document", termsThrough).ExecuteReader();
        while (r.Read())
        {
            var document = r.GetInt64(0);
            if (r.IsDBNull(1))
            {
                throw new Store.StoreException(new TacitusError("TAC504", "fusion", $"a story document placed after the written document frequencies has no contribution{Repair}", sql.Connection.DataSource, $"document row {document}"));
            }

            ReadContribution(document, r.GetFieldValue<byte[]>(1), (self: this, document, stored), static (s, term, _) => s.self.Count(term, s.document, s.stored), Repair);
            (lastPlaced, termsPending) = (document, termsPending + 1);
        }
    }

    /// <summary>A placed document's term counted again (<see cref="Recount"/>): its row was written with its batch.</summary>
    /// <exception cref="Store.StoreException">TAC504 when the store has no row for the term.</exception>
    private void Count(string term, long document, long stored)
    {
        if (!terms.TryGetValue(term, out var count))
        {
            count = (allKnown ? null : Stored(term))
                ?? throw new Store.StoreException(new TacitusError("TAC504", "fusion", $"story contribution term '{term}' has no row in fusion_term_counts{Repair}", sql.Connection.DataSource, $"document row {document}"));
            terms.Add(term, count);
        }

        count.Df++;
        count.LastUsed = stored;
        if (!count.Changed)
        {
            count.Changed = true;
            changedTerms.Add(count);
        }
    }

    private OpenStory Create(int? day, OpenStoryIndex stories)
    {
        var story = new OpenStory(nextStory++) { FirstDay = day, LastDay = day, LastArrival = documents + 1 };
        stories.Add(story);
        return story;
    }

    /// <summary>The document that arrived <paramref name="arrival"/>-th (its terms and their normalised weights) joins the story.</summary>
    /// <param name="counts">The terms' entries in the frequency table, in profile order (their displays name the story's terms), or null (replayed contributions: displays are looked up when a title needs them).</param>
    private void Join(OpenStory story, IReadOnlyList<ProfileTerm> profile, double[] weights, TermFrequency[]? counts, int? day, OpenStoryIndex stories, long arrival)
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
                var term = new StoryTerm(profile[i].Key, story, weights[i], day) { Display = counts?[i].Display };
                added.Add(term);
                // a placed document's terms were just looked up for its candidates: their posting lists come with them
                if (counts is null)
                {
                    stories.Post(term);
                }
                else
                {
                    stories.PostFound(term, i);
                }
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
        stories.Joined(story, arrival);
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

    private static int ByTermText(TermFrequency a, TermFrequency b) => string.CompareOrdinal(a.Term, b.Term);

    /// <summary>
    /// Keeps the story's heaviest terms (ties: the first in ordinal order). The terms are ranked by weight and place in
    /// the story's list, which is ordinal order, so the ranking is <see cref="Heavier"/>'s without comparing a string.
    /// </summary>
    private void Prune(OpenStory story, OpenStoryIndex stories)
    {
        var all = CollectionsMarshal.AsSpan(story.Terms);
        if (ranks.Length < all.Length)
        {
            ranks = new (double, int)[all.Length * 2];
            gone = new bool[all.Length * 2];
        }

        var ranked = ranks.AsSpan(0, all.Length);
        for (var i = 0; i < all.Length; i++)
        {
            ranked[i] = (all[i].Weight, i);
        }

        ranked.Sort(default(HeavierFirst));
        var dropped = gone.AsSpan(0, all.Length);
        dropped.Clear();
        for (var i = options.CentroidTerms; i < ranked.Length; i++)
        {
            stories.Unpost(all[ranked[i].Index]);
            dropped[ranked[i].Index] = true;
        }

        // the kept terms close up in place, still in ordinal order
        var kept = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (!dropped[i])
            {
                all[kept++] = all[i];
            }
        }

        CollectionsMarshal.SetCount(story.Terms, kept);
    }

    /// <summary>Heavier terms first, ties in ordinal order of the term (a story's terms are distinct, so no two are equal).</summary>
    private static int Heavier(StoryTerm a, StoryTerm b) =>
        b.Weight.CompareTo(a.Weight) is var order && order != 0 ? order : string.CompareOrdinal(a.Term, b.Term);

    /// <summary>Heavier first, ties by place in the story's (ordinal) list: <see cref="Heavier"/> on the terms at those places.</summary>
    private readonly struct HeavierFirst : IComparer<(double Weight, int Index)>
    {
        public int Compare((double Weight, int Index) x, (double Weight, int Index) y) =>
            y.Weight.CompareTo(x.Weight) is var order && order != 0 ? order : x.Index.CompareTo(y.Index);
    }

    /// <summary>A title of the story's own making: its heaviest names, then its heaviest words ("Emmanuel Macron, Lagos, Bola Tinubu: visit, trade").</summary>
    private string Title(OpenStory story)
    {
        var heaviest = TopRanked.Of(story.Terms, TitleTerms, Heavier);
        var displays = new string[heaviest.Count];
        for (var i = 0; i < heaviest.Count; i++)
        {
            displays[i] = heaviest[i].Display ??= DisplayOf(heaviest[i].Term, story.Id);
        }

        var names = new List<string>(TitleNames);
        var words = new List<string>(TitleWords);
        for (var i = 0; i < heaviest.Count; i++)
        {
            var display = displays[i];
            if (IsName(heaviest[i]))
            {
                if (names.Count < TitleNames && !AgreesWithOne(names, display))
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

    /// <summary>Whether <paramref name="name"/> names the same as one of <paramref name="names"/>.</summary>
    private static bool AgreesWithOne(List<string> names, string name)
    {
        foreach (var n in names)
        {
            if (EventMatcher.NamesAgree(n, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How a title shows a term of a story read back from the store: the frequency table's display (first form seen), held or stored.</summary>
    /// <exception cref="Store.StoreException">TAC504 when the store has no row for the term: a story's term is always counted there.</exception>
    private string DisplayOf(string term, long story)
    {
        if (terms.TryGetValue(term, out var count))
        {
            return count.Display;
        }

        return sql.Scalar("SELECT display FROM fusion_term_counts WHERE term = $p0", term) as string
            ?? throw new Store.StoreException(new TacitusError("TAC504", "fusion", $"story term '{term}' has no row in fusion_term_counts", sql.Connection.DataSource, $"story {story}"));
    }

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
}
