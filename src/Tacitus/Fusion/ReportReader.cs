using Tacitus.Documents;

namespace Tacitus.Fusion;

/// <summary>
/// Turns a document's event records into reports for fusion: the source at the end of each record's attribution
/// chain, the date range and place, figures and ordinal claims from its sentence. Records about the future or under
/// a condition are not reports of an event that happened and are left out.
/// </summary>
internal sealed class ReportReader(FusionLexicon lexicon)
{
    private readonly FigureReader figures = new(lexicon);
    private readonly OrdinalClaimReader claims = new(lexicon);

    public IEnumerable<FusedReport> Read(Document document, long seq, string? file)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = new ReportDocument(document.Id.Value, file ?? document.Metadata.Origin ?? document.Metadata.Url, document.Metadata.Outlet, document.Metadata.Published, document.Metadata.Title);
        for (var i = 0; i < document.Events.Count; i++)
        {
            var e = document.Events[i];
            if (e.Modality.Future || e.Modality.Conditional)
            {
                continue;
            }

            var attribution = e.Attribution is int a && a >= 0 && a < document.Attributions.Count ? document.Attributions[a] : null;
            IReadOnlyList<SourceRef> chain = attribution is null ? [] : [attribution.Source, .. attribution.Via];
            var sentence = document.SentenceAt(e.Evidence.Start);
            var report = new FusedReport
            {
                Document = source,
                DocumentSeq = seq,
                Event = i,
                Sentence = sentence,
                Evidence = e.Evidence.TextOf(document.Text),
                Type = e.Event,
                Mode = e.Mode,
                Cameo = e.Cameo?.Value,
                Actor = Key(e.Actor),
                Recipient = e.Recipient is { } r ? Key(r) : null,
                DateValue = e.Date?.Value,
                DateBasis = e.Date?.Basis,
                Date = DateRange.Of(e.Date?.Value, e.Date?.Basis),
                Location = Place(document, e.Location),
                Chain = chain,
                Denial = attribution?.Denial ?? false,
                Source = SourceOf(chain, attribution?.Anonymous ?? false, source),
                Modality = e.Modality,
            };
            report.Figures.AddRange(figures.Read(document, sentence, e.Event));
            report.Claims.AddRange(claims.Read(document, sentence, e.Event));
            yield return report;
        }
    }

    /// <summary>
    /// The source of a report: the end of its chain. An unnamed end is the anonymous sources of the nearest named
    /// link (or of the outlet): "Reuters, citing unnamed diplomats" is Reuters's anonymous sources. With no chain,
    /// the outlet itself.
    /// </summary>
    public static ReportSource SourceOf(IReadOnlyList<SourceRef> chain, bool anonymous, ReportDocument document)
    {
        var outlet = document.Outlet ?? "unnamed outlet of document " + document.Id[..8];
        if (chain.Count == 0)
        {
            return new ReportSource(Normal(outlet), outlet, "media", false, null);
        }

        var end = chain[^1];
        if (anonymous || end.Kind == "anonymous")
        {
            var named = chain.Take(chain.Count - 1).LastOrDefault(s => s.Kind != "anonymous")?.Name ?? outlet;
            return new ReportSource(Normal(named) + "/anonymous", $"{named}'s anonymous sources ({end.Text})", "anonymous", true, end.Country?.Value);
        }

        var name = end.Name ?? end.Text;
        return new ReportSource(Normal(name), name, end.Kind, false, end.Country?.Value);
    }

    public static string Normal(string name) => string.Join(' ', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static ActorKey Key(ActorRef actor) => new(actor.Name, actor.Country?.Value, actor.Sector?.Value);

    private static PlaceKey? Place(Document document, EventLocation? location)
    {
        if (location is null)
        {
            return null;
        }

        var mention = location.Mention is int m && m >= 0 && m < document.Mentions.Count ? document.Mentions[m] : null;
        var countryLevel = mention is not null && (mention.Kind == MentionKind.Country || mention.Place?.FeatureType == "country");
        return new PlaceKey(location.Name ?? location.Text, location.Country?.Value, location.Lat, location.Lon, countryLevel);
    }
}
