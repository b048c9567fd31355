using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>The colon frame: "The ministry in a statement: “...”", "Senator Lee: Taxes Must Fall".</summary>
internal sealed partial class SentenceReader
{
    private static readonly Cue ColonCue = new([":"], "speech", CueFrame.Verb);

    /// <summary>A short source, a colon and what it says (when no verb cue took it): a quotation after any short
    /// source ("The ministry in a statement: “...”"), or the rest of the sentence after a named source or a source
    /// noun opening the sentence ("Senator Lee: Taxes Must Fall", "Poll: Lee leads in Ohio").</summary>
    public Documents.Attribution? ColonBeforeQuote()
    {
        for (var c = 1; c + 1 < w.Count && c <= 8; c++)
        {
            if (w.Lower(c) != ":")
            {
                continue;
            }

            for (var t = 0; t < c; t++)
            {
                if (owner.Cues.At(w, t) is not null && !w.IsCapitalized(t))
                {
                    return null; // "X said:" is a verb cue
                }
            }

            if (AttributionFinder.InsideQuote(quotes, w.Span(0).Start))
            {
                return null;
            }

            if (IsQuoteMark(c + 1) && QuoteTracker.StartingNear(quotes, Text, w.Span(c).End) is var q and >= 0)
            {
                return earlier.Any(a => a.Content.Overlaps(quotes[q].Inner))
                    ? null
                    : Build(new CueMatch(ColonCue, c, c + 1), 0, c - 1, quotes[q].Inner, direct: true, "colon before a quotation", c + 1);
            }

            if (!NamedLabel(0, c - 1))
            {
                return null;
            }

            var content = Trimmed(w.Span(c + 1).Start, w.Sentence.Span.End);
            return content.IsEmpty || earlier.Any(a => a.Content.Overlaps(content))
                ? null
                : Build(new CueMatch(ColonCue, c, c + 1), 0, c - 1, content, direct: false, "colon after a named source", c + 1);
        }

        return null;
    }

    /// <summary>Tokens [first, last] are a short run of capitalised words holding an actor or ending in a source noun.</summary>
    private bool NamedLabel(int first, int last)
    {
        if (last - first > 5)
        {
            return false;
        }

        for (var t = first; t <= last; t++)
        {
            if (!w.IsCapitalized(t) && !w.IsPunctuation(t) && w.Lower(t) is not ("the" or "of" or "and"))
            {
                return false;
            }
        }

        return mentions.ActorsWithin(w.Sentence.Index, w.SpanOf(first, last)).Any() || owner.Resolver.IsSourceNoun(w.Lower(last));
    }
}
