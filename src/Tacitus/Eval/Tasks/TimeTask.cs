using Tacitus.Eval.Readers;
using Tacitus.Eval.Scoring;
using Tacitus.Pipeline;

namespace Tacitus.Eval.Tasks;

/// <summary><c>eval time</c>: the TEXT of each TimeML document analysed with its creation time as publication date.</summary>
internal static class TimeTask
{
    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        var gold = TimeMlReader.ReadFolder(request.Gold, request.Limit);
        var report = new EvalReport("time", request.Gold);
        report.GoldProblems.AddRange(gold.Problems);
        var scorer = new TimeScorer();
        foreach (var tml in gold.Items)
        {
            var document = EvalTasks.Analyse(pipeline, tml.Text, tml.CreationTime, tml.Path, report, cancellationToken);
            scorer.Add(tml.Name, tml.Timexes, document);
        }

        scorer.Report(report);
        report.Notes.Add("Text: the TEXT element with tags stripped; the DCT is the publication date. The DCT itself is not scored.");
        report.Notes.Add("Value: exact string match of the TIMEX3 value with the mention's TimeInfo.Value (TempEval-3). Value F1 = right values over output (P) and gold (R).");
        report.Notes.Add("Anchors: HeidelTime reaches a value F1 of about 0.78 on TempEval-3; SUTime about 0.67.");
        return report;
    }
}
