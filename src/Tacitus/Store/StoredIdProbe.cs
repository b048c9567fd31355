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
        query.CommandText = "SELECT 1 FROM documents WHERE id = $id";
        query.Parameters.AddWithValue("$id", string.Empty);
    }

    public bool Contains(DocumentId id)
    {
        lock (gate)
        {
            query.Parameters[0].Value = id.Value;
            return query.ExecuteScalar() is not null;
        }
    }

    public void Dispose()
    {
        query.Dispose();
        connection.Dispose();
    }
}
