using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tacitus.Server;
using Tacitus.Store;
using Tacitus.Tests.Store;

namespace Tacitus.Tests.Server;

/// <summary><c>POST /api/documents</c> on a copy of the demo store: the token, the formats, the limits, bad bodies.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServerWriteTests : IDisposable
{
    private const string Article =
        "Title: Ministers meet in Lisbon\nOutlet: Test Wire\nPublished: 2024-02-06\n\n" +
        "Portuguese Foreign Minister Joana Reis met Spanish Foreign Minister Luis Ortega in Lisbon on Monday, the ministry said.\n";

    private readonly ServeFixture fixture;
    private readonly string db = StoreFixtures.TempDb();

    public ServerWriteTests(ServeFixture fixture)
    {
        this.fixture = fixture;
        File.Copy(fixture.DbPath, db);
    }

    private HttpClient Client(long maxBody = 64 * 1024) =>
        new ServerFactory(fixture.Options() with { DbPath = db, MaxBodyBytes = maxBody }, fixture.Stories).CreateClient();

    private static HttpRequestMessage Post(string body, string mediaType, string? token = ServeFixture.Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static async Task<string> Code(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task Post_WithoutTheToken_401AndNothingStored(string? token)
    {
        using var client = Client();
        using var response = await client.SendAsync(Post(Article, "text/plain", token));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("TAC905", await Code(response));
        var page = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/documents?limit=1000", UriKind.Relative))).RootElement;
        Assert.Equal(fixture.Documents.Count, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Post_ServerWithoutToken_RefusesEveryWrite()
    {
        using var client = new ServerFactory(fixture.Options(token: null) with { DbPath = db }, fixture.Stories).CreateClient();
        using var response = await client.SendAsync(Post(Article, "text/plain"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task Post_EachFormat_201ThenTheSameAgainIs200AndReadable(string mediaType)
    {
        var body = mediaType switch
        {
            "application/json" => JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["text"] = Article[(Article.IndexOf("\n\n", StringComparison.Ordinal) + 2)..], ["title"] = "Ministers meet in Lisbon", ["outlet"] = "Test Wire",
                ["published"] = "2024-02-06", ["url"] = "https://example.org/lisbon",
            }),
            "text/html" => "<html><head><title>Ministers meet in Lisbon</title></head><body><article><h1>Ministers meet in Lisbon</h1><p>" +
                "Portuguese Foreign Minister Joana Reis met Spanish Foreign Minister Luis Ortega in Lisbon on Monday, the ministry said. " +
                "The two discussed fishing quotas and the shared border for an hour, officials from both governments told reporters afterwards.</p></article></body></html>",
            _ => Article,
        };
        using var client = Client();
        using var created = await client.SendAsync(Post(body, mediaType));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var posted = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.True(posted.GetProperty("stored").GetBoolean());
        Assert.True(posted.GetProperty("events").GetInt32() > 0, posted.ToString());
        using var again = await client.SendAsync(Post(body, mediaType));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("stored").GetBoolean());
        using var read = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Post_OverAFusionBacklogWithAnUnreadableStoredDocument_201ForThePostedDocumentAndTheOtherLeftOut()
    {
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE documents SET sentence_rows = '[[' WHERE seq = (SELECT min(seq) + 1 FROM documents)";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using (var store = DocumentStore.Open(db))
        {
            store.UnfuseAll(); // every document waits in fusion's backlog, which the next save runs first
        }

        using var client = Client();
        using var response = await client.SendAsync(Post(Article, "text/plain"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("stored").GetBoolean());
        using var check = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var skipped = check.CreateCommand();
        skipped.CommandText = "SELECT count(*) FROM fusion_skipped";
        Assert.Equal(1L, (long)skipped.ExecuteScalar()!);
    }

    [Theory]
    [InlineData("{\"text\": ", "application/json", HttpStatusCode.BadRequest, "TAC106")]
    [InlineData("[1, 2, 3]", "application/json", HttpStatusCode.BadRequest, "TAC106")]
    [InlineData("{\"title\": \"no text\"}", "application/json", HttpStatusCode.BadRequest, "TAC106")]
    [InlineData("{\"text\": \"   \"}", "application/json", HttpStatusCode.BadRequest, "TAC102")]
    [InlineData("   \n  ", "text/plain", HttpStatusCode.BadRequest, "TAC102")]
    [InlineData("<html><body></body></html>", "text/html", HttpStatusCode.BadRequest, "TAC105")]
    [InlineData("a,b,c", "text/csv", HttpStatusCode.UnsupportedMediaType, "TAC907")]
    public async Task Post_BadBody_ProblemWithCodeAndNothingStored(string body, string mediaType, HttpStatusCode status, string code)
    {
        using var client = Client();
        using var response = await client.SendAsync(Post(body, mediaType));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_EmptyBody_400()
    {
        using var client = Client();
        using var response = await client.SendAsync(Post(string.Empty, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("TAC903", await Code(response));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_413()
    {
        using var client = Client(maxBody: 4096);
        using var response = await client.SendAsync(Post(Article + new string('x', 5000), "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("TAC904", await Code(response));
    }

    [Fact]
    public async Task Post_NotUtf8_400()
    {
        using var client = Client();
        var request = Post("x", "text/plain");
        request.Content = new ByteArrayContent([0x48, 0xC3, 0x28, 0xFF, 0xFE]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("TAC903", await Code(response));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        StoreFixtures.DeleteDb(db);
    }
}
