using Tacitus.Domain;

namespace Tacitus.Documents;

/// <summary>Who a source is: a person, an official, an outlet, a government, an organisation, a document, or nobody named.</summary>
public sealed record SourceRef
{
    /// <summary>The words in the text ("Kyodo news agency of Japan", "unidentified officials").</summary>
    public required string Text { get; init; }

    public TextSpan? Span { get; init; }

    /// <summary>Canonical name ("Kyodo", "Wang Wenbin"), when resolved.</summary>
    public string? Name { get; init; }

    /// <summary>person, official, media, government, organization, document, anonymous.</summary>
    public string Kind { get; init; } = "person";

    public CountryCode? Country { get; init; }

    /// <summary>Index into <see cref="Document.Entities"/>, when resolved.</summary>
    public int? Entity { get; init; }
}

/// <summary>A reported statement: source, cue, content, and the chain of sources behind it.</summary>
public sealed class Attribution
{
    public required SourceRef Source { get; init; }

    /// <summary>The cue words ("reported", "according to", "told a briefing").</summary>
    public required TextSpan Cue { get; init; }

    /// <summary>What was said. May run over several sentences.</summary>
    public required TextSpan Content { get; init; }

    /// <summary>Who the source cites ("citing unidentified officials"): the chain, nearest first.</summary>
    public List<SourceRef> Via { get; } = [];

    /// <summary>True when the ultimate source is not named (the source itself or anyone it cites).</summary>
    public bool Anonymous { get; set; }

    public bool DirectQuote { get; set; }

    /// <summary>True when the cue denies the content ("denied that ...").</summary>
    public bool Denial { get; set; }

    /// <summary>The sentence (or sentences) the attribution was read from.</summary>
    public required TextSpan Evidence { get; init; }

    /// <summary>When the statement was made, if the text says ("saying Sunday").</summary>
    public TimeInfo? Date { get; set; }

    public string? Rule { get; set; }
}
