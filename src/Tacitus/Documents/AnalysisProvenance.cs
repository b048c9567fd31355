namespace Tacitus.Documents;

/// <summary>
/// What produced a document's records: the pipeline (program version and build, full or text-only) and
/// fingerprints of the shipped knowledge and of the user's pattern and dictionary files ("-" when none).
/// A stored document whose provenance differs from the current pipeline's is stale: re-analysing it may change its records.
/// </summary>
public sealed record AnalysisProvenance(string Pipeline, string Knowledge, string Patterns, string Dictionaries)
{
    /// <summary>"pipeline …, knowledge …, patterns …, dictionaries …".</summary>
    public override string ToString() => $"pipeline {Pipeline}, knowledge {Knowledge}, patterns {Patterns}, dictionaries {Dictionaries}";
}
