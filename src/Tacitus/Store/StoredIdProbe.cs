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
        query.CommandText = "SELECT pipeline, knowledge, patterns, dictionaries FROM documents WHERE id = $id";
        query.Parameters.AddWithValue("$id", string.Empty);
    }

    public bool Contains(DocumentId id) => Find(id).Stored;

    /// <summary>Whether the document is stored, and what produced its records (null when unknown).</summary>
    public (bool Stored, AnalysisProvenance? Provenance) Find(DocumentId id)
    {
        lock (gate)
        {
            query.Parameters[0].Value = id.Value;
            using var r = query.ExecuteReader();
            if (!r.Read())
            {
                return (false, null);
            }

            return (true, DocumentRowReader.Provenance(r, 0));
        }
    }

    public void Dispose()
    {
        query.Dispose();
        connection.Dispose();
    }
}
