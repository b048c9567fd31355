using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Learning;
using Tacitus.Text;

namespace Tacitus.Syntax.Entities;

/// <summary>How to train an entity model.</summary>
internal sealed record EntityTrainingOptions
{
    public int Epochs { get; init; } = 8;

    /// <summary>Seed of the sentence order shuffled before each epoch.</summary>
    public int Seed { get; init; } = 8;

    public EntityFeatureSet Features { get; init; } = EntityFeatureSet.Tables | EntityFeatureSet.WordClasses | EntityFeatureSet.Case;

    /// <summary>How words are written in plain text (needed when <see cref="Features"/> has <see cref="EntityFeatureSet.Case"/>).</summary>
    public CaseProfile? Profile { get; init; }

    /// <summary>Word clusters (needed when <see cref="Features"/> has <see cref="EntityFeatureSet.Clusters"/>).</summary>
    public WordClusters? Clusters { get; init; }

    /// <summary>Jackknifed part-of-speech tags of the training sentences (needed when <see cref="Features"/> has <see cref="EntityFeatureSet.Upos"/>).</summary>
    public EntityTagging? Tagging { get; init; }
}

/// <summary>
/// Trains an <see cref="EntityModel"/>: each sentence is cut into tokens by Tacitus's own <see cref="Tokenizer"/>
/// (the tokens the stage will see), its names become BILOU classes over those tokens (a name whose edge falls inside
/// a token takes the whole token), and the perceptron learns left to right from its own previous choices, as it will
/// decode. Deterministic: the sentence order of each epoch comes from a fixed seed, so the same examples give the
/// same bytes.
/// </summary>
internal static class EntityTrainer
{
    public static EntityModel Train(IReadOnlyList<NameExample> examples, EntityTrainingOptions options, NameTables tables, Lexicon words, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var features = new EntityFeatures(options.Features, tables, words, options.Profile, options.Clusters);
        if (features.UsesTags && options.Tagging is null)
        {
            throw new ArgumentException("a model with part-of-speech features needs the training sentences' tags (options.Tagging)", nameof(options));
        }

        var prepared = examples.Select(Prepare).ToArray();
        var tags = prepared.Select(p => features.UsesTags && p.Tokens.Length > 0 ? options.Tagging!.Tag(p.Text, p.Tokens) : []).ToArray();
        var documents = Documents(examples);
        var perceptron = AveragedPerceptron.ForTraining(BilouTags.Count, 1 << 18);
        var sentence = new EntitySentence();
        var keys = new ulong[EntityFeatures.MaxFeatures];
        var scores = new float[BilouTags.Count];
        var allowed = new bool[BilouTags.Count];
        var order = Enumerable.Range(0, documents.Count).ToArray();
        var random = new Random(options.Seed);
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int wrong = 0, total = 0;
            foreach (var document in order)
            {
                foreach (var index in documents[document])
                {
                    var (text, tokens, gold) = prepared[index];
                    if (tokens.Length == 0)
                    {
                        continue;
                    }

                    features.Prepare(text, tokens, tags[index], sentence);
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

            progress?.Invoke($"epoch {epoch}: {wrong} of {total} tokens wrong ({100.0 * wrong / Math.Max(1, total):F2}%), {perceptron.Features} features");
        }

        perceptron.Average();
        return new EntityModel(features, BilouTags.Labels(), perceptron);
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
