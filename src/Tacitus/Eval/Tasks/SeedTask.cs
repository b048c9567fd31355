using Tacitus.Eval.Readers;
using Tacitus.Eval.Scoring;
using Tacitus.Pipeline;

namespace Tacitus.Eval.Tasks;

/// <summary><c>eval seed</c>: the reference story (the text file the gold names, next to it) against its human reading.</summary>
internal static class SeedTask
{
    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        var gold = SeedGold.Read(request.Gold);
        var textPath = request.Texts
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.Gold))!, gold.File ?? Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(request.Gold)) + ".txt");
        if (!File.Exists(textPath))
        {
            throw new GoldFormatException(EvalErrors.Create(EvalErrors.MissingText, $"the story text '{textPath}' is missing", request.Gold));
        }

        var report = new EvalReport("seed", request.Gold);
        var document = EvalTasks.Analyse(pipeline, File.ReadAllText(textPath), gold.Published, textPath, report, cancellationToken);
        var scorer = new SeedScorer(gold);
        scorer.Score(document, Path.GetFileName(textPath));
        scorer.Report(report);
        report.Notes.Add("The story is analysed as `tacitus code <story> --date <published>` would: only the publication date is given.");
        report.Notes.Add("Matched as the seed GOLD.md describes: curly quotes folded, white space collapsed; evidence containment, accepted types and countries; spurious = output events matching no gold event.");
        return report;
    }
}
