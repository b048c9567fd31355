using Microsoft.Data.Sqlite;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// Answers "is this document stored already?" from any thread, on its own read connection (WAL lets it read while
/// the writer writes), so an ingest can skip analysing documents a previous run stored.
/// </summary>
internal sealed class StoredIdProbe : IDisposable
{
    private readonly Lock gate = new();
    private readonly SqliteConnection connection;
    private readonly SqliteCommand query;

    public StoredIdProbe(string path)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        query = connection.CreateCommand();
        query.CommandText = "SELECT pipeline, knowledge, patterns, dictionaries, EXISTS (SELECT 1 FROM fusion_skipped WHERE document = seq) FROM documents WHERE id = $id";
        query.Parameters.AddWithValue("$id", string.Empty);
    }

    public bool Contains(DocumentId id) => Find(id).Stored;

    /// <summary>
    /// Whether the document is stored, what produced its records (null when unknown), and whether fusion left it out
    /// because its stored values do not decode (then an ingest of the same text analyses it again and replaces them).
    /// </summary>
    public (bool Stored, AnalysisProvenance? Provenance, bool LeftOut) Find(DocumentId id)
    {
        lock (gate)
        {
            query.Parameters[0].Value = id.Value;
            using var r = query.ExecuteReader();
            if (!r.Read())
            {
                return (false, null, false);
            }

            return (true, DocumentRowReader.Provenance(r, 0), r.GetInt64(4) != 0);
        }
    }

    public void Dispose()
    {
        query.Dispose();
        connection.Dispose();
    }
}
