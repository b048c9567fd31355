using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;

namespace Tacitus.Store;

/// <summary>
/// Migration 18's conversion: every document's mentions, stored as one JSON array since migration 11, are written in
/// <see cref="MentionRows"/>' binary form with the same values in the same order, and the BLOB column takes the old
/// column's name. A value that is not such JSON fails the step (the store stays at version 17).
/// </summary>
internal static class MentionRowsConversion
{
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        var rows = new MentionRows();
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT seq, mention_rows FROM documents WHERE seq > $after AND mention_rows IS NOT NULL ORDER BY seq LIMIT 256";
        var after = read.Parameters.Add("$after", SqliteType.Integer);
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "UPDATE documents SET mention_blob = $blob WHERE seq = $seq";
        var seq = write.Parameters.Add("$seq", SqliteType.Integer);
        var value = write.Parameters.Add("$blob", SqliteType.Blob);
        var page = new List<(long Seq, string Json)>();
        after.Value = long.MinValue;
        do
        {
            // a page at a time, read whole before writing (a table is not written while a statement reads it), so a
            // store of many thousands of documents is never held in memory
            page.Clear();
            using (var r = read.ExecuteReader())
            {
                while (r.Read())
                {
                    page.Add((r.GetInt64(0), r.GetString(1)));
                }
            }

            foreach (var (document, json) in page)
            {
                seq.Value = document;
                value.Value = rows.Pack(Mentions(json, document, connection.DataSource)) is { } packed ? packed.ToArray() : DBNull.Value;
                write.ExecuteNonQuery();
                after.Value = document;
            }
        }
        while (page.Count > 0);

        write.Parameters.Clear();
        write.CommandText = "ALTER TABLE documents DROP COLUMN mention_rows; ALTER TABLE documents RENAME COLUMN mention_blob TO mention_rows;";
        write.ExecuteNonQuery();
    }

    private static List<Mention> Mentions(string json, long document, string path)
    {
        try
        {
            return MentionRows.UnpackJson(json, Kind);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException or ArgumentException)
        {
            throw new StoreException(new TacitusError("TAC504", "store", $"unreadable mentions: {ex.Message}", path, $"document {document}"), ex);
        }
    }

    private static MentionKind Kind(string value) =>
        Enum.TryParse<MentionKind>(value, ignoreCase: true, out var kind) ? kind : throw new FormatException($"unknown mention kind '{value}'");
}
