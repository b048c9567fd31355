using Microsoft.Data.Sqlite;

namespace Tacitus.Store;

/// <summary>An INSERT prepared once on a connection and reused for every row: only the parameter values change (bound by position, <see cref="NativeStatement"/>).</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly NativeStatement statement;

    public PreparedInsert(SqliteConnection connection, string table, string columns, bool orIgnore = false, string? returning = null)
    {
        var names = columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        statement = new NativeStatement(connection,
            $"INSERT {(orIgnore ? "OR IGNORE " : string.Empty)}INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})" +
            (returning is null ? string.Empty : " RETURNING " + returning));
    }

    /// <summary>Inserts one row; values in column order (null for NULL). Returns the number of rows inserted.</summary>
    public int Run(params ReadOnlySpan<object?> values) => statement.Run(values);

    /// <summary>Inserts one row and returns the RETURNING column (an integer), or null when no row was inserted (OR IGNORE).</summary>
    public long? Returning(params ReadOnlySpan<object?> values) => statement.ReturningInt64(values);

    public void Dispose() => statement.Dispose();
}
