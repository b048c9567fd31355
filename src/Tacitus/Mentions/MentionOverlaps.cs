using Tacitus.Documents;

namespace Tacitus.Mentions;

/// <summary>
/// The one step that settles where a place mention and an actor mention (person, organisation, country) cover the
/// same words, once both recognisers have run (called at the end of <see cref="ActorRecognizer"/>, before coreference):
/// <list type="bullet">
/// <item>A place inside an organisation's name is part of that name ("Lagos" in "Lagos State University"): it stays a
/// toponym for geoparsing, with the form <see cref="MentionForm.InName"/>.</item>
/// <item>A town inside a person's name is no place ("Warren" in "Elizabeth Warren"): it goes, when the person is read as a
/// name of capitalised words only. A place inside a description stays ("US" in "US economist": the description's country),
/// and so does a place inside a person whose span took in more than a name ("Tom Cole of Oklahoma"), or a country or
/// region ("Vermont" in "Vermont Democrats").</item>
/// <item>A place that crosses an actor's boundary stays: sometimes the place is the wrong reading ("The Bank" against
/// "Bank of England"), as often the actor ("New Jersey" against an organisation "Jersey, Inc."; GeoWebNews).</item>
/// <item>A person inside an organisation's name ("Mandela" in "Mandela Foundation") is the organisation's: it goes.</item>
/// <item>A nationality adjective inside an actor ("Kenyan" in "Kenyan government") stands for its country and stays
/// as it is; so does a place and a country actor on the same words ("Kenya").</item>
/// </list>
/// The same words read twice the same way (equal spans) are left alone: each reader checked the other there.
/// </summary>
internal static class MentionOverlaps
{
    /// <summary>Settles the overlaps of the document's place and actor mentions, in place.</summary>
    public static void Settle(Document document)
    {
        var mentions = document.Mentions;

        // places and actors by sentence (a mention lies in one sentence), so each is compared with its sentence's only
        var order = new List<int>();
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Kind == MentionKind.Place || IsActor(mentions[i].Kind))
            {
                order.Add(i);
            }
        }

        order.Sort((a, b) => mentions[a].Sentence != mentions[b].Sentence ? mentions[a].Sentence.CompareTo(mentions[b].Sentence) : a.CompareTo(b));
        HashSet<Mention>? dropped = null;
        for (var start = 0; start < order.Count;)
        {
            var end = start + 1;
            while (end < order.Count && mentions[order[end]].Sentence == mentions[order[start]].Sentence)
            {
                end++;
            }

            for (var a = start; a < end; a++)
            {
                var m = mentions[order[a]];
                if (m.Kind is not (MentionKind.Place or MentionKind.Person))
                {
                    continue;
                }

                for (var b = start; b < end; b++)
                {
                    var other = mentions[order[b]];
                    if (b != a && IsActor(other.Kind) && other.Span.Overlaps(m.Span) && other.Span != m.Span && Settle(document, m, other) == Verdict.Drop)
                    {
                        (dropped ??= new HashSet<Mention>(ReferenceEqualityComparer.Instance)).Add(m);
                        break;
                    }
                }
            }

            start = end;
        }

        if (dropped is not null)
        {
            mentions.RemoveAll(dropped.Contains);
        }
    }

    private enum Verdict
    {
        Keep,
        Drop,
    }

    /// <summary>What becomes of <paramref name="m"/> (a place or a person) where it overlaps the actor <paramref name="actor"/> (not on the same words).</summary>
    private static Verdict Settle(Document document, Mention m, Mention actor)
    {
        var inside = actor.Span.Contains(m.Span);
        if (m.Kind == MentionKind.Person)
        {
            return inside && actor.Kind == MentionKind.Organization && !m.IsReference ? Verdict.Drop : Verdict.Keep;
        }

        if (m.Form == MentionForm.Adjective)
        {
            return Verdict.Keep;
        }

        if (!inside)
        {
            return Verdict.Keep; // crossing the actor's boundary, or holding the actor: neither reading is the surer one
        }

        switch (actor.Kind)
        {
            case MentionKind.Person:
                return actor.Form == MentionForm.Name && actor.Name is not null && m.Place?.FeatureType is not ("country" or "region") && AllCapitalised(document, actor.Span)
                    ? Verdict.Drop : Verdict.Keep;
            case MentionKind.Organization:
                m.Form = MentionForm.InName;
                return Verdict.Keep;
            default:
                return Verdict.Keep;
        }
    }

    /// <summary>True when every word of the span starts with a capital ("Elizabeth Warren", not "Tom Cole of Oklahoma").</summary>
    private static bool AllCapitalised(Document document, TextSpan span)
    {
        var text = document.Slice(span);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1])) && !char.IsUpper(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsActor(MentionKind kind) => kind is MentionKind.Person or MentionKind.Organization or MentionKind.Country;
}
