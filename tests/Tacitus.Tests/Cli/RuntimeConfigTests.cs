using System.Text.Json;

namespace Tacitus.Tests.Cli;

/// <summary>
/// The collector settings the CLI's runtime config carries (Tacitus.Cli.csproj), read from the runtimeconfig.json the
/// build writes beside the CLI. They hold a long run's peak memory near its live size (docs/PERFORMANCE.md, s7-memory
/// and s10-flat); a project-file edit that drops one would change nothing a functional test sees.
/// </summary>
public sealed class RuntimeConfigTests
{
    public static TheoryData<string, long> Settings => new()
    {
        // 1 MB heap regions: the collector's memory beyond the live heap grows in small steps, so the peak of a
        // 20,000-document run is that of a 2,000-document one
        { "System.GC.RegionSize", 1024 * 1024 },
        // compact the oldest generation when a tenth of it is free (ingest's batches and fusion's closed state die there)
        { "System.GC.ConserveMemory", 9 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void ConfigProperties_CliBuild_CarriesCollectorSetting(string name, long expected)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Tacitus.Cli.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(name, out var value), $"{name} is missing from {path}");
        Assert.Equal(expected, value.GetInt64());
    }
}
