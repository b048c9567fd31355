using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Fusion;

/// <summary>
/// One report of an event: an event record of one document, with what fusion compares (type, actors, date, place)
/// and what it keeps (sentence, evidence, attribution chain, source, modality, figures, ordinal claims).
/// </summary>
internal sealed class FusedReport
{
    public required ReportDocument Document { get; init; }

    /// <summary>The document's row in the store (documents.seq).</summary>
    public long DocumentSeq { get; init; }

    /// <summary>Index of the event record in its document.</summary>
    public int Event { get; init; }

    public int Sentence { get; init; }

    public required string Evidence { get; init; }

    public required PloverType Type { get; init; }

    public string? Mode { get; init; }

    public string? Cameo { get; init; }

    public required ActorKey Actor { get; init; }

    public ActorKey? Recipient { get; init; }

    public string? DateValue { get; init; }

    public string? DateBasis { get; init; }

    public DateRange? Date { get; init; }

    /// <summary>The place fusion compares: the record's own, or the one <see cref="PlaceFrom"/> names.</summary>
    public PlaceKey? Location { get; init; }

    /// <summary>Null when <see cref="Location"/> is the record's own; else the report of the same document it was read from (<see cref="PlaceContinuity"/>).</summary>
    public PlaceSource? PlaceFrom { get; init; }

    /// <summary>The attribution chain, speaker first then whom they cite; empty when the article speaks in its own voice.</summary>
    public IReadOnlyList<SourceRef> Chain { get; init; } = [];

    /// <summary>The attribution's cue denies the content ("denied that ...").</summary>
    public bool Denial { get; init; }

    public required ReportSource Source { get; init; }

    public Modality Modality { get; init; } = Modality.Asserted;

    public List<FusedFigure> Figures { get; } = [];

    public List<OrdinalClaim> Claims { get; } = [];

    /// <summary>The report says the event did not happen (negated, or its source denies it).</summary>
    public bool Contradicts => Modality.Negated || Modality.Denied || Denial;

    /// <summary>This report as fusion reads it with the place of another report of its document (the stored record is unchanged).</summary>
    public FusedReport WithPlace(PlaceKey place, PlaceSource from) => Copy(Actor, Recipient, place, from);

    /// <summary>
    /// This report with its two parties the other way round ("B received A" read as "A met B"), for types known by their
    /// two parties in either order (<see cref="FusionLexicon.Paired"/>); null when it names no recipient.
    /// </summary>
    public FusedReport? Swapped() => Recipient is { } recipient ? Copy(recipient, Actor, Location, PlaceFrom) : null;

    private FusedReport Copy(ActorKey actor, ActorKey? recipient, PlaceKey? place, PlaceSource? from)
    {
        var read = new FusedReport
        {
            Document = Document,
            DocumentSeq = DocumentSeq,
            Event = Event,
            Sentence = Sentence,
            Evidence = Evidence,
            Type = Type,
            Mode = Mode,
            Cameo = Cameo,
            Actor = actor,
            Recipient = recipient,
            DateValue = DateValue,
            DateBasis = DateBasis,
            Date = Date,
            Location = place,
            PlaceFrom = from,
            Chain = Chain,
            Denial = Denial,
            Source = Source,
            Modality = Modality,
        };
        read.Figures.AddRange(Figures);
        read.Claims.AddRange(Claims);
        return read;
    }
}
