using System.Reflection;
using Microsoft.Extensions.Caching.Memory;

namespace Tacitus.Mentions.Time;

/// <summary>
/// Bounds the result caches inside Microsoft.Recognizers. Its date, time and number extractors each keep a static
/// <c>ResultsCache</c> of up to 20,000 texts (a <see cref="MemoryCache"/>), with no setting to change that. Within one
/// call the same text goes through several extractors, which is what the caches pay for; across documents few texts
/// repeat, so the full-size caches hold tens of megabytes that are rarely read again. This swaps each cache for one
/// with a smaller limit, before the first call. A cache only ever returns copies of what the extractor computed for
/// the same text, so the results do not change, only what is kept.
/// </summary>
internal static class RecognizerCaches
{
    /// <summary>Texts each extractor cache keeps (its own compaction drops the least recently used part beyond that).</summary>
    public const int DefaultLimit = 2048;

    /// <summary>Replaces every recogniser results cache with one of <paramref name="limit"/> entries; returns how many it replaced.</summary>
    public static int Bound(int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var replaced = 0;
        foreach (var cache in Caches())
        {
            var field = cache.GetType().GetField("resultsCache", BindingFlags.Instance | BindingFlags.NonPublic);
            if (field is null || !typeof(IMemoryCache).IsAssignableFrom(field.FieldType))
            {
                continue;
            }

            var old = field.GetValue(cache) as IDisposable;
            field.SetValue(cache, new MemoryCache(new MemoryCacheOptions
            {
                SizeLimit = limit,
                CompactionPercentage = 0.5,
                ExpirationScanFrequency = TimeSpan.FromHours(24),
            }));
            old?.Dispose();
            replaced++;
        }

        return replaced;
    }

    /// <summary>Entries held now, over every recogniser results cache (for tests and measurements).</summary>
    public static int Count() =>
        Caches().Sum(cache => cache.GetType().GetField("resultsCache", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(cache) is MemoryCache m ? m.Count : 0);

    /// <summary>
    /// The static <c>ResultsCache&lt;T&gt;</c> of each extractor the English date-time model runs (named, so that no other
    /// culture's extractor is initialised just to look).
    /// </summary>
    private static IEnumerable<object> Caches()
    {
        (Assembly Assembly, string Type)[] owners =
        [
            (typeof(Microsoft.Recognizers.Text.DateTime.DateTimeModel).Assembly, "Microsoft.Recognizers.Text.DateTime.BaseDateExtractor"),
            (typeof(Microsoft.Recognizers.Text.DateTime.DateTimeModel).Assembly, "Microsoft.Recognizers.Text.DateTime.BaseDatePeriodExtractor"),
            (typeof(Microsoft.Recognizers.Text.DateTime.DateTimeModel).Assembly, "Microsoft.Recognizers.Text.DateTime.BaseTimeExtractor"),
            (typeof(Microsoft.Recognizers.Text.DateTime.DateTimeModel).Assembly, "Microsoft.Recognizers.Text.DateTime.BaseTimePeriodExtractor"),
            (typeof(Microsoft.Recognizers.Text.Number.BaseNumberExtractor).Assembly, "Microsoft.Recognizers.Text.Number.BaseNumberExtractor"),
        ];
        foreach (var (assembly, name) in owners)
        {
            var field = assembly.GetType(name)?.GetField("ResultsCache", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
            if (field?.GetValue(null) is { } cache)
            {
                yield return cache;
            }
        }
    }
}
