using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>What writing one document did.</summary>
internal enum StoreOutcome
{
    /// <summary>New: the document and its analysis were stored.</summary>
    Stored,

    /// <summary>Its text was stored already; only the sighting was recorded.</summary>
    AlreadyStored,

    /// <summary>Its text was stored already; its analysis was replaced by this one.</summary>
    Reanalysed,
}

/// <summary>When a document already stored gets its analysis replaced.</summary>
internal enum ReplaceMode
{
    /// <summary>Never: the stored analysis stays (plain ingest).</summary>
    Never,

    /// <summary>When it was produced by another pipeline, knowledge, patterns or dictionaries (ingest --reanalyse, reanalyse).</summary>
    Stale,

    /// <summary>Always (reanalyse --all).</summary>
    Always,
}

/// <summary>
/// Writes one document and all its analysis rows with statements prepared once per connection, records the sighting
/// it arrived under, and replaces a stored document's analysis in place. The caller owns the transaction: a
/// document's rows are written together or not at all.
/// </summary>
internal sealed class DocumentRowWriter : IDisposable
{
    private static readonly string[] ChildTables = ["events"];

    private readonly PreparedInsert documents;
    private readonly PreparedInsert fullText;
    private readonly NativeStatement flush;
    private readonly PreparedInsert sightings;
    private readonly SqliteCommand lookup;
    private readonly NativeStatement update;
    private readonly NativeStatement[] clear;
    private readonly MentionRows mentions = new();
    private readonly SentenceRows sentenceRows = new();
    private readonly EntityRows entityRows = new();
    private readonly RowJson json = new();
    private readonly AttributionRows attributionRows = new();
    private readonly PreparedInsert events;
    private byte[] tokenBytes = new byte[8 * 1024];
    private byte[] paragraphBytes = new byte[256];

    public DocumentRowWriter(SqliteConnection connection)
    {
        documents = new PreparedInsert(connection, "documents",
            "id, title, outlet, published, url, author, external_id, language, origin, format, text, ingested_at, paragraphs, tokens, warnings, " +
            "sentence_count, boilerplate_count, mention_count, attribution_count, event_count, pipeline, knowledge, patterns, dictionaries, analysed_at, mention_rows, sentence_rows, entity_rows, attribution_rows",
            orIgnore: true, returning: "seq");
        // The document's title and text in the full-text index, inserted here rather than by a trigger (migration 21):
        // a trigger made each document's INSERT a statement transaction, and FTS5 writes its pending terms out as a new
        // segment at every savepoint, so each document became a segment of its own that merging then rewrote again and again.
        fullText = new PreparedInsert(connection, "documents_fts", "rowid, title, text");
        flush = new NativeStatement(connection, "INSERT INTO documents_fts(documents_fts) VALUES ('flush')");
        sightings = new PreparedInsert(connection, "sightings", "document, outlet, url, origin, published, first_seen", orIgnore: true);
        lookup = Command(connection, "SELECT seq, pipeline, knowledge, patterns, dictionaries, EXISTS (SELECT 1 FROM fusion_skipped WHERE document = seq) FROM documents WHERE id = $p0", 1);
        update = new NativeStatement(connection, "UPDATE documents SET language = $p1, paragraphs = $p2, tokens = $p3, warnings = $p4, sentence_count = $p5, boilerplate_count = $p6, " +
            "mention_count = $p7, attribution_count = $p8, event_count = $p9, pipeline = $p10, knowledge = $p11, patterns = $p12, dictionaries = $p13, analysed_at = $p14, mention_rows = $p15, sentence_rows = $p16, entity_rows = $p17, attribution_rows = $p18 WHERE seq = $p0");
        clear = [.. ChildTables.Select(t => new NativeStatement(connection, $"DELETE FROM {t} WHERE document = $p0"))];
        events = new PreparedInsert(connection, "events",
            "document, idx, type, mode, context, cameo, score, " +
            "actor, actor_text, actor_name, actor_country, actor_sector, recipient, recipient_text, recipient_name, recipient_country, recipient_sector, " +
            "date_text, date_value, date_basis, date_start, date_end, location, location_name, location_country, attribution, " +
            "negated, denied, hedged, future, conditional, confidence, evidence_start, evidence_end, trigger_start, trigger_end, explanation, " +
            "actor_code, recipient_code, issues");
    }

    /// <summary>Sets the transaction on the one statement that reads (the writing ones run in the connection's transaction, <see cref="NativeStatement"/>).</summary>
    public void Enlist(SqliteTransaction transaction) => lookup.Transaction = transaction;

