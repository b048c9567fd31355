using System.Net;
using Tacitus.Tests.Server;
using Tacitus.Tests.Store;

namespace Tacitus.Tests.Cli;

/// <summary><c>tacitus serve</c> as a user runs it: bad options and stores end with their exit codes; a good store is served until stopped.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeCommandTests(ServeFixture fixture)
{
    [Theory]
    [InlineData(2, "--host", "0.0.0.0")]
    [InlineData(2, "--host", "not-an-address")]
    [InlineData(2, "--port", "70000")]
    [InlineData(3, "--db", "no-such-store.db")]
    public void Serve_BadOptionOrStore_ExitCodeAndMessage(int exitCode, string option, string value)
    {
        var (code, _, stderr) = CliProcess.Run("serve", option, value);
        Assert.Equal(exitCode, code);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public async Task Serve_DemoStoreOnAnyPort_AnswersTheApiUntilStopped()
    {
        var db = StoreFixtures.TempDb();
        File.Copy(fixture.DbPath, db);
        using var process = CliProcess.Start(["serve", "--db", db, "--port", "0"]);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? string.Empty;
            var address = line.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal));
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await http.GetAsync(new Uri("/api/events?limit=1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            StoreFixtures.DeleteDb(db);
        }
    }
}
