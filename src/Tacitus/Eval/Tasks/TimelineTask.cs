using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Fusion;
using Tacitus.Pipeline;
using Tacitus.Store;

namespace Tacitus.Eval.Tasks;

/// <summary>
/// <c>eval timeline</c>: SemEval-2015 Task 4 (TimeLine). Each corpus's 30 raw documents (track A, CAT XML: tokens
/// with sentence numbers, and the document creation time) are stored into a new store, fusion included. For each gold
/// timeline (a target entity and its events in order, with dates), the fused events whose reports name the entity in
/// their sentence are the output timeline, ordered by their dates. Scored: whether the gold event sentences yield a
/// report about the entity (precision and recall over document-sentence pairs), the date of each matched event
/// against the gold date at the gold's precision, and the order of matched pairs against the gold order.
/// The task's official measure (temporal awareness over TimeML relation graphs) is not computed.
/// </summary>
internal static class TimelineTask
{
    private sealed record GoldItem(string Document, int Sentence, int Order, string Date);

    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        var data = Path.Combine(request.Gold, "SemEval_Task4_data");
        if (!Directory.Exists(data))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no SemEval_Task4_data folder here", request.Gold));
        }

        var report = new EvalReport("timeline", request.Gold);
        var table = new EvalTable("Timelines: fused events about each target entity against the gold timeline", ["corpus", "timelines", "gold events", "output events", "precision", "recall", "F1", "date right", "pairs in gold order"]);
        int tGold = 0, tOut = 0, tHit = 0, tDated = 0, tDateRight = 0, tPairs = 0, tPairsRight = 0, timelines = 0;
        foreach (var corpus in Directory.EnumerateDirectories(data, "corpus_*").Order(StringComparer.Ordinal))
        {
            var documents = ReadDocuments(Path.Combine(corpus, "corpus_trackA_CAT"), request.Limit, report);
            foreach (var d in documents)
            {
                Analyse(pipeline, d.Document, report, cancellationToken);
            }

            var outputs = FusedTimeline(documents.Select(d => d.Document).ToList(), report);
            int gold = 0, output = 0, hit = 0, dated = 0, dateRight = 0, pairs = 0, pairsRight = 0, count = 0;
            foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, "TimeLines_Gold_Standard"), "*.txt").Order(StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(file);
                if (lines.Length == 0)
                {
                    continue;
                }

                count++;
                var entity = lines[0].Trim().Replace('_', ' ');
                var items = ReadGold(lines, file, report);
                var mine = outputs.Where(o => o.Evidence.Contains(entity, StringComparison.OrdinalIgnoreCase)).ToList();
                var mineKeys = mine.Select(m => (m.Document, m.Sentence)).ToHashSet();
                var goldKeys = items.Select(g => (g.Document, g.Sentence)).ToHashSet();
                gold += goldKeys.Count;
                output += mineKeys.Count;
                hit += goldKeys.Count(mineKeys.Contains);
                var matched = new List<(GoldItem Gold, DateOnly? Ours)>();
                foreach (var g in items.Where(g => mineKeys.Contains((g.Document, g.Sentence))).GroupBy(g => (g.Document, g.Sentence)).Select(x => x.First()))
                {
                    var ours = mine.First(m => m.Document == g.Document && m.Sentence == g.Sentence);
                    matched.Add((g, ours.Earliest));
                    if (!g.Date.StartsWith("XXXX", StringComparison.Ordinal))
                    {
                        dated++;
                        dateRight += DateAgrees(g.Date, ours.DateValue) ? 1 : 0;
                    }
                }

                var ordered = matched.Where(m => m.Gold.Order > 0 && m.Ours is not null).ToList();
                for (var i = 0; i < ordered.Count; i++)
                {
                    for (var j = i + 1; j < ordered.Count; j++)
                    {
                        if (ordered[i].Gold.Order == ordered[j].Gold.Order)
                        {
                            continue;
                        }

                        pairs++;
                        var goldSign = Math.Sign(ordered[i].Gold.Order - ordered[j].Gold.Order);
                        var ourSign = ordered[i].Ours!.Value.CompareTo(ordered[j].Ours!.Value);
                        pairsRight += Math.Sign(ourSign) == goldSign ? 1 : 0;
                    }
                }
            }

            table.Row(Path.GetFileName(corpus), EvalReport.Int(count), EvalReport.Int(gold), EvalReport.Int(output), Ratio(hit, output), Ratio(hit, gold),
                F1(hit, output, gold), $"{dateRight}/{dated}", $"{pairsRight}/{pairs}");
            (tGold, tOut, tHit, tDated, tDateRight, tPairs, tPairsRight, timelines) =
                (tGold + gold, tOut + output, tHit + hit, tDated + dated, tDateRight + dateRight, tPairs + pairs, tPairsRight + pairsRight, timelines + count);
        }

        table.Row("all", EvalReport.Int(timelines), EvalReport.Int(tGold), EvalReport.Int(tOut), Ratio(tHit, tOut), Ratio(tHit, tGold), F1(tHit, tOut, tGold), $"{tDateRight}/{tDated}", $"{tPairsRight}/{tPairs}");
        report.Tables.Add(table);
        report.Figures["precision"] = tOut == 0 ? 0 : tHit / (double)tOut;
        report.Figures["recall"] = tGold == 0 ? 0 : tHit / (double)tGold;
        report.Figures["date_accuracy"] = tDated == 0 ? 0 : tDateRight / (double)tDated;
        report.Figures["order_accuracy"] = tPairs == 0 ? 0 : tPairsRight / (double)tPairs;
        report.Notes.Add("Text: each CAT sentence is a paragraph of its tokens joined by spaces; sentence 0 is the headline; the document creation time is the publication date.");
        report.Notes.Add("Output timeline of an entity: the reports of fused events whose sentence contains the entity's name; an event counts once per document sentence.");
        report.Notes.Add("Precision and recall are over (document, sentence) pairs: the gold marks event words, Tacitus codes political events (PLOVER), so most business events on these timelines (sales, orders, deliveries) have no PLOVER type and are missed by design.");
        report.Notes.Add("Date right: the fused event's date agrees with the gold date at the gold's precision (2005-XX-XX: the year). Pairs: matched events with different gold order, ordered the same way by the fused events' earliest dates.");
        return report;
    }

    private sealed record Output(string Document, int Sentence, string Evidence, string? DateValue, DateOnly? Earliest);

    private sealed record CatDocument(string Id, Document Document, List<int> SentenceStarts);

    private static List<Output> FusedTimeline(List<Document> documents, EvalReport report)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tacitus-eval-timeline-{Guid.NewGuid():N}.db");
        try
        {
            var outputs = new List<Output>();
            using var store = DocumentStore.Open(path);
            foreach (var error in store.SaveBatch(documents).Failed)
            {
                report.Misses.Add(new EvalMiss(error.File ?? string.Empty, "store-error", string.Empty, error.Message, string.Empty));
            }

            using var fusion = store.Fusion();
            foreach (var e in fusion.FusedEvents())
            {
                foreach (var r in e.Reports)
                {
                    // the CAT document id is the file name's number; the sentence is the paragraph (one CAT sentence each)
                    var doc = documents.First(d => d.Id.Value == r.Document.Id);
                    var start = doc.Sentences[Math.Max(0, r.Sentence)].Paragraph;
                    outputs.Add(new Output(doc.Metadata.ExternalId!, start, r.Evidence, e.DateValue, e.Earliest));
                }
            }

            return outputs;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static List<CatDocument> ReadDocuments(string folder, int? limit, EvalReport report)
    {
        var list = new List<CatDocument>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal).Take(limit ?? int.MaxValue))
        {
            XDocument xml;
            try
            {
                xml = XDocument.Load(file);
            }
            catch (System.Xml.XmlException ex)
            {
                report.GoldProblems.Add(EvalErrors.Create(EvalErrors.Malformed, ex.Message, file));
                continue;
            }

            var root = xml.Root!;
            var id = (string?)root.Attribute("doc_id") ?? Path.GetFileNameWithoutExtension(file);
            var text = new StringBuilder();
            var starts = new List<int>();
            foreach (var sentence in root.Elements("token").GroupBy(t => (int?)t.Attribute("sentence") ?? 0).OrderBy(g => g.Key))
            {
                while (starts.Count < sentence.Key)
                {
                    starts.Add(text.Length); // a sentence number with no tokens
                }

                if (text.Length > 0)
                {
                    text.Append("\n\n");
                }

                starts.Add(text.Length);
                text.AppendJoin(' ', sentence.Select(t => t.Value));
            }

            var dct = root.Descendants("TIMEX3").FirstOrDefault(t => (string?)t.Attribute("functionInDocument") == "CREATION_TIME")?.Attribute("value")?.Value;
            var published = dct is not null && DateOnly.TryParseExact(dct[..Math.Min(10, dct.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
            var title = text.ToString().Split('\n', 2)[0];
            var document = new Document(text.ToString(), new DocumentMetadata { Title = title, Published = published, Origin = file, ExternalId = id, Format = "text", Outlet = "Wikinews" }) { Language = "en" };
            list.Add(new CatDocument(id, document, starts));
        }

        return list;
    }

    private static void Analyse(AnalysisPipeline pipeline, Document document, EvalReport report, CancellationToken cancellationToken)
    {
        try
        {
            pipeline.Process(document, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            report.Misses.Add(new EvalMiss(document.Metadata.Origin ?? string.Empty, "pipeline-error", string.Empty, $"{ex.GetType().Name}: {ex.Message}", string.Empty));
        }

        report.Documents++;
    }

    private static List<GoldItem> ReadGold(string[] lines, string file, EvalReport report)
    {
        var items = new List<GoldItem>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split('\t');
            if (fields.Length < 3 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var order))
            {
                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    report.GoldProblems.Add(EvalErrors.Create(EvalErrors.Malformed, "expected order, date and mentions separated by tabs", file, i + 1));
                }

                continue;
            }

            foreach (var mention in fields.Skip(2))
            {
                var parts = mention.Split('-', 3);
                if (parts.Length == 3 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sentence))
                {
                    items.Add(new GoldItem(parts[0], sentence, order, fields[1]));
                }
            }
        }

        return items;
    }

    /// <summary>The output date agrees with the gold date at the gold's precision ("2005-XX-XX" compares the year).</summary>
    private static bool DateAgrees(string gold, string? ours)
    {
        if (ours is null)
        {
            return false;
        }

        var known = gold.Split('-').TakeWhile(p => !p.Contains('X', StringComparison.Ordinal)).ToList();
        var prefix = string.Join('-', known);
        return prefix.Length > 0 && ours.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "–" : EvalReport.Num(part / (double)whole);

    private static string F1(int hit, int output, int gold)
    {
        if (hit == 0)
        {
            return EvalReport.Num(0);
        }

        var p = hit / (double)output;
        var r = hit / (double)gold;
        return EvalReport.Num(2 * p * r / (p + r));
    }
}
