using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Fusion;
using Tacitus.Pipeline;

namespace Tacitus.Tests.Fusion;

/// <summary>Hand-built reports and documents about invented events (Republic of Norland officials, the port of Velmar).</summary>
internal static class FusionFixtures
{
    /// <summary>A source: a named outlet, an official of a country, or an anonymous end behind an outlet.</summary>
    public static ReportSource Source(string name, string kind = "media", string? country = null) =>
        kind == "anonymous"
            ? new ReportSource(ReportReader.Normal(name) + "/anonymous", name + "'s anonymous sources", "anonymous", true, country)
            : new ReportSource(ReportReader.Normal(name), name, kind, false, country);

    public static FusedReport Report(ReportSource source, string published = "2024-05-02", bool denied = false, bool negated = false,
        string outlet = "Harbour Post", params FusedFigure[] figures)
    {
        var day = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        var report = new FusedReport
        {
            Document = new ReportDocument(Guid.NewGuid().ToString("N"), $"{outlet}-{published}.txt", outlet, day, null),
            Evidence = "Norland's navy blockaded the port of Velmar.",
            Type = PloverType.Coerce,
            Actor = new ActorKey("Norland Navy", "NRL", "MIL"),
            Recipient = new ActorKey(null, "VLM", null),
            DateValue = "2024-05-01",
            DateBasis = "explicit",
            Date = DateRange.Of("2024-05-01", "explicit"),
            Source = source,
            Modality = new Modality { Denied = denied, Negated = negated },
        };
        report.Figures.AddRange(figures);
        return report;
    }

    public static FusedEvent Event(params FusedReport[] reports)
    {
        var fused = new FusedEvent { Id = 1, Type = PloverType.Coerce, Actor = reports[0].Actor };
        fused.Reports.AddRange(reports);
        FusedEventJudge.Judge(fused);
        return fused;
    }

    public static FusedFigure Killed(double value, string? qualifier = null, int mention = 0) => new("killed", value, qualifier, "person", mention);

    /// <summary>A document segmented by the text-only pipeline, with hand-made event records (so fusion is tested apart from the event coder).</summary>
    public static Document Document(string text, string outlet, string published, string origin)
    {
        var document = new Document(text, new DocumentMetadata
        {
            Title = text.Split('.')[0],
            Outlet = outlet,
            Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
            Origin = origin,
            Format = "text",
        })
        { Language = "en" };
        return PipelineFactory.Create(new PipelineOptions { TextOnly = true }).Process(document);
    }

    /// <summary>Adds an event record read from the sentence holding <paramref name="words"/>.</summary>
    public static EventRecord AddEvent(Document document, string words, PloverType type, ActorRef actor, ActorRef? recipient = null,
        string? date = null, EventLocation? location = null, int? attribution = null, Modality? modality = null, string? mode = null)
    {
        var at = document.Text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{words}' is not in the text");
        var sentence = document.Sentences[document.SentenceAt(at)].Span;
        var record = new EventRecord
        {
            Event = type,
            Mode = mode,
            Actor = actor,
            Recipient = recipient,
            Date = date is null ? new EventDate(string.Empty, document.Metadata.Published!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "publication")
                : new EventDate(date, date, "explicit"),
            Location = location,
            Attribution = attribution,
            Modality = modality ?? Modality.Asserted,
            Evidence = sentence,
        };
        document.Events.Add(record);
        return record;
    }

    public static ActorRef Actor(string name, string country, string? sector = null) =>
        new() { Text = name, Name = name, Country = CountryCode.From(country), Sector = sector is null ? null : Tacitus.Domain.Sector.From(sector) };

    public static Attribution Attribute(Document document, string words, SourceRef source, params SourceRef[] via)
    {
        var at = document.Text.IndexOf(words, StringComparison.Ordinal);
        var sentence = document.Sentences[document.SentenceAt(at)].Span;
        var attribution = new Attribution { Source = source, Cue = new TextSpan(at, at + words.Length), Content = sentence, Evidence = sentence };
        attribution.Via.AddRange(via);
        attribution.Anonymous = (via.Length > 0 ? via[^1] : source).Kind == "anonymous";
        document.Attributions.Add(attribution);
        return attribution;
    }
}
