using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Tacitus.Server;

namespace Tacitus.Tests.Server;

/// <summary>
/// The server on a free loopback port over the demo store, and Debian's chromium driven by Playwright (the
/// browser Playwright would download is never used: CI installs the chromium package, see .ci/run).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IHost? host;
    private IPlaywright? playwright;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// Where screenshots and render times go: a temp folder, so a test run leaves the working tree as it was; with
    /// TACITUS_UPDATE_SCREENSHOTS=1, docs/screenshots of the checkout the tests run from (how the README's pictures are made).
    /// </summary>
    public string Screenshots { get; } = ScreenshotFolder();

    /// <summary>Each view's render time (ms), measured in the page by the app and reported by the tests.</summary>
    public Dictionary<string, int> RenderMs { get; } = [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does this).");
        }

        // The same demo store the API tests use, built once per run by the collection fixture.
        Fixture = new ServeFixture();
        (host, Address) = await ServerHost.Start(Fixture.Options() with { ReadsPerSecond = 100_000 }, Fixture.Stories);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public ServeFixture Fixture { get; private set; } = null!;

    public async Task<IPage> Page(int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Address.ToString() });
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Opens a view, waits until the app says it has rendered, and records how long that took.</summary>
    public async Task Open(IPage page, string hash, string name)
    {
        await page.GotoAsync("/" + hash);
        await page.WaitForSelectorAsync("main[data-ready='true']");
        var ms = await page.GetAttributeAsync("main", "data-render-ms");
        lock (RenderMs)
        {
            RenderMs[name] = int.Parse(ms ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = false });

    public async Task DisposeAsync()
    {
        if (RenderMs.Count > 0)
        {
            var lines = RenderMs.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"| {kv.Key} | {kv.Value} |");
            await File.WriteAllTextAsync(Path.Combine(Screenshots, "render-times.md"),
                "# Render times of the demo store's views\n\nMeasured by the browser tests (headless chromium, this machine; from navigation to the view's data drawn).\n\n| view | ms |\n|---|---|\n" +
                string.Join("\n", lines) + "\n");
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Fixture?.Dispose();
    }

    private static string ScreenshotFolder()
    {
        var update = Environment.GetEnvironmentVariable("TACITUS_UPDATE_SCREENSHOTS") == "1";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); update && dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tacitus.slnx")))
            {
                var docs = Path.Combine(dir.FullName, "docs", "screenshots");
                Directory.CreateDirectory(docs);
                return docs;
            }
        }

        var temp = Path.Combine(Path.GetTempPath(), "tacitus-screenshots");
        Directory.CreateDirectory(temp);
        return temp;
    }
}
