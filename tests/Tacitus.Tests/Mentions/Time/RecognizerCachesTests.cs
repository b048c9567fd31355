using System.Globalization;
using Tacitus.Mentions.Time;

namespace Tacitus.Tests.Mentions.Time;

[Collection(RecognizerCacheCollection.Name)]
public sealed class RecognizerCachesTests
{
    private static readonly DateTime Reference = new(2020, 6, 15, 0, 0, 0, DateTimeKind.Unspecified);

    private static string[] Texts(int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"the fair opened on {1 + i % 28} March {1990 + i / 28} at {1 + i % 12} p.m."))];

    private static string Read(string text) =>
        string.Join("; ", RecognizerModel.Instance.Parse(text, Reference).Select(r => $"{r.Start}-{r.End}:{r.TypeName}:{Timexes(r.Resolution)}"));

    private static string Timexes(SortedDictionary<string, object>? resolution) =>
        resolution is not null && resolution.TryGetValue("values", out var raw) && raw is List<Dictionary<string, string>> values
            ? string.Join(",", values.Select(v => v.GetValueOrDefault("timex")))
            : string.Empty;

    [Fact]
    public void Bound_FindsEveryExtractorCache() =>
        Assert.Equal(5, RecognizerCaches.Bound());

    [Theory]
    [InlineData(8)]
    [InlineData(RecognizerCaches.DefaultLimit)]
    public void Bound_AnyLimit_SameReadings(int limit)
    {
        var texts = Texts(60);
        try
        {
            RecognizerCaches.Bound(RecognizerCaches.DefaultLimit);
            var expected = texts.Select(Read).ToList();

            RecognizerCaches.Bound(limit);
            var again = texts.Select(Read).ToList();
            var twice = texts.Select(Read).ToList();

            Assert.Equal(expected, again);
            Assert.Equal(expected, twice);
            Assert.All(expected, reading => Assert.Contains("datetime", reading, StringComparison.Ordinal));
        }
        finally
        {
            RecognizerCaches.Bound();
        }
    }

    [Fact]
    public void Bound_ManyTexts_CachesStayNearTheLimit()
    {
        const int limit = 16;
        try
        {
            RecognizerCaches.Bound(limit);
            foreach (var text in Texts(300))
            {
                Read(text);
            }

            // the cache compacts on a pool thread once over its limit: give it a moment
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (RecognizerCaches.Count() > 5 * limit * 2 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            Assert.InRange(RecognizerCaches.Count(), 1, 5 * limit * 2);
        }
        finally
        {
            RecognizerCaches.Bound();
        }
    }

    [Fact]
    public void Bound_ZeroLimit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RecognizerCaches.Bound(0));
}
