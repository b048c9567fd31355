using Tacitus.Domain;

namespace Tacitus.Documents;

/// <summary>An actor in an event record: the words and what they resolved to.</summary>
public sealed record ActorRef
{
    public required string Text { get; init; }

    public TextSpan? Span { get; init; }

    public string? Name { get; init; }

    public CountryCode? Country { get; init; }

    public Sector? Sector { get; init; }

    /// <summary>The full actor code as PETRARCH writes it ("USAGOV", "IGOUNO"), when a PETRARCH dictionary coded the actor.</summary>
    public string? Code { get; init; }

    public int? Entity { get; init; }

    public int? Mention { get; init; }
}

public sealed record EventDate(string Text, string Value, string Basis, TextSpan? Span = null);

/// <summary>An issue (topic) of the sentence an event was read from, as PETRARCH codes it: the code and how often its phrases occur.</summary>
public sealed record IssueCount(string Code, int Count);

public sealed record EventLocation
{
    public required string Text { get; init; }

    public string? Name { get; init; }

    public CountryCode? Country { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public long? GeoNamesId { get; init; }

    public int? Mention { get; init; }
}

public sealed record Modality
{
    public bool Negated { get; init; }

    public bool Denied { get; init; }

    public bool Hedged { get; init; }

    public bool Future { get; init; }

    public bool Conditional { get; init; }

    public static readonly Modality Asserted = new();
}

/// <summary>Who did what to whom, when, where, according to whom, and how sure we are.</summary>
public sealed class EventRecord
{
    public required PloverType Event { get; init; }

    public string? Mode { get; init; }

    public string? Context { get; init; }

    public CameoCode? Cameo { get; init; }

    /// <summary>The PLOVER/Goldstein-style intensity score of the event type.</summary>
    public double? Score { get; init; }

    public required ActorRef Actor { get; init; }

    public ActorRef? Recipient { get; init; }

    public EventDate? Date { get; set; }

    public EventLocation? Location { get; set; }

    /// <summary>Index into <see cref="Document.Attributions"/>; null when the article says it in its own voice.</summary>
    public int? Attribution { get; set; }

    public Modality Modality { get; set; } = Modality.Asserted;

    /// <summary>0..1: how sure the coder is of the record.</summary>
    public double Confidence { get; set; }

    /// <summary>The whole sentence the record was read from.</summary>
    public required TextSpan Evidence { get; init; }

    /// <summary>The trigger words (verb or noun) that the pattern matched.</summary>
    public TextSpan? Trigger { get; init; }

    /// <summary>The issues of <see cref="Evidence"/> from the PETRARCH issue phrases (the issues stage); empty when none.</summary>
    public IReadOnlyList<IssueCount> Issues { get; set; } = [];

    /// <summary>Which pattern, dictionary entry or model produced each field: field name → rule.</summary>
    public Dictionary<string, string> Explanation { get; } = [];
}
