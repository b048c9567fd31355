using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tacitus.Documents;
using Tacitus.Store;

namespace Tacitus.Tests.Cli;

/// <summary>Kills a real ingest (or re-analysis) with SIGKILL half-way and checks the store is whole, then that a re-run finishes the job.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    // enough that the kill lands mid-run (after three batches), few enough that the re-run, which analyses every
    // remaining article with the token layer (tagger and parser), ends within CliProcess.Run's three minutes
    private const int Articles = 2000;
    private const int Batch = 16;
    private readonly string dir = Directory.CreateTempSubdirectory("tacitus-crash-").FullName;
    private readonly string db;

    public CrashSafetyTests() => db = Path.Combine(dir, "store.db");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Ingest_KilledMidRun_StoreIsConsistentAndRerunCompletesWithoutDuplicates()
    {
        var files = GenerateArticles();
        string[] args = ["ingest", .. files, "--db", db, "--batch", Batch.ToString(System.Globalization.CultureInfo.InvariantCulture), "--workers", "2"];

        KillWhen(args, () => StoredCount() >= Batch * 3, "the ingest");

        var killedAt = StoredCount();
        Assert.InRange(killedAt, Batch * 3, Articles - 1);
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents WHERE sentence_count <> coalesce(json_array_length(sentence_rows), 0)"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM events WHERE document NOT IN (SELECT seq FROM documents)"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents WHERE sentence_count = 0"));
        Assert.Equal(0L, killedAt % Batch); // batches are all or nothing
        Assert.Equal(killedAt, Scalar("SELECT count(*) FROM documents_fts"));
        AssertStoriesHoldEveryDocumentOnce(killedAt); // story clustering writes its state with the batch, or not at all

        var (exit, stdout, _) = CliProcess.Run([.. args, "--quiet"]);

        Assert.Equal(0, exit);
        Assert.Contains($"read {Articles}, stored {Articles - killedAt} new, {killedAt} already stored, 0 failed", stdout, StringComparison.Ordinal);
        Assert.Equal((long)Articles, Scalar("SELECT count(*) FROM documents"));
        Assert.Equal((long)Articles, Scalar("SELECT count(DISTINCT origin) FROM documents"));
        AssertStoriesHoldEveryDocumentOnce(Articles);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents WHERE sentence_count <> coalesce(json_array_length(sentence_rows), 0)"));
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
    }

    private void AssertStoriesHoldEveryDocumentOnce(long documents)
    {
        Assert.Equal(documents, Scalar("SELECT value FROM fusion_state WHERE name = 'documents'"));
        Assert.Equal(documents, Scalar("SELECT count(*) FROM story_documents"));
        Assert.Equal(documents, Scalar("SELECT coalesce(sum(documents), 0) FROM stories"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM story_documents WHERE story NOT IN (SELECT id FROM stories)"));
        // each term's document frequency (written or still carried by the contributions) counts each placed document once
        Assert.Equal(Tacitus.Tests.Fusion.StoredFrequencies.Counted(db), Tacitus.Tests.Fusion.StoredFrequencies.Of(db));
    }

    [Fact]
    public void Reanalyse_KilledMidRun_StoreIsConsistentAndRerunCompletesIt()
    {
        const int Count = 800;
        var files = GenerateArticles(Count);
        var (ingested, _, _) = CliProcess.Run(["ingest", .. files, "--db", db, "--text-only", "--quiet"]);
        Assert.Equal(0, ingested);
        string[] args = ["reanalyse", "--db", db, "--batch", Batch.ToString(System.Globalization.CultureInfo.InvariantCulture), "--workers", "2"];

        KillWhen(args, () => FullyAnalysed() >= Batch * 3, "the re-analysis");

        var killedAt = FullyAnalysed();
        Assert.InRange(killedAt, Batch * 3, Count - 1);
        Assert.Equal(0L, killedAt % Batch); // batches are all or nothing
        AssertConsistent(Count);

        var (exit, stdout, _) = CliProcess.Run([.. args, "--quiet"]);

        Assert.Equal(0, exit);
        Assert.Contains($"re-analysed {Count - killedAt} of {Count - killedAt} stale documents, 0 failed", stdout, StringComparison.Ordinal);
        Assert.Equal((long)Count, FullyAnalysed());
        AssertConsistent(Count);
        Assert.True((long)Scalar("SELECT count(*) FROM documents WHERE length(mention_rows) > 0")! > 0, "the full pipeline found no mentions at all");

        var (again, nothing, _) = CliProcess.Run([.. args, "--quiet"]);
        Assert.Equal(0, again);
        Assert.Contains("0 stale documents to re-analyse", nothing, StringComparison.Ordinal);
    }

    /// <summary>Starts the CLI and kills it with SIGKILL as soon as <paramref name="ready"/> holds (it must still be running then).</summary>
    private static void KillWhen(string[] args, Func<bool> ready, string what)
    {
        using var process = CliProcess.Start(args);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!ready() && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(5);
        }

        Assert.False(process.HasExited, $"{what} finished before it could be killed; the test needs more articles");
        process.Kill(); // SIGKILL: no chance to clean up
        process.WaitForExit();
    }

    private void AssertConsistent(int count)
    {
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        Assert.Equal((long)count, Scalar("SELECT count(*) FROM documents"));
        Assert.Equal((long)count, Scalar("SELECT count(*) FROM sightings"));
        Assert.Equal((long)count, Scalar("SELECT count(*) FROM documents_fts"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents d WHERE d.event_count <> (SELECT count(*) FROM events x WHERE x.document = d.seq)"));

        // the sentences, mentions and attributions are one value each per document, written with its counts
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents WHERE sentence_count <> coalesce(json_array_length(sentence_rows), 0)"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents WHERE attribution_count <> coalesce(json_array_length(attribution_rows), 0)"));
        Assert.Equal(0, MentionCountsUnlikeRows());
    }

    /// <summary>The documents whose mention count is not the number of mentions in their binary mention value.</summary>
    private int MentionCountsUnlikeRows()
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT mention_count, mention_rows FROM documents";
        using var r = command.ExecuteReader();
        var unlike = 0;
        while (r.Read())
        {
            var stored = r.IsDBNull(1) ? 0 : MentionRows.Unpack((byte[])r.GetValue(1), _ => MentionKind.Person).Count;
            unlike += r.GetInt64(0) == stored ? 0 : 1;
        }

        return unlike;
    }

    private long FullyAnalysed()
    {
        try
        {
            return (long)Scalar("SELECT count(*) FROM documents WHERE pipeline LIKE '%/full'")!;
        }
        catch (SqliteException)
        {
            return 0; // locked for a moment, or not there yet
        }
    }

    private string[] GenerateArticles(int count = Articles)
    {
        var random = new Random(17);
        string[] subjects = ["The council", "Dock workers", "A regional court", "The ministry", "Local farmers", "Two parties"];
        string[] verbs = ["met", "protested", "agreed", "argued", "voted", "negotiated"];
        var articles = Path.Combine(dir, "articles");
        Directory.CreateDirectory(articles);
        var files = new string[count];
        for (var i = 0; i < count; i++)
        {
            var text = $"Bulletin {i}\n\n" + string.Join(' ', Enumerable.Range(0, 12).Select(j =>
                $"{subjects[random.Next(subjects.Length)]} {verbs[random.Next(verbs.Length)]} on day {random.Next(1, 28)} of item {i}-{j}."));
            files[i] = Path.Combine(articles, $"{i:D5}.txt");
            File.WriteAllText(files[i], text);
        }

        return files;
    }

    private long StoredCount()
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            return (long)Scalar("SELECT count(*) FROM documents")!;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
