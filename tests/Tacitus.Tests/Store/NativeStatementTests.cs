using Microsoft.Data.Sqlite;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public class NativeStatementTests
{
    public static TheoryData<object?, string, string> Values => new()
    {
        { null, "null", "" },
        { DBNull.Value, "null", "" },
        { "Lagos", "text", "Lagos" },
        { "Kraków, São Paulo", "text", "Kraków, São Paulo" },
        { "before\0after", "text", "before" },
        { "", "text", "" },
        { new string('x', 10_000), "text", new string('x', 10_000) },
        { 42L, "integer", "42" },
        { 7, "integer", "7" },
        { true, "integer", "1" },
        { false, "integer", "0" },
        { 0.5, "real", "0.5" },
        { (short)3, "integer", "3" },
        { DayOfWeek.Tuesday, "integer", "2" },
        { new byte[] { 1, 2, 3 }, "blob", "010203" },
        { new Utf8Text("[\"Kraków\",1]"u8.ToArray()), "text", "[\"Kraków\",1]" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Run_Value_StoredAsSqliteCommandWouldStoreIt(object? value, string type, string stored)
    {
        using var connection = Open("CREATE TABLE t (v)");
        using var insert = new NativeStatement(connection, "INSERT INTO t (v) VALUES ($p0)");

        Assert.Equal(1, insert.Run(value));

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(v), CASE typeof(v) WHEN 'blob' THEN hex(v) ELSE coalesce(v, '') END FROM t";
        using var r = read.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal((type, stored), (r.GetString(0), Convert.ToString(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Run_ReusedWithNewValues_WritesEachRowAndCountsChanges()
    {
        using var connection = Open("CREATE TABLE t (a, b)");
        using var insert = new NativeStatement(connection, "INSERT INTO t (b, a) VALUES ($p1, $p0)");
        insert.Run(1L, "one");
        insert.Run(2L, null);
        using var update = new NativeStatement(connection, "UPDATE t SET b = $p0");

        Assert.Equal(2, update.Run("both"));
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM t WHERE b = 'both' AND a IN (1, 2)"));
    }

    [Fact]
    public void ReturningInt64_IgnoredInsert_IsNull()
    {
        using var connection = Open("CREATE TABLE t (seq INTEGER PRIMARY KEY, k TEXT UNIQUE)");
        using var insert = new NativeStatement(connection, "INSERT OR IGNORE INTO t (k) VALUES ($p0) RETURNING seq");

        Assert.Equal(1L, insert.ReturningInt64("a"));
        Assert.Equal(2L, insert.ReturningInt64("b"));
        Assert.Null(insert.ReturningInt64("a"));
    }

    [Fact]
    public void Run_ConstraintBroken_ThrowsSqliteExceptionAndStaysUsable()
    {
        using var connection = Open("CREATE TABLE t (k TEXT NOT NULL UNIQUE)");
        using var insert = new NativeStatement(connection, "INSERT INTO t (k) VALUES ($p0)");
        insert.Run("a");

        var error = Assert.Throws<SqliteException>(() => insert.Run("a"));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(1, insert.Run("b"));
    }

    [Theory]
    [InlineData("INSERT INTO t (v) VALUES ($p0); DELETE FROM t")]
    [InlineData("INSERT INTO t (v) VALUES ($p0, $p1)")]
    public void Run_BadStatement_Throws(string sql)
    {
        using var connection = Open("CREATE TABLE t (v)");
        using var statement = new NativeStatement(connection, sql);

        Assert.ThrowsAny<Exception>(() => statement.Run(1L, 2L));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void Run_WrongNumberOfValues_Throws()
    {
        using var connection = Open("CREATE TABLE t (v)");
        using var insert = new NativeStatement(connection, "INSERT INTO t (v) VALUES ($p0)");

        Assert.Throws<ArgumentException>(() => insert.Run(1L, 2L));
    }

    [Fact]
    public void Run_ValueOfUnknownType_Throws()
    {
        using var connection = Open("CREATE TABLE t (v)");
        using var insert = new NativeStatement(connection, "INSERT INTO t (v) VALUES ($p0)");

        Assert.Throws<ArgumentException>(() => insert.Run(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Run_InsideTransactionRolledBack_LeavesNothing()
    {
        using var connection = Open("CREATE TABLE t (v)");
        using var insert = new NativeStatement(connection, "INSERT INTO t (v) VALUES ($p0)");
        using (var transaction = connection.BeginTransaction())
        {
            insert.Run(1L);
            transaction.Rollback();
        }

        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM t"));
    }

    private static SqliteConnection Open(string schema)
    {
        var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = schema;
        create.ExecuteNonQuery();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