    /// <summary>
    /// Writes the document (when <paramref name="analysed"/>) unless its text is stored already, and records the
    /// sighting it arrived under. A stored document's analysis is replaced as <paramref name="replace"/> says.
    /// A document not analysed (known to be stored before analysis) only adds its sighting.
    /// Returns what was done and the document's row (documents.seq).
    /// </summary>
    public (StoreOutcome Outcome, long Seq) Write(Document document, DateTime now, bool analysed = true, ReplaceMode replace = ReplaceMode.Never)
    {
        var m = document.Metadata;
        var p = document.Provenance;
        var stamp = Stamp(now);
        var outcome = StoreOutcome.AlreadyStored;
        long seq;
        if (analysed && documents.Returning(document.Id.Value, m.Title, m.Outlet, Day(m.Published), m.Url, m.Author, m.ExternalId,
            document.Language, m.Origin, m.Format, document.Text, stamp,
            TokenLayout.PackParagraphs(document.Paragraphs, ref paragraphBytes), TokenLayout.PackTokens(document.Tokens, ref tokenBytes), Warnings(document),
            document.Sentences.Count, document.Sentences.Count(s => s.Boilerplate), document.Mentions.Count, document.Attributions.Count, document.Events.Count,
            p?.Pipeline, p?.Knowledge, p?.Patterns, p?.Dictionaries, p is null ? null : stamp, mentions.Pack(document.Mentions),
            sentenceRows.Pack(document.Sentences), entityRows.Pack(document.Entities), attributionRows.Pack(document.Attributions)) is long inserted)
        {
            seq = inserted;
            fullText.Run(seq, m.Title, document.Text);
            WriteAnalysis(seq, document);
            outcome = StoreOutcome.Stored;
        }
        else
        {
            var stored = Lookup(document.Id) ?? throw new InvalidOperationException($"document {document.Id} is neither new nor stored");
            seq = stored.Seq;
            // a document fusion left out for its undecodable values (DocumentStore.FuseBacklog) is replaced whenever it is analysed again
            if (analysed && (replace == ReplaceMode.Always || (replace == ReplaceMode.Stale && stored.Provenance != p) || stored.LeftOut))
            {
                Replace(seq, document, stamp);
                outcome = StoreOutcome.Reanalysed;
            }
        }

        sightings.Run(seq, m.Outlet ?? string.Empty, m.Url ?? string.Empty, m.Origin ?? string.Empty, Day(m.Published) ?? string.Empty, stamp);
        return (outcome, seq);
    }

    /// <summary>
    /// Writes the full-text index's pending terms of the batch out as its segment now (FTS5's 'flush'), after the batch's
    /// rows. Without it FTS5 writes them at the batch's first statement that opens a statement journal (one that fires
    /// triggers or checks foreign keys, an INSERT ... SELECT: fusion's, or a re-analysis's deletes) or at commit, and that
    /// statement pays for the segment and for any merging.
    /// </summary>
    public void FlushIndex() => flush.Run();

    /// <summary>
    /// The stored document's row number, the provenance of its records (null when unknown) and whether fusion left it out
    /// for values that do not decode, or null when it is not stored.
    /// </summary>
    public (long Seq, AnalysisProvenance? Provenance, bool LeftOut)? Lookup(DocumentId id)
    {
        lookup.Parameters[0].Value = id.Value;
        using var r = lookup.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        return (r.GetInt64(0), DocumentRowReader.Provenance(r, 1), r.GetInt64(5) != 0);
    }

    /// <summary>Replaces the analysis of stored document <paramref name="seq"/> (same text) by this document's.</summary>
    private void Replace(long seq, Document document, string stamp)
    {
        var p = document.Provenance;
        update.Run(seq, document.Language, TokenLayout.PackParagraphs(document.Paragraphs, ref paragraphBytes), TokenLayout.PackTokens(document.Tokens, ref tokenBytes), Warnings(document),
            document.Sentences.Count, document.Sentences.Count(s => s.Boilerplate), document.Mentions.Count, document.Attributions.Count, document.Events.Count,
            p?.Pipeline, p?.Knowledge, p?.Patterns, p?.Dictionaries, stamp, mentions.Pack(document.Mentions),
            sentenceRows.Pack(document.Sentences), entityRows.Pack(document.Entities), attributionRows.Pack(document.Attributions));
        foreach (var c in clear)
        {
            c.Run(seq);
        }

        WriteAnalysis(seq, document);
    }

    private void WriteAnalysis(long id, Document document)
    {
        for (var i = 0; i < document.Events.Count; i++)
        {
            WriteEvent(id, i, document.Events[i]);
        }
    }

    private void WriteEvent(long id, int index, EventRecord e)
    {
        var r = e.Recipient;
        var d = e.Date;
        var l = e.Location;
        json.Begin();
        events.Run(id, index, e.Event.ToCode(), e.Mode, e.Context, e.Cameo?.Value, e.Score,
            json.Of(e.Actor, StoreValueJson.Write), e.Actor.Text, e.Actor.Name, e.Actor.Country?.Value, e.Actor.Sector?.Value,
            json.Of(r, StoreValueJson.Write), r?.Text, r?.Name, r?.Country?.Value, r?.Sector?.Value,
            d?.Text, d?.Value, d?.Basis, d?.Span?.Start, d?.Span?.End,
            json.Of(l, StoreValueJson.Write), l?.Name ?? l?.Text, l?.Country?.Value,
            e.Attribution,
            e.Modality.Negated, e.Modality.Denied, e.Modality.Hedged, e.Modality.Future, e.Modality.Conditional,
            e.Confidence, e.Evidence.Start, e.Evidence.End, e.Trigger?.Start, e.Trigger?.End,
            e.Explanation.Count == 0 ? null : json.Of(e.Explanation, StoreJson.Default.DictionaryStringString),
            e.Actor.Code, r?.Code,
            e.Issues.Count == 0 ? null : json.Of(e.Issues, StoreJson.Default.IReadOnlyListIssueCount));
    }

    private static string? Warnings(Document document) =>
        document.Warnings.Count == 0 ? null : JsonSerializer.Serialize(document.Warnings, StoreJson.Default.ListTacitusError);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.AddWithValue("$p" + i, DBNull.Value);
        }

        return command;
    }

    /// <summary>The stored name of a mention kind (the contract's names: person, organization, ...).</summary>
    public static string KindCode(MentionKind kind) => Contract.AnalysisJsonWriter.KindName(kind);

    public void Dispose()
    {
        documents.Dispose();
        fullText.Dispose();
        flush.Dispose();
        sightings.Dispose();
        lookup.Dispose();
        update.Dispose();
        foreach (var c in clear)
        {
            c.Dispose();
        }

        events.Dispose();
    }
}
