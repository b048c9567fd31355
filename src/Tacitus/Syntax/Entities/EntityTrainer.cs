using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Learning;
using Tacitus.Text;

namespace Tacitus.Syntax.Entities;

/// <summary>How to train an entity model.</summary>
internal sealed record EntityTrainingOptions
{
    public int Epochs { get; init; } = 8;

    /// <summary>
    /// Class sequences kept while decoding (<see cref="EntityBeam"/>); 1 trains and decodes greedily, token by token,
    /// more trains a structured perceptron with early update over a beam of that width.
    /// </summary>
    public int Beam { get; init; } = 1;

    /// <summary>Seed of the sentence order shuffled before each epoch.</summary>
    public int Seed { get; init; } = 8;

    public EntityFeatureSet Features { get; init; } = EntityFeatureSet.Tables | EntityFeatureSet.WordClasses | EntityFeatureSet.Case | EntityFeatureSet.QuickKeys;

    /// <summary>Averaged weights of smaller magnitude are left out of the model (<see cref="AveragedPerceptron.PruneBelow"/>).</summary>
    public float PruneBelow { get; init; } = 1e-4f;

    /// <summary>
    /// The share of training tokens, drawn afresh each epoch from a fixed seed, whose word is hidden from every
    /// feature that reads it (as if never seen): the model learns to find names from their shape and context too.
    /// </summary>
    public double WordDropout { get; init; }

    /// <summary>
    /// The share of training sentences, drawn afresh each epoch from a fixed seed, read in lower case (the same names
    /// over the same tokens): web text writes many names without capitals ("flying to lourdes"), which the training
    /// text seldom does (Mayhew et al. 2019, training on cased and uncased text together).
    /// </summary>
    public double LowerCase { get; init; }

    /// <summary>How words are written in plain text (needed when <see cref="Features"/> has <see cref="EntityFeatureSet.Case"/>).</summary>
    public CaseProfile? Profile { get; init; }

    /// <summary>Word clusters (needed when <see cref="Features"/> has <see cref="EntityFeatureSet.Clusters"/>).</summary>
    public WordClusters? Clusters { get; init; }

    /// <summary>Organisation cue words (needed when <see cref="Features"/> has <see cref="EntityFeatureSet.Cues"/>).</summary>
    public EntityCues? Cues { get; init; }

    /// <summary>Jackknifed part-of-speech tags of the training sentences (needed when <see cref="Features"/> has <see cref="EntityFeatureSet.Upos"/>).</summary>
    public EntityTagging? Tagging { get; init; }

    /// <summary>Folds (by document) of the first pass's classes the second pass learns from, when <see cref="Features"/> has <see cref="EntityFeatureSet.Document"/>.</summary>
    public int PassFolds { get; init; } = 4;

    /// <summary>Plain news sentences (text, tokens, part-of-speech tags) the first pass types for <see cref="CorpusVotes"/> (needed when <see cref="Features"/> has <see cref="EntityFeatureSet.Corpus"/>).</summary>
    public IReadOnlyList<(string Text, Token[] Tokens, string[] Upos)>? Corpus { get; init; }

    /// <summary>
    /// Plain news sentences (text, tokens, part-of-speech tags; consecutive sentences of one text are one document) for
    /// self-training (<see cref="SelfTraining"/>): a one-pass model with a beam only. None trains on the gold names alone.
    /// </summary>
    public IReadOnlyList<(string Text, Token[] Tokens, string[] Upos)>? SelfTraining { get; init; }

    /// <summary>The share of the self-training candidates (sentences whose names agree across their document) kept, surest first.</summary>
    public double SelfTrainingShare { get; init; } = 0.5;

    /// <summary>
    /// Two-pass models: a training sentence read in lower case (<see cref="LowerCase"/>) gives the second pass the
    /// first pass's classes of its lower-case text, in its own features and in its document's votes, as decoding a
    /// lower-case sentence would; off, it reads the classes of the cased text (session 10's training).
    /// </summary>
    public bool LoweredFirstPass { get; init; }

    /// <summary>Rounds of self-training: each types the corpus again with the model of the round before.</summary>
    public int SelfTrainingRounds { get; init; } = 1;
}

