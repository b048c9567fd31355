using System.Runtime.InteropServices;
using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Tagging;

namespace Tacitus.Syntax;

/// <summary>
/// Fills the token layer (<see cref="Document.Syntax"/>) right after segmentation: for every sentence, each
/// token's shape, tags (<see cref="PartOfSpeechTagger"/>), lemma (<see cref="Lemmas.LemmaTable"/>) and place in the
/// dependency tree (<see cref="DependencyParser"/>). Boilerplate sentences are analysed too, so the layer stays
/// parallel to <see cref="Document.Tokens"/>.
/// </summary>
public sealed class SyntaxAnnotator : IPipelineStage
{
    [ThreadStatic]
    private static SyntaxWorkspace? workspace;

    private readonly SyntaxModels? models;

    /// <summary>A stage over the shipped models.</summary>
    public SyntaxAnnotator()
    {
    }

    internal SyntaxAnnotator(SyntaxModels models)
    {
        this.models = models;
    }

    public string Name => "syntax";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens;

    public Annotations Assigns => Annotations.Syntax;

    public void Process(Document document, CancellationToken cancellationToken) => Process(document, null, cancellationToken);

    /// <summary>
    /// Fills the layer in three phases over the whole document (tag every sentence, parse every sentence, then lemmas
    /// and records), so that <paramref name="clock"/>, when given, can time each phase.
    /// </summary>
    internal void Process(Document document, SyntaxPhaseClock? clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var m = models ?? SyntaxModels.Shipped;
        var work = workspace ??= new SyntaxWorkspace();
        document.Syntax.Clear();
        document.Syntax.Capacity = Math.Max(document.Syntax.Capacity, document.Tokens.Count);
        var tokens = CollectionsMarshal.AsSpan(document.Tokens);
        var spans = work.Spans(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            spans[i] = tokens[i].Span;
        }

        var (tags, heads, relations) = work.Arrays(tokens.Length);
        var text = document.Text;
        clock?.Start();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            m.Tagger.Tag(text, spans.AsSpan(sentence.FirstToken, sentence.TokenCount), tags.AsSpan(sentence.FirstToken, sentence.TokenCount), work.Tagger);
        }

        clock?.TaggerDone();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (first, n) = (sentence.FirstToken, sentence.TokenCount);
            m.Parser.Parse(text, spans.AsSpan(first, n), tags.AsSpan(first, n), heads.AsSpan(first, n), relations.AsSpan(first, n), work.Parser);
        }

        clock?.ParserDone();
        var next = 0;
        foreach (var sentence in document.Sentences)
        {
            for (; next < sentence.FirstToken; next++)
            {
                document.Syntax.Add(Unanalysed(text, tokens[next]));
            }

            var (first, n) = (sentence.FirstToken, sentence.TokenCount);
            AddRecords(m, text, spans.AsSpan(first, n), tags.AsSpan(first, n), heads.AsSpan(first, n), relations.AsSpan(first, n), first, document.Syntax);
            next = first + n;
        }

        for (; next < tokens.Length; next++)
        {
            document.Syntax.Add(Unanalysed(text, tokens[next]));
        }

        clock?.LayerDone();
    }

    /// <summary>Tags, lemmatises and parses one sentence, appending its tokens' layer to <paramref name="into"/>.</summary>
    internal static void Annotate(SyntaxModels models, string text, ReadOnlySpan<TextSpan> words, int firstToken, List<TokenSyntax> into, SyntaxWorkspace work)
    {
        var n = words.Length;
        var (tags, heads, relations) = work.Arrays(n);
        models.Tagger.Tag(text, words, tags.AsSpan(0, n), work.Tagger);
        models.Parser.Parse(text, words, tags.AsSpan(0, n), heads, relations, work.Parser);
        AddRecords(models, text, words, tags.AsSpan(0, n), heads.AsSpan(0, n), relations.AsSpan(0, n), firstToken, into);
    }

    /// <summary>The layer's records of one tagged and parsed sentence: lemma, tags, head (a document index), relation, shape.</summary>
    private static void AddRecords(SyntaxModels models, string text, ReadOnlySpan<TextSpan> words, ReadOnlySpan<int> tags, ReadOnlySpan<int> heads, ReadOnlySpan<int> relations, int firstToken, List<TokenSyntax> into)
    {
        var tagger = models.Tagger;
        var parser = models.Parser;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Of(text);
            var upos = tagger.Upos[tags[i]];
            var lemma = models.Lemmas.Lemma(word, tags[i], upos == "PROPN");
            var head = heads[i] < 0 ? -1 : firstToken + heads[i];
            var relation = relations[i] < 0 ? DependencyParser.RootLabel : parser.Relations[relations[i]];
            into.Add(new TokenSyntax(lemma, upos, tagger.Xpos[tags[i]], head, relation, WordShapes.Of(word)));
        }
    }

    /// <summary>A token outside every sentence (should not happen): its shape only.</summary>
    private static TokenSyntax Unanalysed(string text, Token token) =>
        new(token.Span.TextOf(text), "X", "_", -1, DependencyParser.RootLabel, WordShapes.Of(token.Span.Of(text)));
}

/// <summary>The per-thread buffers of the token layer: tagger, parser and per-sentence arrays, reused.</summary>
internal sealed class SyntaxWorkspace
{
    private TextSpan[] spans = new TextSpan[64];
    private int[] tags = new int[64];
    private int[] heads = new int[64];
    private int[] relations = new int[64];

    public TaggerBuffers Tagger { get; } = new();

    public ParserBuffers Parser { get; } = new();

    public TextSpan[] Spans(int count)
    {
        if (spans.Length < count)
        {
            spans = new TextSpan[Math.Max(count, spans.Length * 2)];
        }

        return spans;
    }

    public (int[] Tags, int[] Heads, int[] Relations) Arrays(int count)
    {
        if (tags.Length < count)
        {
            var size = Math.Max(count, tags.Length * 2);
            tags = new int[size];
            heads = new int[size];
            relations = new int[size];
        }

        return (tags, heads, relations);
    }
}
