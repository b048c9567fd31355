using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Tacitus.Fusion;

/// <summary>
/// The fusion step's SQL statements, each prepared once on the connection and reused: parameters are written
/// <c>$p0</c>, <c>$p1</c>, … in the text and given in that order. The caller's transaction is set on every statement.
/// </summary>
internal sealed partial class PreparedStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Store.NativeStatement> writes = new(StringComparer.Ordinal);
    private SqliteTransaction? transaction;

    public SqliteConnection Connection => connection;

    /// <summary>The transaction the statements run in (null: none).</summary>
    public SqliteTransaction? Transaction => transaction;

    public void Enlist(SqliteTransaction? value)
    {
        transaction = value;
        foreach (var command in commands.Values)
        {
            command.Transaction = value;
        }
    }

    public SqliteCommand Get(string sql, params object?[] values)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            var count = ParameterPattern().Matches(sql).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
            for (var i = 0; i < count; i++)
            {
                command.Parameters.AddWithValue("$p" + i, DBNull.Value);
            }

            command.Transaction = transaction;
            commands[sql] = command;
        }

        if (values.Length != command.Parameters.Count)
        {
            throw new ArgumentException($"expected {command.Parameters.Count} values, got {values.Length}: {sql}", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                bool b => b ? 1L : 0L,
                var v => v,
            };
        }

        return command;
    }

    /// <summary>Runs a statement that writes (bound by position: <see cref="Store.NativeStatement"/>, in the connection's transaction); returns the rows it changed.</summary>
    public int Run(string sql, params object?[] values)
    {
        if (!writes.TryGetValue(sql, out var statement))
        {
            statement = new Store.NativeStatement(connection, sql);
            writes[sql] = statement;
        }

        return statement.Run(values);
    }

    public object? Scalar(string sql, params object?[] values) => Get(sql, values).ExecuteScalar() is var v && v is DBNull ? null : v;

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
        foreach (var statement in writes.Values)
        {
            statement.Dispose();
        }

        writes.Clear();
    }

    [GeneratedRegex(@"\$p(\d+)")]
    private static partial Regex ParameterPattern();
}
