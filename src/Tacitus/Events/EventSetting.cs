using System.Globalization;
using Tacitus.Documents;
using Tacitus.Mentions;

namespace Tacitus.Events;

/// <summary>
/// What the rest of the analysis adds to an event, one reading for both coders: the attribution whose content holds
/// the trigger (or whose cue is the trigger), and the denial of the governing statement; for the tree coder also the
/// time said in the verb's clause (else the governing statement's date, else the publication date) and the place
/// named in the clause that is neither party. Each answer comes with the rule that gave it (for <c>--explain</c>).
/// </summary>
internal sealed class EventSetting(Document document, MentionIndex mentions)
{
    /// <summary>The attribution governing an event: the narrowest whose content covers the trigger, else one whose cue is the trigger (the event is the statement itself).</summary>
    public (int? Attribution, string Rule) Attribution(TextSpan trigger)
    {
        int? best = null;
        for (var i = 0; i < document.Attributions.Count; i++)
        {
            var a = document.Attributions[i];
            if (a.Content.Contains(trigger.Start) && (best is null || a.Content.Length < document.Attributions[best.Value].Content.Length))
            {
                best = i;
            }
        }

        if (best is int b)
        {
            var source = document.Attributions[b].Source;
            return (b, $"the content of attribution {b} ({source.Name ?? source.Text}) covers the trigger");
        }

        for (var i = 0; i < document.Attributions.Count; i++)
        {
            if (document.Attributions[i].Cue.Overlaps(trigger))
            {
                return (i, $"the event is the statement itself: attribution {i} (its cue is the trigger)");
            }
        }

        return (null, "none: the article's own voice");
    }

    public (EventDate? Date, string Rule) Date(int sentence, TextSpan clause, TextSpan trigger, int? attribution)
    {
        var best = -1;
        var distance = int.MaxValue;
        foreach (var m in mentions.TimesIn(sentence))
        {
            var mention = mentions[m];
            if (!clause.Contains(mention.Span) || mention.Time is not { Type: "DATE" or "TIME" })
            {
                continue;
            }

            var d = Math.Abs(mention.Span.Start - trigger.Start);
            if (d < distance)
            {
                (best, distance) = (m, d);
            }
        }

        if (best >= 0)
        {
            var mention = mentions[best];
            var text = mention.Span.TextOf(document.Text);
            return (new EventDate(text, mention.Time!.Value, "explicit", mention.Span), $"time mention in the verb's clause (\"{text}\")");
        }

        if (attribution is int a && document.Attributions[a].Date is { } said)
        {
            return (new EventDate(said.Value, said.Value, "governing"), "the date of the governing attribution");
        }

        if (document.Metadata.Published is { } published)
        {
            return (new EventDate(string.Empty, published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "publication"), "no time in the clause: the publication date");
        }

        return (null, "no time in the clause and no publication date");
    }

    public (EventLocation? Location, string Rule) Location(int sentence, TextSpan clause, TextSpan trigger, TextSpan? actor, TextSpan? recipient)
    {
        var best = -1;
        var distance = int.MaxValue;
        foreach (var m in mentions.PlacesIn(sentence))
        {
            var span = mentions[m].Span;
            if (!clause.Contains(span) || (actor is { } a && a.Overlaps(span)) || (recipient is { } r && r.Overlaps(span)))
            {
                continue;
            }

            var d = Math.Abs(span.Start - trigger.Start) + (span.Start < trigger.Start ? 1 : 0);
            if (d < distance)
            {
                (best, distance) = (m, d);
            }
        }

        if (best < 0)
        {
            return (null, "no place in the clause");
        }

        var location = mentions.LocationOf(best);
        return (location, $"place mention in the verb's clause (\"{location.Text}\")");
    }

    /// <summary>The event lies in the content of a denial ("the ministry denied that troops had crossed"), not in its cue.</summary>
    public bool Denied(int? attribution, TextSpan trigger) =>
        attribution is int a && document.Attributions[a].Denial && !document.Attributions[a].Cue.Overlaps(trigger);
}