/// <summary>
/// Trains an <see cref="EntityModel"/>: each sentence is cut into tokens by Tacitus's own <see cref="Tokenizer"/>
/// (the tokens the stage will see), its names become BILOU classes over those tokens (a name whose edge falls inside
/// a token takes the whole token), and the perceptron learns left to right from its own previous choices, as it will
/// decode. A two-pass model (<see cref="EntityFeatureSet.Document"/>) is three trainings: first-pass models on all
/// folds but one, whose classes of the held-out documents the second pass learns from, then the second pass, then
/// the first pass on everything. Deterministic: the document order of each epoch comes from a fixed seed, so the
/// same examples give the same bytes.
/// </summary>
internal static class EntityTrainer
{
    public static EntityModel Train(IReadOnlyList<NameExample> examples, EntityTrainingOptions options, NameTables tables, Lexicon words, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Beam, 1);
        var features = new EntityFeatures(options.Features, tables, words, options.Profile, options.Clusters, options.Cues);
        if (features.UsesTags && options.Tagging is null)
        {
            throw new ArgumentException("a model with part-of-speech features needs the training sentences' tags (options.Tagging)", nameof(options));
        }

        if (features.TwoPass && options.PassFolds < 2)
        {
            throw new ArgumentException("a two-pass model needs two or more folds for its first pass's training classes (options.PassFolds)", nameof(options));
        }

        if ((features.Set & EntityFeatureSet.Corpus) != 0 && (options.Corpus is null || !features.TwoPass))
        {
            throw new ArgumentException("corpus votes need a two-pass model and the corpus sentences (options.Corpus)", nameof(options));
        }

        var prepared = examples.Select(Prepare).ToArray();
        var tags = prepared.Select(p => features.UsesTags && p.Tokens.Length > 0 ? options.Tagging!.Tag(p.Text, p.Tokens) : []).ToArray();
        var set = new TrainingSet(prepared, tags, Documents(examples));
        var all = Enumerable.Range(0, set.Documents.Count).ToArray();
        if (!features.TwoPass)
        {
            var perceptron = TrainPass(set, all, features, options, null, progress);
            for (var round = 1; options.SelfTraining is not null && round <= options.SelfTrainingRounds; round++)
            {
                var silver = SelfTraining.Select(options.SelfTraining, perceptron, features, options.Beam, options.SelfTrainingShare);
                var grown = set.With(silver, features.UsesTags);
                progress?.Invoke($"self-training, round {round}: {silver.Count} corpus sentences kept, {silver.Sum(s => EntityModel.Spans(s.Classes).Count())} names");
                perceptron = TrainPass(grown, Enumerable.Range(0, grown.Documents.Count).ToArray(), features, options, null, progress);
            }

            return new EntityModel(features, BilouTags.Labels(), perceptron, beam: options.Beam);
        }

        if (options.SelfTraining is not null)
        {
            throw new ArgumentException("self-training is for one-pass models (options.SelfTraining)", nameof(options));
        }

        // the second pass learns from first-pass classes as good as, and no better than, those it will see: each
        // document's come from a first pass trained on the other folds' documents (jackknifing, by document)
        // (and each fold's corpus votes from the same model, so no document's words are typed by a model that saw them)
        var firstPass = new int[prepared.Length][];
        var firstPassLower = options.LoweredFirstPass && options.LowerCase > 0 ? new int[prepared.Length][] : null;
        var corpus = options.Corpus is not null && (features.Set & EntityFeatureSet.Corpus) != 0 ? new CorpusVotes[options.PassFolds] : null;
        for (var fold = 0; fold < options.PassFolds; fold++)
        {
            var held = all.Where(d => d % options.PassFolds == fold).ToArray();
            var model = TrainPass(set, [.. all.Where(d => d % options.PassFolds != fold)], features, options, null, null);
            Predict(set, held, model, features, firstPass, options.Beam);
            if (firstPassLower is not null)
            {
                Predict(set, held, model, features, firstPassLower, options.Beam, lowered: true);
            }
            if (corpus is not null)
            {
                corpus[fold] = Label(options.Corpus!, model, features, options.Beam);
            }

            progress?.Invoke($"first pass, fold {fold + 1}/{options.PassFolds}: {held.Length} documents classed by a model that did not see them{(corpus is null ? string.Empty : $", {corpus[fold].Count} corpus words")}");
        }

