using Tacitus.Eval.Readers;
using Tacitus.Eval.Scoring;
using Tacitus.Pipeline;

namespace Tacitus.Eval.Tasks;

/// <summary><c>eval events</c>: each PLOVER gold sentence analysed as a document dated with its record's date.</summary>
internal static class EventsTask
{
    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        var gold = PloverGoldReader.Read(request.Gold);
        var report = new EvalReport("events", request.Gold);
        report.GoldProblems.AddRange(gold.Problems);
        var scorer = new EventScorer();
        foreach (var record in gold.Items.Take(request.Limit ?? int.MaxValue))
        {
            var document = EvalTasks.Analyse(pipeline, record.Text, record.Date, $"{request.Gold}:{record.Line}", report, cancellationToken);
            scorer.Add(record, document);
        }

        scorer.Report(report);
        report.Notes.Add("Country codes of the gold records go through data/eval/cameo-country-codes.tsv (JAP→JPN, VTN→VNM, …); records are not edited.");
        report.Notes.Add("Event types of older PLOVER drafts in the gold (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) are read as the 2021 types Tacitus codes (REQUEST, ACCUSE, ACCUSE, ASSAULT), per the manual's translation table, listed in data/eval/plover-legacy-types.tsv.");
        report.Notes.Add("The gold writes the United Nations and its bodies as IGO (CAMEO IGOUNO); an output UNO matches a gold IGO.");
        report.Notes.Add("The best-agreeing output event of each record is compared (type, then actor country, then recipient country). Missed: no event coded. Spurious: a record with an event of another type.");
        report.Notes.Add("Anchor: UniversalPetrarch reports 68% correct, 32% missed, 23% spurious on its own validation suite.");
        return report;
    }
}
