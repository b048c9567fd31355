using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// Finds names (people, organisations, places, other names) with the trained <see cref="EntityModel"/> and fills
/// <see cref="Document.Names"/>, sentence by sentence, boilerplate included (a name in a dateline is still a name).
/// Reads the token layer's part-of-speech tags when it is filled and the model was trained with them. A name the
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
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.TokenCount == 0)
            {
                continue;
            }

            if (tags.Length < s.TokenCount)
            {
                tags = new int[s.TokenCount * 2];
            }

            var tokens = document.TokensOf(s);
            m.Features.Prepare(document.Text, tokens, document.SyntaxOf(s), sentence);
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
