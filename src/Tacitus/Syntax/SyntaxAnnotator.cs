using System.Runtime.InteropServices;
using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Tagging;

namespace Tacitus.Syntax;

/// <summary>
/// Adds the dependency tree (<see cref="DependencyParser"/>) to the token layer (<see cref="Document.Syntax"/>): each
/// token's head and relation. Runs after <see cref="TokenTagger"/> in an analysis that reads the tree (<c>--coder
/// tree|fill</c>) and parses from the tags already on the document; on a document not yet tagged it fills the whole
/// layer itself (tags, lemmas, shape and tree), so it assigns <see cref="Annotations.Tags"/> too.
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

    public Annotations Assigns => Annotations.Tags | Annotations.Syntax;

    public void Process(Document document, CancellationToken cancellationToken) => Process(document, null, cancellationToken);

    /// <summary>
    /// Fills the layer in three phases over the whole document (tag every sentence unless the document is tagged,
    /// parse every sentence, then the records), so that <paramref name="clock"/>, when given, can time each phase.
    /// </summary>
    internal void Process(Document document, SyntaxPhaseClock? clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var m = models ?? SyntaxModels.Shipped;
        var work = workspace ??= new SyntaxWorkspace();
        var tokens = CollectionsMarshal.AsSpan(document.Tokens);
        var spans = work.Spans(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            spans[i] = tokens[i].Span;
        }

        var (tags, heads, relations) = work.Arrays(tokens.Length);
        var text = document.Text;
        var tagged = (document.Annotated & Annotations.Tags) != 0 && document.Syntax.Count == tokens.Length;
        clock?.Start();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (first, n) = (sentence.FirstToken, sentence.TokenCount);
            if (!tagged || !TagsOf(m, document, first, n, tags))
            {
                m.Tagger.Tag(text, spans.AsSpan(first, n), tags.AsSpan(first, n), work.Tagger);
            }
        }

        clock?.TaggerDone();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (first, n) = (sentence.FirstToken, sentence.TokenCount);
            m.Parser.Parse(text, spans.AsSpan(first, n), tags.AsSpan(first, n), heads.AsSpan(first, n), relations.AsSpan(first, n), work.Parser);
        }

        clock?.ParserDone();
        if (!tagged)
        {
            document.Syntax.Clear();
            document.Syntax.Capacity = Math.Max(document.Syntax.Capacity, tokens.Length);
        }

        var layer = CollectionsMarshal.AsSpan(document.Syntax);
        var next = 0;
        foreach (var sentence in document.Sentences)
        {
            for (; next < sentence.FirstToken; next++)
            {
                AddUnanalysed(document, tagged, next);
            }

            var (first, n) = (sentence.FirstToken, sentence.TokenCount);
            for (var i = first; i < first + n; i++)
            {
                var head = heads[i] < 0 ? -1 : first + heads[i];
                var relation = relations[i] < 0 ? DependencyParser.RootLabel : m.Parser.Relations[relations[i]];
                if (tagged)
                {
                    layer[i] = layer[i] with { Head = head, Relation = relation };
                }
                else
                {
                    document.Syntax.Add(TokenTagger.Record(m.Tagger, m.Lemmas, spans[i].Of(text), tags[i], head, relation));
                }
            }

            next = first + n;
        }

        for (; next < tokens.Length; next++)
        {
            AddUnanalysed(document, tagged, next);
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
        for (var i = 0; i < words.Length; i++)
        {
            var head = heads[i] < 0 ? -1 : firstToken + heads[i];
            var relation = relations[i] < 0 ? DependencyParser.RootLabel : models.Parser.Relations[relations[i]];
            into.Add(TokenTagger.Record(models.Tagger, models.Lemmas, words[i].Of(text), tags[i], head, relation));
        }
    }

    /// <summary>
    /// Reads a tagged sentence's tag indices back from the layer into <paramref name="tags"/>; false when a token's
    /// tags are not the tagger's (the sentence is then tagged again).
    /// </summary>
    private static bool TagsOf(SyntaxModels models, Document document, int first, int count, int[] tags)
    {
        var layer = CollectionsMarshal.AsSpan(document.Syntax).Slice(first, count);
        for (var i = 0; i < layer.Length; i++)
        {
            var tag = models.TagOf(layer[i].Upos, layer[i].Xpos);
            if (tag < 0)
            {
                return false;
            }

            tags[first + i] = tag;
        }

        return true;
    }

    /// <summary>A token outside every sentence (should not happen): its shape only, the root of nothing.</summary>
    private static void AddUnanalysed(Document document, bool tagged, int index)
    {
        var record = TokenTagger.Unanalysed(document.Text, document.Tokens[index]) with { Relation = DependencyParser.RootLabel };
        if (tagged)
        {
            document.Syntax[index] = record;
        }
        else
        {
            document.Syntax.Add(record);
        }
    }
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
