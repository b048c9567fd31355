using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Store;

/// <summary>Rebuilds a stored <see cref="Document"/>, with its sentences, tokens and every analysis row.</summary>
internal sealed class DocumentRowReader : IDisposable
{
    private readonly string path;
    private readonly SqliteCommand document;
    private readonly SqliteCommand events;
    private readonly SqliteCommand sightings;

    public DocumentRowReader(SqliteConnection connection, string path)
    {
        this.path = path;
        document = Query(connection, "SELECT seq, text, title, outlet, published, url, author, external_id, origin, format, language, paragraphs, tokens, warnings, " +
            "pipeline, knowledge, patterns, dictionaries, mention_rows, sentence_rows, entity_rows, attribution_rows, mention_count FROM documents WHERE id = $id");
        sightings = Query(connection, "SELECT outlet, url, origin, published, first_seen FROM sightings WHERE document = $id ORDER BY first_seen, outlet, url, origin, published");
        events = Query(connection, "SELECT type, mode, context, cameo, score, actor, recipient, date_text, date_value, date_basis, date_start, date_end, location, attribution, " +
            "negated, denied, hedged, future, conditional, confidence, evidence_start, evidence_end, trigger_start, trigger_end, explanation, issues FROM events WHERE document = $id ORDER BY idx");
    }

    /// <summary>The stored text and metadata only, ready to be analysed again: no analysis, and of the warnings only those from reading it (TAC1xx).</summary>
    public Document? ReadForAnalysis(DocumentId id) => Read(id, analysis: false);

    public Document? Read(DocumentId id) => Read(id, analysis: true);

    /// <summary>A document's analysis values read from its row, decoded once the row is read.</summary>
    private readonly record struct RowValues(byte[]? Mentions, int MentionCount, string? Sentences, string? Entities, string? Attributions);

    /// <summary>
    /// Reads one document; any stored value that does not decode (JSON, binary rows, dates, codes), and a page of it that
    /// SQLite finds damaged (SQLITE_CORRUPT, SQLITE_NOTADB), is a TAC504 naming the store and the document, so a damaged
    /// row stops the command with the record to look at instead of a runtime exception. Only the decoding is read as
    /// damage: running the statements is not, so a fault in the code that reads (a statement outside the connection's
    /// transaction, a closed connection) surfaces as itself.
    /// </summary>
    private Document? Read(DocumentId id, bool analysis)
    {
        Document doc;
        long seq;
        RowValues rows;
        using (var r = Execute(document, id.Value, id))
        {
            if (!Step(r, id))
            {
                return null;
            }

            try
            {
                (doc, seq, rows) = DecodeDocument(r, analysis);
            }
            catch (Exception ex) when (Undecodable(ex))
            {
                throw Corrupt(id, ex.Message, ex);
            }
        }

        if (!analysis)
        {
            return doc;
        }

        try
        {
            DecodeRows(doc, rows, id);
        }
        catch (Exception ex) when (Undecodable(ex))
        {
            throw Corrupt(id, ex.Message, ex);
        }

        ReadEvents(doc, seq, id);
        ReadSightings(doc, seq, id);
        return doc;
    }

    /// <summary>What a damaged stored value throws while it is decoded (and SQLite's own word that a page is damaged).</summary>
    private static bool Undecodable(Exception ex) =>
        ex is JsonException or InvalidDataException or InvalidOperationException or IndexOutOfRangeException
            or ArgumentException or FormatException or KeyNotFoundException or InvalidCastException or OverflowException
        || Damaged(ex);

