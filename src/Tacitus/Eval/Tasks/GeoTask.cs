using Tacitus.Eval.Readers;
using Tacitus.Knowledge;
using Tacitus.Eval.Scoring;
using Tacitus.Pipeline;

namespace Tacitus.Eval.Tasks;

/// <summary><c>eval geo</c>: every article of each geo gold file (a file, or every <c>.xml</c> in a folder), one row per file.</summary>
internal static class GeoTask
{
    public static EvalReport Run(EvalRequest request, AnalysisPipeline pipeline, CancellationToken cancellationToken)
    {
        IEnumerable<string> files = File.Exists(request.Gold) ? [request.Gold]
            : Directory.Exists(request.Gold) ? Directory.EnumerateFiles(request.Gold, "*.xml").Order(StringComparer.Ordinal)
            : throw new GoldFormatException(EvalErrors.Create(EvalErrors.NotFound, "no such gold file or folder", request.Gold));
        var report = new EvalReport("geo", request.Gold);
        var table = GeoScorer.NewTable();
        var total = new List<GeoScorer>();
        var locator = new GoldCountryLocator(Gazetteer.Default);
        var sources = new int[Enum.GetValues<GoldCountrySource>().Length];
        foreach (var file in files)
        {
            GoldSet<GeoDocument> gold;
            try
            {
                gold = GeoXmlReader.Read(file, request.Limit);
            }
            catch (GoldFormatException ex)
            {
                report.GoldProblems.Add(ex.Error);
                continue;
            }

            report.GoldProblems.AddRange(gold.Problems);
            var scorer = new GeoScorer();
            var label = Path.GetFileNameWithoutExtension(file);
            foreach (var article in gold.Items)
            {
                var document = EvalTasks.Analyse(pipeline, article.Text, article.Date, $"{file}#{article.Id}", report, cancellationToken);
                var toponyms = new List<GoldToponym>(article.Toponyms.Count);
                foreach (var toponym in article.Toponyms)
                {
                    var (located, source) = locator.Locate(toponym);
                    toponyms.Add(located);
                    sources[(int)source]++;
                }

                scorer.Add($"{label}#{article.Id}", toponyms, document);
            }

            scorer.AddRow(table, label);
            report.Misses.AddRange(scorer.Misses);
            report.Figures[$"{label}_f1"] = scorer.Overlap.F1;
            report.Figures[$"{label}_acc161"] = scorer.Within161.Value;
            report.Figures[$"{label}_country"] = scorer.Country.Value;
            report.Figures[$"{label}_acc161_all"] = scorer.Within161All.Value;
            report.Figures[$"{label}_country_all"] = scorer.CountryAll.Value;
            total.Add(scorer);
        }

        report.Tables.Add(table);
        report.Notes.Add("GeoWebNews: annotations with coordinates are the toponyms; LGL, TR-News: every annotation. Offsets that miss their phrase are moved to the nearest occurrence within 50 characters.");
        report.Notes.Add("Output: mentions of kind Place and Country, matched by overlap. Within 161 km and correct country are over matched toponyms (no coordinates counts as wrong); median km over those with coordinates.");
        report.Notes.Add(FormattableString.Invariant($"Gold country: from the gold where it names one ({sources[(int)GoldCountrySource.Gold]}); else the country of the gazetteer entry with the gold GeoNames id ({sources[(int)GoldCountrySource.GeoNamesId]}); else of the nearest gazetteer city (population ≥ 15,000) within {GoldCountryLocator.RadiusKm:F0} km of the gold point ({sources[(int)GoldCountrySource.NearestCity]}); none found: {sources[(int)GoldCountrySource.None]} (left out of correct country)."));
        report.Notes.Add("The (all gold) columns count every gold toponym, a missed one as wrong; the others count matched toponyms only.");
        report.Notes.Add("Anchor: Mordecai3 reports 82.7–95.9% within 161 km and 96.8–98.5% correct country on its evaluation sets.");
        return report;
    }
}
