using Tacitus.Documents;
using Tacitus.Eval.Readers;
using Tacitus.Events.Tree;
using Tacitus.Knowledge;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Eval.Tasks;

/// <summary>
/// <c>eval petrarch</c>: UD-PETRARCH's functional validation suite, run as its validation.py runs it — the suite's
/// own dictionaries (from its <c>&lt;Environment&gt;</c>) and its own UDPipe parses, the tree coder over each record
/// as a one-sentence document, and each coded event counted correct when event, source and target codes all equal
/// an expected event's.
/// </summary>
internal static class PetrarchTask
{
    private static readonly string[] Columns = ["Category", "Records", "Correct", "Uncoded", "Extra", "Null", "TP", "FN", "FP"];

    public static EvalReport Run(EvalRequest request, CancellationToken cancellationToken)
    {
        var (environment, records, problems) = PetrarchSuiteReader.Read(request.Gold);
        var report = new EvalReport("petrarch", request.Gold);
        report.GoldProblems.AddRange(problems);
        var dictionaryErrors = new List<TacitusError>();
        var coder = Load(environment, dictionaryErrors);
        report.GoldProblems.AddRange(dictionaryErrors);

        var rows = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var record in records.Where(r => r.Evaluate && environment.Include.Contains(r.Category)).Take(request.Limit ?? int.MaxValue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.Expected.Count == 0 && !record.NoEvents)
            {
                continue;
            }

            var parseProblems = new List<TacitusError>();
            var sentence = ConlluReader.Read(new StringReader(record.Parse), $"{request.Gold}:{record.Id}", parseProblems).FirstOrDefault();
            report.GoldProblems.AddRange(parseProblems);
            var coded = new List<TreeEvent>();
            if (sentence is not null)
            {
                var document = ConlluDocumentBuilder.Build(sentence, record.Text, new DocumentMetadata { Origin = record.Id, Published = record.Date });
                coded = coder.Code(document, document.Sentences[0], record.Date);
            }

            report.Documents++;
            var counts = Score(record, coded, report);
            if (!rows.TryGetValue(record.Category, out var row))
            {
                row = new int[5];
                rows[record.Category] = row;
                order.Add(record.Category);
            }

            for (var i = 0; i < 5; i++)
            {
                row[i] += counts[i];
            }
        }

        var table = new EvalTable("Validation (as validation.py tabulates it: TP = correct/(correct+uncoded), FP = extra/records)", Columns);
        var total = new int[5];
        foreach (var category in order)
        {
            AddRow(table, category, rows[category]);
            for (var i = 0; i < 5; i++)
            {
                total[i] += rows[category][i];
            }
        }

        AddRow(table, "Total", total);
        report.Tables.Add(table);
        report.Figures["records"] = total[0];
        report.Figures["correct"] = Fraction(total[1], total[1] + total[2]);
        report.Figures["uncoded"] = Fraction(total[2], total[1] + total[2]);
        report.Figures["extra"] = Fraction(total[3], total[0]);
        report.Notes.Add($"Dictionaries from the suite's <Environment>: {Path.GetFileName(environment.Verbs)}, {string.Join(", ", environment.Actors.Select(Path.GetFileName))}, {string.Join(", ", environment.Agents.Select(Path.GetFileName))}{(environment.Discards is null ? string.Empty : ", " + Path.GetFileName(environment.Discards))}; categories {string.Join(' ', environment.Include.Order(StringComparer.Ordinal))}; records with evaluate=\"false\" skipped.");
        report.Notes.Add("Parses are the suite's own (UDPipe); the coder reads them through the same token layer the pipeline fills.");
        report.Notes.Add("Anchor: UniversalPetrarch reports 68.3% correct, 31.7% uncoded, 23.0% extra on this suite.");
        return report;
    }

    /// <summary>The suite's dictionaries as a tree coder; their problems are listed, the rest loads.</summary>
    internal static TreeEventCoder Load(PetrarchSuiteEnvironment environment, List<TacitusError> errors)
    {
        var verbs = File.Exists(environment.Verbs) ? PetrarchDictionaryReader.ReadVerbs(environment.Verbs, errors) : Missing(environment.Verbs, errors, new PetrarchVerbDictionary());
        var actors = environment.Actors.Where(f => File.Exists(f) || Missing(f, errors, false)).SelectMany(f => PetrarchDictionaryReader.ReadActors(f, errors)).ToList();
        var agents = environment.Agents.Where(f => File.Exists(f) || Missing(f, errors, false)).SelectMany(f => PetrarchDictionaryReader.ReadAgents(f, errors)).ToList();
        var discards = environment.Discards is { } d && File.Exists(d) ? PetrarchDictionaryReader.ReadDiscards(d, errors) : [];
        var negations = environment.Ontology is { } o && File.Exists(o) ? PetrarchDictionaryReader.ReadNegations(o, errors) : null;
        return new TreeEventCoder(verbs, new PetrarchCodebook(actors, agents), discards, negations, transformer: NestedEventTransformer.Resolve(verbs, errors));
    }

    private static T Missing<T>(string file, List<TacitusError> errors, T value)
    {
        errors.Add(EvalErrors.Create(EvalErrors.NotFound, "dictionary named in the <Environment> not found", file));
        return value;
    }

    /// <summary>Records, correct, uncoded, extra, null for one record, as validation.py counts them.</summary>
    private static int[] Score(PetrarchSuiteRecord record, List<TreeEvent> coded, EvalReport report)
    {
        var found = 0;
        foreach (var e in coded)
        {
            if (!record.NoEvents && record.Expected.Any(x => x.Event == e.Cameo && x.Source == e.Source.Code && x.Target == e.Target?.Code))
            {
                found++;
            }
        }

        int correct, uncoded, extra;
        if (record.NoEvents)
        {
            correct = coded.Count == 0 ? 1 : 0;
            uncoded = 1 - correct;
            extra = coded.Count;
        }
        else
        {
            correct = found;
            uncoded = record.Expected.Count - found;
            extra = coded.Count - found;
        }

        if (uncoded > 0 || extra > 0)
        {
            var gold = record.NoEvents ? "no events" : string.Join("; ", record.Expected.Select(x => $"{x.Event} {x.Source} {x.Target}"));
            var output = coded.Count == 0 ? "no events" : string.Join("; ", coded.Select(e => $"{e.Cameo} {e.Source.Code} {e.Target?.Code ?? "---"} [{e.Block}{(e.Pattern is null ? string.Empty : ": " + e.Pattern)}]"));
            var text = string.Join(' ', record.Text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            report.Misses.Add(new EvalMiss(record.Id, uncoded > 0 ? "uncoded" : "extra", gold, output, text));
        }

        return [1, correct, uncoded, extra, 0];
    }

    private static void AddRow(EvalTable table, string category, int[] c) =>
        table.Row(category, EvalReport.Int(c[0]), EvalReport.Int(c[1]), EvalReport.Int(c[2]), EvalReport.Int(c[3]), EvalReport.Int(c[4]),
            EvalReport.Pct(Fraction(c[1], c[1] + c[2])), EvalReport.Pct(Fraction(c[2], c[1] + c[2])), EvalReport.Pct(Fraction(c[3], c[0])));

    private static double Fraction(int a, int b) => b == 0 ? 0 : (double)a / b;
}
