using Microsoft.Data.Sqlite;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public sealed class DocumentRowWriterTests : IDisposable
{
    private readonly string db = StoreFixtures.TempDb();

    public void Dispose() => StoreFixtures.DeleteDb(db);

    [Fact]
    public void FlushIndex_TwoDocumentsWrittenInATransaction_WritesTheirOneSegmentBeforeCommitAndBothAreFound()
    {
        using (DocumentStore.Open(db))
        {
            // creates the store's schema
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var writer = new DocumentRowWriter(connection);
        using (var transaction = connection.BeginTransaction())
        {
            writer.Enlist(transaction);
            writer.Write(StoreFixtures.Plain("Fishermen protested at the lighthouse.", "Harbour protest", origin: "a.txt"), DateTime.UtcNow);
            writer.Write(StoreFixtures.Plain("The ferry sailed late after the storm.", "Ferry delayed", origin: "b.txt"), DateTime.UtcNow);
            var pending = StoreFixtures.FullTextSegments(connection, transaction); // FTS5 holds the terms in memory until it flushes

            writer.FlushIndex();

            Assert.Equal((0L, 1L), (pending, StoreFixtures.FullTextSegments(connection, transaction)));
            transaction.Commit();
        }

        Assert.Equal(1L, StoreFixtures.FullTextSegments(connection));
        Assert.Equal(1L, Count(connection, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'lighthouse'"));
        Assert.Equal(1L, Count(connection, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'ferry'"));
        using var check = connection.CreateCommand();
        check.CommandText = "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"; // fails when the index and the documents differ
        check.ExecuteNonQuery();
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
