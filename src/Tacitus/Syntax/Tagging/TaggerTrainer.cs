using Tacitus.Syntax.Learning;
using Tacitus.Syntax.Training;

namespace Tacitus.Syntax.Tagging;

/// <summary>
/// Trains the <see cref="PartOfSpeechTagger"/>: a tag dictionary of frequent unambiguous words, then
/// <see cref="Iterations"/> passes of the perceptron over the sentences in an order shuffled with a fixed seed,
/// each word predicted from the tags already predicted before it (so training sees its own mistakes).
/// </summary>
internal sealed class TaggerTrainer
{
    public int Iterations { get; init; } = 10;

    /// <summary>Averaged weights below this magnitude are left out of the written model (<see cref="AveragedPerceptron.PruneBelow"/>).</summary>
    public float Prune { get; init; } = 0.25f;

    public int Seed { get; init; } = 8;

    /// <summary>How often a word must occur to enter the tag dictionary.</summary>
    public int DictionaryMinCount { get; init; } = 20;

    /// <summary>The share of its occurrences the word's most frequent tag must have to enter the dictionary.</summary>
    public double DictionaryMinShare { get; init; } = 0.995;

    /// <summary>How often a word must occur for its usual tag to be a feature.</summary>
    public int UsualMinCount { get; init; } = 3;

    public PartOfSpeechTagger Train(IReadOnlyList<TreebankSentence> sentences, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var tags = new LabelSet();
        var gold = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            gold[s] = new int[sentence.Count];
            for (var i = 0; i < sentence.Count; i++)
            {
                gold[s][i] = tags.Add(sentence.JointTag(i));
            }
        }

        var (dictionary, usual) = BuildDictionaries(sentences, gold);
        var model = AveragedPerceptron.ForTraining(tags.Count, 1 << 18, Prune);
        var tagger = new PartOfSpeechTagger(tags, model, dictionary, usual);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(Seed);
        var buffers = new TaggerBuffers();
        var features = buffers.Features;
        var scores = new float[tags.Count];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var sentence = sentences[s];
                var predicted = new int[sentence.Count];
                var prepared = buffers.Prepare(sentence.Text, sentence.Words, tagger);
                for (var i = 0; i < sentence.Count; i++)
                {
                    total++;
                    if (tagger.TryDictionary(sentence.Words[i].Of(sentence.Text), out var known))
                    {
                        predicted[i] = known;
                        correct += known == gold[s][i] ? 1 : 0;
                        continue;
                    }

                    var n = PartOfSpeechTagger.Extract(sentence.Words[i].Of(sentence.Text), prepared, i, i > 0 ? predicted[i - 1] : -1, i > 1 ? predicted[i - 2] : -1, features);
                    var guess = model.Predict(features.AsSpan(0, n), scores);
                    model.Tick();
                    model.Update(features.AsSpan(0, n), gold[s][i], guess);
                    predicted[i] = guess;
                    correct += guess == gold[s][i] ? 1 : 0;
                }
            }

            progress?.Invoke($"tagger iteration {iteration + 1}/{Iterations}: {100.0 * correct / Math.Max(1, total):F2}% of training words right");
        }

        model.Average();
        return new PartOfSpeechTagger(tags, model, dictionary, usual);
    }

    /// <summary>Words of one tag (as written), and the usual tag of words seen <see cref="UsualMinCount"/> times or more (lower case).</summary>
    private (Dictionary<string, int> Unambiguous, Dictionary<string, int> Usual) BuildDictionaries(IReadOnlyList<TreebankSentence> sentences, int[][] gold)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        var lowerCounts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (var s = 0; s < sentences.Count; s++)
        {
            for (var i = 0; i < sentences[s].Count; i++)
            {
                var word = sentences[s].Gold[i].Form;
                Count(counts, word, gold[s][i]);
                Count(lowerCounts, word.ToLowerInvariant(), gold[s][i]);
            }
        }

        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, byTag) in counts)
        {
            var total = byTag.Values.Sum();
            var (tag, count) = byTag.OrderByDescending(e => e.Value).ThenBy(e => e.Key).First();
            if (total >= DictionaryMinCount && count >= DictionaryMinShare * total)
            {
                dictionary[word] = tag;
            }
        }

        var usual = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, byTag) in lowerCounts)
        {
            if (byTag.Values.Sum() >= UsualMinCount)
            {
                usual[word] = byTag.OrderByDescending(e => e.Value).ThenBy(e => e.Key).First().Key;
            }
        }

        return (dictionary, usual);
    }

    private static void Count(Dictionary<string, Dictionary<int, int>> counts, string word, int tag)
    {
        if (!counts.TryGetValue(word, out var byTag))
        {
            counts[word] = byTag = [];
        }

        byTag[tag] = byTag.GetValueOrDefault(tag) + 1;
    }
}
