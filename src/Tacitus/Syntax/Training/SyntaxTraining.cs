using System.Globalization;
using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Conllu;
using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Lemmas;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Tagging;

namespace Tacitus.Syntax.Training;

/// <summary>
/// <c>tacitus train tagger|parser</c>: reads the treebanks under <c>FROM/ud/*.conllu</c> (in name order), trains
/// and writes the model files into the output folder. The parser is trained on tags predicted by taggers that did
/// not see the sentence (<see cref="JackknifeFolds"/>-fold jackknifing), so it learns from the tags it will get.
/// Everything runs on one thread with fixed seeds: the same data give the same bytes.
/// </summary>
internal sealed class SyntaxTraining
{
    /// <summary>The training folder has no treebank.</summary>
    public const string NoData = "TAC622";

    /// <summary>The parser's training mix is malformed.</summary>
    public const string BadMix = "TAC624";

    public const string MixFile = "parser-training-mix.tsv";

    /// <summary>The mix when the parser also trains on silver trees (<see cref="SilverPath"/>).</summary>
    public const string UptrainingMixFile = "parser-uptraining-mix.tsv";

    private static readonly Lazy<IReadOnlyList<(string Prefix, int Repeats)>> ShippedMix = new(
        () => ReadMix(DataFile.Embedded(DataFile.ResourceName("models", MixFile))), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IReadOnlyList<(string Prefix, int Repeats)>> ShippedUptrainingMix = new(
        () => ReadMix(DataFile.Embedded(DataFile.ResourceName("models", UptrainingMixFile))), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shipped mix of treebank-only training, or of training with silver trees (<paramref name="silver"/>).</summary>
    public static IReadOnlyList<(string Prefix, int Repeats)> Shipped(bool silver) => silver ? ShippedUptrainingMix.Value : ShippedMix.Value;

    public int TaggerIterations { get; init; } = 10;

    public int ParserIterations { get; init; } = 10;

    /// <summary>The parser's beam (<see cref="ParserTrainer.Beam"/>); 1 trains a greedy parser.</summary>
    public int ParserBeam { get; init; } = 1;

    /// <summary>How many of the parser's passes, the last ones, train its beam (<see cref="ParserTrainer.BeamPasses"/>).</summary>
    public int ParserBeamPasses { get; init; } = 3;

    /// <summary>
    /// The parser's transition system (<see cref="ParserTrainer.TransitionSystem"/>). None (the default) trains the shipped one: the
    /// non-monotonic arc-eager system for a greedy parser, arc-hybrid for a beam (the only system the beam searches).
    /// </summary>
    public TransitionSystem? ParserSystem { get; init; }

    /// <summary>The transition system <see cref="ParserSystem"/> and <see cref="ParserBeam"/> train.</summary>
    public TransitionSystem ParserSystemTrained => ParserSystem ?? (ParserBeam > 1 ? TransitionSystem.ArcHybrid : TransitionSystem.NonMonotonicArcEager);

    /// <summary>Folds for the parser's predicted training tags; 0 or 1 trains it on gold tags.</summary>
    public int JackknifeFolds { get; init; } = 4;

    public Action<string>? Progress { get; init; }

    /// <summary>
    /// Silver trees for uptraining (Petrov et al. 2010): CoNLL-U written by <c>tacitus parse</c> with a slower, more
    /// accurate parser (a beam-trained one) from unlabelled news. The greedy parser trains on the treebanks plus these,
    /// learning the teacher's decisions; their tags are the file's (the run-time tagger's), not jackknifed. A file, or
    /// a folder of <c>*.conllu</c> read in name order; none (the default) trains on the treebanks only.
    /// </summary>
    public string? SilverPath { get; init; }

    /// <summary>At most this many silver words, taken evenly across the silver sentences (<see cref="SelectSilver(IReadOnlyList{int}, int, int, int)"/>).</summary>
    public int SilverWords { get; init; } = int.MaxValue;

    /// <summary>Silver sentences shorter than <see cref="SilverMinLength"/> or longer than this are left out.</summary>
    public int SilverMaxLength { get; init; } = 60;

    /// <summary>Silver sentences shorter than this (headlines, bylines) are left out.</summary>
    public int SilverMinLength { get; init; } = 4;

    /// <summary>
    /// The word clusters the parser's features read (<c>clusters.tsv.gz</c>, written by <c>tacitus train clusters</c>),
    /// copied into the parser's model file; none (the default, and the shipped parser) trains a parser without them.
    /// </summary>
    public string? ClustersFile { get; init; }

    /// <summary>
    /// The parser's training mix: how many times per pass it sees a sentence of each treebank, by the start of the
    /// file's name, the first line that matches (default: the table <c>data/models/parser-training-mix.tsv</c>, or
    /// <c>parser-uptraining-mix.tsv</c> with silver trees; a file it does not name, once).
    /// </summary>
    public IReadOnlyList<(string Prefix, int Repeats)>? ParserMix { get; init; }

    /// <summary>The CoNLL-U files training reads: <c>ud/*.conllu</c> under <paramref name="from"/>, or <paramref name="from"/> itself when it is a file.</summary>
    public static IReadOnlyList<string> TreebankFiles(string from)
    {
        if (File.Exists(from))
        {
            return [from];
        }

        var ud = Path.Combine(from, "ud");
        var folder = Directory.Exists(ud) ? ud : from;
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.conllu").Order(StringComparer.Ordinal)]
            : [];
    }

    public List<TreebankSentence> Read(string from, List<TacitusError> problems)
    {
        var files = Listed(TreebankFiles(from), $"no CoNLL-U treebank (ud/*.conllu) under {from}", from);
        var sentences = TreebankSentence.ReadAll(files, problems);
        Progress?.Invoke($"read {sentences.Count} sentences, {sentences.Sum(s => s.Count)} words from {Names(files)}");
        return sentences;
    }

    public (PartOfSpeechTagger Tagger, LemmaTable Lemmas) TrainTagger(IReadOnlyList<TreebankSentence> sentences)
    {
        var tagger = new TaggerTrainer { Iterations = TaggerIterations }.Train(sentences, Progress);
        var lemmas = LemmaTable.Learn(sentences, (s, i) => tagger.Tags.IndexOf(s.JointTag(i)));
        Progress?.Invoke($"lemmas: {lemmas.KnownCount} known forms, {lemmas.EditCount} ending rules");
        return (tagger, lemmas);
    }

    /// <summary>
    /// The CoNLL-U files silver trees are read from: <paramref name="path"/> itself when it is a file, else that folder's
    /// own <c>*.conllu</c> in name order (unlike <see cref="TreebankFiles"/>, no <c>ud/</c> subfolder is looked for).
    /// </summary>
    public static IReadOnlyList<string> SilverFiles(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        return Directory.Exists(path) ? [.. Directory.GetFiles(path, "*.conllu").Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>
    /// Reads the silver trees of <see cref="SilverPath"/> (null when it is not set) and keeps those <see cref="SelectSilver(IReadOnlyList{int}, int, int, int)"/>
    /// takes. A sentence that is not one tree (<see cref="TreeProblem"/>) is a TAC620 naming its file and line and is left
    /// out; no file, or no sentence kept, is the <see cref="NoData"/> error.
    /// </summary>
    public List<TreebankSentence>? ReadSilver(List<TacitusError> problems)
    {
        if (SilverPath is null)
        {
            return null;
        }

        // two passes over the files, so that only the kept sentences are built: the lengths of the well-formed trees,
        // then the trees SelectSilver keeps (the second pass's problems are the first's again)
        var files = Listed(SilverFiles(SilverPath), $"no CoNLL-U silver trees at {SilverPath}", SilverPath);
        var lengths = Trees(files, problems).Select(t => t.Tree.Words.Count).ToList();
        var keep = SelectSilver(lengths, SilverWords, SilverMinLength, SilverMaxLength);
        var silver = new List<TreebankSentence>(keep.Count);
        var at = 0;
        foreach (var (file, tree) in Trees(files, new List<TacitusError>()))
        {
            if (silver.Count == keep.Count)
            {
                break;
            }

            if (keep[silver.Count] == at++)
            {
                silver.Add(TreebankSentence.From(tree, Path.GetFileName(file)));
            }
        }

        Progress?.Invoke($"silver: {silver.Count} of {lengths.Count} sentences, {silver.Sum(s => s.Count)} of {lengths.Sum(n => (long)n)} words from {Names(files)}");
        if (silver.Count == 0)
        {
            throw new FileNotFoundException(
                $"{NoData} train: no silver tree kept from {SilverPath} ({lengths.Count} well-formed, {SilverMinLength}-{SilverMaxLength} words wanted)", SilverPath);
        }

        return silver;
    }

    /// <summary>Why <paramref name="sentence"/> is not one dependency tree (a head outside 0..n or <c>_</c>, no root or several, a cycle), or null.</summary>
    public static string? TreeProblem(ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var roots = 0;
        foreach (var word in sentence.Words)
        {
            if (word.Head < 0 || word.Head > sentence.Words.Count)
            {
                return word.Head < 0
                    ? $"word {word.Id} has no head ('_')"
                    : $"word {word.Id} has head {word.Head}, outside 0..{sentence.Words.Count}";
            }

            roots += word.Head == 0 ? 1 : 0;
        }

        if (roots != 1)
        {
            return $"the tree has {roots} roots, expected 1";
        }

        // the parser's trainer leaves out a tree with a cycle too (ParserTrainer.IsTree, heads as it reads them)
        var heads = new int[sentence.Words.Count];
        for (var i = 0; i < heads.Length; i++)
        {
            var head = sentence.Words[i].Head;
            heads[i] = head == 0 ? heads.Length : head - 1;
        }

        return ParserTrainer.IsTree(heads) ? null : "the heads form a cycle";
    }

    /// <summary>
    /// The silver sentences of a length from <paramref name="minLength"/> to <paramref name="maxLength"/> words, thinned
    /// evenly to about <paramref name="words"/> words: a sentence is kept while the words kept stay within the share of
    /// the budget that the words seen so far earn, so every part of the corpus gives its share.
    /// </summary>
    public static List<TreebankSentence> SelectSilver(IReadOnlyList<TreebankSentence> sentences, int words, int minLength, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return [.. SelectSilver([.. sentences.Select(s => s.Count)], words, minLength, maxLength).Select(i => sentences[i])];
    }

    /// <summary><see cref="SelectSilver(IReadOnlyList{TreebankSentence}, int, int, int)"/> on the sentences' lengths: the indices kept, in order.</summary>
    public static List<int> SelectSilver(IReadOnlyList<int> lengths, int words, int minLength, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        long total = lengths.Where(n => n >= minLength && n <= maxLength).Sum(n => (long)n);
        var result = new List<int>();
        long seen = 0, kept = 0;
        for (var i = 0; i < lengths.Count; i++)
        {
            var length = lengths[i];
            if (length < minLength || length > maxLength)
            {
                continue;
            }

            seen += length;
            if (kept + length <= (double)words * seen / Math.Max(1, total) + length / 2.0)
            {
                result.Add(i);
                kept += length;
            }
        }

        return result;
    }

    /// <summary>
    /// Trains the parser on <paramref name="sentences"/> (treebank sentences, jackknifed tags) and
    /// <paramref name="silver"/> (silver trees with their own tags, <see cref="SilverPath"/>; when given, even empty, the
    /// default mix is the uptraining one).
    /// </summary>
    public DependencyParser TrainParser(IReadOnlyList<TreebankSentence> sentences, PartOfSpeechTagger tagger, IReadOnlyList<TreebankSentence>? silver = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var predicted = JackknifeFolds > 1 ? Jackknife(sentences, tagger) : null;
        var index = new Dictionary<TreebankSentence, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < sentences.Count; i++)
        {
            index[sentences[i]] = i;
        }

        int[] Tags(TreebankSentence sentence)
        {
            if (predicted is not null && index.TryGetValue(sentence, out var at))
            {
                return predicted[at];
            }

            var tags = new int[sentence.Count];
            for (var i = 0; i < tags.Length; i++)
            {
                tags[i] = Math.Max(0, tagger.Tags.IndexOf(sentence.JointTag(i)));
            }

            return tags;
        }

        if (silver is not null)
        {
            var unknown = silver.Sum(s => Enumerable.Range(0, s.Count).Count(i => tagger.Tags.IndexOf(s.JointTag(i)) < 0));
            Progress?.Invoke($"silver: {unknown} words with a tag the tagger does not know (trained as its first tag)");
        }

        var mix = ParserMix ?? Shipped(silver is not null);
        int Repeats(TreebankSentence sentence)
        {
            foreach (var (prefix, repeats) in mix)
            {
                if (sentence.Source.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return repeats;
                }
            }

            return 1;
        }

        var clusters = ClustersFile is null ? null : WordClusters.ReadText(ClustersFile);
        Progress?.Invoke(clusters is null ? "parser: no word clusters" : $"parser: {clusters.Count} words with a cluster ({ClustersFile})");
        IReadOnlyList<TreebankSentence> all = silver is { Count: > 0 } ? [.. sentences, .. silver] : sentences;
        return new ParserTrainer { Iterations = ParserIterations, Repeats = Repeats, Clusters = clusters, Beam = ParserBeam, BeamPasses = ParserBeamPasses, TransitionSystem = ParserSystemTrained }.Train(all, Tags, Progress);
    }

    /// <summary>Reads a training mix: <c>file-name-start TAB repeats</c> per line, repeats from 0 (left out) to 10.</summary>
    public static IReadOnlyList<(string Prefix, int Repeats)> ReadMix(IEnumerable<DataLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var mix = new List<(string Prefix, int Repeats)>();
        foreach (var line in lines)
        {
            if (line.Fields.Length != 2 || line.Fields[0].Length == 0
                || !int.TryParse(line.Fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var repeats) || repeats > 10
                || mix.Exists(m => m.Prefix == line.Fields[0]))
            {
                throw new InvalidDataException(DataFile.Error(BadMix, "syntax", line, "expected a treebank file name's start (listed once) and how many times a pass sees its sentences (0-10)").ToString());
            }

            mix.Add((line.Fields[0], repeats));
        }

        return mix;
    }

    /// <summary>The files, or the <see cref="NoData"/> error (<paramref name="missing"/>) when there are none.</summary>
    private static IReadOnlyList<string> Listed(IReadOnlyList<string> files, string missing, string path) =>
        files.Count > 0 ? files : throw new FileNotFoundException($"{NoData} train: {missing}", path);

    /// <summary>The files' sentences that are one tree (<see cref="TreeProblem"/>), in order; the others are a TAC620 naming file and line.</summary>
    private static IEnumerable<(string File, ConlluSentence Tree)> Trees(IReadOnlyList<string> files, List<TacitusError> problems)
    {
        foreach (var file in files)
        {
            using var reader = new StreamReader(file);
            foreach (var sentence in ConlluReader.Read(reader, file, problems))
            {
                if (TreeProblem(sentence) is { } problem)
                {
                    problems.Add(new TacitusError(ConlluReader.Malformed, "syntax", problem, file, $"line {sentence.Line}"));
                    continue;
                }

                yield return (file, sentence);
            }
        }
    }

    private static string Names(IReadOnlyList<string> files) => string.Join(", ", files.Select(Path.GetFileName));

    /// <summary>Each sentence's tags as predicted by a tagger trained on the other folds, in <paramref name="tagger"/>'s indices.</summary>
    private int[][] Jackknife(IReadOnlyList<TreebankSentence> sentences, PartOfSpeechTagger tagger)
    {
        var result = new int[sentences.Count][];
        var buffers = new TaggerBuffers();
        long right = 0, total = 0;
        for (var fold = 0; fold < JackknifeFolds; fold++)
        {
            var training = new List<TreebankSentence>();
            for (var i = 0; i < sentences.Count; i++)
            {
                if (i % JackknifeFolds != fold)
                {
                    training.Add(sentences[i]);
                }
            }

            var foldTagger = new TaggerTrainer { Iterations = Math.Max(1, TaggerIterations - 2) }.Train(training);
            for (var i = fold; i < sentences.Count; i += JackknifeFolds)
            {
                var sentence = sentences[i];
                var tags = new int[sentence.Count];
                foldTagger.Tag(sentence.Text, sentence.Words, tags, buffers);
                for (var w = 0; w < tags.Length; w++)
                {
                    tags[w] = Math.Max(0, tagger.Tags.IndexOf(foldTagger.Tags[tags[w]]));
                    right += tagger.Tags[tags[w]] == sentence.JointTag(w) ? 1 : 0;
                    total++;
                }

                result[i] = tags;
            }

            Progress?.Invoke($"jackknife fold {fold + 1}/{JackknifeFolds} tagged");
        }

        Progress?.Invoke($"jackknifed tags: {100.0 * right / Math.Max(1, total):F2}% right (UPOS|XPOS)");
        return result;
    }
}
