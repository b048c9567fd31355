using System.Diagnostics;
using System.Globalization;
using Tacitus.Server.Stories;

namespace Tacitus.Server;

/// <summary>
/// A bounded load test of the API on loopback: starts the server on a free port over a store (rate limit lifted),
/// sends a fixed number of <c>GET /api/events?…</c> requests from a few concurrent clients after a warm-up, and
/// measures each request's latency. Nothing leaves the machine.
/// </summary>
internal static class LoadTest
{
    /// <summary>The event queries the test cycles through: a plain page, each filter, a sort.</summary>
    public static readonly IReadOnlyList<string> Paths =
    [
        "/api/events?limit=50",
        "/api/events?type=CONSULT&limit=50",
        "/api/events?country=CHN&limit=50",
        "/api/events?actor=CHNGOV&limit=20",
        "/api/events?since=2019-01-01&until=2030-12-31&sort=date&order=desc&limit=50",
        "/api/events?modality=asserted&offset=10&limit=25",
    ];

    public static async Task<LoadTestResult> Run(string dbPath, int requests, int concurrency, CancellationToken cancellationToken)
    {
        var options = new ServeOptions { DbPath = dbPath, Port = 0, ReadsPerSecond = 1_000_000 };
        var (host, address) = await ServerHost.Start(options, NoStories.Instance, cancellationToken);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false };
            using var client = new HttpClient(handler) { BaseAddress = address };
            for (var i = 0; i < Math.Min(200, requests); i++)
            {
                using var warm = await client.GetAsync(new Uri(Paths[i % Paths.Count], UriKind.Relative), cancellationToken);
            }

            var latencies = new double[requests];
            var failed = 0;
            var next = -1;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests)
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(new Uri(Paths[i % Paths.Count], UriKind.Relative), cancellationToken);
                    await response.Content.CopyToAsync(Stream.Null, cancellationToken);
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }, cancellationToken)).ToArray();
            await Task.WhenAll(workers);
            var seconds = clock.Elapsed.TotalSeconds;
            Array.Sort(latencies);
            return new LoadTestResult(requests, failed, seconds, requests / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], Paths);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public static string Format(LoadTestResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Requests} requests in {r.Seconds:F2} s: {r.RequestsPerSecond:F0} requests/s, p50 {r.P50Milliseconds:F2} ms, p99 {r.P99Milliseconds:F2} ms, max {r.MaxMilliseconds:F1} ms, {r.Failed} failed");
}
