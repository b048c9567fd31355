using System.CommandLine;
using System.Diagnostics;
using Tacitus.Documents;
using Tacitus.Eval.Readers;
using Tacitus.Eval.Scoring;
using Tacitus.Knowledge;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Training;
using Tacitus.Text;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus train entities</c>: trains the entity recogniser on UNER English-EWT (<c>ner/en_ewt-ud-train.iob2</c>)
/// and GUM's proper names (<c>ud/en_gum-ud-train.conllu</c>; <c>--with-gum false</c> leaves them out) under <c>--from</c>, with a
/// share of the sentences read in lower case each epoch (<c>--lower-case</c>), writes
/// <c>entities.model.gz</c> into <c>--out</c>, and with <c>--dev</c> scores the new model on an IOB2 file exactly
/// as <c>tacitus eval ner</c> does. The model reads part-of-speech tags: the training sentences are tagged by
/// jackknifed taggers trained on <c>ud/*.conllu</c> (<see cref="EntityTagging"/>, <c>--tag-folds</c>); word clusters
/// (<c>--clusters FILE</c> from <c>tacitus train clusters</c>) are off by default. The model decodes with a beam of
/// <c>--beam</c> class sequences (4 by default), trained as a structured perceptron (<see cref="EntityBeam"/>). With
/// <c>--passes 2</c> the model has two passes (<see cref="DocumentVotes"/>), the second gated to the sentences the first read a
/// word of two ways (<c>--gated</c>); it scores higher on UNER but costs too much time per token to be shipped. <c>--corpus-votes</c>
/// adds <see cref="CorpusVotes"/> to the second pass, and <c>--cues</c> organisation cue words (<see cref="EntityCues"/>) to both;
/// both are off by default.
/// </summary>
internal static class TrainEntitiesCommand
{
    /// <summary>Passes of each jackknife tagger (fewer than the shipped tagger's 10: training stays quick).</summary>
    private const int TagIterations = 5;

    /// <summary>The beam width of the shipped model (chosen on UNER dev; docs/QUALITY.md, "s5-ner").</summary>
    private const int ShippedBeam = 4;

