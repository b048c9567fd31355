using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Syntax.Clauses;

namespace Tacitus.Attributions;

/// <summary>
/// Finds reported statements: for each cue (data/attribution/cues.tsv) the source, the content it governs, the
/// chain of sources behind it and whether the ultimate source is unnamed.
/// <list type="bullet">
/// <item>"X said (that) ..." / "X told a briefing Tuesday that ...": content is the rest of the sentence (after "that").</item>
/// <item>"..., X said." / "“...,” X said." / "..., said X.": content is what comes before the comma; a quotation
/// (which may run over several sentences and paragraphs) when the comma closes one.</item>
/// <item>"according to X": content is the rest of the sentence on the other side of the phrase.</item>
/// <item>"X reported, citing Y": Y is the chain; anonymity is read from the source and the chain.</item>
/// <item>", saying ...": the source is the sentence's subject.</item>
/// <item>A trailing attribution whose content opens with a pronoun ("He flew home at noon, the agency reported.")
/// also covers the sentences before it in the paragraph that have no attribution of their own.</item>
/// <item>A quotation with no cue of its own continues the speaker of the last attribution in the same or the
/// previous paragraph.</item>
/// </list>
/// Reads <see cref="Document.Mentions"/> (people, organisations, countries, times) when earlier stages set them.
/// </summary>
internal sealed class AttributionFinder : IPipelineStage
{
    private readonly CueLexicon cues = CueLexicon.Shipped;

    /// <summary>A finder with the shipped cues and sources (the words stage lemmatises to those, <see cref="Pipeline.PipelineFactory.WordReaderFor"/>), reading clauses with the event patterns' trigger lemmas.</summary>
    public AttributionFinder(PatternVocabulary patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        VerbLemmas = cues.Words.Concat(patterns.TriggerLemmas).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The cues this finder reads.</summary>
    internal CueLexicon Cues => cues;

    /// <summary>Tells a denial from a rejection or refusal (data/events/denial.tsv).</summary>
    internal DenialReading Denials { get; } = DenialReading.Shipped;

    /// <summary>Resolves source words to a source.</summary>
    internal SourceResolver Resolver { get; } = SourceResolver.Shipped;

    /// <summary>Cue and event-trigger lemmas: words that make a clause a verb phrase, not a name.</summary>
    internal FrozenSet<string> VerbLemmas { get; }

    public string Name => "attribution";

    public Annotations Requires => Annotations.Paragraphs | Annotations.Sentences | Annotations.Tokens | Annotations.Tags | Annotations.Words | Annotations.Boilerplate | Annotations.Actors | Annotations.Entities | Annotations.Times;

    public Annotations Assigns => Annotations.Attributions;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        var mentions = new MentionIndex(document);
        var quotes = QuoteTracker.Find(document);
        var trailing = new HashSet<Documents.Attribution>();
        var attitudes = new HashSet<Documents.Attribution>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Boilerplate || sentence.TokenCount == 0)
            {
                continue;
            }

            var w = document.WordsOf(sentence);
            var headline = sentence.Headline;
            var reader = new SentenceReader(this, w, mentions, quotes, document.Attributions, trailing);
            for (var i = 0; i < w.Count; i++)
            {
                if (w.Kind(i) != TokenKind.Word || (i > 0 && w.IsCapitalized(i) && !headline) || cues.At(w, i) is not { } cue || InsideQuote(quotes, w.Span(i).Start))
                {
                    continue; // a cue inside a quotation is the speaker's own speech ("I think"), not the article's report
                }

                var found = cue.Cue.Frame switch
                {
                    CueFrame.Preposition => reader.According(cue),
                    CueFrame.Verb => reader.Verbal(cue),
                    _ => null,
                };
                if (found is not null)
                {
                    if (NestedAttitudes.IsAttitude(cue.Cue.Kind))
                    {
                        attitudes.Add(found);
                    }

                    document.Attributions.Add(found);
                    i = Math.Max(i, cue.End - 1);
                }
            }

            if (reader.ColonBeforeQuote() is { } colon)
            {
                document.Attributions.Add(colon);
            }
        }

        AttributionSpreading.ExtendTrailing(document, trailing);
        NestedAttitudes.Drop(document.Attributions, attitudes);
        AttributionSpreading.CarryQuotes(document, quotes);
        document.Attributions.Sort((a, b) => a.Cue.Start != b.Cue.Start ? a.Cue.Start.CompareTo(b.Cue.Start) : a.Content.Start.CompareTo(b.Content.Start));
    }

    internal static bool InsideQuote(List<Quote> quotes, int position)
    {
        foreach (var q in quotes)
        {
            if (q.Inner.Contains(position) && q.Inner.Length < 1500)
            {
                return true;
            }

            if (q.Inner.Start > position)
            {
                break;
            }
        }

        return false;
    }
}
