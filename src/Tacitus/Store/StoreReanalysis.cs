using System.Diagnostics;
using Tacitus.Documents;
using Tacitus.Pipeline;

namespace Tacitus.Store;

/// <summary>
/// How a re-analysis went: documents selected, re-analysed, and failed (their stored analysis kept), how many documents
/// were fused again from the store afterwards (<see cref="DocumentStore.FuseBacklog"/>), and whether every document had
/// to be placed again because the store placed them before contributions were kept (<see cref="DocumentStore.FusionReclustered"/>).
/// <see cref="LeftOut"/> counts stored documents fusion could not read and left out (TAC504, named to the observer): they
/// need not be among those selected, so they are not counted as failed. <see cref="Internal"/> counts the failures that
/// are Tacitus's fault (<see cref="AnalysisErrors.IsInternal"/>: TAC400 when a stage threw), among <see cref="Failed"/>.
/// </summary>
internal sealed record ReanalysisSummary(long Selected, long Reanalysed, long Failed, TimeSpan Elapsed, long FusedAfter = 0, bool Reclustered = false, long LeftOut = 0, long Internal = 0);

/// <summary>
/// Runs the current pipeline again over stored texts and replaces their analysis in place (same id, same sightings),
/// one transaction per batch: a crash keeps every finished batch and leaves the rest as it was, and since by default
/// only documents whose records another pipeline produced are selected, running it again finishes the job and a run
/// with nothing stale does nothing.
/// <para>
/// Stories and fused events end as a fresh ingest of the stored documents, in store order, with the analyses they now
/// have would leave them: the first re-analysed document takes fusion back to just before it, re-analysed documents
/// that come next in store order are fused as they are stored, and the rest (documents after a gap in the selection)
/// are fused from the store at the end. A run stopped at any point leaves fused only a prefix of the store in store
/// order; the next run (or ingest) fuses the rest.
/// </para>
/// </summary>
internal sealed class StoreReanalysis(DocumentStore store, AnalysisPipeline pipeline, int workers = 1, int batchSize = 64)
{
    private readonly int workers = Math.Max(1, workers);
    private readonly int batchSize = Math.Max(1, batchSize);

    /// <summary>The documents a run would analyse again (see <see cref="DocumentStore.SelectForAnalysis"/>).</summary>
    public List<DocumentId> Select(string? where, bool all) =>
        store.SelectForAnalysis(where, pipeline.Provenance ?? throw new InvalidOperationException("the pipeline has no provenance"), all);

    /// <summary>
    /// Analyses <paramref name="ids"/> again (all of them when <paramref name="all"/>, else the stale ones) and replaces their
    /// records. <paramref name="fuseAllAgain"/> (every stored document selected with <paramref name="all"/>: <c>reanalyse --all</c>
    /// without <c>--where</c>) first takes fusion back to before the store's first document
    /// (<see cref="DocumentStore.UnfuseAll"/>), so every document is fused again with the window the store was opened with,
    /// also those whose analysis fails and keeps its stored records (fused again from them).
    /// </summary>
    public ReanalysisSummary Run(IReadOnlyList<DocumentId> ids, bool all, IngestObserver? observer = null, bool fuseAllAgain = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        observer ??= new IngestObserver();
        var clock = Stopwatch.StartNew();
        if (fuseAllAgain)
        {
            store.UnfuseAll();
        }

        var reclustered = store.FusionReclustered;
        long reanalysed = 0, failed = 0, leftOut = 0, internalErrors = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        for (var start = 0; start < ids.Count; start += batchSize)
        {
            var chunk = Load(ids, start, observer, ref failed);
            var errors = new TacitusError?[chunk.Length];
            Parallel.For(0, chunk.Length, options, i =>
            {
                try
                {
                    pipeline.Process(chunk[i], cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    errors[i] = new TacitusError(AnalysisErrors.Internal, AnalysisErrors.Stage, $"analysis failed: {ex.GetType().Name}: {ex.Message}; the stored analysis is kept", chunk[i].Metadata.Origin, chunk[i].Id.Value);
                }
            });

            var writes = chunk.Where((_, i) => errors[i] is null).Select(d => new StoreWrite(d)).ToList();
            var result = store.Save(writes, all ? ReplaceMode.Always : ReplaceMode.Stale);
            reanalysed += result.Reanalysed;
            foreach (var error in errors.OfType<TacitusError>().Concat(result.Failed))
            {
                failed++;
                internalErrors += AnalysisErrors.IsInternal(error) ? 1 : 0;
                observer.OnError?.Invoke(error);
            }

            foreach (var error in result.LeftOut)
            {
                LeftOut(error);
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                observer.OnDone?.Invoke(errors[i] is null);
            }
        }

        var fused = store.FuseBacklog(LeftOut, cancellationToken);
        return new ReanalysisSummary(ids.Count, reanalysed, failed, clock.Elapsed, fused, store.FusionReclustered > reclustered, leftOut, internalErrors);

        void LeftOut(TacitusError error)
        {
            leftOut++;
            observer.OnError?.Invoke(error);
        }
    }

    /// <summary>
    /// The batch's stored texts; a document whose stored values do not decode (TAC504) is reported as failed and left
    /// as it is, so one damaged row does not stop the re-analysis of the rest.
    /// </summary>
    private Document[] Load(IReadOnlyList<DocumentId> ids, int start, IngestObserver observer, ref long failed)
    {
        var chunk = new List<Document>(Math.Min(batchSize, ids.Count - start));
        for (var i = start; i < ids.Count && i < start + batchSize; i++)
        {
            try
            {
                if (store.LoadForAnalysis(ids[i]) is { } document)
                {
                    chunk.Add(document);
                }
            }
            catch (StoreException ex) when (ex.Error.Code == "TAC504")
            {
                failed++;
                observer.OnError?.Invoke(ex.Error);
                observer.OnDone?.Invoke(false);
            }
        }

        return [.. chunk];
    }
}
