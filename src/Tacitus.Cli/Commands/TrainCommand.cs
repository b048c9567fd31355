using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tacitus.Documents;
using Tacitus.Syntax;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Training;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus train tagger|parser|syntax|entities|clusters --from ../shared/data/train [--out data/models]</c>: trains the
/// token layer's models and writes them as compact files into data/models (rebuild to embed them). "parser" needs the
/// tagger in the output folder (it trains on predicted tags); "syntax" trains both; "entities" is the entity
/// recogniser (<see cref="TrainEntitiesCommand"/>), "clusters" its word clusters (<see cref="TrainClustersCommand"/>).
/// </summary>
internal static class TrainCommand
{
    public static Command Create() => new("train", "Train the token layer's models (deterministic; writes data/models/).")
    {
        TreebankModel("tagger", "Train the part-of-speech tagger and the lemmatiser from the treebanks."),
        TreebankModel("parser", "Train the dependency parser from the treebanks (on the tagger's predicted tags)."),
        TreebankModel("syntax", "Train the tagger, lemmatiser and dependency parser from the treebanks."),
        TrainEntitiesCommand.Create(),
        TrainClustersCommand.Create(),
    };

    private static Command TreebankModel(string what, string description)
    {
        var from = new Option<string?>("--from") { Description = "Training data folder (treebanks in ud/*.conllu; default ../shared/data/train)." };
        var output = new Option<string?>("--out") { Description = "Where to write the model files (default data/models in the repository)." };
        var folds = new Option<int?>("--folds") { Description = "Jackknife folds for the parser's training tags (default 4; 1 = gold tags)." };
        var iterations = new Option<int?>("--iterations") { Description = "Passes over the data of the model trained (default 10; the jackknife taggers keep theirs)." };
        var clusters = new Option<string?>("--clusters") { Description = "Word clusters for the parser's cluster features (a clusters.tsv.gz of `tacitus train clusters`, copied into the model). Default none: on dev they gained 0.3 GUM UAS but cost a fifth of the parser's speed." };
        var beam = new Option<int?>("--beam") { Description = "Train the parser for a beam of this width (its last --beam-passes passes search the beam; default 1: greedy)." };
        var beamPasses = new Option<int?>("--beam-passes") { Description = "How many of the parser's passes, the last ones, train the beam (default 3)." };
        var transitions = new Option<string?>("--transitions") { Description = "The parser's transition system: arc-eager-nm (non-monotonic arc-eager with Unshift, Honnibal & Johnson 2015; the default for a greedy parser, as shipped) or arc-hybrid (the default with --beam above 1, the only system a beam searches)." };
        var silver = new Option<string?>("--silver") { Description = "Silver trees for uptraining the parser: CoNLL-U (a file or a folder of *.conllu) that `tacitus parse --beam 8` wrote from unlabelled news with a beam-trained teacher; trees that are not one tree are reported and left out. Parser and syntax only. Default none." };
        var silverWords = new Option<int?>("--silver-words") { Description = "At most this many silver words, taken evenly across the silver sentences (default all)." };
        var silverMaxLength = new Option<int?>("--silver-max-length") { Description = "Leave out silver sentences longer than this (default 60 words)." };
        var command = new Command(what, description)
        {
            from, output, folds, iterations, clusters, beam, beamPasses, transitions, silver, silverWords, silverMaxLength,
        };

        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find();
            var source = parse.GetValue(from) ?? Path.Combine(root, "..", "shared", "data", "train");
            var target = parse.GetValue(output) ?? Path.Combine(root, "data", "models");
            if (parse.GetValue(folds) is < 1 || parse.GetValue(iterations) is < 1 || parse.GetValue(beam) is < 1 or > DependencyParser.MaxBeam || parse.GetValue(beamPasses) is < 0
                || parse.GetValue(silverWords) is < 1 || parse.GetValue(silverMaxLength) is < 1)
            {
                Console.Error.WriteLine($"tacitus train: --folds, --iterations, --silver-words, --silver-max-length and --beam (at most {DependencyParser.MaxBeam}) must be 1 or more, --beam-passes 0 or more.");
                return ExitCodes.Usage;
            }

            var systemName = parse.GetValue(transitions);
            TransitionSystem? system = systemName switch
            {
                "arc-hybrid" => TransitionSystem.ArcHybrid,
                "arc-eager-nm" => TransitionSystem.NonMonotonicArcEager,
                _ => null,
            };
            if ((systemName is not null && system is null) || (system == TransitionSystem.NonMonotonicArcEager && parse.GetValue(beam) is > 1))
            {
                Console.Error.WriteLine("tacitus train: --transitions is arc-hybrid or arc-eager-nm; arc-eager-nm trains greedily (no --beam above 1).");
                return ExitCodes.Usage;
            }

            if (what == "tagger" && (parse.GetValue(silver) is not null || parse.GetValue(silverWords) is not null || parse.GetValue(silverMaxLength) is not null || parse.GetValue(transitions) is not null))
            {
                Console.Error.WriteLine("tacitus train tagger: --silver, --silver-words, --silver-max-length and --transitions train the parser (use `train parser` or `train syntax`).");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(clusters) is { } clusterFile && !File.Exists(clusterFile))
            {
                Console.Error.WriteLine($"tacitus train: word clusters not found: {clusterFile} (run `tacitus train clusters` first).");
                return ExitCodes.Usage;
            }

            var defaults = new SyntaxTraining();

            var clock = Stopwatch.StartNew();
            var training = new SyntaxTraining
            {
                JackknifeFolds = parse.GetValue(folds) ?? defaults.JackknifeFolds,
                TaggerIterations = (what == "parser" ? null : parse.GetValue(iterations)) ?? defaults.TaggerIterations,
                ParserIterations = (what == "tagger" ? null : parse.GetValue(iterations)) ?? defaults.ParserIterations,
                ClustersFile = parse.GetValue(clusters),
                ParserBeam = parse.GetValue(beam) ?? defaults.ParserBeam,
                ParserBeamPasses = parse.GetValue(beamPasses) ?? defaults.ParserBeamPasses,
                ParserSystem = system,
                SilverPath = parse.GetValue(silver),
                SilverWords = parse.GetValue(silverWords) ?? defaults.SilverWords,
                SilverMaxLength = parse.GetValue(silverMaxLength) ?? defaults.SilverMaxLength,
                Progress = message => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:F1} s] {message}")),
            };
            var problems = new List<TacitusError>();
            List<TreebankSentence> sentences;
            List<TreebankSentence>? silverTrees;
            try
            {
                sentences = training.Read(source, problems);
                silverTrees = training.ReadSilver(problems);
            }
            catch (FileNotFoundException ex)
            {
                Console.Error.WriteLine($"tacitus train: {ex.Message}");
                return ExitCodes.Fatal;
            }

            foreach (var problem in problems.Take(5))
            {
                Console.Error.WriteLine($"  {problem}");
            }

            Directory.CreateDirectory(target);
            var taggerPath = Path.Combine(target, SyntaxModels.TaggerFile);
            try
            {
                Syntax.Tagging.PartOfSpeechTagger tagger;
                if (what is "tagger" or "syntax")
                {
                    var (trained, lemmas) = training.TrainTagger(sentences);
                    using (var stream = File.Create(taggerPath))
                    {
                        SyntaxModels.WriteTagger(stream, trained, lemmas);
                    }

                    Console.Error.WriteLine($"tacitus train: wrote {taggerPath} ({new FileInfo(taggerPath).Length / 1024} KiB)");
                    tagger = trained;
                }
                else
                {
                    using var stream = File.OpenRead(taggerPath);
                    tagger = SyntaxModels.ReadTagger(stream).Tagger;
                }

                if (what is "parser" or "syntax")
                {
                    var parser = training.TrainParser(sentences, tagger, silverTrees);
                    var parserPath = Path.Combine(target, SyntaxModels.ParserFile);
                    using (var stream = File.Create(parserPath))
                    {
                        SyntaxModels.WriteParser(stream, parser);
                    }

                    Console.Error.WriteLine($"tacitus train: wrote {parserPath} ({new FileInfo(parserPath).Length / 1024} KiB)");
                }
            }
            catch (FileNotFoundException ex)
            {
                Console.Error.WriteLine($"tacitus train: {SyntaxModels.BadModel} the parser trains on the tagger's tags; train the tagger first ({ex.FileName}).");
                return ExitCodes.Fatal;
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine($"tacitus train: {SyntaxModels.BadModel} {ex.Message}");
                return ExitCodes.Fatal;
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tacitus train {what}: done in {clock.Elapsed.TotalSeconds:F0} s"));
            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.PartialFailure;
        });
        return command;
    }
}
