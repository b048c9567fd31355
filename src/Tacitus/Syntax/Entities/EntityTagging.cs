using Tacitus.Documents;
using Tacitus.Syntax.Tagging;
using Tacitus.Syntax.Training;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// Part-of-speech tags for training the entity recogniser (at run time it reads them from the token layer, filled by
/// <see cref="TokenTagger"/>). For training, the tags must be
/// as good as, and no better than, those the recogniser will see, so the training sentences are tagged by
/// jackknifing (<see cref="Jackknife"/>): the treebank is cut into folds by a hash of each sentence's characters
/// (white space left out), a tagger is trained on all folds but one, and a sentence is tagged by the tagger that did
/// not see it. The NER training sentences are the treebank's own (UNER is EWT), so their hash finds their fold.
/// </summary>
internal sealed class EntityTagging
{
    private readonly PartOfSpeechTagger[] taggers;

    private EntityTagging(PartOfSpeechTagger[] taggers) => this.taggers = taggers;

    public int Folds => taggers.Length;

    /// <summary>Trains one tagger per fold, each on the other folds' sentences.</summary>
    public static EntityTagging Jackknife(IReadOnlyList<TreebankSentence> treebank, int folds, int iterations, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(treebank);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var taggers = new PartOfSpeechTagger[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = treebank.Where(s => FoldOf(s.Text, s.Words, folds) != fold).ToList();
            taggers[fold] = new TaggerTrainer { Iterations = iterations }.Train(training);
            progress?.Invoke($"jackknife tagger {fold + 1}/{folds}: {training.Count} sentences");
        }

        return new EntityTagging(taggers);
    }

    /// <summary>The UPOS tags of a training sentence, from the tagger that did not see it.</summary>
    public string[] Tag(string text, ReadOnlySpan<Token> tokens)
    {
        var spans = new TextSpan[tokens.Length];
        for (var i = 0; i < spans.Length; i++)
        {
            spans[i] = tokens[i].Span;
        }

        var result = new string[spans.Length];
        Upos(taggers[FoldOf(text, spans, taggers.Length)], text, spans, new int[spans.Length], result, new TaggerBuffers());
        return result;
    }

    /// <summary>Writes the UPOS tags <paramref name="tagger"/> gives the words into <paramref name="upos"/> (<paramref name="tags"/>: room for the tag indices).</summary>
    public static void Upos(PartOfSpeechTagger tagger, string text, ReadOnlySpan<TextSpan> words, Span<int> tags, Span<string> upos, TaggerBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        tagger.Tag(text, words, tags, buffers);
        for (var i = 0; i < words.Length; i++)
        {
            upos[i] = tagger.Upos[tags[i]];
        }
    }

    /// <summary>The fold of a sentence: a hash of the characters of its words, white space left out.</summary>
    internal static int FoldOf(string text, ReadOnlySpan<TextSpan> words, int folds)
    {
        var hash = 2166136261u;
        foreach (var word in words)
        {
            foreach (var c in word.Of(text))
            {
                if (!char.IsWhiteSpace(c))
                {
                    hash = (hash ^ c) * 16777619u;
                }
            }
        }

        return (int)(hash % (uint)folds);
    }
}
