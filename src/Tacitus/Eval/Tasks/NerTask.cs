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
        report.Notes.Add("Mapping: PER ↔ Person, ORG ↔ Organisation, LOC ↔ Place names of the entity recogniser (Document.Names); group and other names are not scored.");
        report.Notes.Add("Documents: one per '# newdoc', tokens joined by single spaces, sentences by a blank line.");
        return report;
    }
}
