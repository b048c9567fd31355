using System.Collections.Frozen;
using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>Attributions that reach beyond their sentence: a trailing cue over the paragraph before it, and a
/// quotation with no cue of its own carried to the last speaker.</summary>
internal static class AttributionSpreading
{
    /// <summary>A trailing attribution whose content opens with a pronoun covers the unattributed sentences before it.</summary>
    public static void ExtendTrailing(Document document, HashSet<Documents.Attribution> trailing)
    {
        if (trailing.Count == 0)
        {
            return;
        }

        var extended = new List<(Documents.Attribution Old, Documents.Attribution New)>();
        foreach (var a in trailing)
        {
            var s = document.SentenceAt(a.Content.Start);
            if (s < 0 || document.Sentences[s].Span.Start != a.Content.Start || !AttributionWords.Anaphors.Contains(FirstWord(document.Text, a.Content.Start)))
            {
                continue;
            }

            var start = a.Content.Start;
            for (var p = s - 1; p >= 0; p--)
            {
                var prev = document.Sentences[p];
                if (prev.Paragraph != document.Sentences[s].Paragraph || prev.Boilerplate || document.Attributions.Any(x => x.Evidence.Overlaps(prev.Span) || x.Content.Overlaps(prev.Span)))
                {
                    break;
                }

                start = prev.Span.Start;
            }

            if (start < a.Content.Start)
            {
                extended.Add((a, Copy(a, new TextSpan(start, a.Content.End), a.Rule + "; content extended back over the paragraph (anaphoric opening)")));
            }
        }

        foreach (var (old, replacement) in extended)
        {
            document.Attributions[document.Attributions.IndexOf(old)] = replacement;
        }
    }

    /// <summary>A quotation with no cue of its own continues the speaker of the last attribution nearby.</summary>
    public static void CarryQuotes(Document document, List<Quote> quotes)
    {
        var added = new List<Documents.Attribution>();
        foreach (var q in quotes)
        {
            if (q.WordCount(document.Text) < 4 || document.Attributions.Any(a => a.Content.Overlaps(q.Inner)))
            {
                continue;
            }

            var qs = document.SentenceAt(q.Inner.Start);
            if (qs < 0 || document.Sentences[qs].Boilerplate)
            {
                continue;
            }

            var paragraph = document.Sentences[qs].Paragraph;
            Documents.Attribution? speaker = null;
            foreach (var a in document.Attributions)
            {
                var cs = document.SentenceAt(a.Cue.Start);
                if (a.Cue.Start < q.Outer.Start && cs >= 0 && document.Sentences[cs].Paragraph >= paragraph - 1 && a.Source.Kind is "person" or "official" or "anonymous")
                {
                    speaker = a;
                }
            }

            if (speaker is null)
            {
                continue;
            }

            var carried = new Documents.Attribution
            {
                Source = speaker.Source,
                Cue = speaker.Cue,
                Content = q.Inner,
                Evidence = SentencesOf(document, q.Inner),
                Anonymous = speaker.Anonymous,
                DirectQuote = true,
                Rule = $"quotation without a cue: continues the previous speaker ({speaker.Source.Name ?? speaker.Source.Text})",
            };
            carried.Via.AddRange(speaker.Via);
            added.Add(carried);
        }

        document.Attributions.AddRange(added);
    }

    private static string FirstWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[start..end].ToLowerInvariant();
    }

    private static Documents.Attribution Copy(Documents.Attribution a, TextSpan content, string? rule)
    {
        var copy = new Documents.Attribution
        {
            Source = a.Source,
            Cue = a.Cue,
            Content = content,
            Evidence = new TextSpan(Math.Min(content.Start, a.Evidence.Start), Math.Max(content.End, a.Evidence.End)),
            Anonymous = a.Anonymous,
            DirectQuote = a.DirectQuote,
            Denial = a.Denial,
            Date = a.Date,
            Rule = rule,
        };
        copy.Via.AddRange(a.Via);
        return copy;
    }

    private static TextSpan SentencesOf(Document document, TextSpan span)
    {
        var first = document.SentenceAt(span.Start);
        var last = document.SentenceAt(Math.Max(span.Start, span.End - 1));
        return first < 0 || last < 0 ? span : new TextSpan(document.Sentences[first].Span.Start, document.Sentences[last].Span.End);
    }
}
