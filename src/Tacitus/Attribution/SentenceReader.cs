using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Mentions;
using Tacitus.Syntax.Clauses;

namespace Tacitus.Attributions;

/// <summary>Reads the attributions of one sentence (one instance per sentence): the frames live in the
/// SentenceReader.*.cs files, one per cue frame; this file builds the attribution.</summary>
internal sealed partial class SentenceReader(
    AttributionFinder owner,
    SentenceWords w,
    MentionIndex mentions,
    List<Quote> quotes,
    List<Documents.Attribution> earlier,
    HashSet<Documents.Attribution> trailing)
{
    internal const int MaxSourceTokens = 12;

    private ClauseReader? clauses;

    private string Text => w.Document.Text;

    private Documents.Attribution? Build(CueMatch cue, int first, int last, TextSpan content, bool direct, string rule, int chainFrom)
    {
        if (first == last && AttributionWords.NotASource.Contains(w.Lower(first)))
        {
            return null; // the speaker's own voice or a non-source ("it said" needs a referent we do not have)
        }

        var (source, anonymous, sourceRule) = owner.Resolver.Resolve(w, mentions, first, last, earlier);
        var attribution = new Documents.Attribution
        {
            Source = source,
            Cue = new TextSpan(w.Span(cue.Start).Start, w.Span(cue.End - 1).End),
            Content = content,
            Evidence = Evidence(content),
            DirectQuote = direct,
        };
        var rules = new List<string>(4) { $"cue \"{cue.Cue.Text}\" ({cue.Cue.Kind}, {rule})", sourceRule };
        if (cue.Cue.Kind is "denial" or "rejection")
        {
            var verdict = owner.Denials.Read(w, cue.Start);
            attribution.Denial = verdict.Denies;
            rules.Add(verdict.Rule);
        }
        if (Chain(chainFrom) is { } via)
        {
            var (viaSource, viaAnonymous, viaRule) = owner.Resolver.Resolve(w, mentions, via.First, via.Last, earlier);
            attribution.Via.Add(viaSource);
            anonymous |= viaAnonymous;
            rules.Add($"chain: \"{w.Lower(via.First - 1)}\" → {viaRule}");
        }

        attribution.Anonymous = anonymous;
        attribution.Date = DateOf(cue, content);
        if (attribution.Date is not null)
        {
            rules.Add("date: time mention by the cue");
        }

        attribution.Rule = string.Join("; ", rules);
        return attribution;
    }

    /// <summary>", citing Y" / ", quoting Y" after the source or cue.</summary>
    private (int First, int Last)? Chain(int from)
    {
        var t = from;
        while (t < w.Count && t - from < 6 && w.Lower(t) != "," && !IsClauseBreak(t))
        {
            t++;
        }

        if (t + 2 >= w.Count || w.Lower(t) != "," || owner.Cues.At(w, t + 1) is not { Cue.Frame: CueFrame.Chain } chain)
        {
            return null;
        }

        var first = chain.End;
        var last = first;
        while (last < w.Count && !IsClauseBreak(last) && last - first < 12)
        {
            last++;
        }

        return last > first ? (first, last - 1) : null;
    }

    private TimeInfo? DateOf(CueMatch cue, TextSpan content)
    {
        var region = content.Start > w.Span(cue.Start).Start
            ? new TextSpan(w.Span(cue.Start).Start, content.Start)
            : new TextSpan(w.Span(cue.Start).Start, w.Sentence.Span.End);
        foreach (var m in mentions.TimesIn(w.Sentence.Index))
        {
            var mention = mentions[m];
            if (region.Contains(mention.Span) && !content.Overlaps(mention.Span) && mention.Time is { Type: "DATE" or "TIME" } time)
            {
                return time;
            }
        }

        return null;
    }

    private TextSpan Evidence(TextSpan content)
    {
        var doc = w.Document;
        var first = Math.Min(w.Sentence.Index, Math.Max(0, doc.SentenceAt(content.Start)));
        var lastSentence = doc.SentenceAt(Math.Max(content.Start, content.End - 1));
        var last = Math.Max(w.Sentence.Index, lastSentence);
        return new TextSpan(doc.Sentences[first].Span.Start, doc.Sentences[last].Span.End);
    }

    /// <summary>"reports of", "the statement", "been reports", "20 pledged delegates": a cue word used as a noun or adjective.</summary>
    private bool IsNounUse(int c)
    {
        var prev = w.Lower(c - 1);
        return AttributionWords.NounMarkers.Contains(prev) || prev.EndsWith("'s", StringComparison.Ordinal) || char.IsDigit(prev[0]);
    }
}
