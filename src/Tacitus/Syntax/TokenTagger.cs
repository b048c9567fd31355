using System.Runtime.InteropServices;
using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax.Lemmas;
using Tacitus.Syntax.Tagging;

namespace Tacitus.Syntax;

/// <summary>
/// Fills the token layer (<see cref="Document.Syntax"/>) right after segmentation, in every analysis: each token's
/// shape, UPOS and XPOS tags (<see cref="PartOfSpeechTagger"/>) and lemma (<see cref="LemmaTable"/>), with head -1
/// and an empty relation until the parser (<see cref="SyntaxAnnotator"/>) adds the tree. Reads the tagger alone, so
/// an analysis without the tree coder does not load the parser. Boilerplate sentences are tagged too, so the layer
/// stays parallel to <see cref="Document.Tokens"/>.
/// </summary>
internal sealed class TokenTagger : IPipelineStage
{
    [ThreadStatic]
    private static SyntaxWorkspace? workspace;

    private readonly PartOfSpeechTagger? tagger;
    private readonly LemmaTable? lemmas;

    /// <summary>A stage over the shipped tagger.</summary>
    public TokenTagger()
    {
    }

    internal TokenTagger(SyntaxModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        tagger = models.Tagger;
        lemmas = models.Lemmas;
    }

    public string Name => "tags";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens;

    public Annotations Assigns => Annotations.Tags;

    public void Process(Document document, CancellationToken cancellationToken) => Process(document, null, cancellationToken);

    /// <summary>Tags every sentence, then writes the layer's records; <paramref name="clock"/>, when given, times both phases.</summary>
    internal void Process(Document document, SyntaxPhaseClock? clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (t, l) = tagger is null || lemmas is null ? SyntaxModels.ShippedTagger : (tagger, lemmas);
        var work = workspace ??= new SyntaxWorkspace();
        var tokens = CollectionsMarshal.AsSpan(document.Tokens);
        var spans = work.Spans(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            spans[i] = tokens[i].Span;
        }

        var (tags, _, _) = work.Arrays(tokens.Length);
        var text = document.Text;
        clock?.Start();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            t.Tag(text, spans.AsSpan(sentence.FirstToken, sentence.TokenCount), tags.AsSpan(sentence.FirstToken, sentence.TokenCount), work.Tagger);
        }

        clock?.TaggerDone();
        document.Syntax.Clear();
        document.Syntax.Capacity = Math.Max(document.Syntax.Capacity, tokens.Length);
        var next = 0;
        foreach (var sentence in document.Sentences)
        {
            for (; next < sentence.FirstToken; next++)
            {
                document.Syntax.Add(Unanalysed(text, tokens[next]));
            }

            for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                document.Syntax.Add(Record(t, l, spans[i].Of(text), tags[i], -1, string.Empty, sentence.Headline));
            }

            next = sentence.FirstToken + sentence.TokenCount;
        }

        for (; next < tokens.Length; next++)
        {
            document.Syntax.Add(Unanalysed(text, tokens[next]));
        }

        clock?.LayerDone();
    }

    /// <summary>
    /// The layer's record of one tagged word: lemma, tags, head (a document index or -1), relation, shape. In a
    /// <paramref name="headline"/>, where every word is capitalised, a word tagged as a proper noun that training saw
    /// as a verb form takes that verb's lemma ("Rebels Seize Port": seize); its tags stay the tagger's.
    /// </summary>
    internal static TokenSyntax Record(PartOfSpeechTagger tagger, LemmaTable lemmas, ReadOnlySpan<char> word, int tag, int head, string relation, bool headline = false)
    {
        var upos = tagger.Upos[tag];
        var properNoun = upos == "PROPN";
        var lemma = (properNoun && headline ? VerbLemma(tagger, lemmas, word) : null) ?? lemmas.Lemma(word, tag, properNoun, upos == "VERB");
        return new TokenSyntax(lemma, upos, tagger.Xpos[tag], head, relation, WordShapes.Of(word));
    }

    private static string? VerbLemma(PartOfSpeechTagger tagger, LemmaTable lemmas, ReadOnlySpan<char> word)
    {
        Span<int> verbs = stackalloc int[tagger.Upos.Length];
        var n = 0;
        for (var t = 0; t < tagger.Upos.Length; t++)
        {
            if (tagger.Upos[t] == "VERB")
            {
                verbs[n++] = t;
            }
        }

        return lemmas.KnownLemma(word, verbs[..n]);
    }

    /// <summary>A token outside every sentence (should not happen): its shape only.</summary>
    internal static TokenSyntax Unanalysed(string text, Token token) =>
        new(token.Span.TextOf(text), "X", "_", -1, string.Empty, WordShapes.Of(token.Span.Of(text)));
}
