namespace Tacitus.Pipeline;

/// <summary>How far to analyse and with which knowledge.</summary>
public sealed record PipelineOptions
{
    /// <summary>Stop after segmentation and boilerplate marking (ingest, bench "segment").</summary>
    public bool TextOnly { get; init; }

    /// <summary>Extra dictionary files (user TSV/YAML, PETRARCH .actors/.agents) loaded over the shipped knowledge.</summary>
    public IReadOnlyList<string> UserDictionaries { get; init; } = [];

    /// <summary>Extra event pattern files (data/events/patterns.tsv format); their patterns come before the shipped ones.</summary>
    public IReadOnlyList<string> EventPatternFiles { get; init; } = [];

    /// <summary>PETRARCH verb dictionaries for the tree coder (<c>--verbs</c>); with <see cref="NoShipped"/>, the only ones.</summary>
    public IReadOnlyList<string> VerbFiles { get; init; } = [];

    /// <summary>PETRARCH discard lists for the tree coder (<c>--discards</c>).</summary>
    public IReadOnlyList<string> DiscardFiles { get; init; } = [];

    /// <summary>Code with the given dictionaries and patterns alone, not the shipped ones (<c>--no-shipped</c>).</summary>
    public bool NoShipped { get; init; }

    /// <summary>Use the sentence-embedding model where rules run out (slower; off by default).</summary>
    public bool UseModel { get; init; }

    /// <summary>
    /// The longest one document may take (<c>--time-budget</c>); past it the document is reported (TAC401) and skipped.
    /// Null: no limit.
    /// </summary>
    public TimeSpan? TimeBudget { get; init; } = DefaultTimeBudget;

    /// <summary>Generous next to the few milliseconds a news article takes; it catches what would otherwise never end.</summary>
    public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromSeconds(60);

    public static readonly PipelineOptions Default = new();
}
