using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Training;

namespace Tacitus.Cli.Commands;

/// <summary>
/// <c>tacitus train clusters --from ../shared/data</c>: learns word clusters (<see cref="ClusterTrainer"/>) from
/// unlabelled text, the news corpus (<c>corpus/bbc</c>, <c>corpus/polnear/train</c>, <see cref="NewsCorpus"/>) and
/// the training treebanks' words (<c>train/ud/*.conllu</c>), and writes <c>clusters.tsv.gz</c> into <c>--out</c>
/// (default data/models). <c>tacitus train entities</c> reads it from there.
/// </summary>
internal static class TrainClustersCommand
{
    public const string FileName = "clusters.tsv.gz";

    public static Command Create()
    {
        var defaults = new ClusterTrainer();
        var from = new Option<string?>("--from") { Description = "Data folder with corpus/ and train/ud/ inside (default ../shared/data)." };
        var output = new Option<string?>("--out") { Description = "Folder to write clusters.tsv.gz into (default data/models in the repository)." };
        var depth = new Option<int>("--depth") { Description = "Levels of the cluster tree (bits of a path).", DefaultValueFactory = _ => defaults.Depth };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times get no cluster.", DefaultValueFactory = _ => defaults.MinCount };
        var classes = new Option<int>("--classes") { Description = "Classes of the exchange clustering (the tree's leaves).", DefaultValueFactory = _ => defaults.Classes };
        var command = new Command("clusters", "Learn word clusters from unlabelled news and treebank text (for the entity recogniser).") { from, output, depth, minCount, classes };
        command.SetAction((parse, ct) =>
        {
            var root = RepositoryRoot.Find();
            var source = parse.GetValue(from) ?? Path.Combine(root, "..", "shared", "data");
            var target = parse.GetValue(output) ?? Path.Combine(root, "data", "models");
            if (parse.GetValue(depth) is < 1 or > WordClusters.MaxDepth || parse.GetValue(minCount) < 1 || parse.GetValue(classes) < 2)
            {
                Console.Error.WriteLine($"tacitus train clusters: --depth must be 1 to {WordClusters.MaxDepth}, --min-count 1 or more, --classes 2 or more.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var clock = Stopwatch.StartNew();
            var texts = NewsCorpus.Files(Path.Combine(source, "corpus"));
            var treebanks = SyntaxTraining.TreebankFiles(Path.Combine(source, "train"));
            if (texts.Count == 0 && treebanks.Count == 0)
            {
                Console.Error.WriteLine($"tacitus train clusters: no text under {source}/corpus (bbc, polnear/train) or {source}/train/ud (give --from).");
                return Task.FromResult(ExitCodes.Fatal);
            }

            var problems = new List<TacitusError>();
            var sentences = new List<IReadOnlyList<string>>();
            foreach (var text in texts)
            {
                sentences.AddRange(NewsCorpus.Sentences(NewsCorpus.Segment(File.ReadAllText(text), ct)));
            }

            foreach (var sentence in TreebankSentence.ReadAll(treebanks, problems))
            {
                sentences.Add([.. sentence.Words.Select(w => w.TextOf(sentence.Text))]);
            }

            foreach (var problem in problems.Take(5))
            {
                Console.Error.WriteLine($"  {problem}");
            }

            var tokens = sentences.Sum(s => s.Count);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {texts.Count} texts and {treebanks.Count} treebanks: {sentences.Count} sentences, {tokens} tokens ({clock.Elapsed.TotalSeconds:F1} s)"));
            var trainer = new ClusterTrainer { Depth = parse.GetValue(depth), MinCount = parse.GetValue(minCount), Classes = parse.GetValue(classes) };
            var rows = trainer.Train(sentences);
            Directory.CreateDirectory(target);
            var file = Path.Combine(target, FileName);
            using (var stream = File.Create(file))
            {
                var comment = string.Create(CultureInfo.InvariantCulture, $"path\tword\tcount; tacitus train clusters: {rows.Count} words seen {trainer.MinCount}+ times in {tokens} tokens (corpus/bbc, corpus/polnear/train, train/ud), depth {trainer.Depth}, {trainer.Classes} exchange classes");
                WordClusters.WriteText(stream, comment, rows);
            }

            var leaves = rows.Select(r => r.Path).Distinct(StringComparer.Ordinal).Count();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tacitus train clusters: wrote {file} ({new FileInfo(file).Length / 1024} KiB, {rows.Count} words in {leaves} clusters) in {clock.Elapsed.TotalSeconds:F0} s"));
            return Task.FromResult(problems.Count == 0 ? ExitCodes.Ok : ExitCodes.PartialFailure);
        });
        return command;
    }
}
