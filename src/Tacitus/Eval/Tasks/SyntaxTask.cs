using System.Diagnostics;
using System.Globalization;
using Tacitus.Documents;
using Tacitus.Eval.Scoring;
using Tacitus.Pipeline;
using Tacitus.Syntax;
using Tacitus.Syntax.Conllu;
using Tacitus.Syntax.Training;

namespace Tacitus.Eval.Tasks;

/// <summary>
/// <c>eval syntax</c>: the token layer's models over held-apart treebank splits, twice: on their gold tokens, and from
/// raw text (the <c># text</c> lines, where Tacitus finds its own sentences and tokens, aligned to the gold by
/// character offsets as the CoNLL 2018 shared task scores it). The gold is a CoNLL-U file or a folder; in a folder, the
/// files of the requested split (<c>*-ud-test.conllu</c> by default, <c>--split dev</c> for tuning) are read, one table
/// row per treebank.
/// </summary>
internal static class SyntaxTask
{
    public static EvalReport Run(EvalRequest request, SyntaxModels models, CancellationToken cancellationToken)
    {
        var report = new EvalReport("syntax", request.Gold);
        var split = request.Split ?? "test";
        IReadOnlyList<string> files = File.Exists(request.Gold)
            ? [request.Gold]
            : Directory.Exists(request.Gold)
                ? [.. Directory.GetFiles(request.Gold, $"*-ud-{split}.conllu").Order(StringComparer.Ordinal)]
                : [];
        if (files.Count == 0)
        {
            throw new GoldFormatException(new TacitusError(EvalErrors.NotFound, "eval", $"no CoNLL-U file of split '{split}' found", request.Gold));
        }

        var scorer = new SyntaxScorer();
        var rawScorer = new RawTextSyntaxScorer();
        var rawPipeline = new AnalysisPipeline([new Text.SentenceSegmenter(), new Text.BoilerplateMarker(), new SyntaxAnnotator(models)]);
        var rawClock = new Stopwatch();
        var work = new SyntaxWorkspace();
        var layer = new List<TokenSyntax>();
        var clock = new Stopwatch();
        var words = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var file in files)
        {
            var treebank = Path.GetFileNameWithoutExtension(file);
            using var reader = new StreamReader(file);
            var sentences = 0;
            var read = new List<ConlluSentence>();
            foreach (var conllu in ConlluReader.Read(reader, file, report.GoldProblems))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (request.Limit is int limit && sentences >= limit)
                {
                    break;
                }

                sentences++;
                read.Add(conllu);
                var sentence = TreebankSentence.From(conllu);
                layer.Clear();
                clock.Start();
                SyntaxAnnotator.Annotate(models, sentence.Text, sentence.Words, 0, layer, work);
                clock.Stop();
                words += sentence.Count;
                for (var i = 0; i < sentence.Count; i++)
                {
                    var head = layer[i].Head < 0 ? 0 : layer[i].Head + 1;
                    scorer.Add(treebank, sentence.Gold[i], layer[i], head);
                    if (sentence.Gold[i].Head != head && report.Misses.Count < 20_000)
                    {
                        report.Misses.Add(new EvalMiss(
                            $"{treebank}#{conllu.Comment("sent_id") ?? conllu.Line.ToString(CultureInfo.InvariantCulture)}", "head",
                            $"{sentence.Gold[i].Form} ← {sentence.Gold[i].Head} {sentence.Gold[i].Relation}",
                            $"← {head} {layer[i].Relation}", sentence.Text));
                    }
                }
            }

            report.Documents += sentences;
            rawClock.Start();
            foreach (var gold in RawTextGold.Documents(read, file, report.GoldProblems))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = new Document(gold.Text, new DocumentMetadata { Origin = file, Format = "text" }) { Language = "en" };
                rawPipeline.Process(document, cancellationToken);
                rawScorer.Add(treebank, gold, document);
            }

            rawClock.Stop();
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        scorer.Report(report);
        rawScorer.Report(report);
        report.Figures["words_per_second"] = words / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
        report.Notes.Add($"Split: {split}. Gold tokens and sentences; every word counts (punctuation included); LAS compares relations without subtypes, as in CoNLL 2018.");
        report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Tagger + lemmatiser + parser: {words} words in {clock.Elapsed.TotalSeconds:F2} s wall ({words / Math.Max(1e-9, clock.Elapsed.TotalSeconds):F0} words/s, one thread); the whole run (reading and scoring too, and the raw-text pass: {rawClock.Elapsed.TotalSeconds:F2} s wall) took {cpu:F2} s of processor time ({words / Math.Max(1e-9, cpu):F0} words/s), the fairer figure on a busy machine."));
        report.Notes.Add("Raw text: each treebank document (# newdoc) is its sentences' # text lines joined by a space, paragraphs (# newpar) by a blank line; Tacitus's segmenter and tokenizer find sentences and tokens, and words are aligned to the gold by character offsets (inside a gold multiword token such as \"it's\" by their forms), as the CoNLL 2018 shared task's script does. Every raw-text figure is an F1.");
        return report;
    }
}