    /// <summary>SQLite found the file damaged where it read (a malformed page) or not a database at all.</summary>
    internal static bool Damaged(Exception ex) => ex is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB };

    /// <summary>The document's row (its current one, <paramref name="r"/>): the document with its text and metadata, its row number, and its analysis values still to decode.</summary>
    private static (Document Document, long Seq, RowValues Rows) DecodeDocument(SqliteDataReader r, bool analysis)
    {
        var seq = r.GetInt64(0);
        var doc = new Document(r.GetString(1), new DocumentMetadata
        {
            Title = Text(r, 2),
            Outlet = Text(r, 3),
            Published = r.IsDBNull(4) ? null : DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Url = Text(r, 5),
            Author = Text(r, 6),
            ExternalId = Text(r, 7),
            Origin = Text(r, 8),
            Format = Text(r, 9),
        })
        { Language = r.GetString(10) };
        if (!analysis)
        {
            doc.Warnings.AddRange(Whole(Json(r, 13, StoreJson.Default.ListTacitusError)).Where(w => w.Code.StartsWith("TAC1", StringComparison.Ordinal)));
            return (doc, seq, default);
        }

        doc.Provenance = Provenance(r, 14);
        if (!r.IsDBNull(11))
        {
            TokenLayout.UnpackParagraphs((byte[])r.GetValue(11), doc.Paragraphs);
        }

        if (!r.IsDBNull(12))
        {
            TokenLayout.UnpackTokens((byte[])r.GetValue(12), doc.Tokens);
        }

        if (!r.IsDBNull(13))
        {
            doc.Warnings.AddRange(Whole(JsonSerializer.Deserialize(r.GetString(13), StoreJson.Default.ListTacitusError)));
        }

        return (doc, seq, new RowValues(r.IsDBNull(18) ? null : (byte[])r.GetValue(18), r.GetInt32(22), Text(r, 19), Text(r, 20), Text(r, 21)));
    }

    /// <summary>The sentences, mentions, entities and attributions kept as one value each on the document's row.</summary>
    private void DecodeRows(Document doc, RowValues rows, DocumentId id)
    {
        if (rows.Sentences is not null)
        {
            SentenceRows.Unpack(rows.Sentences, doc.Sentences);
        }

        ReadMentions(rows.Mentions, rows.MentionCount, doc.Mentions, id);

        if (rows.Entities is not null)
        {
            EntityRows.Unpack(rows.Entities, Kind, doc.Entities);
        }

        if (rows.Attributions is not null)
        {
            AttributionRows.Unpack(rows.Attributions, doc.Attributions);
        }
    }

    private void ReadSightings(Document doc, long seq, DocumentId id)
    {
        using var r = Execute(sightings, seq, id);
        while (Step(r, id))
        {
            try
            {
                doc.Sightings.Add(new Sighting(Empty(r, 0), Empty(r, 1), Empty(r, 2),
                    Empty(r, 3) is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    DateTime.ParseExact(r.GetString(4), "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)));
            }
            catch (Exception ex) when (Undecodable(ex))
            {
                throw Corrupt(id, ex.Message, ex);
            }
        }

        static string? Empty(SqliteDataReader r, int i) => r.IsDBNull(i) || r.GetString(i).Length == 0 ? null : r.GetString(i);
    }

    /// <summary>
    /// The mentions in <paramref name="bytes"/> (none when null), which must be <paramref name="count"/>
    /// (documents.mention_count): a value cut at a mention's end reads as fewer mentions with no other sign, and the
    /// entities' mention indexes would then point past the list.
    /// </summary>
    private void ReadMentions(byte[]? bytes, int count, List<Mention> into, DocumentId id)
    {
        var start = into.Count;
        if (bytes is not null)
        {
            into.AddRange(MentionRows.Unpack(bytes, Kind));
        }

        if (into.Count - start != count)
        {
            throw Corrupt(id, $"{into.Count - start} mentions stored where mention_count says {count}");
        }
    }

    private void ReadEvents(Document doc, long seq, DocumentId id)
    {
        using var r = Execute(events, seq, id);
        while (Step(r, id))
        {
            try
            {
                doc.Events.Add(DecodeEvent(r));
            }
            catch (Exception ex) when (Undecodable(ex))
            {
                throw Corrupt(id, ex.Message, ex);
            }
        }
    }

    private static EventRecord DecodeEvent(SqliteDataReader r)
    {
        var type = PloverTypes.Parse(r.GetString(0));
        var e = new EventRecord
        {
            Event = type.Success ? type.Value : throw new InvalidDataException(type.Error),
            Mode = Text(r, 1), Context = Text(r, 2), Cameo = r.IsDBNull(3) ? null : CameoCode.From(r.GetString(3)), Score = r.IsDBNull(4) ? null : r.GetDouble(4),
            Actor = Json(r, 5, StoreJson.Default.ActorRef) ?? throw new InvalidDataException("event without an actor"),
            Recipient = Json(r, 6, StoreJson.Default.ActorRef),
            Date = r.IsDBNull(8) ? null : new EventDate(Text(r, 7) ?? string.Empty, r.GetString(8), Text(r, 9) ?? "none",
                r.IsDBNull(10) ? null : new TextSpan(r.GetInt32(10), r.GetInt32(11))),
            Location = Json(r, 12, StoreJson.Default.EventLocation),
            Attribution = r.IsDBNull(13) ? null : r.GetInt32(13),
            Modality = new Modality { Negated = r.GetBoolean(14), Denied = r.GetBoolean(15), Hedged = r.GetBoolean(16), Future = r.GetBoolean(17), Conditional = r.GetBoolean(18) },
            Confidence = r.GetDouble(19),
            Evidence = new TextSpan(r.GetInt32(20), r.GetInt32(21)),
            Trigger = r.IsDBNull(22) ? null : new TextSpan(r.GetInt32(22), r.GetInt32(23)),
            Issues = Json(r, 25, StoreJson.Default.IReadOnlyListIssueCount) ?? [],
        };
        foreach (var (field, rule) in Json(r, 24, StoreJson.Default.DictionaryStringString) ?? [])
        {
            e.Explanation[field] = rule;
        }

        return e;
    }

    /// <summary>Runs <paramref name="command"/> for <paramref name="key"/>; a damaged page met on the way is a TAC504 for the document.</summary>
    private SqliteDataReader Execute(SqliteCommand command, object key, DocumentId id)
    {
        command.Parameters[0].Value = key;
        try
        {
            return command.ExecuteReader();
        }
        catch (SqliteException ex) when (Damaged(ex))
        {
            throw Corrupt(id, ex.Message, ex);
        }
    }

    /// <summary>The next row of <paramref name="r"/>; a damaged page met on the way is a TAC504 for the document.</summary>
    private bool Step(SqliteDataReader r, DocumentId id)
    {
        try
        {
            return r.Read();
        }
        catch (SqliteException ex) when (Damaged(ex))
        {
            throw Corrupt(id, ex.Message, ex);
        }
    }

    private static SqliteCommand Query(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", string.Empty);
        return command;
    }

    /// <summary>The provenance in four columns from <paramref name="first"/> (pipeline, knowledge, patterns, dictionaries); null when unknown.</summary>
    internal static AnalysisProvenance? Provenance(SqliteDataReader r, int first) =>
        r.IsDBNull(first) ? null : new AnalysisProvenance(r.GetString(first), Text(r, first + 1) ?? "-", Text(r, first + 2) ?? "-", Text(r, first + 3) ?? "-");

    internal static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    internal static T? Json<T>(SqliteDataReader r, int i, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        r.IsDBNull(i) ? default : JsonSerializer.Deserialize(r.GetString(i), info);

    /// <summary>The warnings as stored; a null among them (JSON <c>null</c> where a warning should be) is a damaged value.</summary>
    private static List<TacitusError> Whole(List<TacitusError>? warnings) =>
        warnings is null ? [] : warnings.Contains(null!) ? throw new InvalidDataException("warnings: a null where a warning should be") : warnings;

    private static MentionKind Kind(string value) =>
        Enum.TryParse<MentionKind>(value, ignoreCase: true, out var kind) ? kind : throw new InvalidDataException($"unknown mention kind '{value}'");

    private StoreException Corrupt(DocumentId id, string message, Exception? inner = null) =>
        new(new TacitusError("TAC504", "store", $"unreadable row of document {id.Value}: {message}", path, $"document {id.Value}"), inner);

    public void Dispose()
    {
        document.Dispose();
        events.Dispose();
        sightings.Dispose();
    }
}
