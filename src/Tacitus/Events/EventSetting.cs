using System.Globalization;
using Tacitus.Documents;
using Tacitus.Mentions;

namespace Tacitus.Events;

/// <summary>
/// What the rest of the analysis adds to an event, one reading for both coders: the attribution whose content holds
/// the trigger (or whose cue is the trigger), the denial of the governing statement, the time said in the event's
/// clause (else the governing statement's date, else the publication date) and the place named there that is
/// neither party. Each answer comes with the rule that gave it (for <c>--explain</c>).
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

    /// <summary>
    /// The event's date: the time mention nearest the trigger in the first of <paramref name="clauses"/> that has one
    /// (the verb's clause, then for the rules coder its subject's clause), else the governing statement's date, else
    /// the publication date.
    /// </summary>
    /// <param name="clauses">Where a time may be said, in order, each with the name its rule gives it ("the verb's clause").</param>
    public (EventDate? Date, string Rule) Date(int sentence, IReadOnlyList<(TextSpan Span, string Name)> clauses, TextSpan trigger, int? attribution)
    {
        foreach (var (clause, name) in clauses)
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
                // the record's basis says where its date came from (the contract's explicit / governing / publication),
                // not what the expression was resolved against (that is the time mention's own basis)
                return (new EventDate(text, mention.Time!.Value, "explicit", mention.Span), $"time mention in {name} (\"{text}\")");
            }
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

    /// <summary>
    /// The event's place: the place mention nearest the trigger (one before it counts one character further) in the
    /// first of <paramref name="clauses"/> that has one, leaving out the places that name a party.
    /// </summary>
    /// <param name="clauses">Where a place may be named, in order, each with the name its rule gives it.</param>
    /// <param name="parties">The spans of the parties (actors and recipient) whose places are who, not where.</param>
    public (EventLocation? Location, string Rule) Location(int sentence, IReadOnlyList<(TextSpan Span, string Name)> clauses, TextSpan trigger, IReadOnlyList<TextSpan> parties)
    {
        foreach (var (clause, name) in clauses)
        {
            var best = -1;
            var distance = int.MaxValue;
            foreach (var m in mentions.PlacesIn(sentence))
            {
                var span = mentions[m].Span;
                if (!clause.Contains(span) || parties.Any(p => p.Overlaps(span)))
                {
                    continue;
                }

                var d = Math.Abs(span.Start - trigger.Start) + (span.Start < trigger.Start ? 1 : 0);
                if (d < distance)
                {
                    (best, distance) = (m, d);
                }
            }

            if (best >= 0)
            {
                var location = mentions.LocationOf(best);
                return (location, $"place mention in {name} (\"{location.Text}\")");
            }
        }

        return (null, "no place in the clause");
    }

    /// <summary>The event lies in the content of a denial ("the ministry denied that troops had crossed"), not in its cue.</summary>
    public bool Denied(int? attribution, TextSpan trigger) =>
        attribution is int a && document.Attributions[a].Denial && !document.Attributions[a].Cue.Overlaps(trigger);
}