    /// <summary>The share of training sentences read in lower case for the shipped model (chosen on UNER dev; docs/QUALITY.md, "s9-ner").</summary>
    private const double ShippedLowerCase = 0.2;

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Folder of training data (ner/ and ud/ inside).", DefaultValueFactory = _ => "../shared/data/train" };
        var output = new Option<string>("--out") { Description = "Folder to write the model into.", DefaultValueFactory = _ => "data/models" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new EntityTrainingOptions().Epochs };
        var withGum = new Option<bool>("--with-gum") { Description = "Add GUM's names to UNER (on by default; `--with-gum false` trains on UNER alone: UNER dev exact F1 0.730, ORG 0.481, against 0.739, ORG 0.551, with them; docs/QUALITY.md, s9-ner).", DefaultValueFactory = _ => true };
        var errors = new Option<string?>("--errors") { Description = "With --dev: write the dev errors (JSON Lines) here." };
        var corpus = new Option<string>("--corpus") { Description = "Folder of plain news text (bbc/, polnear/train/) for the case profile.", DefaultValueFactory = _ => "../shared/data/corpus" };
        var clusters = new Option<string>("--clusters") { Description = "Word clusters to read as features (a clusters.tsv.gz of `tacitus train clusters`); 'none' (the default: on UNER dev they did not help) trains without them.", DefaultValueFactory = _ => "none" };
        var tagFolds = new Option<int>("--tag-folds") { Description = "Jackknife folds for the training sentences' part-of-speech tags (taggers trained on ud/*.conllu); 0 trains without tag features.", DefaultValueFactory = _ => 4 };
        var passes = new Option<int>("--passes") { Description = "1 (the default, the shipped model): one pass; 2: a second pass reads what the first said about each word across the document (with the default --gated, UNER dev exact F1 over seeds 8, 9, 10: 0.748 / 0.744 / 0.740 against 0.740 / 0.736 / 0.737 with one pass; test, seed 8: 0.752 against 0.744), at about 0.3-0.9 µs more per token and 7-9 % more warmed full-analysis CPU per BBC article, so not shipped (docs/QUALITY.md s10-ner and s12-ner, docs/PERFORMANCE.md s11-ner and s12-ner).", DefaultValueFactory = _ => 1 };
        var corpusVotes = new Option<bool>("--corpus-votes") { Description = "With --passes 2: the second pass also reads how the first typed each word across the --corpus texts (off by default: on UNER dev, exact F1 0.696 with them, 0.700 without)." };
        var beam = new Option<int>("--beam") { Description = "Class sequences kept while training and decoding: 1 is greedy, token by token; more trains a structured perceptron over a beam (the shipped model: 4; UNER dev exact F1 0.697 greedy, 0.730 with 4, 0.728 with 8).", DefaultValueFactory = _ => ShippedBeam };
        var prune = new Option<float>("--prune") { Description = "Averaged weights of smaller magnitude are left out of the model file; the --dev score reads the file as written (default 0.0001; UNER dev exact F1 0.730 with it, 0.732 with 1.0, whose model is half the size).", DefaultValueFactory = _ => new EntityTrainingOptions().PruneBelow };
        var wordDropout = new Option<double>("--word-dropout") { Description = "Share of training tokens whose word is hidden from every feature each epoch, 0 to 0.9 (default 0: on UNER dev, exact F1 0.730 without, 0.734 with 0.1, 0.737 with 0.25, within noise; docs/QUALITY.md, s7-entities).", DefaultValueFactory = _ => new EntityTrainingOptions().WordDropout };
        var lowerCase = new Option<double>("--lower-case") { Description = "Share of training sentences read in lower case each epoch, 0 to 0.9 (the shipped model: 0.2; with GUM, UNER dev exact F1 0.739 without, 0.743 with 0.2).", DefaultValueFactory = _ => ShippedLowerCase };
        var cues = new Option<bool>("--cues") { Description = "Read organisation cue words (heads, first words and context words of organisation names, counted over the training names and the actor dictionary) as features; the table is written beside the model as entity-cues.tsv." };
        var gated = new Option<bool>("--gated") { Description = "With --passes 2 (on by default): the second pass reads only the sentences holding a word the first pass read two ways in the document and there not as most of its occurrences; the others keep the first pass's names (UNER dev exact F1 0.748 gated, 0.745 not, same weights).", DefaultValueFactory = _ => true };
        var seed = new Option<int>("--seed") { Description = "Seed of the training order, word dropout and lower-case draws (default 8, the shipped model's); other seeds show how much a retraining alone moves the dev figures.", DefaultValueFactory = _ => new EntityTrainingOptions().Seed };
        var selfTrain = new Option<double>("--self-train") { Description = "One-pass models: after training on the gold names, type the --corpus texts and train again with the share (0 to 1) of the sentences whose names it is surest of and whose names agree across their document (default 0: off; on UNER dev, the split it was tuned on, 0.5 over seeds 8 to 12 gave exact F1 0.743 against 0.738 without, mean ORG 0.536 against 0.535; docs/QUALITY.md, s16-orgself).", DefaultValueFactory = _ => 0 };
        var selfRounds = new Option<int>("--self-train-rounds") { Description = "With --self-train: rounds of typing the corpus and training again (default 1).", DefaultValueFactory = _ => 1 };
        var loweredFirstPass = new Option<bool>("--lowered-first-pass") { Description = "With --passes 2: a training sentence read in lower case gives the second pass the first pass's classes of its lower-case text, as decoding would (off by default: the classes of the cased text; on UNER dev (tuned on) over seeds 8, 9, 10, exact F1 0.753 / 0.741 / 0.733 with it against 0.748 / 0.744 / 0.740 without; docs/QUALITY.md, s16-orgself)." };
        var dev = new Option<string?>("--dev") { Description = "An IOB2 file to score the new model on (tuning: the dev split only)." };
        var command = new Command("entities", "Train the entity recogniser (UNER English-EWT + GUM names).") { from, output, epochs, withGum, corpus, clusters, tagFolds, passes, corpusVotes, beam, prune, wordDropout, lowerCase, cues, gated, seed, selfTrain, selfRounds, loweredFirstPass, dev, errors };
        command.SetAction((parse, ct) =>
        {
            var source = parse.GetValue(from)!;
            var uner = Path.Combine(source, "ner", "en_ewt-ud-train.iob2");
            var gum = Path.Combine(source, "ud", "en_gum-ud-train.conllu");
            var useGum = parse.GetValue(withGum);
            if (parse.GetValue(epochs) < 1)
            {
                Console.Error.WriteLine("tacitus train entities: --epochs must be 1 or more.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(beam) is < 1 or > EntityModel.MaxBeam)
            {
                Console.Error.WriteLine($"tacitus train entities: --beam must be 1 to {EntityModel.MaxBeam}.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(prune) < 0 || parse.GetValue(wordDropout) is < 0 or > 0.9 || parse.GetValue(lowerCase) is < 0 or > 0.9)
            {
                Console.Error.WriteLine("tacitus train entities: --prune must be 0 or more, --word-dropout and --lower-case 0 to 0.9.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(passes) is not (1 or 2))
            {
                Console.Error.WriteLine("tacitus train entities: --passes must be 1 or 2.");
                return Task.FromResult(ExitCodes.Usage);
            }

            // options that would otherwise be read as off, or not read at all, are refused before any data is read
            if (parse.GetValue(selfTrain) is var selfShare && (double.IsNaN(selfShare) || selfShare is < 0 or > 1))
            {
                Console.Error.WriteLine("tacitus train entities: --self-train must be 0 to 1.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (selfShare > 0 && (parse.GetValue(passes) != 1 || parse.GetValue(beam) < 2 || parse.GetValue(selfRounds) < 1))
            {
                Console.Error.WriteLine("tacitus train entities: --self-train needs --passes 1, a --beam of 2 or more and --self-train-rounds 1 or more.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (selfShare == 0 && parse.GetResult(selfRounds) is { Implicit: false })
            {
                Console.Error.WriteLine("tacitus train entities: --self-train-rounds needs --self-train.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (parse.GetValue(loweredFirstPass) && (parse.GetValue(passes) != 2 || parse.GetValue(lowerCase) == 0))
            {
                Console.Error.WriteLine("tacitus train entities: --lowered-first-pass needs --passes 2 and a --lower-case above 0.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (!File.Exists(uner) || (useGum && !File.Exists(gum)))
            {
                Console.Error.WriteLine($"tacitus train entities: training data not found: {uner}{(useGum ? $" and {gum}" : string.Empty)} (give --from; --with-gum false trains without GUM).");
                return Task.FromResult(ExitCodes.Fatal);
            }

            var clock = Stopwatch.StartNew();
            var problems = new List<TacitusError>();
            var examples = NameExamples.FromIob2(uner);
            Console.WriteLine($"{uner}: {examples.Count} sentences, {examples.Sum(e => e.Names.Count)} names");
            if (useGum)
            {
                var gumExamples = NameExamples.FromConllu(gum, problems);
                Console.WriteLine($"{gum}: {gumExamples.Count} sentences, {gumExamples.Sum(e => e.Names.Count)} names");
                examples.AddRange(gumExamples);
            }

            foreach (var problem in problems.Take(5))
            {
                Console.Error.WriteLine(problem);
            }

            if (problems.Count > 5)
            {
                Console.Error.WriteLine($"… and {problems.Count - 5} more problems");
            }

            var knowledge = KnowledgeBase.Default;
            var texts = NewsCorpus.Files(parse.GetValue(corpus)!);
            if (texts.Count == 0)
            {
                Console.Error.WriteLine($"tacitus train entities: no .txt files under {parse.GetValue(corpus)}/bbc or polnear/train (give --corpus).");
                return Task.FromResult(ExitCodes.Fatal);
            }

            var news = texts.Select(f => NewsCorpus.Segment(File.ReadAllText(f), ct)).ToList();
            var profile = CaseProfile.FromDocuments(news);
            Console.WriteLine($"case profile: {profile.Count} words from {texts.Count} texts");
            var clusterFile = parse.GetValue(clusters)!;
            var options = new EntityTrainingOptions { Epochs = parse.GetValue(epochs), Profile = profile, Beam = parse.GetValue(beam), PruneBelow = parse.GetValue(prune), WordDropout = parse.GetValue(wordDropout), LowerCase = parse.GetValue(lowerCase), Seed = parse.GetValue(seed) };
            if (parse.GetValue(passes) == 2)
            {
                options = options with { Features = options.Features | EntityFeatureSet.Document | (parse.GetValue(gated) ? EntityFeatureSet.Gated : 0), LoweredFirstPass = parse.GetValue(loweredFirstPass) };
            }
            if (clusterFile != "none")
            {
                if (!File.Exists(clusterFile))
                {
                    Console.Error.WriteLine($"tacitus train entities: word clusters not found: {clusterFile} (run `tacitus train clusters` first).");
                    return Task.FromResult(ExitCodes.Fatal);
                }

                var table = WordClusters.ReadText(clusterFile);
                Console.WriteLine($"word clusters: {table.Count} words from {clusterFile}");
                options = options with { Clusters = table, Features = options.Features | EntityFeatureSet.Clusters };
            }

            Console.WriteLine($"knowledge tables: {NameTables.Shipped.Count} phrases and prefixes");
            if (parse.GetValue(cues))
            {
                var table = EntityCues.FromNames(examples.Select(EntityTrainer.Prepare), knowledge);
                Console.WriteLine($"organisation cues: {table.Count} words");
                options = options with { Cues = table, Features = options.Features | EntityFeatureSet.Cues };
            }

            if (parse.GetValue(tagFolds) is var folds and > 0)
            {
                if (folds < 2)
                {
                    Console.Error.WriteLine("tacitus train entities: --tag-folds must be 0 or 2 or more.");
                    return Task.FromResult(ExitCodes.Usage);
                }

                var treebank = TreebankSentence.ReadAll(SyntaxTraining.TreebankFiles(source), problems);
                if (treebank.Count == 0)
                {
                    Console.Error.WriteLine($"tacitus train entities: no treebank under {source}/ud for the part-of-speech tags (give --tag-folds 0 to train without them).");
                    return Task.FromResult(ExitCodes.Fatal);
                }

                var tagging = EntityTagging.Jackknife(treebank, folds, TagIterations, Console.WriteLine);
                options = options with { Tagging = tagging, Features = options.Features | EntityFeatureSet.Upos };
            }

            if (parse.GetValue(passes) == 2 && parse.GetValue(corpusVotes) && (options.Features & EntityFeatureSet.Upos) != 0)
            {
                options = options with { Features = options.Features | EntityFeatureSet.Corpus, Corpus = NewsCorpus.TaggedSentences(news, ct) };
                Console.WriteLine($"corpus votes: {options.Corpus.Count} sentences tagged");
            }

            if (selfShare > 0)
            {
                options = options with { SelfTraining = options.Corpus ?? NewsCorpus.TaggedSentences(news, ct), SelfTrainingShare = selfShare, SelfTrainingRounds = parse.GetValue(selfRounds) };
                Console.WriteLine($"self-training: {options.SelfTraining.Count} corpus sentences tagged");
            }

            var model = EntityTrainer.Train(examples, options, NameTables.Shipped, knowledge.Words, Console.WriteLine);
            var outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            var file = Path.Combine(outDir, EntityModel.FileName);
            if (options.Cues is { } cueTable)
            {
                using var cueWriter = new StreamWriter(Path.Combine(outDir, EntityCues.FileName)) { NewLine = "\n" };
                cueTable.WriteText(cueWriter);
            }

            using (var stream = File.Create(file))
            {
                model.Write(stream);
            }

            Console.WriteLine($"wrote {file} ({new FileInfo(file).Length / 1024} KB, {model.Perceptron.Features} features) in {clock.Elapsed.TotalSeconds:F0} s");
            if (parse.GetValue(dev) is { } devFile)
            {
                // scored as written: the file leaves out the smallest weights (--prune), which the trained model still has
                using var written = File.OpenRead(file);
                Score(devFile, EntityModel.Read(written, NameTables.Shipped, knowledge.Words), parse.GetValue(errors), ct);
            }

            return Task.FromResult(problems.Count > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Scores the model on an IOB2 file as <c>eval ner</c> does: segment and tag each document, recognise, compare spans.</summary>
    private static void Score(string file, EntityModel model, string? errors, CancellationToken ct)
    {
        var gold = Iob2Reader.Read(file);
        var segmenter = new SentenceSegmenter();
        var tagger = new Tacitus.Syntax.TokenTagger();
        var recognizer = new EntityRecognizer(() => model);
        var scorer = new NerScorer();
        foreach (var doc in gold.Items)
        {
            var document = new Document(doc.Text, new DocumentMetadata()) { Language = "en" };
            segmenter.Process(document, ct);
            tagger.Process(document, ct);
            recognizer.Process(document, ct);
            scorer.Add(doc.Id, doc.Entities, document);
        }

        foreach (var type in NerScorer.Types)
        {
            Console.WriteLine($"{file}: {type} exact F1 {scorer.Exact(type).F1:F3} (P {scorer.Exact(type).Precision:F3}, R {scorer.Exact(type).Recall:F3})");
        }

        Console.WriteLine($"{file}: all exact F1 {scorer.MicroExact.F1:F3}");
        if (errors is not null)
        {
            var report = new Tacitus.Eval.EvalReport("ner", file);
            scorer.Report(report);
            using var writer = new StreamWriter(errors);
            Tacitus.Eval.EvalReportFormatter.WriteMisses(writer, report);
        }
    }
}
