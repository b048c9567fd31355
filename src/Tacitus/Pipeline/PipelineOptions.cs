namespace Tacitus.Pipeline;

/// <summary>
/// Which coder turns clauses into event records. The tree coder matches the PETRARCH verb dictionaries over the
/// dependency parse, so choosing it also adds the token layer (tagger and parser) to the pipeline.
/// </summary>
public enum EventCoderChoice
{
    /// <summary>The hand-written patterns of data/events/patterns.tsv over the clause reader.</summary>
    Rules,

    /// <summary>The dictionary coder over the parse; in a sentence it codes, its records replace the rules' records.</summary>
    Tree,

    /// <summary>The rules first; the dictionary coder adds records only in sentences the rules left uncoded.</summary>
    Fill,
}

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

    /// <summary>PETRARCH issue dictionaries (<c>--issues</c>), read in front of the shipped Phoenix issue phrases.</summary>
    public IReadOnlyList<string> IssueFiles { get; init; } = [];

    /// <summary>Code with the given dictionaries and patterns alone, not the shipped ones (<c>--no-shipped</c>).</summary>
    public bool NoShipped { get; init; }

    /// <summary>Which event coder codes verbs (<c>--coder</c>): the rule patterns (default), the dictionary tree coder, or both.</summary>
    public EventCoderChoice Coder { get; init; } = EventCoderChoice.Rules;

    /// <summary>What reads the date forms the project's rules do not (<c>--dates</c>): nothing (default) or Microsoft.Recognizers.</summary>
    public DateReaderChoice Dates { get; init; } = DateReaderChoice.Rules;

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
