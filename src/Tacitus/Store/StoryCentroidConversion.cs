using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Fusion;

namespace Tacitus.Store;

/// <summary>
/// Migration 14's conversion: every story's JSON centroid (<c>[[term, weight, last day or null], …]</c> in term order,
/// migration 10) is written as a <see cref="CentroidBlob"/> in the same order with the same values, and the BLOB column
/// takes the old column's name. A centroid that is not such JSON fails the step (the store stays at version 13).
/// </summary>
internal static class StoryCentroidConversion
{
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        var blob = new CentroidBlob();
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT id, centroid FROM stories WHERE centroid IS NOT NULL";
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "UPDATE stories SET centroid_blob = $blob WHERE id = $id";
        var id = write.Parameters.Add("$id", SqliteType.Integer);
        var value = write.Parameters.Add("$blob", SqliteType.Blob);
        var converted = new List<(long Id, byte[] Blob)>();
        using (var r = read.ExecuteReader())
        {
            while (r.Read())
            {
                converted.Add((r.GetInt64(0), ToBlob(blob, r.GetString(1), r.GetInt64(0), connection.DataSource)));
            }
        }

        foreach (var (story, bytes) in converted)
        {
            id.Value = story;
            value.Value = bytes;
            write.ExecuteNonQuery();
        }

        write.Parameters.Clear();
        write.CommandText = "ALTER TABLE stories DROP COLUMN centroid; ALTER TABLE stories RENAME COLUMN centroid_blob TO centroid;";
        write.ExecuteNonQuery();
    }

    private static byte[] ToBlob(CentroidBlob blob, string json, long story, string path)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json);
            var terms = parsed.RootElement;
            blob.Begin(terms.GetArrayLength());
            foreach (var t in terms.EnumerateArray())
            {
                var day = t[2];
                blob.Add(t[0].GetString()!, t[1].GetDouble(), day.ValueKind == JsonValueKind.Null ? null : day.GetInt32());
            }

            return blob.Written.ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            throw new StoreException(new Documents.TacitusError("TAC504", "store", $"unreadable story centroid: {ex.Message}", path, $"story {story}"), ex);
        }
    }
}
