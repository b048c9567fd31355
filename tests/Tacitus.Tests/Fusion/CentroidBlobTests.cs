using Tacitus.Fusion;

namespace Tacitus.Tests.Fusion;

public sealed class CentroidBlobTests
{
    private static List<(string, double, int?)> RoundTrip(CentroidBlob blob, IReadOnlyList<(string Term, double Weight, int? Day)> terms)
    {
        blob.Begin(terms.Count);
        foreach (var (term, weight, day) in terms)
        {
            blob.Add(term, weight, day);
        }

        var read = new List<(string, double, int?)>();
        CentroidBlob.Read(blob.Written.Span, read, static (list, term, weight, day) => list.Add((term, weight, day)));
        return read;
    }

    public static TheoryData<(string, double, int?)[]> Centroids() => new()
    {
        Array.Empty<(string, double, int?)>(),
        new (string, double, int?)[] { ("harvest", 1.5, 739_000), ("wheat", 2.0, null) },
        new (string, double, int?)[] { ("port", 0.1 + 0.2, 0), ("ports", double.Epsilon, -3), ("portside", 1e300, int.MaxValue), ("~velmar", -0.0, int.MinValue) },
        new (string, double, int?)[] { ("~zoë", 0.333333333333333314829616256247, 1), ("~zoëtrope", 2.0 / 3.0, 2), ("~ζ", 7, null), ("", 1, 5) },
        new (string, double, int?)[] { (new string('k', 700), 1, 9), (new string('k', 700) + "x", 2, 9), ("a", 3, 9) },
    };

    [Theory]
    [MemberData(nameof(Centroids))]
    public void Read_WrittenCentroid_SameTermsWeightsAndDaysInOrder((string, double, int?)[] terms)
    {
        var read = RoundTrip(new CentroidBlob(), terms);

        Assert.Equal(terms, read);
        Assert.Equal(terms.Select(t => BitConverter.DoubleToInt64Bits(t.Item2)), read.Select(t => BitConverter.DoubleToInt64Bits(t.Item2)));
    }

    [Fact]
    public void Begin_WriterReused_NothingOfThePreviousCentroidKept()
    {
        var blob = new CentroidBlob();
        RoundTrip(blob, [("harvest", 1, 1), ("harvests", 2, 2)]);

        var read = RoundTrip(blob, [("harvesting", 3, null)]);

        Assert.Equal([("harvesting", 3.0, (int?)null)], read);
    }

    [Fact]
    public void Add_SortedTermsSharingPrefixes_SmallerThanTheJson()
    {
        var blob = new CentroidBlob();
        var terms = Enumerable.Range(0, 300).Select(i => ($"~term{i:D4}", 1.0 / (i + 3), (int?)739_000)).ToList();
        blob.Begin(terms.Count);
        foreach (var (term, weight, day) in terms)
        {
            blob.Add(term, weight, day);
        }

        var json = System.Text.Json.JsonSerializer.Serialize(terms.Select(t => new object?[] { t.Item1, t.Item2, t.Item3 }));
        Assert.True(blob.Written.Length * 2 < json.Length, $"{blob.Written.Length} bytes against {json.Length} of JSON");
    }

    public static TheoryData<byte[]> Broken() => new()
    {
        Array.Empty<byte>(),               // nothing
        new byte[] { 2, 0 },               // unknown format
        new byte[] { 1, 1, 0, 3, 97 },     // term runs past the end
        new byte[] { 1, 1, 0, 1, 97, 0, 0, 0, 0, 0, 0, 240, 63 }, // weight, then no day
        new byte[] { 1, 0, 7 },            // bytes after the terms
        new byte[] { 1, 1, 4, 1, 97, 0, 0, 0, 0, 0, 0, 240, 63, 0 }, // shares more than the previous term has
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Read_BrokenBytes_FormatException(byte[] bytes)
    {
        Assert.Throws<FormatException>(() => CentroidBlob.Read(bytes, 0, static (_, _, _, _) => { }));
    }
}
