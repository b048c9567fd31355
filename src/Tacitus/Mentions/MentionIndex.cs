using Tacitus.Documents;

namespace Tacitus.Mentions;

/// <summary>
/// The mentions of a document grouped by sentence and sorted by position: actors (people, organisations,
/// countries), places and times. The attribution and event readers look actors up here instead of knowing names.
/// </summary>
internal sealed class MentionIndex
{
    private static readonly List<int> None = [];
    private readonly Document document;
    private readonly Dictionary<int, List<int>> actors = [];
    private readonly Dictionary<int, List<int>> places = [];
    private readonly Dictionary<int, List<int>> times = [];

    public MentionIndex(Document document)
    {
        this.document = document;
        for (var i = 0; i < document.Mentions.Count; i++)
        {
            var m = document.Mentions[i];
            var sentence = m.Sentence >= 0 ? m.Sentence : document.SentenceAt(m.Span.Start);
            if (sentence < 0)
            {
                continue;
            }

            var table = m.Kind switch
            {
                MentionKind.Person or MentionKind.Organization or MentionKind.Country => actors,
                MentionKind.Place => places,
                MentionKind.Time => times,
                _ => null,
            };
            if (table is null)
            {
                continue;
            }

            if (!table.TryGetValue(sentence, out var list))
            {
                table[sentence] = list = [];
            }

            list.Add(i);
        }

        foreach (var table in new[] { actors, places, times })
        {
            foreach (var list in table.Values)
            {
                list.Sort((a, b) => document.Mentions[a].Span.Start.CompareTo(document.Mentions[b].Span.Start));
            }
        }
    }

    public bool HasActors => actors.Count > 0;

    public Mention this[int index] => document.Mentions[index];

    public IReadOnlyList<int> ActorsIn(int sentence) => actors.GetValueOrDefault(sentence, None);

    public IReadOnlyList<int> PlacesIn(int sentence) => places.GetValueOrDefault(sentence, None);

    public IReadOnlyList<int> TimesIn(int sentence) => times.GetValueOrDefault(sentence, None);

    /// <summary>Actor mentions of a sentence that lie inside <paramref name="span"/>, in order.</summary>
    public IEnumerable<int> ActorsWithin(int sentence, TextSpan span)
    {
        foreach (var i in ActorsIn(sentence))
        {
            var s = document.Mentions[i].Span;
            if (s.Start >= span.Start && s.End <= span.End)
            {
                yield return i;
            }
        }
    }

    /// <summary>The actor mention covering a character position, or -1.</summary>
    public int ActorAt(int sentence, int position)
    {
        var best = -1;
        foreach (var i in ActorsIn(sentence))
        {
            var s = document.Mentions[i].Span;
            if (s.Contains(position) && (best < 0 || s.Length > document.Mentions[best].Span.Length))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Name of a mention: its own, else its entity's.</summary>
    public string? NameOf(Mention m) =>
        m.Name ?? (m.Entity is int e && e >= 0 && e < document.Entities.Count ? document.Entities[e].Name : null);

    public Domain.CountryCode? CountryOf(Mention m) =>
        m.Country ?? (m.Entity is int e && e >= 0 && e < document.Entities.Count ? document.Entities[e].Country : null);

    public Domain.Sector? SectorOf(Mention m) =>
        m.Sector ?? (m.Entity is int e && e >= 0 && e < document.Entities.Count ? document.Entities[e].Sector : null);

    /// <summary>The event location a place mention gives: its text, name, country and coordinates (both coders read it so).</summary>
    public EventLocation LocationOf(int m)
    {
        var mention = document.Mentions[m];
        return new EventLocation
        {
            Text = mention.Span.TextOf(document.Text),
            Name = NameOf(mention),
            Country = CountryOf(mention),
            Lat = mention.Place?.Lat,
            Lon = mention.Place?.Lon,
            GeoNamesId = mention.Place?.GeoNamesId,
            Mention = m,
        };
    }
}
