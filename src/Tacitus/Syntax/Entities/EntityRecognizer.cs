using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// Finds names (people, organisations, places, other names) with the trained <see cref="EntityModel"/> and fills
/// <see cref="Document.Names"/>, sentence by sentence, boilerplate included (a name in a dateline is still a name).
/// When the model was trained with part-of-speech tags, reads them from the token layer (<see cref="Document.Syntax"/>,
/// filled by <see cref="TokenTagger"/>), so it requires <see cref="Annotations.Tags"/>. A name the
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

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Tags;

    public Annotations Assigns => Annotations.Names;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var m = model.Value;
        var sentence = new EntitySentence();
        var tags = new int[64];
        var usesTags = m.Features.UsesTags;
        var upos = usesTags ? new string[64] : [];
        int[]? firstPass = null;
        DocumentVotes? votes = null;
        var keep = m.SharesStaticScores ? FirstPassKeep.ForDocument(document.Tokens.Count) : null;
        if (m.Features.TwoPass)
        {
            // first pass over the whole document: each token's class, and what was said about each word; with a beam,
            // the second perceptron's sums of each token's static keys too, so the second pass need not read them again
            firstPass = keep?.Tags ?? new int[document.Tokens.Count];
            votes = keep?.Votes ?? new DocumentVotes();
            foreach (var s in document.Sentences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (s.TokenCount == 0)
                {
                    continue;
                }

                Prepare(document, s, m, sentence, ref upos);
                var first = firstPass.AsSpan(s.FirstToken, s.TokenCount);
                if (keep is not null)
                {
                    m.DecodeFirstPass(sentence, first, keep.ScoresOf(s.FirstToken, s.TokenCount));
                    keep.Keep(sentence, s.FirstToken);
                }
                else
                {
                    m.Decode(sentence, first);
                }

                // Prepare filled the sentence's lower-case hashes: the votes reuse them rather than hashing each word again
                votes.Add(document.Text, document.TokensOf(s), first, sentence.Lower.AsSpan(0, s.TokenCount));
            }
        }

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
            var prepared = false;
            if (votes is not null && m.Features.Gated && !votes.AnyDisagreement(document.Text, tokens, firstPass.AsSpan(s.FirstToken, n), keep is null ? default : keep.Lower.AsSpan(s.FirstToken, n)))
            {
                // no word of the sentence that could be a name was read two ways: the first pass's classes stand, unread again
                firstPass.AsSpan(s.FirstToken, n).CopyTo(tags);
            }
            else if (keep is not null)
            {
                // the second pass from what the first kept: the sentence's hashes, its static sums and the document's view
                keep.Restore(sentence, s.FirstToken, n);
                votes!.Fill(sentence, firstPass.AsSpan(s.FirstToken, n), m.Corpus);
                m.DecodeSecondPass(sentence, keep.ScoresOf(s.FirstToken, n), tags);
            }
            else
            {
                Prepare(document, s, m, sentence, ref upos);
                prepared = true;
                votes?.Fill(sentence, firstPass.AsSpan(s.FirstToken, n), m.Corpus);
                m.Decode(sentence, tags);
            }

            foreach (var (first, count, type) in EntityModel.Spans(tags.AsSpan(0, n)))
            {
                var span = new TextSpan(tokens[first].Span.Start, tokens[first + count - 1].Span.End);
                var kind = BilouTags.KindOf(type);
                if (kind == NameKind.Other && !prepared)
                {
                    Prepare(document, s, m, sentence, ref upos);
                    prepared = true;
                }

                if (kind == NameKind.Other && IsDemonym(sentence, first, count))
                {
                    kind = NameKind.Group;
                }

                document.Names.Add(new NameSpan(s.FirstToken + first, count, span, kind));
            }
        }
    }

    /// <summary>Reads one sentence's tokens (and tags, when the model uses them) into <paramref name="sentence"/>.</summary>
    private void Prepare(Document document, Sentence s, EntityModel m, EntitySentence sentence, ref string[] upos)
    {
        var n = s.TokenCount;
        var usesTags = m.Features.UsesTags;
        if (usesTags)
        {
            if (upos.Length < n)
            {
                upos = new string[n * 2];
            }

            Tags(document, s, upos);
        }

        m.Features.Prepare(document.Text, document.TokensOf(s), upos.AsSpan(0, usesTags ? n : 0), sentence);
    }

    /// <summary>The sentence's UPOS tags, from the token layer; TAC403 when the layer is not filled (run the tagger first).</summary>
    private void Tags(Document document, Sentence sentence, string[] upos)
    {
        var syntax = document.SyntaxOf(sentence);
        if (syntax.Length != sentence.TokenCount)
        {
            throw new StageRequirementException(new TacitusError(AnalysisErrors.MissingAnnotation, Name, $"stage '{Name}' reads part-of-speech tags from the token layer, which is not filled (run the 'tags' stage first)", document.Metadata.Origin ?? document.Id.Value));
        }

        for (var i = 0; i < syntax.Length; i++)
        {
            upos[i] = syntax[i].Upos;
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
