namespace Tacitus.Server;

/// <summary>What a load test measured: requests, failures (non-2xx), wall time, throughput and latency percentiles.</summary>
internal sealed record LoadTestResult(int Requests, int Failed, double Seconds, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, IReadOnlyList<string> Paths);
