using Tacitus.Documents;
using Tacitus.Ingest;
using Tacitus.Pipeline;

namespace Tacitus.Cli;

/// <summary>
/// What a batch command (code, ingest) tells the user on stderr while it runs, and the exit code it ends with:
/// every error (file and record named), notes on files skipped on purpose, a document's warnings, a document in
/// another language, and once per batch that documents without a publication date were read. Text from the input
/// is escaped before it reaches the terminal. Thread-safe: ingest reports from its writer thread.
/// </summary>
internal sealed class RunReport(bool quiet, bool verbose)
{
    private readonly Lock gate = new();
    private long documents;
    private long failed;
    private long internalErrors;
    private bool warnedUndated;

    public bool Quiet => quiet;

    public bool Verbose => verbose;

    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Where lines go instead of stderr while a live progress display owns the terminal.</summary>
    public Action<string>? Sink { get; set; }

    /// <summary>
    /// Passes the items through, reporting notes (files skipped on purpose, which are not failures) and looking at each
    /// document read; errors go on to the caller, who reports them with <see cref="Error"/>.
    /// </summary>
    public IEnumerable<IngestItem> Watch(IEnumerable<IngestItem> items)
    {
        foreach (var item in items)
        {
            if (IngestErrors.IsNote(item.Error))
            {
                Note(item.Error!);
                continue;
            }

            if (item.Document is { } document)
            {
                Read(document);
            }

            yield return item;
        }
    }

    public void Error(TacitusError error)
    {
        if (AnalysisErrors.IsInternal(error))
        {
            Interlocked.Increment(ref internalErrors);
        }
        else
        {
            Interlocked.Increment(ref failed);
        }

        Write(error.ToString());
    }

    public void Note(TacitusError note)
    {
        if (!quiet)
        {
            Write("note: " + note);
        }
    }

    /// <summary>A document as read: its reading warnings, and the publication-date notice once per batch.</summary>
    private void Read(Document document)
    {
        Interlocked.Increment(ref documents);
        if (quiet)
        {
            return;
        }

        foreach (var warning in document.Warnings)
        {
            Write("warning: " + warning);
        }

        if (document.Language is not ("en" or "und"))
        {
            Write($"note: {document.Metadata.Origin ?? document.Id.Value}: TAC114 ingest: language '{document.Language}': kept and segmented, not analysed (only English is); its JSON says \"analysed\": false");
        }

        if (document.Metadata.Published is null)
        {
            lock (gate)
            {
                if (warnedUndated)
                {
                    return;
                }

                warnedUndated = true;
            }

            Write($"warning: {document.Metadata.Origin ?? document.Id.Value}: TAC113 ingest: no publication date (and no --date): relative dates " +
                "(\"on Monday\") are left unresolved, undated events get date basis \"unknown\", and actors' roles are the latest known. " +
                "Said once per run; give --date to set one.");
        }
    }

    /// <summary>A document analysed: a line when verbose.</summary>
    public void Analysed(Document document)
    {
        if (verbose && !quiet)
        {
            Write($"{document.Metadata.Origin ?? document.Id.Value}: {document.Sentences.Count} sentences, {document.Events.Count} events" +
                (document.NotAnalysedReason is { } reason ? $" (not analysed: {reason})" : string.Empty));
        }
    }

    /// <summary>0 ok, 1 some inputs failed, 3 nothing could be read, 4 an internal error hit a document.</summary>
    public int ExitCode()
    {
        if (Interlocked.Read(ref internalErrors) > 0)
        {
            return ExitCodes.Internal;
        }

        if (Interlocked.Read(ref documents) == 0)
        {
            if (Failed == 0)
            {
                Write("tacitus: no documents found in the input.");
            }

            return ExitCodes.Fatal;
        }

        return Failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
    }

    private void Write(string line)
    {
        lock (gate)
        {
            var safe = TerminalText.Escape(line);
            if (Sink is { } sink)
            {
                sink(safe);
            }
            else
            {
                Console.Error.WriteLine(safe);
            }
        }
    }
}
