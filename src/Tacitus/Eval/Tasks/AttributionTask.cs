using Tacitus.Eval.Scoring;
using Tacitus.Eval.Readers;
using Tacitus.Pipeline;

namespace Tacitus.Eval.Tasks;

/// <summary><c>eval attribution</c>: each brat-annotated article analysed with the date in its file name.</summary>
internal static class AttributionTask
{
    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        GoldSet<BratDocument> gold;
        if (File.Exists(request.Gold))
        {
            gold = new GoldSet<BratDocument>();
            gold.Items.Add(BratReader.Read(request.Gold, request.Texts, gold.Problems));
        }
        else
        {
            gold = BratReader.ReadFolder(request.Gold, request.Texts, request.Limit);
        }

        var report = new EvalReport("attribution", request.Gold);
        report.GoldProblems.AddRange(gold.Problems);
        var scorer = new AttributionScorer();
        foreach (var article in gold.Items)
        {
            var document = EvalTasks.Analyse(pipeline, article.Text, article.Date, article.TextPath, report, cancellationToken);
            scorer.Add(article.Name, article.Attributions, document);
        }

        scorer.Report(report);
        report.Notes.Add("Gold: Source, Cue and Content spans of Attribution and Attribution-no-source events; a discontinuous span is read as its hull. One annotator's file per article (the first by name).");
        report.Notes.Add("Exact: same offsets. Overlap: any shared character, each span matched at most once.");
        return report;
    }
}
