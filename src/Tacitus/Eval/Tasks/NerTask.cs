using Tacitus.Eval.Readers;
using Tacitus.Eval.Scoring;
using Tacitus.Pipeline;

namespace Tacitus.Eval.Tasks;

/// <summary><c>eval ner</c>: each IOB2 document (tokens joined by spaces) analysed, no date.</summary>
internal static class NerTask
{
    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        var gold = Iob2Reader.Read(request.Gold, request.Limit);
        var report = new EvalReport("ner", request.Gold);
        report.GoldProblems.AddRange(gold.Problems);
        var scorer = new NerScorer();
        foreach (var doc in gold.Items)
        {
            var document = EvalTasks.Analyse(pipeline, doc.Text, null, $"{request.Gold}#{doc.Id}", report, cancellationToken);
            scorer.Add(doc.Id, doc.Entities, document);
        }

        scorer.Report(report);
        report.Notes.Add("Mapping: PER ↔ Person, ORG ↔ Organization, LOC ↔ Place and Country; reference mentions (pronouns, descriptions, groups) are left out; a span found as both place and country counts once.");
        report.Notes.Add("Documents: one per '# newdoc', tokens joined by single spaces, sentences by a blank line.");
        return report;
    }
}