        var second = TrainPass(set, all, features, options, firstPass, progress, corpus, firstPassLower);
        var first = TrainPass(set, all, features, options, null, progress);
        return new EntityModel(features, BilouTags.Labels(), second, first, corpus is null ? null : Label(options.Corpus!, first, features, options.Beam), options.Beam);
    }

    /// <summary>The corpus votes of a first-pass perceptron: it types every corpus sentence.</summary>
    private static CorpusVotes Label(IReadOnlyList<(string Text, Token[] Tokens, string[] Upos)> corpus, AveragedPerceptron perceptron, EntityFeatures features, int beam)
    {
        var sentence = new EntitySentence();
        return CorpusVotes.FromSentences(corpus.Where(c => c.Tokens.Length > 0).Select(c =>
        {
            var tags = new int[c.Tokens.Length];
            features.Prepare(c.Text, c.Tokens, c.Upos, sentence);
            EntityModel.Decode(perceptron, features, sentence, tags, beam);
            return (c.Text, c.Tokens, tags);
        }));
    }

    /// <summary>
    /// Trains one perceptron over the given documents (shuffled by document each epoch); with
    /// <paramref name="firstPass"/>, as a second pass reading those classes and the document's votes (and the corpus
    /// votes of the fold model that did not see the document).
    /// </summary>
    private static AveragedPerceptron TrainPass(TrainingSet set, int[] documents, EntityFeatures features, EntityTrainingOptions options, int[][]? firstPass, Action<string>? progress, CorpusVotes[]? corpus = null, int[][]? firstPassLower = null)
    {
        var perceptron = AveragedPerceptron.ForTraining(BilouTags.Count, 1 << 18, options.PruneBelow);
        var dropout = new Random(options.Seed + 1);
        var lowering = new Random(options.Seed + 2);
        var sentence = new EntitySentence();
        var keys = new ulong[EntityFeatures.MaxFeatures];
        var scores = new float[BilouTags.Count];
        var allowed = new bool[BilouTags.Count];
        var order = (int[])documents.Clone();
        var votes = new DocumentVotes();
        var random = new Random(options.Seed);
        var lowered = new List<bool>();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int wrong = 0, total = 0;
            foreach (var document in order)
            {
                // the document's lower-case draws first (the same draws, in the same order, as drawing sentence by
                // sentence), so that its votes can count each sentence as it will be read
                lowered.Clear();
                foreach (var index in set.Documents[document])
                {
                    lowered.Add(set.Prepared[index].Tokens.Length > 0 && options.LowerCase > 0 && lowering.NextDouble() < options.LowerCase);
                }

                if (firstPass is not null)
                {
                    Votes(set, document, firstPass, firstPassLower, lowered, votes);
                }

                var at = -1;
                foreach (var index in set.Documents[document])
                {
                    at++;
                    var (text, tokens, gold) = set.Prepared[index];
                    if (tokens.Length == 0)
                    {
                        continue;
                    }

                    if (lowered[at])
                    {
                        text = set.Lower(index);
                    }

                    features.Prepare(text, tokens, set.Tags[index], sentence);
                    if (options.WordDropout > 0)
                    {
                        EntityFeatures.HideWords(sentence, dropout, options.WordDropout);
                    }

                    if (firstPass is not null)
                    {
                        votes.Fill(sentence, (lowered[at] && firstPassLower is not null ? firstPassLower : firstPass)[index], corpus?[document % corpus.Length]);
                    }

                    if (options.Beam > 1)
                    {
                        wrong += EntityBeam.ForThread(options.Beam).Learn(perceptron, features, sentence, gold);
                        total += tokens.Length;
                        continue;
                    }

                    int previous = -1, previous2 = -1;
                    for (var i = 0; i < tokens.Length; i++)
                    {
                        var n = features.Extract(sentence, i, previous, previous2, keys);
                        BilouTags.Allowed(previous, i == tokens.Length - 1, allowed);
                        var guess = perceptron.Predict(keys.AsSpan(0, n), scores, allowed);
                        perceptron.Tick();
                        if (guess != gold[i])
                        {
                            perceptron.Update(keys.AsSpan(0, n), gold[i], guess);
                            wrong++;
                        }

                        total++;
                        previous2 = previous;
                        previous = guess;
                    }
                }
            }

            progress?.Invoke($"{(firstPass is null ? "first" : "second")} pass, epoch {epoch}: {wrong} of {total} tokens wrong ({100.0 * wrong / Math.Max(1, total):F2}%), {perceptron.Features} features");
        }

        perceptron.Average();
        return perceptron;
    }

    /// <summary>Classes the sentences of <paramref name="documents"/> with a first-pass perceptron into <paramref name="firstPass"/>.</summary>
    private static void Predict(TrainingSet set, int[] documents, AveragedPerceptron perceptron, EntityFeatures features, int[][] firstPass, int beam, bool lowered = false)
    {
        var sentence = new EntitySentence();
        foreach (var document in documents)
        {
            foreach (var index in set.Documents[document])
            {
                var (text, tokens, _) = set.Prepared[index];
                firstPass[index] = new int[tokens.Length];
                if (tokens.Length > 0)
                {
                    features.Prepare(lowered ? set.Lower(index) : text, tokens, set.Tags[index], sentence);
                    EntityModel.Decode(perceptron, features, sentence, firstPass[index], beam);
                }
            }
        }
    }

    /// <summary>The votes of one training document's first-pass classes (of the lower-case text for a sentence read in lower case, when given).</summary>
    private static void Votes(TrainingSet set, int document, int[][] firstPass, int[][]? firstPassLower, List<bool> lowered, DocumentVotes votes)
    {
        votes.Clear();
        var at = 0;
        foreach (var index in set.Documents[document])
        {
            var (text, tokens, _) = set.Prepared[index];
            votes.Add(text, tokens, (lowered[at++] && firstPassLower is not null ? firstPassLower : firstPass)[index]);
        }
    }

    /// <summary>The training sentences (tokens and gold classes), their part-of-speech tags and their documents.</summary>
    private sealed record TrainingSet((string Text, Token[] Tokens, int[] Gold)[] Prepared, string[][] Tags, List<int[]> Documents)
    {
        private readonly Dictionary<string, string> lower = new(ReferenceEqualityComparer.Instance);

        /// <summary>This set and the self-training sentences after it, one document per corpus text.</summary>
        public TrainingSet With(List<SelfTraining.Silver> silver, bool withTags)
        {
            var prepared = new (string Text, Token[] Tokens, int[] Gold)[Prepared.Length + silver.Count];
            var tags = new string[prepared.Length][];
            Prepared.CopyTo(prepared, 0);
            Tags.CopyTo(tags, 0);
            var documents = new List<int[]>(Documents);
            var current = new List<int>();
            for (var i = 0; i < silver.Count; i++)
            {
                var at = Prepared.Length + i;
                prepared[at] = (silver[i].Text, silver[i].Tokens, silver[i].Classes);
                tags[at] = withTags ? silver[i].Upos : [];
                if (current.Count > 0 && !ReferenceEquals(silver[i].Text, silver[i - 1].Text))
                {
                    documents.Add([.. current]);
                    current.Clear();
                }

                current.Add(at);
            }

            if (current.Count > 0)
            {
                documents.Add([.. current]);
            }

            return new TrainingSet(prepared, tags, documents);
        }

        /// <summary>The text of sentence <paramref name="index"/> in lower case, made once per document; character offsets are kept (<see cref="string.ToLowerInvariant()"/> maps char by char).</summary>
        public string Lower(int index)
        {
            var text = Prepared[index].Text;
            if (!lower.TryGetValue(text, out var lowered))
            {
                lowered = text.ToLowerInvariant();
                lower[text] = lowered;
            }

            return lowered;
        }
    }

    /// <summary>
    /// The examples grouped into documents, in order: consecutive sentences of one text (the same string instance,
    /// as the readers give them) are one document. Training shuffles documents and keeps each document's sentences in
    /// order, as the recogniser reads them.
    /// </summary>
    internal static List<int[]> Documents(IReadOnlyList<NameExample> examples)
    {
        var documents = new List<int[]>();
        var current = new List<int>();
        for (var i = 0; i < examples.Count; i++)
        {
            if (current.Count > 0 && !ReferenceEquals(examples[current[0]].Text, examples[i].Text))
            {
                documents.Add([.. current]);
                current.Clear();
            }

            current.Add(i);
        }

        if (current.Count > 0)
        {
            documents.Add([.. current]);
        }

        return documents;
    }

    /// <summary>The example's tokens and gold classes.</summary>
    internal static (string Text, Token[] Tokens, int[] Gold) Prepare(NameExample example)
    {
        var list = new List<Token>();
        Tokenizer.Tokenize(example.Text, example.Sentence, list);
        var tokens = list.ToArray();
        var names = new List<(int First, int Count, int Type)>();
        foreach (var (type, span) in example.Names)
        {
            var first = -1;
            var last = -1;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (tokens[i].Span.Overlaps(span))
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if (first >= 0 && names.TrueForAll(n => first >= n.First + n.Count || last < n.First))
            {
                names.Add((first, last - first + 1, type));
            }
        }

        var gold = new int[tokens.Length];
        BilouTags.Encode(names, gold);
        return (example.Text, tokens, gold);
    }
}
