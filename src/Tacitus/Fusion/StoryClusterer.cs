using System.Globalization;
using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// Groups documents into stories online, as they are stored. A document's profile (<see cref="DocumentProfile"/>) is
/// weighted by TF-IDF over the documents clustered so far (document frequencies kept in SQLite) and compared by
/// cosine with the centroid of every story that shares a term with it and is still open (its latest document within
/// the time window); it joins the most similar story above the threshold, or starts a new one. Candidates come from an
/// inverted index in SQLite (term → stories), bounded per term, so memory does not grow with the corpus.
/// </summary>
internal sealed class StoryClusterer(PreparedStatements sql, FusionLexicon lexicon, StoryOptions options)
{
    private const int TitleNames = 3;
    private const int TitleWords = 2;

    /// <summary>Puts the document (row <paramref name="seq"/>) into a story and returns the story's id.</summary>
    public long Assign(long seq, Document document)
    {
        var profile = DocumentProfile.Of(document, lexicon);
        var total = Convert.ToInt64(sql.Scalar("SELECT value FROM fusion_state WHERE name = 'documents'"), CultureInfo.InvariantCulture);
        var weights = new Dictionary<string, double>(profile.Count, StringComparer.Ordinal);
        foreach (var term in profile)
        {
            var df = sql.Scalar("SELECT df FROM fusion_terms WHERE term = $p0", term.Key) is long n ? n : 0;
            var idf = Math.Log((total + 1.0) / (df + 1.0)) + 1.0;
            weights[term.Key] = (1 + Math.Log(term.Count)) * idf;
        }

        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var key in weights.Keys.ToList())
            {
                weights[key] /= norm;
            }
        }

        var day = document.Metadata.Published?.DayNumber;
        var dots = new Dictionary<long, double>();
        foreach (var (term, weight) in weights)
        {
            using var r = sql.Get("SELECT story, weight FROM story_terms WHERE term = $p0 AND ($p1 IS NULL OR last_day IS NULL OR last_day >= $p1) ORDER BY story DESC LIMIT $p2",
                term, day - options.WindowDays, options.PostingLimit).ExecuteReader();
            while (r.Read())
            {
                var story = r.GetInt64(0);
                dots[story] = dots.GetValueOrDefault(story) + (weight * r.GetDouble(1));
            }
        }

        long? best = null;
        var bestSimilarity = 0.0;
        foreach (var (story, dot) in dots.OrderByDescending(d => d.Value).Take(16))
        {
            var norm2 = Convert.ToDouble(sql.Scalar("SELECT norm2 FROM stories WHERE id = $p0", story), CultureInfo.InvariantCulture);
            var similarity = norm2 > 0 ? dot / Math.Sqrt(norm2) : 0;
            if (similarity > bestSimilarity || (similarity == bestSimilarity && best is not null && story > best))
            {
                (best, bestSimilarity) = (story, similarity);
            }
        }

        foreach (var term in profile)
        {
            sql.Run("INSERT INTO fusion_terms (term, df, display) VALUES ($p0, 1, $p1) ON CONFLICT (term) DO UPDATE SET df = df + 1", term.Key, term.Display);
        }

        sql.Run("UPDATE fusion_state SET value = value + 1 WHERE name = 'documents'");
        var id = best is long joined && bestSimilarity >= options.Threshold ? joined : Create(day);
        Join(id, weights, day);
        sql.Run("INSERT OR REPLACE INTO story_documents (document, story, similarity) VALUES ($p0, $p1, $p2)", seq, id, best == id ? bestSimilarity : null);
        return id;
    }

    private long Create(int? day) =>
        (long)sql.Scalar("INSERT INTO stories (title, first_day, last_day, documents, norm2, terms) VALUES ('', $p0, $p0, 0, 0, 0) RETURNING id", day)!;

    private void Join(long story, Dictionary<string, double> weights, int? day)
    {
        var norm2Change = 0.0;
        var added = 0;
        foreach (var (term, weight) in weights)
        {
            var now = Convert.ToDouble(sql.Scalar(
                "INSERT INTO story_terms (term, story, weight, last_day) VALUES ($p0, $p1, $p2, $p3) ON CONFLICT (term, story) DO UPDATE SET weight = weight + excluded.weight RETURNING weight",
                term, story, weight, day), CultureInfo.InvariantCulture);
            var before = now - weight;
            added += before == 0 ? 1 : 0;
            norm2Change += (now * now) - (before * before);
        }

        sql.Run("""
            UPDATE stories SET norm2 = norm2 + $p1, terms = terms + $p2, documents = documents + 1,
                first_day = CASE WHEN $p3 IS NULL THEN first_day WHEN first_day IS NULL OR $p3 < first_day THEN $p3 ELSE first_day END,
                last_day = CASE WHEN $p3 IS NULL THEN last_day WHEN last_day IS NULL OR $p3 > last_day THEN $p3 ELSE last_day END
            WHERE id = $p0
            """, story, norm2Change, added, day);
        if (day is not null)
        {
            sql.Run("UPDATE story_terms SET last_day = $p1 WHERE story = $p0 AND (last_day IS NULL OR last_day < $p1)", story, day);
        }

        var terms = Convert.ToInt64(sql.Scalar("SELECT terms FROM stories WHERE id = $p0", story), CultureInfo.InvariantCulture);
        if (terms > options.CentroidTerms * 3 / 2)
        {
            Prune(story);
        }

        var documents = Convert.ToInt64(sql.Scalar("SELECT documents FROM stories WHERE id = $p0", story), CultureInfo.InvariantCulture);
        if (documents <= 5 || documents % 10 == 0)
        {
            sql.Run("UPDATE stories SET title = $p1 WHERE id = $p0", story, Title(story));
        }
    }

    /// <summary>Keeps the story's heaviest terms; its norm is recomputed over what is kept.</summary>
    private void Prune(long story)
    {
        sql.Run("DELETE FROM story_terms WHERE story = $p0 AND term NOT IN (SELECT term FROM story_terms WHERE story = $p0 ORDER BY weight DESC, term LIMIT $p1)",
            story, options.CentroidTerms);
        sql.Run("UPDATE stories SET terms = (SELECT count(*) FROM story_terms WHERE story = $p0), norm2 = (SELECT total(weight * weight) FROM story_terms WHERE story = $p0) WHERE id = $p0", story);
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
