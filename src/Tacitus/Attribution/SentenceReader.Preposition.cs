using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>The prepositional frame: "according to X".</summary>
internal sealed partial class SentenceReader
{
    /// <summary>"according to X": the source follows the cue; the content is the other side of the phrase.</summary>
    public Documents.Attribution? According(CueMatch cue)
    {
        var first = cue.End;
        var last = first;
        while (last < w.Count && !IsClauseBreak(last) && last - first < 15)
        {
            last++;
        }

        if (last == first)
        {
            return null;
        }

        var sourceLast = last - 1;
        TextSpan content;
        if (StartsClause(cue.Start))
        {
            var from = last < w.Count && w.Lower(last) == "," ? last + 1 : last;
            if (from >= w.Count)
            {
                return null;
            }

            content = Trimmed(w.Span(from).Start, w.Sentence.Span.End);
        }
        else
        {
            var to = cue.Start;
            while (to > 0 && w.IsPunctuation(to - 1))
            {
                to--;
            }

            content = Trimmed(w.Sentence.Span.Start, to > 0 ? w.Span(to - 1).End : w.Span(0).Start);
        }

        return Build(cue, first, sourceLast, content, direct: false, "according to X", sourceLast + 1);
    }
}
