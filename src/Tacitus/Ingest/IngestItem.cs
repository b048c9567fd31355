using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>One thing read from the input: a document, or an error naming the file and record that failed.</summary>
public readonly record struct IngestItem(Document? Document, TacitusError? Error)
{
    public static IngestItem Ok(Document document) => new(document, null);

    public static IngestItem Fail(TacitusError error) => new(null, error);
}
