using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax.Tagging;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// Finds names (people, organisations, places, other names) with the trained <see cref="EntityModel"/> and fills
/// <see cref="Document.Names"/>, sentence by sentence, boilerplate included (a name in a dateline is still a name).
/// When the model was trained with part-of-speech tags, reads them from the token layer when it is filled, else tags
/// the sentence with the shipped tagger alone (<see cref="EntityTagging"/>; the parser is not run). A name the
/// model calls "other" that is a nationality adjective or noun of the knowledge tables ("Chinese") is a
/// <see cref="NameKind.Group"/>. One instance serves every thread: the per-sentence state is made per call.
/// </summary>
internal sealed class EntityRecognizer : IPipelineStage
{
    private readonly Lazy<EntityModel> model;

    public EntityRecognizer()
        : this(() => EntityModel.Shipped)
    {
    }

    public EntityRecognizer(Func<EntityModel> model) => this.model = new(model, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => "entities";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens;

    public Annotations Assigns => Annotations.Names;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var m = model.Value;
        var sentence = new EntitySentence();
        var tags = new int[64];
        var upos = m.Features.UsesTags ? new string[64] : [];
        var spans = m.Features.UsesTags ? new TextSpan[64] : [];
        var buffers = m.Features.UsesTags ? new TaggerBuffers() : null;
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.TokenCount == 0)
            {
                continue;
            }

            var n = s.TokenCount;
            if (tags.Length < n)
            {
                tags = new int[n * 2];
            }

            var tokens = document.TokensOf(s);
            if (buffers is not null)
            {
                if (upos.Length < n)
                {
                    upos = new string[n * 2];
                    spans = new TextSpan[n * 2];
                }

                Tags(document, s, tokens, upos, spans, tags, buffers);
            }

            m.Features.Prepare(document.Text, tokens, upos.AsSpan(0, buffers is null ? 0 : n), sentence);
            m.Decode(sentence, tags);
            foreach (var (first, count, type) in EntityModel.Spans(tags.AsSpan(0, s.TokenCount)))
            {
                var span = new TextSpan(tokens[first].Span.Start, tokens[first + count - 1].Span.End);
                var kind = BilouTags.KindOf(type);
                if (kind == NameKind.Other && IsDemonym(sentence, first, count))
                {
                    kind = NameKind.Group;
                }

                document.Names.Add(new NameSpan(s.FirstToken + first, count, span, kind));
            }
        }
    }

    /// <summary>The sentence's UPOS tags: from the token layer when it is filled, else from the shipped tagger.</summary>
    private static void Tags(Document document, Sentence sentence, ReadOnlySpan<Token> tokens, string[] upos, TextSpan[] spans, int[] work, TaggerBuffers buffers)
    {
        var syntax = document.SyntaxOf(sentence);
        if (syntax.Length == tokens.Length)
        {
            for (var i = 0; i < syntax.Length; i++)
            {
                upos[i] = syntax[i].Upos;
            }

            return;
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            spans[i] = tokens[i].Span;
        }

        EntityTagging.Upos(EntityTagging.Shipped, document.Text, spans.AsSpan(0, tokens.Length), work, upos, buffers);
    }

    /// <summary>True when the tables hold the whole run as a nationality word (a U bit, or B … L of the demonym table).</summary>
    private static bool IsDemonym(EntitySentence sentence, int first, int count)
    {
        const int demonym = (int)NameTable.Demonym * 4;
        if (count == 1)
        {
            return (sentence.Tables[first] & (1u << (demonym + 3))) != 0;
        }

        return (sentence.Tables[first] & (1u << demonym)) != 0 && (sentence.Tables[first + count - 1] & (1u << (demonym + 2))) != 0;
    }
}
