using Microsoft.Data.Sqlite;

namespace Tacitus.Store;

/// <summary>An INSERT prepared once on a connection and reused for every row: only the parameter values change.</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;
    private bool prepared;

    public PreparedInsert(SqliteConnection connection, string table, string columns, bool orIgnore = false, string? returning = null)
    {
        var names = columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        command = connection.CreateCommand();
        command.CommandText = $"INSERT {(orIgnore ? "OR IGNORE " : string.Empty)}INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})" +
            (returning is null ? string.Empty : " RETURNING " + returning);
        parameters = new SqliteParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parameters[i] = command.Parameters.AddWithValue("$p" + i, DBNull.Value);
        }
    }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    /// <summary>Inserts one row; values in column order (null for NULL). Returns the number of rows inserted.</summary>
    public int Run(params object?[] values)
    {
        Bind(values);
        return command.ExecuteNonQuery();
    }

    /// <summary>Inserts one row and returns the RETURNING column, or null when no row was inserted (OR IGNORE).</summary>
    public object? Returning(params object?[] values)
    {
        Bind(values);
        return command.ExecuteScalar();
    }

    private void Bind(object?[] values)
    {
        if (values.Length != parameters.Length)
        {
            throw new ArgumentException($"expected {parameters.Length} values, got {values.Length}", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = DbValue(values[i]);
        }

        if (!prepared)
        {
            command.Prepare();
            prepared = true;
        }
    }

    /// <summary>A value as SQLite stores it: NULL for null, 0/1 for booleans.</summary>
    public static object DbValue(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        var v => v,
    };

    public void Dispose() => command.Dispose();
}
