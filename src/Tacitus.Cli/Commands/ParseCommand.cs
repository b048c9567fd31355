using System.CommandLine;
using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax;
using Tacitus.Syntax.Conllu;
using Tacitus.Syntax.Parsing;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus parse FILE.txt</c> (raw text: Tacitus's own sentences and tokens) or <c>tacitus parse FILE.conllu
/// --tokenized</c> (the file's sentences and words kept, the rest predicted): writes CoNLL-U to standard output.
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Text files, or CoNLL-U files with --tokenized.", Arity = ArgumentArity.OneOrMore };
        var tokenized = new Option<bool>("--tokenized") { Description = "Input is CoNLL-U: keep its sentences and words, predict lemma, tags, head and relation." };
        var models = new Option<string?>("--models") { Description = "Folder of token-layer models (default: the embedded ones)." };
        var beam = new Option<int?>("--beam") { Description = "The parser's beam (1: greedy; default: the width its model was trained for)." };
        var margin = new Option<float?>("--beam-margin") { Description = "With a beam: drop successors whose total is more than this below the best one's, so the beam narrows where the parser is sure (default: none)." };
        var command = new Command("parse", "Tag, lemmatise and parse text into CoNLL-U (Universal Dependencies).") { files, tokenized, models, beam, margin };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(files) ?? [];
            var width = parse.GetValue(beam);
            var narrowed = parse.GetValue(margin);
            if (width is < 1 or > DependencyParser.MaxBeam || narrowed is { } m && !(m >= 0))
            {
                Console.Error.WriteLine($"tacitus parse: --beam must be between 1 and {DependencyParser.MaxBeam}, --beam-margin 0 or more.");
                return ExitCodes.Usage;
            }

            SyntaxModels chosen;
            try
            {
                chosen = parse.GetValue(models) is { } folder ? SyntaxModels.Load(folder) : SyntaxModels.Shipped;
                if (width is not null || narrowed is not null)
                {
                    chosen = chosen.WithParserBeam(width ?? chosen.Parser.Beam, narrowed ?? float.PositiveInfinity);
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or BeamRefusedException)
            {
                Console.Error.WriteLine($"tacitus parse: {ex.Message}");
                return ExitCodes.Fatal;
            }

            var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false, NewLine = "\n" };
            var failed = 0;
            foreach (var file in inputs)
            {
                if (!File.Exists(file))
                {
                    Console.Error.WriteLine(new TacitusError(Ingest.IngestErrors.Unreadable, "parse", "file not found", file));
                    failed++;
                    continue;
                }

                if (parse.GetValue(tokenized))
                {
                    failed += ParseConllu(file, chosen, output);
                }
                else
                {
                    ParseText(file, chosen, output);
                }
            }

            output.Flush();
            return failed == 0 ? ExitCodes.Ok : failed == inputs.Length ? ExitCodes.Fatal : ExitCodes.PartialFailure;
        });
        return command;
    }

    private static void ParseText(string file, SyntaxModels models, TextWriter output)
    {
        var pipeline = new AnalysisPipeline([new Text.SentenceSegmenter(), new Text.BoilerplateMarker(), new SyntaxAnnotator(models)]);
        var document = new Document(File.ReadAllText(file), new DocumentMetadata { Origin = file, Format = "text" }) { Language = "en" };
        pipeline.Process(document);
        var prefix = Path.GetFileNameWithoutExtension(file) + "-";
        output.Write($"# newdoc id = {Path.GetFileNameWithoutExtension(file)}\n");
        foreach (var sentence in ConlluAnnotation.FromDocument(document, prefix))
        {
            ConlluWriter.Write(output, sentence);
        }
    }

    private static int ParseConllu(string file, SyntaxModels models, TextWriter output)
    {
        var problems = new List<TacitusError>();
        var work = new SyntaxWorkspace();
        using (var reader = new StreamReader(file))
        {
            foreach (var sentence in ConlluReader.Read(reader, file, problems))
            {
                ConlluWriter.Write(output, ConlluAnnotation.Predict(sentence, models, work));
            }
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
