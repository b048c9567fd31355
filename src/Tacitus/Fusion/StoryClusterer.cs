using System.Globalization;
using System.Text.Json;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// Groups documents into stories online, as they are stored. A document's profile (<see cref="DocumentProfile"/>) is
/// weighted by TF-IDF over the documents clustered so far (document frequencies kept in SQLite) and compared by
/// cosine with the centroid of every story that shares a term with it and is still open (its latest document within
/// the time window); it joins the most similar story above the threshold, or starts a new one. Candidates come from
/// <see cref="StoryTermIndex"/>, the story terms (term → stories) in memory, bounded per term and in all, and kept in step
/// with the store's <c>story_terms</c> by the statements that write it (read back with RETURNING); when it dropped postings
/// a document could need, the same query runs in SQLite. It is rebuilt from the store whenever the store's document count
/// is not the one it last saw (first use, a rolled-back batch, another writer), so it never answers for a state the store
/// does not have.
/// </summary>
internal sealed class StoryClusterer(PreparedStatements sql, FusionLexicon lexicon, StoryOptions options)
{
    private const int TitleNames = 3;
    private const int TitleWords = 2;

    private StoryTermIndex? index;

    /// <summary>Puts the document (row <paramref name="seq"/>) into a story and returns the story's id.</summary>
    public long Assign(long seq, Document document)
    {
        // A handful of statements per document, each over all its terms at once (json_each), rather than a few per term:
        // the document count and the document frequencies are read by the statements that add this document to them.
        var profile = DocumentProfile.Of(document, lexicon);
        var total = Convert.ToInt64(sql.Scalar("UPDATE fusion_state SET value = value + 1 WHERE name = 'documents' RETURNING value"), CultureInfo.InvariantCulture) - 1;
        var stories = Index(total);
        stories.Documents = -1; // out of step until this document is all in: a failure half-way has it rebuilt
        var weights = new double[profile.Count];
        var positions = new Dictionary<string, int>(profile.Count, StringComparer.Ordinal);
        for (var i = 0; i < profile.Count; i++)
        {
            positions[profile[i].Key] = i;
        }

        using (var r = sql.Get("""
            INSERT INTO fusion_terms (term, df, display) SELECT value ->> 0, 1, value ->> 1 FROM json_each($p0) WHERE true
            ON CONFLICT (term) DO UPDATE SET df = df + 1 RETURNING term, df
            """, Terms(profile)).ExecuteReader())
        {
            while (r.Read())
            {
                var i = positions[r.GetString(0)];
                var df = r.GetInt64(1) - 1;
                var idf = Math.Log((total + 1.0) / (df + 1.0)) + 1.0;
                weights[i] = (1 + Math.Log(profile[i].Count)) * idf;
            }
        }

        var norm = Math.Sqrt(weights.Sum(w => w * w));
        if (norm > 0)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] /= norm;
            }
        }

        // Candidates: for each term, the most recent stories (at most PostingLimit) that have it and are still open, from
        // the index in memory (SQLite answers when the index dropped postings the document could need).
        var day = document.Metadata.Published?.DayNumber;
        var entries = Entries(profile, weights);
        var candidates = stories.Candidates([.. profile.Select(t => t.Key)], weights, day - options.WindowDays) ?? StoredCandidates(entries, day);
        long? best = null;
        var bestSimilarity = 0.0;
        foreach (var (story, (dot, norm2)) in candidates.OrderByDescending(c => c.Value.Dot).ThenByDescending(c => c.Key).Take(16))
        {
            var similarity = norm2 > 0 ? dot / Math.Sqrt(norm2) : 0;
            if (similarity > bestSimilarity || (similarity == bestSimilarity && best is not null && story > best))
            {
                (best, bestSimilarity) = (story, similarity);
            }
        }

        var id = best is long joined && bestSimilarity >= options.Threshold ? joined : Create(day);
        Join(id, entries, day, stories);
        sql.Run("INSERT OR REPLACE INTO story_documents (document, story, similarity) VALUES ($p0, $p1, $p2)", seq, id, best == id ? bestSimilarity : null);
        stories.Documents = total + 1;
        return id;
    }

    /// <summary>The index in step with the store's <paramref name="documents"/> count, rebuilt from the store when it is not (first use, a rolled-back batch, another writer).</summary>
    private StoryTermIndex Index(long documents)
    {
        if (index is { } kept && kept.Documents == documents)
        {
            return kept;
        }

        var built = new StoryTermIndex(options.PostingLimit, options.IndexPostings);
        using (var r = sql.Get("SELECT term, story, weight, last_day FROM story_terms ORDER BY term, story").ExecuteReader())
        {
            while (r.Read())
            {
                built.Set(r.GetString(0), r.GetInt64(1), r.GetDouble(2), r.IsDBNull(3) ? null : r.GetInt32(3));
            }
        }

        using (var r = sql.Get("SELECT id, norm2 FROM stories").ExecuteReader())
        {
            while (r.Read())
            {
                built.Norm(r.GetInt64(0), r.GetDouble(1));
            }
        }

        built.Documents = documents;
        index = built;
        return built;
    }

    /// <summary>The candidate stories as SQLite finds them (the dot products summed there), for when the index cannot answer.</summary>
    private Dictionary<long, (double Dot, double Norm2)> StoredCandidates(string entries, int? day)
    {
        var found = new Dictionary<long, (double Dot, double Norm2)>();
        using var r = sql.Get("""
            WITH q (term, weight) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each($p0))
            SELECT s.story, total(q.weight * s.weight) AS dot, st.norm2 FROM q
            JOIN story_terms s ON s.term = q.term
                AND s.story >= coalesce((SELECT x.story FROM story_terms x WHERE x.term = q.term AND ($p1 IS NULL OR x.last_day IS NULL OR x.last_day >= $p1)
                    ORDER BY x.story DESC LIMIT 1 OFFSET $p2 - 1), 0)
            JOIN stories st ON st.id = s.story
            WHERE $p1 IS NULL OR s.last_day IS NULL OR s.last_day >= $p1
            GROUP BY s.story ORDER BY dot DESC, s.story DESC LIMIT 16
            """, entries, day - options.WindowDays, options.PostingLimit).ExecuteReader();
        while (r.Read())
        {
            found[r.GetInt64(0)] = (r.GetDouble(1), r.GetDouble(2));
        }

        return found;
    }

    /// <summary>The profile's terms as one JSON array of [term, display].</summary>
    private static string Terms(IReadOnlyList<ProfileTerm> profile) =>
        JsonSerializer.Serialize(profile.Select(t => new[] { t.Key, t.Display }).ToArray(), FusionRowJson.Default.StringArrayArray);

    /// <summary>The profile as one JSON array of [term, weight, display] for the statements that take every term at once.</summary>
    private static string Entries(IReadOnlyList<ProfileTerm> profile, double[] weights)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 + (profile.Count * 48));
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            for (var i = 0; i < profile.Count; i++)
            {
                w.WriteStartArray();
                w.WriteStringValue(profile[i].Key);
                w.WriteNumberValue(weights[i]);
                w.WriteStringValue(profile[i].Display);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private long Create(int? day) =>
        (long)sql.Scalar("INSERT INTO stories (title, first_day, last_day, documents, norm2, terms) VALUES ('', $p0, $p0, 0, 0, 0) RETURNING id", day)!;

    private void Join(long story, string entries, int? day, StoryTermIndex stories)
    {
        using (var r = sql.Get("""
            INSERT INTO story_terms (term, story, weight, last_day) SELECT value ->> 0, $p1, value ->> 1, $p2 FROM json_each($p0) WHERE true
            ON CONFLICT (term, story) DO UPDATE SET weight = weight + excluded.weight RETURNING term, weight, last_day
            """, entries, story, day).ExecuteReader())
        {
            while (r.Read())
            {
                stories.Set(r.GetString(0), story, r.GetDouble(1), r.IsDBNull(2) ? null : r.GetInt32(2));
            }
        }

        if (day is not null)
        {
            sql.Run("UPDATE story_terms SET last_day = $p1 WHERE story = $p0 AND (last_day IS NULL OR last_day < $p1)", story, day);
        }

        // The story's norm and term count from its terms as they now are (at most one and a half times CentroidTerms rows).
        long count, documents;
        using (var r = sql.Get("""
            UPDATE stories SET documents = documents + 1,
                norm2 = (SELECT total(weight * weight) FROM story_terms WHERE story = $p0), terms = (SELECT count(*) FROM story_terms WHERE story = $p0),
                first_day = CASE WHEN $p1 IS NULL THEN first_day WHEN first_day IS NULL OR $p1 < first_day THEN $p1 ELSE first_day END,
                last_day = CASE WHEN $p1 IS NULL THEN last_day WHEN last_day IS NULL OR $p1 > last_day THEN $p1 ELSE last_day END
            WHERE id = $p0 RETURNING terms, documents, norm2
            """, story, day).ExecuteReader())
        {
            r.Read();
            (count, documents) = (r.GetInt64(0), r.GetInt64(1));
            stories.Joined(story, r.GetDouble(2), day);
        }

        if (count > options.CentroidTerms * 3 / 2)
        {
            Prune(story, stories);
        }

        if (documents <= 5 || documents % 10 == 0)
        {
            sql.Run("UPDATE stories SET title = $p1 WHERE id = $p0", story, Title(story));
        }
    }

    /// <summary>Keeps the story's heaviest terms; its norm is recomputed over what is kept.</summary>
    private void Prune(long story, StoryTermIndex stories)
    {
        var removed = new List<string>();
        using (var r = sql.Get("DELETE FROM story_terms WHERE story = $p0 AND term NOT IN (SELECT term FROM story_terms WHERE story = $p0 ORDER BY weight DESC, term LIMIT $p1) RETURNING term",
            story, options.CentroidTerms).ExecuteReader())
        {
            while (r.Read())
            {
                removed.Add(r.GetString(0));
            }
        }

        var norm2 = Convert.ToDouble(sql.Scalar("UPDATE stories SET terms = (SELECT count(*) FROM story_terms WHERE story = $p0), norm2 = (SELECT total(weight * weight) FROM story_terms WHERE story = $p0) WHERE id = $p0 RETURNING norm2", story),
            CultureInfo.InvariantCulture);
        stories.Pruned(story, removed, norm2);
    }

    /// <summary>A title of the story's own making: its heaviest names, then its heaviest words ("Emmanuel Macron, Lagos, Bola Tinubu: visit, trade").</summary>
    private string Title(long story)
    {
        var terms = new List<(string Display, bool Name)>();
        using (var r = sql.Get("SELECT t.display, s.term FROM story_terms s JOIN fusion_terms t ON t.term = s.term WHERE s.story = $p0 ORDER BY s.weight DESC, s.term LIMIT 40", story).ExecuteReader())
        {
            while (r.Read())
            {
                terms.Add((r.GetString(0), r.GetString(1).StartsWith('~')));
            }
        }

        var names = new List<string>();
        foreach (var (display, _) in terms.Where(t => t.Name))
        {
            if (names.Count < TitleNames && !names.Any(n => EventMatcher.NamesAgree(n, display)))
            {
                names.Add(display);
            }
        }

        var words = terms.Where(t => !t.Name && !terms.Any(n => n.Name && n.Display.Contains(t.Display, StringComparison.OrdinalIgnoreCase)))
            .Select(t => t.Display).Take(TitleWords).ToList();
        var title = string.Join(", ", names);
        return words.Count == 0 ? title : title.Length == 0 ? string.Join(", ", words) : $"{title}: {string.Join(", ", words)}";
    }
}
