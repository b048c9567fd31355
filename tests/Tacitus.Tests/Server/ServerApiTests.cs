using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tacitus.Server;
using Tacitus.Server.Stories;
using Tacitus.Store;
using Tacitus.Tests.Store;

namespace Tacitus.Tests.Server;

/// <summary>The JSON API on the test server: every endpoint, paging, filters, auth, limits and bad input (never a 500).</summary>
[Collection(ServeCollection.Name)]
public sealed class ServerApiTests(ServeFixture fixture)
{
    private HttpClient Client(ServeOptions? options = null) => new ServerFactory(options ?? fixture.Options(), fixture.Stories).CreateClient();

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> Ok(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    private static async Task<List<JsonElement>> All(HttpClient client, string path, int limit)
    {
        var items = new List<JsonElement>();
        int? offset = 0;
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        while (offset is int o)
        {
            var page = await Ok(client, $"{path}{separator}offset={o}&limit={limit}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            offset = page.TryGetProperty("next", out var next) ? next.GetInt32() : null;
        }

        return items;
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetDocuments_PagedByTwo_ListsEveryDocumentOnceInStoreOrder()
    {
        using var client = Client();
        var ids = (await All(client, "/api/documents", 2)).Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(fixture.Documents.Select(d => d.Id.Value), ids);
    }

    [Fact]
    public async Task GetDocuments_SearchWord_ReturnsOnlyDocumentsWithIt()
    {
        using var client = Client();
        var page = await Ok(client, "/api/documents?q=maritime");
        var titles = page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("title").GetString()).ToList();
        Assert.NotEmpty(titles);
        Assert.True(titles.Count < fixture.Documents.Count);
    }

    [Fact]
    public async Task GetDocument_IdPrefix_ReturnsTheAnalysisWithRules()
    {
        using var client = Client();
        var id = fixture.Documents[0].Id.Value;
        var doc = await Ok(client, $"/api/documents/{id[..10]}");
        Assert.Equal(id, doc.GetProperty("document").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(doc.GetProperty("text").GetString()));
        Assert.Contains(doc.GetProperty("mentions").EnumerateArray(), m => m.TryGetProperty("rule", out _));
        Assert.Equal(fixture.Documents[0].Events, doc.GetProperty("events").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/documents/ffffffffffffffffffffffffffffffff", HttpStatusCode.NotFound, "TAC902")]
    [InlineData("/api/documents/not-hex", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/stories/no-such-story", HttpStatusCode.NotFound, "TAC902")]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound, "TAC902")]
    [InlineData("/api/events?type=MEET", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?type=CONSULT&type=AGREE", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?since=2020-13-01", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?until=yesterday", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?limit=0", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?limit=100000", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?offset=-1", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?offset=1e9", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?actor=C1N", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?actor=CHNGOVX", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?country=CHINA", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?modality=maybe", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?status=likely", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/events?sort=drop%20table", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/actors?country=12", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/actors/network?limit=-3", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/fused-events?status=rumour", HttpStatusCode.BadRequest, "TAC901")]
    [InlineData("/api/stories?limit=abc", HttpStatusCode.BadRequest, "TAC901")]
    public async Task Get_BadRequest_AnswersProblemWithCode(string path, HttpStatusCode status, string code)
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await AssertProblem(response, status, code);
    }

    [Fact]
    public async Task GetEvents_PagedBySeven_ListsEveryStoredRecordOnce()
    {
        using var client = Client();
        var events = await All(client, "/api/events", 7);
        Assert.Equal(fixture.EventCount, events.Count);
        var keys = events.Select(e => $"{e.GetProperty("key").GetProperty("document").GetString()}:{e.GetProperty("key").GetProperty("index").GetInt32()}").ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("evidence_text").GetString())));
    }

    [Fact]
    public async Task GetEvents_StoredIssueCodes_EachRecordCarriesItsOwn()
    {
        static string Issues(IEnumerable<(string Code, int Count)> issues) => string.Join("; ", issues.Select(i => $"{i.Code}={i.Count}"));
        Dictionary<string, string> stored;
        using (var store = DocumentStore.Open(fixture.DbPath, create: false))
        {
            stored = store.Events().ToDictionary(e => $"{e.Document.Id.Value}:{e.Index}", e => Issues(e.Record.Issues.Select(i => (i.Code, i.Count))));
        }

        using var client = Client();
        var events = await All(client, "/api/events", 50);
        Assert.Contains(stored.Values, v => v.Length > 0); // the example stories carry issue codes, so some rows have them
        Assert.All(events, e =>
        {
            var key = $"{e.GetProperty("key").GetProperty("document").GetString()}:{e.GetProperty("key").GetProperty("index").GetInt32()}";
            var issues = e.GetProperty("issues").EnumerateArray().Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("count").GetInt32()));
            Assert.Equal(stored[key], Issues(issues));
        });
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "type=CONSULT", "type" },
        { "country=CHN", "country" },
        { "actor=CHN", "actor" },
        { "actor=CHNGOV", "actorsector" },
        { "modality=denied", "denied" },
        { "modality=asserted", "asserted" },
        { "since=2022-11-01&until=2022-11-30", "november" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task GetEvents_Filter_EveryRecordMatchesAndSomeAreLeftOut(string query, string check)
    {
        using var client = Client();
        var events = await All(client, "/api/events?" + query, 50);
        Assert.NotEmpty(events);
        Assert.True(events.Count < fixture.EventCount, $"{query} left nothing out");
        static string? Str(JsonElement e, string a, string b) => e.TryGetProperty(a, out var x) && x.ValueKind == JsonValueKind.Object && x.TryGetProperty(b, out var y) ? y.GetString() : null;
        foreach (var e in events)
        {
            var modality = e.GetProperty("modality");
            var day = Str(e, "date", "value") is { Length: >= 10 } v ? v[..10] : e.GetProperty("published").GetString()!;
            var ok = check switch
            {
                "type" => e.GetProperty("type").GetString() == "CONSULT",
                "country" => new[] { Str(e, "actor", "country"), Str(e, "recipient", "country"), Str(e, "location", "country") }.Contains("CHN"),
                "actor" => Str(e, "actor", "country") == "CHN" || Str(e, "recipient", "country") == "CHN",
                "actorsector" => (Str(e, "actor", "country"), Str(e, "actor", "sector")) == ("CHN", "GOV") || (Str(e, "recipient", "country"), Str(e, "recipient", "sector")) == ("CHN", "GOV"),
                "denied" => modality.GetProperty("denied").GetBoolean(),
                "asserted" => modality.EnumerateObject().All(p => !p.Value.GetBoolean()),
                _ => string.CompareOrdinal(day, "2022-11-01") >= 0 && string.CompareOrdinal(day, "2022-11-30") <= 0,
            };
            Assert.True(ok, $"{query}: {e}");
        }
    }

    [Fact]
    public async Task GetEvents_SortByConfidenceDescending_ComesInThatOrder()
    {
        using var client = Client();
        var confidences = (await All(client, "/api/events?sort=confidence&order=desc", 1000)).Select(e => e.GetProperty("confidence").GetDouble()).ToList();
        Assert.Equal(confidences.OrderDescending(), confidences);
        Assert.NotEqual(confidences.Order(), confidences);
    }

    [Fact]
    public async Task GetEvents_StoryAndStatus_OnlyTheStorysRecords()
    {
        using var client = Client();
        var inStory = await All(client, $"/api/events?story={HandStories.StoryId}", 100);
        var storyDocs = fixture.Documents.Take(2).Select(d => d.Id.Value).ToHashSet();
        Assert.NotEmpty(inStory);
        Assert.All(inStory, e => Assert.Contains(e.GetProperty("key").GetProperty("document").GetString()!, storyDocs));
        var corroborated = await All(client, "/api/events?status=corroborated", 100);
        Assert.Single(corroborated);
        Assert.Empty(await All(client, "/api/events?story=unknown-story", 100));
    }

    [Fact]
    public async Task GetActors_PagedAndSearched_MostActiveFirst()
    {
        using var client = Client();
        var actors = await All(client, "/api/actors", 5);
        var counts = actors.Select(a => a.GetProperty("events").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        var name = actors[0].GetProperty("name").GetString()!;
        var found = (await Ok(client, $"/api/actors?q={Uri.EscapeDataString(name[..4])}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(found, a => a.GetProperty("name").GetString() == name);
        Assert.All(found, a => Assert.Contains(name[..4], a.GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GetNetwork_Demo_EdgesCountEventsWithARecipient()
    {
        using var client = Client();
        var edges = (await Ok(client, "/api/actors/network")).GetProperty("items").EnumerateArray().ToList();
        var withRecipient = (await All(client, "/api/events", 1000)).Count(e => e.TryGetProperty("recipient", out var r) && r.ValueKind == JsonValueKind.Object);
        Assert.Equal(withRecipient, edges.Sum(e => e.GetProperty("count").GetInt32()));
        var consult = (await Ok(client, "/api/actors/network?type=CONSULT")).GetProperty("items").EnumerateArray().ToList();
        Assert.All(consult, e => Assert.Equal("CONSULT", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task StoriesAndFusedEvents_HandStory_ServedInTheFusionShape()
    {
        using var client = Client();
        var stories = await Ok(client, "/api/stories");
        var story = Assert.Single(stories.GetProperty("items").EnumerateArray());
        Assert.Equal(2, story.GetProperty("documents").GetArrayLength());
        Assert.Equal("Attack near Jos", (await Ok(client, $"/api/stories/{HandStories.StoryId}")).GetProperty("title").GetString());
        var fused = (await Ok(client, $"/api/fused-events?story={HandStories.StoryId}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, fused.Count);
        Assert.Equal(2, fused[0].GetProperty("independent_sources").GetInt32());
        Assert.Equal(3, fused[0].GetProperty("figures").GetArrayLength());
        var denied = Assert.Single((await Ok(client, "/api/fused-events?status=denied")).GetProperty("items").EnumerateArray());
        Assert.Equal("fe-2", denied.GetProperty("id").GetString());
    }

    [Fact]
    public async Task StoriesAndFusedEvents_DemoStore_ServedFromTheFusionTables()
    {
        using var client = new ServerFactory(fixture.Options(), new FusionStoryReader(fixture.DbPath)).CreateClient();
        var stories = (await Ok(client, "/api/stories")).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(stories);
        var stored = fixture.Documents.Select(d => d.Id.Value).ToHashSet();
        var grouped = stories.SelectMany(s => s.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(stored.Order(StringComparer.Ordinal), grouped.Order(StringComparer.Ordinal)); // each document in one story

        var first = stories[0].GetProperty("id").GetString()!;
        Assert.Equal(stories[0].GetProperty("title").GetString(), (await Ok(client, $"/api/stories/{first}")).GetProperty("title").GetString());
        var fused = (await All(client, "/api/fused-events", 1000)).ToList();
        Assert.NotEmpty(fused);
        Assert.All(fused, e =>
        {
            Assert.Contains(e.GetProperty("status").GetString()!, FusedStatus.All);
            Assert.NotEqual(0, e.GetProperty("reports").GetArrayLength());
        });
        var ofFirst = (await All(client, $"/api/fused-events?story={first}", 1000)).ToList();
        Assert.All(ofFirst, e => Assert.Equal(first, e.GetProperty("story").GetString()));
        Assert.Equal(stories[0].GetProperty("events").GetArrayLength(), ofFirst.Count);
    }

    [Fact]
    public async Task StoriesAndFusedEvents_StoreWithoutFusion_EmptyLists()
    {
        using var client = new ServerFactory(fixture.Options(), Tacitus.Server.Stories.NoStories.Instance).CreateClient();
        Assert.Equal(0, (await Ok(client, "/api/stories")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await Ok(client, "/api/fused-events")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryEndpoint()
    {
        using var client = Client();
        var paths = (await Ok(client, "/openapi/v1.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[] { "/api/documents", "/api/documents/{id}", "/api/events", "/api/actors", "/api/actors/network", "/api/stories", "/api/stories/{id}", "/api/fused-events" })
        {
            Assert.Contains(path, paths);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/events")]
    public async Task Responses_AnyPath_CarryContentSecurityPolicyWithoutInlineScript(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Reads_OverTheRateLimit_429WithCode()
    {
        using var client = Client(fixture.Options() with { ReadsPerSecond = 3 });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/stories", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await AssertProblem(response, HttpStatusCode.TooManyRequests, "TAC906");
            }
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Reads_OffLoopbackWithoutToken_401()
    {
        using var client = Client(fixture.Options() with { Host = "0.0.0.0" });
        using var refused = await client.GetAsync(new Uri("/api/events", UriKind.Relative));
        await AssertProblem(refused, HttpStatusCode.Unauthorized, "TAC905");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServeFixture.Token);
        using var allowed = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Delete_OnEvents_MethodNotAllowedProblem()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServeFixture.Token);
        using var response = await client.SendAsync(request);
        await AssertProblem(response, HttpStatusCode.MethodNotAllowed, "TAC901");
    }

    [Theory]
    [InlineData("/api/events?actor=%00%01")]
    [InlineData("/api/events?since=%F0%9F%92%A5")]
    [InlineData("/api/documents?q=%22%2A%20OR%20NEAR(")]
    [InlineData("/api/documents?q=a%27%3B%20DROP%20TABLE%20documents%3B--")]
    [InlineData("/api/actors?q=%25_%5C")]
    [InlineData("/api/documents/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")]
    [InlineData("/api/events?story=%3Cscript%3E")]
    [InlineData("/api/stories/%2E%2E")]
    public async Task Get_HostileQuery_NeverA500(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
