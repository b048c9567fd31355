using Microsoft.Data.Sqlite;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>Brings a store's schema up to date: each missing migration in its own transaction, then the new version.</summary>
internal static class StoreSchemaMigrator
{
    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the migrations after the store's version, up to <paramref name="target"/> (default: the latest).</summary>
    /// <returns>The migrations applied.</returns>
    public static IReadOnlyList<StoreMigration> Migrate(SqliteConnection connection, string path, int? target = null)
    {
        var version = CurrentVersion(connection);
        var latest = target ?? StoreMigrations.Latest;
        if (version > StoreMigrations.Latest)
        {
            throw new StoreException(new TacitusError("TAC502", "store",
                $"the store has schema version {version}, newer than this tacitus understands ({StoreMigrations.Latest}); upgrade tacitus", path));
        }

        var applied = new List<StoreMigration>();
        foreach (var migration in StoreMigrations.All)
        {
            if (migration.Version <= version || migration.Version > latest)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql;
                command.ExecuteNonQuery();
                migration.Convert?.Invoke(connection, transaction);
                command.CommandText = $"PRAGMA user_version = {migration.Version};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            applied.Add(migration);
        }

        return applied;
    }
}
