using Tacitus.Documents;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// Self-training of the entity recogniser on unlabelled news (<see cref="EntityTrainingOptions.SelfTraining"/>): a
/// model trained on the gold names types every corpus sentence, and the sentences it is surest of become training
/// sentences with its classes as their gold (Yarowsky-style self-training; McClosky et al. 2006 for parsers). A
/// sentence is a candidate when it holds a name and every name in it is typed one way throughout its document (the
/// same lower-case text never typed otherwise, and, for a one-word name, never left outside a name where it is
/// capitalised mid-sentence); of the candidates, the given share with the largest margin is kept: the margin of the
/// model's least sure choice inside the sentence's names (<see cref="EntityBeam.DecodeWithMargin"/>), so a sentence is
/// ranked by how sure the model is of its names, not of its ending. Deterministic: ties keep corpus order.
/// </summary>
internal static class SelfTraining
{
    /// <summary>One kept corpus sentence: its text, tokens, the model's classes (as gold) and its part-of-speech tags.</summary>
    internal readonly record struct Silver(string Text, Token[] Tokens, int[] Classes, string[] Upos);

    /// <summary>
    /// Types the corpus sentences (consecutive sentences of one text are one document) with <paramref name="perceptron"/>
    /// and returns the kept ones in corpus order.
    /// </summary>
    public static List<Silver> Select(IReadOnlyList<(string Text, Token[] Tokens, string[] Upos)> corpus, AveragedPerceptron perceptron, EntityFeatures features, int beam, double share)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(beam, 2);
        var decoder = new EntityBeam(beam);
        var sentence = new EntitySentence();
        var candidates = new List<(int Index, float Margin, int[] Classes)>();
        var start = 0;
        while (start < corpus.Count)
        {
            var end = start;
            while (end < corpus.Count && ReferenceEquals(corpus[end].Text, corpus[start].Text))
            {
                end++;
            }

            var decoded = new (int[] Classes, float Margin)[end - start];
            var types = new Dictionary<string, int>(StringComparer.Ordinal);
            var outside = new HashSet<string>(StringComparer.Ordinal);
            for (var s = start; s < end; s++)
            {
                var (text, tokens, upos) = corpus[s];
                var classes = new int[tokens.Length];
                var margin = 0f;
                if (tokens.Length > 0)
                {
                    features.Prepare(text, tokens, upos, sentence);
                    margin = decoder.DecodeWithMargin(perceptron, features, sentence, classes);
                }

                decoded[s - start] = (classes, margin);
                Count(text, tokens, classes, types, outside);
            }

            for (var s = start; s < end; s++)
            {
                var (classes, margin) = decoded[s - start];
                if (Agrees(corpus[s].Text, corpus[s].Tokens, classes, types, outside))
                {
                    candidates.Add((s, margin, classes));
                }
            }

            start = end;
        }

        var keep = (int)Math.Round(share * candidates.Count);
        var kept = candidates.OrderByDescending(c => c.Margin).ThenBy(c => c.Index).Take(keep).OrderBy(c => c.Index);
        var result = new List<Silver>(keep);
        foreach (var (index, _, classes) in kept)
        {
            var (text, tokens, upos) = corpus[index];
            result.Add(new Silver(text, tokens, classes, upos));
        }

        return result;
    }

    /// <summary>
    /// Records each name's type by its lower-case text (-1 once typed two ways) and the capitalised mid-sentence words
    /// left outside names (mid-sentence: after the sentence's first word, leading punctuation such as an opening quote
    /// skipped).
    /// </summary>
    internal static void Count(string text, Token[] tokens, int[] classes, Dictionary<string, int> types, HashSet<string> outside)
    {
        foreach (var (first, count, type) in EntityModel.Spans(classes))
        {
            var key = Key(text, tokens, first, count);
            types[key] = types.TryGetValue(key, out var seen) && seen != type ? -1 : type;
        }

        var opening = 0;
        while (opening < tokens.Length && !StartsWord(tokens[opening].Span.Of(text)))
        {
            opening++;
        }

        for (var i = opening + 1; i < tokens.Length; i++)
        {
            var word = tokens[i].Span.Of(text);
            if (classes[i] == BilouTags.Outside && word.Length > 0 && char.IsUpper(word[0]))
            {
                outside.Add(Key(text, tokens, i, 1));
            }
        }
    }

    /// <summary>True when the sentence holds a name and each of its names is typed one way in the document.</summary>
    internal static bool Agrees(string text, Token[] tokens, int[] classes, Dictionary<string, int> types, HashSet<string> outside)
    {
        var any = false;
        foreach (var (first, count, _) in EntityModel.Spans(classes))
        {
            var key = Key(text, tokens, first, count);
            if (types[key] < 0 || (count == 1 && outside.Contains(key)))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static bool StartsWord(ReadOnlySpan<char> word) => word.Length > 0 && char.IsLetterOrDigit(word[0]);

    private static string Key(string text, Token[] tokens, int first, int count) =>
        text[tokens[first].Span.Start..tokens[first + count - 1].Span.End].ToLowerInvariant();
}
