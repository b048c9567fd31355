using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Tacitus.Tests.Cli;

/// <summary>Kills a real ingest with SIGKILL half-way and checks the store is whole, then that a re-run finishes the job.</summary>
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

        using (var process = CliProcess.Start(args))
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (StoredCount() < Batch * 3 && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(5);
            }

            Assert.False(process.HasExited, "the ingest finished before it could be killed; the test needs more articles");
            process.Kill(); // SIGKILL: no chance to clean up
            process.WaitForExit();
        }

        var killedAt = StoredCount();
        Assert.InRange(killedAt, Batch * 3, Articles - 1);
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents d WHERE d.sentence_count <> (SELECT count(*) FROM sentences s WHERE s.document = d.seq)"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM sentences WHERE document NOT IN (SELECT seq FROM documents)"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents WHERE sentence_count = 0"));
        Assert.Equal(0L, killedAt % Batch); // batches are all or nothing
        Assert.Equal(killedAt, Scalar("SELECT count(*) FROM documents_fts"));

        var (exit, stdout, _) = CliProcess.Run([.. args, "--quiet"]);

        Assert.Equal(0, exit);
        Assert.Contains($"read {Articles}, stored {Articles - killedAt} new, {killedAt} already stored, 0 failed", stdout, StringComparison.Ordinal);
        Assert.Equal((long)Articles, Scalar("SELECT count(*) FROM documents"));
        Assert.Equal((long)Articles, Scalar("SELECT count(DISTINCT origin) FROM documents"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM documents d WHERE d.sentence_count <> (SELECT count(*) FROM sentences s WHERE s.document = d.seq)"));
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
    }

    private string[] GenerateArticles()
    {
        var random = new Random(17);
        string[] subjects = ["The council", "Dock workers", "A regional court", "The ministry", "Local farmers", "Two parties"];
        string[] verbs = ["met", "protested", "agreed", "argued", "voted", "negotiated"];
        var articles = Path.Combine(dir, "articles");
        Directory.CreateDirectory(articles);
        var files = new string[Articles];
        for (var i = 0; i < Articles; i++)
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
