using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Tacitus.Tests.Server;

/// <summary>
/// The web app in a real browser (chromium) against the real server: the article view's marks and records, the
/// events table's filters, a story, the timeline, map and network, a phone-width page, and a hostile page that
/// must execute nothing. Screenshots of each view go to docs/screenshots/.
/// </summary>
public sealed class BrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private string DocumentId(string titleWord) => browser.Fixture.Documents.First(d => d.Title!.Contains(titleWord, StringComparison.Ordinal)).Id.Value;

    [Fact]
    public async Task ArticleView_DemoStory_MarksEachKindAndExplainsThem()
    {
        var page = await browser.Page();
        await browser.Open(page, $"#/article/{DocumentId("Vietnam")}", "article");
        foreach (var kind in new[] { "actor", "place", "time", "cue", "source" })
        {
            Assert.True(await page.Locator($"#article-text mark.m-{kind}").CountAsync() > 0, $"no {kind} marked");
        }

        var cards = page.Locator(".event-card");
        Assert.Equal(browser.Fixture.Documents.First(d => d.Title!.Contains("Vietnam", StringComparison.Ordinal)).Events, await cards.CountAsync());
        Assert.True(await page.Locator(".event-card .badge-hedged").CountAsync() > 0, "the hedged meeting is not shown as hedged");

        var actor = page.Locator("#article-text mark.m-actor").First;
        await actor.FocusAsync();
        var tip = page.Locator("#tip");
        await tip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var explanation = await tip.TextContentAsync() ?? string.Empty;
        Assert.Contains(await actor.TextContentAsync() ?? "?", explanation, StringComparison.Ordinal);
        Assert.True(explanation.Contains("read as", StringComparison.Ordinal) || explanation.Contains("code ", StringComparison.Ordinal), explanation);

        await cards.Nth(1).Locator("button.evidence-link").ClickAsync();
        Assert.Equal(1, await page.Locator(".sentence.lit").CountAsync());
        await browser.Shot(page, "article");
    }

    [Fact]
    public async Task EventsView_FilterByType_ListsOnlyThatTypeAndSorts()
    {
        var page = await browser.Page();
        await browser.Open(page, "#/events", "events");
        var all = await page.Locator("#events-table tbody tr").CountAsync();
        await page.SelectOptionAsync("#f-type", "CONSULT");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**type=CONSULT**");
        await page.WaitForSelectorAsync("main[data-ready='true']");
        var types = await page.Locator("#events-table tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(types);
        Assert.True(types.Count < all);
        Assert.All(types, t => Assert.StartsWith("CONSULT", t, StringComparison.Ordinal));

        await page.ClickAsync("th button.sort:has-text('Date')");
        await page.WaitForURLAsync("**sort=date**");
        await page.WaitForSelectorAsync("main[data-ready='true']");
        var dates = (await page.Locator("#events-table tbody tr td:nth-child(1)").AllTextContentsAsync()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        await browser.Shot(page, "events");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button:has-text('Download CSV')"));
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.StartsWith("document_id,index,", csv[0], StringComparison.Ordinal);
        Assert.Equal(types.Count, csv.Length - 1);
        Assert.All(csv.Skip(1), line => Assert.Contains(",CONSULT,", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoryView_HandStory_ShowsStatusFiguresAndConflicts()
    {
        var page = await browser.Page();
        await browser.Open(page, "#/stories", "stories");
        await page.ClickAsync("ul.stories a");
        await page.WaitForURLAsync("**#/story/**");
        await page.WaitForSelectorAsync("main[data-ready='true'] .fused");
        Assert.Equal(2, await page.Locator(".fused").CountAsync());
        Assert.Equal(1, await page.Locator(".fused[data-status='denied']").CountAsync());
        Assert.Equal(3, await page.Locator("svg.figures circle").CountAsync());
        Assert.Contains("lower than", await page.Locator(".conflicts").First.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        browser.RenderMs["story"] = int.Parse(await page.GetAttributeAsync("main", "data-render-ms") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
        await browser.Shot(page, "story");
    }

    [Fact]
    public async Task TimelineMapNetwork_DemoStore_Render()
    {
        var page = await browser.Page();
        await browser.Open(page, "#/timeline", "timeline");
        Assert.True(await page.Locator("svg.timeline rect").CountAsync() > 1);
        await browser.Shot(page, "timeline");

        await browser.Open(page, "#/map", "map");
        Assert.True(await page.Locator("svg.world path.country").CountAsync() > 100, "country shapes missing");
        Assert.True(await page.Locator("svg.world circle.place").CountAsync() > 0, "no located event drawn");
        await browser.Shot(page, "map");

        await browser.Open(page, "#/network", "network");
        Assert.True(await page.Locator("svg.network line.edge").CountAsync() > 0);
        Assert.True(await page.Locator("svg.network g.node").CountAsync() > 2);
        await browser.Shot(page, "network");

        await browser.Open(page, "#/documents", "documents");
        Assert.Equal(browser.Fixture.Documents.Count, await page.Locator("main table tbody tr").CountAsync());
        await browser.Shot(page, "documents");
    }

    [Fact]
    public async Task PhoneWidth_ArticleView_NoSidewaysScroll()
    {
        var page = await browser.Page(390, 844);
        await browser.Open(page, $"#/article/{DocumentId("Vietnam")}", "article (phone)");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        Assert.False(overflow, "the page scrolls sideways at phone width");
        await browser.Shot(page, "article-phone");
    }

    [Fact]
    public async Task HostilePage_Ingested_ExecutesNothingAndShowsItsText()
    {
        const string Hostile = "<script>window.__pwned = 1; alert(1)</script> Officials said <img src=x onerror=\"window.__pwned = 2\"> the minister " +
            "<a href=\"javascript:window.__pwned=3\">met</a> rebels in Kabul on Monday. <svg onload=\"window.__pwned=4\"></svg> \"><iframe src=javascript:alert(2)>";
        using var http = new HttpClient { BaseAddress = browser.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServeFixture.Token);
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = Hostile, ["title"] = "<img src=x onerror=\"window.__pwned=5\">Hostile", ["published"] = "2024-03-04" });
        using var posted = await http.PostAsync(new Uri("/api/documents", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var html = "<html><head><title>Page</title><script>window.__pwned = 6</script></head><body><article><h1>Page</h1><p onclick=\"window.__pwned=7\">" +
            "The minister met rebel leaders in Kabul on Monday, officials said, and both sides agreed to talk again.</p>" +
            "<p><a href=\"javascript:window.__pwned=8\">A link</a> <img src=x onerror=\"window.__pwned=9\"> More text about the talks follows here.</p></article></body></html>";
        using var postedHtml = await http.PostAsync(new Uri("/api/documents", UriKind.Relative), new StringContent(html, Encoding.UTF8, "text/html"));
        Assert.True(postedHtml.IsSuccessStatusCode, await postedHtml.Content.ReadAsStringAsync());

        var page = await browser.Page();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await browser.Open(page, $"#/article/{id}", "article (hostile)");
        foreach (var mark in await page.Locator("#article-text mark").AllAsync())
        {
            await mark.HoverAsync();
        }

        await browser.Open(page, "#/documents", "documents (hostile)");
        await browser.Open(page, "#/events", "events (hostile)");
        await browser.Open(page, $"#/article/{JsonDocument.Parse(await postedHtml.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()}", "article (hostile html)");
        await page.Locator("a", new PageLocatorOptions { HasText = "A link" }).CountAsync();
        await browser.Open(page, $"#/article/{id}", "article (hostile)");
        Assert.Contains("<script>window.__pwned = 1", await page.Locator("#article-text").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#article-text img, #article-text script, #article-text iframe, #article-text svg, #article-text a").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
        Assert.Equal(0, dialogs);
        output.WriteLine("hostile page: nothing executed, text shown as text");
    }

    [Fact]
    public async Task InlineScript_InjectedIntoThePage_BlockedByThePolicy()
    {
        var page = await browser.Page();
        await browser.Open(page, "#/documents", "documents");
        // An inline script added to the live page, as an HTML injection would: the Content-Security-Policy must stop it.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); }");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__inline"));
        output.WriteLine(string.Join(", ", browser.RenderMs.Select(kv => $"{kv.Key} {kv.Value} ms")));
    }
}
