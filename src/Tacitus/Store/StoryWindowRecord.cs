using System.Globalization;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Fusion;

namespace Tacitus.Store;

/// <summary>
/// The story window (<see cref="StoryOptions.CloseAfterDocuments"/>) a store was fused with, kept in <c>fusion_state</c>
/// as <c>story_window</c>. Stories and fused events depend on it, so every later run must fuse with the same one: a run
/// that names none gets the recorded one, and a run that names another is refused while the store has fused documents,
/// unless it re-fuses every document (<c>reanalyse --all</c>), which then records its own. A store fused before the
/// window was recorded was fused with the default window (<see cref="StoryOptions.Default"/>, 2,000 since the window
/// exists): it is taken as fused with it, and records it when next it fuses.
/// </summary>
internal static class StoryWindowRecord
{
    private const string Name = "story_window";

    /// <summary>
    /// The options to fuse with: <paramref name="options"/> with the window settled against the store's record, and the
    /// record as read (null: none). Nothing is written here: every transaction that fuses checks and writes the record
    /// (<see cref="Keep"/>), so a command that only reads, or a run stopped before it fused anything, leaves it as it was.
    /// </summary>
    /// <param name="requested">The window the user gave (null: none given; the recorded one, else <paramref name="options"/>'s).</param>
    /// <param name="fusesAllAgain">The run re-fuses every stored document, so it may change the window.</param>
    /// <exception cref="StoreException">TAC506 when <paramref name="requested"/> differs from the recorded window of a store with fused documents.</exception>
    public static (StoryOptions Options, long? Recorded) Choose(SqliteConnection connection, string path, StoryOptions options, long? requested, bool fusesAllAgain)
    {
        var recorded = Read(connection, Name);
        var fused = Read(connection, "documents") is > 0;

        // a store fused before the window was recorded was fused with the default one: not with whatever this run brings
        var fusedWith = recorded ?? (fused ? StoryOptions.Default.CloseAfterDocuments : null);
        if (requested is { } asked && fusedWith is { } was && asked != was && !fusesAllAgain && fused)
        {
            throw new StoreException(new TacitusError("TAC506", "store",
                (recorded is null
                    // nothing says which window a store from before the record was fused with: the default is an assumption, said as one
                    ? $"this store is from before the story window was recorded, so its stories and fused events are taken as fused with the default --story-window {was.ToString(CultureInfo.InvariantCulture)} " +
                      "(if it was fused with another, run 'tacitus reanalyse --all --story-window N' once with that one)"
                    : $"this store's stories and fused events were made with --story-window {was.ToString(CultureInfo.InvariantCulture)}") + "; " +
                $"give the same window (or none), or re-fuse every document with 'tacitus reanalyse --all --story-window {asked.ToString(CultureInfo.InvariantCulture)}'", path));
        }

        var window = requested ?? fusedWith ?? options.CloseAfterDocuments;
        return (window == options.CloseAfterDocuments ? options : options with { CloseAfterDocuments = window }, recorded);
    }

    /// <summary>
    /// Inside <paramref name="transaction"/>, which fuses with <paramref name="window"/>: records it when the record
    /// still says what it said when the store was opened (<paramref name="atOpen"/>); when another process has changed
    /// it since (a re-fusion with another window), refuses with TAC506 so the transaction rolls back and nothing is fused
    /// under a record that says otherwise.
    /// </summary>
    /// <exception cref="StoreException">TAC506 when another process changed the record while this one had the store open.</exception>
    public static void Keep(SqliteConnection connection, SqliteTransaction transaction, string path, long window, long? atOpen)
    {
        var now = Read(connection, Name, transaction);
        if (now == window)
        {
            return;
        }

        if (now != atOpen)
        {
            throw new StoreException(new TacitusError("TAC506", "store",
                $"another tacitus changed this store's story window to {now?.ToString(CultureInfo.InvariantCulture) ?? "none"} while this run had it open with " +
                $"{window.ToString(CultureInfo.InvariantCulture)}; nothing of this batch was stored; run it again", path));
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO fusion_state (name, value) VALUES ('{Name}', $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$value", window);
        command.ExecuteNonQuery();
    }

    /// <summary>The recorded window, or null when none is (a store not yet opened for fusing by this version).</summary>
    public static long? Recorded(SqliteConnection connection) => Read(connection, Name);

    private static long? Read(SqliteConnection connection, string name, SqliteTransaction? transaction = null)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM fusion_state WHERE name = $name";
        read.Parameters.AddWithValue("$name", name);
        return read.ExecuteScalar() is long value ? value : null;
    }
}

/// <summary>A story window asked for when opening a store: <see cref="Documents"/> null for none (the recorded one); <see cref="FusesAllAgain"/> when the run re-fuses every document and so may change it.</summary>
internal readonly record struct StoryWindowChoice(long? Documents, bool FusesAllAgain = false);
