using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Tacitus.Store;

/// <summary>
/// One SQL statement that writes (INSERT, UPDATE, DELETE, optionally with RETURNING), prepared once on the connection's
/// own SQLite handle and bound by position: the values of <c>$p0</c>, <c>$p1</c>, … are given in that order. It runs in
/// whatever transaction the connection has open, as every statement on the connection does.
/// <para>
/// Why not a <see cref="SqliteCommand"/>: a command looks every parameter up by name in SQLite at every execution
/// (a UTF-8 copy of the name and a native search each time) and builds a data reader to run a statement that returns
/// nothing; for the store's writer, which runs these statements dozens of times per document, that lookup was the
/// largest single cost (about a sixth of the writer's time, 2026-12-06 trace). Values are bound as
/// <see cref="SqliteCommand"/> binds them: null as NULL, booleans as 0/1, integers and enums as INTEGER, floating
/// point as REAL, strings as TEXT, byte arrays (and read-only memory of bytes) as BLOB; any other type is refused. Text already in UTF-8
/// (<see cref="Utf8Text"/>) is bound as TEXT from its bytes.
/// </para>
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly string sql;
    private sqlite3_stmt? statement;
    private int[] positions = [];
    private byte[] utf8 = new byte[4096];

    public NativeStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        this.connection = connection;
        this.sql = sql;
    }

    /// <summary>Runs the statement with these values; returns the number of rows it changed.</summary>
    public int Run(params ReadOnlySpan<object?> values)
    {
        var (db, stmt) = Execute(values);
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
            }

            Check(rc, db);
            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(stmt);
        }
    }

    /// <summary>Runs the statement (one with RETURNING an integer) and returns the first row's first column, or null when it returned no row.</summary>
    public long? ReturningInt64(params ReadOnlySpan<object?> values)
    {
        var (db, stmt) = Execute(values);
        try
        {
            long? first = null;
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
                first ??= raw.sqlite3_column_type(stmt, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(stmt, 0);
            }

            Check(rc, db);
            return first;
        }
        finally
        {
            raw.sqlite3_reset(stmt);
        }
    }

    public void Dispose()
    {
        statement?.Dispose();
        statement = null;
    }

    private (sqlite3 Db, sqlite3_stmt Stmt) Execute(ReadOnlySpan<object?> values)
    {
        var at = Prepared();
        if (values.Length != at.Length)
        {
            throw new ArgumentException($"expected {at.Length} values, got {values.Length}: {sql}", nameof(values));
        }

        var stmt = statement!;
        for (var i = 0; i < values.Length; i++)
        {
            if (at[i] > 0)
            {
                Bind(stmt, at[i], values[i]);
            }
        }

        return (connection.Handle!, stmt);
    }

    private int[] Prepared()
    {
        if (statement is not null)
        {
            return positions;
        }

        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var stmt, out var tail);
        Check(rc, db);
        if (!string.IsNullOrWhiteSpace(tail))
        {
            stmt.Dispose();
            throw new ArgumentException($"one statement expected, more given: {sql}", nameof(sql));
        }

        var count = raw.sqlite3_bind_parameter_count(stmt);
        var found = new List<int>();
        for (var n = 0; n < count + 1; n++)
        {
            // $p0 .. $pN in order; a number the text skips gets position 0 (its value is not bound).
            found.Add(raw.sqlite3_bind_parameter_index(stmt, "$p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        while (found.Count > 0 && found[^1] == 0)
        {
            found.RemoveAt(found.Count - 1);
        }

        positions = [.. found];
        statement = stmt;
        return positions;
    }

    private void Bind(sqlite3_stmt stmt, int at, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(stmt, at),
            string s => raw.sqlite3_bind_text(stmt, at, Utf8(s)),
            Utf8Text u => raw.sqlite3_bind_text(stmt, at, u.Bytes.Span),
            long l => raw.sqlite3_bind_int64(stmt, at, l),
            int i => raw.sqlite3_bind_int64(stmt, at, i),
            bool b => raw.sqlite3_bind_int64(stmt, at, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(stmt, at, d),
            float f => raw.sqlite3_bind_double(stmt, at, f),
            short h => raw.sqlite3_bind_int64(stmt, at, h),
            byte y => raw.sqlite3_bind_int64(stmt, at, y),
            byte[] blob => raw.sqlite3_bind_blob(stmt, at, blob),
            ReadOnlyMemory<byte> blob => raw.sqlite3_bind_blob(stmt, at, blob.Span),
            Enum e => raw.sqlite3_bind_int64(stmt, at, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"cannot bind a value of type {value.GetType().Name} to an SQLite parameter", nameof(value)),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: binding parameter {at} failed", rc, rc);
        }
    }

    /// <summary>
    /// The string in UTF-8, in a buffer reused for every value (SQLite copies what is bound), ending before a NUL as the
    /// text <see cref="SqliteCommand"/> binds does (it passes a NUL-terminated copy).
    /// </summary>
    private ReadOnlySpan<byte> Utf8(string s)
    {
        var most = System.Text.Encoding.UTF8.GetMaxByteCount(s.Length);
        if (utf8.Length < most)
        {
            utf8 = new byte[Math.Max(most, utf8.Length * 2)];
        }

        var bytes = utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(s, utf8));
        var nul = bytes.IndexOf((byte)0);
        return nul < 0 ? bytes : bytes[..nul];
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
