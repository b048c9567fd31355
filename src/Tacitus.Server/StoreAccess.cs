using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Store;

namespace Tacitus.Server;

/// <summary>
/// The server's hold on its store: a read-only connection per request (pooled, so cheap), and one writer for the
/// documents posted to it, one at a time. The analysis pipeline is built on the first write.
/// </summary>
internal sealed partial class StoreAccess : IDisposable
{
    private readonly DocumentStore writer;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly Lazy<AnalysisPipeline> pipeline;
    private readonly ILogger logger;

    /// <exception cref="StoreException">TAC500/TAC502 when the store cannot be opened.</exception>
    public StoreAccess(string path, Func<AnalysisPipeline>? pipelineFactory = null, ILogger<StoreAccess>? logger = null)
    {
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        // Opening for writing brings an older store's schema up to date, so the read-only connections can read it.
        writer = DocumentStore.Open(path, create: false);
        Path = path;
        pipeline = new Lazy<AnalysisPipeline>(pipelineFactory ?? (() => PipelineFactory.Create()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }

    public DocumentStore OpenReader() => DocumentStore.OpenReadOnly(Path);

    /// <summary>
    /// Analyses the document and stores it (unless stored already); one write at a time. Stored documents the save's
    /// fusion backlog could not read and left out are logged: they are not the posted document's failure.
    /// </summary>
    public async Task<(Document Document, StoreResult Result)> AnalyseAndSave(Document document, CancellationToken cancellationToken)
    {
        using (var reader = OpenReader())
        {
            if (reader.Contains(document.Id))
            {
                return (reader.Load(document.Id) ?? document, new StoreResult(0, 1, []));
            }
        }

        var analysed = pipeline.Value.Process(document, cancellationToken);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            var result = writer.Save(analysed);
            foreach (var error in result.LeftOut)
            {
                LeftOut(logger, error.ToString());
            }

            return (analysed, result);
        }
        finally
        {
            writeLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Error}")]
    private static partial void LeftOut(ILogger logger, string error);

    public void Dispose()
    {
        writer.Dispose();
        writeLock.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
