using Microsoft.Data.Sqlite;
using Tacitus.Fusion;

namespace Tacitus.Tests.Fusion;

/// <summary>
/// The document frequencies a store holds for story clustering, as reading its state gives them: each
/// <c>fusion_term_counts</c> row's count (the documents up to <c>fusion_state.terms_through</c>) plus the later placed
/// documents' contributions, counted here independently of <see cref="StoryClusterer"/>.
/// </summary>
internal static class StoredFrequencies
{
    /// <summary>"term|df|display" for every term, in ordinal order.</summary>
    public static List<string> Of(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return Of(connection);
    }

    /// <inheritdoc cref="Of(string)"/>
    public static List<string> Of(SqliteConnection connection)
    {
        var rows = new SortedDictionary<string, (long Df, string Display)>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT term, df, display FROM fusion_term_counts";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                rows[r.GetString(0)] = (r.GetInt64(1), r.GetString(2));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT contribution FROM story_documents
                WHERE document > (SELECT value FROM fusion_state WHERE name = 'terms_through') ORDER BY document
                """;
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                CentroidBlob.Read(r.GetFieldValue<byte[]>(0), rows, static (all, term, _, _) =>
                {
                    var (df, display) = all[term]; // a placed document's term always has its row
                    all[term] = (df + 1, display);
                });
            }
        }

        return rows.Select(p => $"{p.Key}|{p.Value.Df}|{p.Value.Display}").ToList();
    }

    /// <summary>"term|documents|display" for every term: how many placed documents' contributions have it (every document placed since the store began must have one).</summary>
    public static List<string> Counted(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var rows = new SortedDictionary<string, (long Df, string Display)>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT term, display FROM fusion_term_counts";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                rows[r.GetString(0)] = (0, r.GetString(1));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT contribution FROM story_documents";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                CentroidBlob.Read(r.GetFieldValue<byte[]>(0), rows, static (all, term, _, _) => all[term] = (all[term].Df + 1, all[term].Display));
            }
        }

        return rows.Select(p => $"{p.Key}|{p.Value.Df}|{p.Value.Display}").ToList();
    }
}
