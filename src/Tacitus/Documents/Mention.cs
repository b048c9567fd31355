using Tacitus.Domain;

namespace Tacitus.Documents;

public enum MentionKind
{
    Person,
    Organization,
    Country,
    Place,
    Time,
    Quantity,
}

/// <summary>
/// A mention of something in the text: an actor, a place, a time or a quantity. Kind-specific facts live in
/// <see cref="Time"/>, <see cref="Place"/> and <see cref="Quantity"/>.
/// </summary>
public sealed class Mention
{
    public required MentionKind Kind { get; init; }

    public required TextSpan Span { get; init; }

    public int Sentence { get; set; } = -1;

    /// <summary>Index into <see cref="Document.Entities"/>, once coreference has run.</summary>
    public int? Entity { get; set; }

    /// <summary>Canonical name ("Emmanuel Macron", "Paris"), when resolved.</summary>
    public string? Name { get; set; }

    public CountryCode? Country { get; set; }

    public Sector? Sector { get; set; }

    /// <summary>For organisations: media, government, igo, ngo, business, party, military, organization.</summary>
    public string? OrgKind { get; set; }

    /// <summary>For people: the organisation they speak for ("RAND Corp."), from an apposition or title.</summary>
    public string? Affiliation { get; set; }

    /// <summary>A role noun, title or descriptor that came with the mention ("leader", "spokesman").</summary>
    public string? Role { get; set; }

    /// <summary>True when the mention is a description or pronoun standing for a named actor (coreference resolved it).</summary>
    public bool IsReference { get; set; }

    /// <summary>How the mention is written (name, description, group, adjective, place inside a name): what rules read.</summary>
    public MentionForm Form { get; set; }

    /// <summary>What made a recogniser read a name no table knows as this actor (a cue beside a person's name, an acronym):
    /// what rules read, where <see cref="Rule"/> says it in words.</summary>
    public MentionEvidence Evidence { get; set; }

    /// <summary>Which rule or dictionary entry produced this mention and its fields: an explanation, never read by rules.</summary>
    public string? Rule { get; set; }

    public TimeInfo? Time { get; set; }

    public PlaceInfo? Place { get; set; }

    public QuantityInfo? Quantity { get; set; }
}

public enum TimePrecision
{
    Year,
    Month,
    Day,
    TimeOfDay,
    Minute,
}

/// <summary>A resolved time expression.</summary>
public sealed record TimeInfo
{
    /// <summary>ISO-style value at its precision: "2019", "2019-01", "2019-01-08", "2019-01-08TNI", "2019-01-09T14:00".
    /// TimeML-style values (PRESENT_REF, P1D, 2019-W02) are allowed where no calendar value applies.</summary>
    public required string Value { get; init; }

    public required TimePrecision Precision { get; init; }

    /// <summary>What the value was resolved against: "explicit", "publication", "event" (an earlier time in the text), "none".</summary>
    public string Basis { get; init; } = "publication";

    /// <summary>For ranges ("since March", "from May to June"): the end value, where given.</summary>
    public string? EndValue { get; init; }

    /// <summary>TimeML type: DATE, TIME, DURATION, SET.</summary>
    public string Type { get; init; } = "DATE";
}

/// <summary>A place resolved against the gazetteer.</summary>
public sealed record PlaceInfo
{
    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public long? GeoNamesId { get; init; }

    /// <summary>city, country, region, feature.</summary>
    public string? FeatureType { get; init; }

    public long? Population { get; init; }
}

/// <summary>A number with a unit, normalised.</summary>
public sealed record QuantityInfo
{
    public double? Value { get; init; }

    /// <summary>For ranges ("12 to 14 hours").</summary>
    public double? Low { get; init; }

    public double? High { get; init; }

    /// <summary>Unit name, singular ("hour", "mile", "kilometer", "usd", "person").</summary>
    public required string Unit { get; init; }

    /// <summary>Value in the SI base unit (metres, seconds) where one exists.</summary>
    public double? SiValue { get; init; }

    public string? SiUnit { get; init; }

    /// <summary>Index of a mention giving the same quantity in another unit ("520 miles (840 kilometers)").</summary>
    public int? SameAs { get; set; }

    /// <summary>Set on both sides of a two-unit pair: true when they agree within 1%.</summary>
    public bool? Consistent { get; set; }
}
