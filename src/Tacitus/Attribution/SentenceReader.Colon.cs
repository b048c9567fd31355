using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>The colon frame: "The ministry in a statement: “...”".</summary>
internal sealed partial class SentenceReader
{
    /// <summary>"The ministry in a statement: “...”": a short source, a colon and a quotation (when no verb cue took the quote).</summary>
    public Documents.Attribution? ColonBeforeQuote()
    {
        for (var c = 1; c + 1 < w.Count; c++)
        {
            if (w.Lower(c) != ":" || !IsQuoteMark(c + 1) || c > 8 || QuoteTracker.StartingNear(quotes, Text, w.Span(c).End) is not (var q and >= 0))
            {
                continue;
            }

            if (earlier.Any(a => a.Content.Overlaps(quotes[q].Inner)) || AttributionFinder.InsideQuote(quotes, w.Span(0).Start))
            {
                return null;
            }

            for (var t = 0; t < c; t++)
            {
                if (owner.Cues.At(w, t) is not null && !w.IsCapitalized(t))
                {
                    return null; // "X said:" is a verb cue
                }
            }

            var colon = new Cue([":"], "speech", CueFrame.Verb);
            return Build(new CueMatch(colon, c, c + 1), 0, c - 1, quotes[q].Inner, direct: true, "colon before a quotation", c + 1);
        }

        return null;
    }
}
