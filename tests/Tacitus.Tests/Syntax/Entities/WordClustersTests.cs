using Tacitus.Syntax.Entities;
using Tacitus.Syntax.Learning;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class WordClustersTests
{
    [Theory]
    [InlineData("", 1u, 0)]
    [InlineData("0", 2u, 1)]
    [InlineData("1", 3u, 1)]
    [InlineData("01", 5u, 2)]
    [InlineData("001", 9u, 3)]
    public void Encode_Path_LeadingBitThenPath(string path, uint code, int length)
    {
        Assert.Equal(code, WordClusters.Encode(path));
        Assert.Equal(length, WordClusters.Length(code));
    }

    [Theory]
    [InlineData("011010", 2, "01")]
    [InlineData("011010", 4, "0110")]
    [InlineData("011010", 10, "011010")]
    [InlineData("1", 4, "1")]
    public void Prefix_Code_FirstBits(string path, int bits, string expected)
    {
        Assert.Equal(WordClusters.Encode(expected), WordClusters.Prefix(WordClusters.Encode(path), bits));
    }

    [Fact]
    public void PathOf_CapitalisedFormUnknown_FallsBackToLowerCase()
    {
        var clusters = WordClusters.FromPaths([("police", "0110"), ("Quellco", "10")]);

        Assert.Equal(WordClusters.Encode("0110"), clusters.PathOf(FeatureKey.Add(0, "Police"), FeatureKey.AddLower(0, "Police")));
        Assert.Equal(WordClusters.Encode("10"), clusters.PathOf(FeatureKey.Add(0, "Quellco"), FeatureKey.AddLower(0, "Quellco")));
        Assert.Equal(0u, clusters.PathOf(FeatureKey.Add(0, "quellco"), FeatureKey.AddLower(0, "quellco")));
    }

    [Fact]
    public void WriteText_ReadText_SamePaths()
    {
        var file = Path.GetTempFileName();
        try
        {
            using (var stream = File.Create(file))
            {
                WordClusters.WriteText(stream, "test", [("0110", "police", 12), ("10", "Quellco", 3)]);
            }

            var clusters = WordClusters.ReadText(file);

            Assert.Equal(2, clusters.Count);
            Assert.Equal(WordClusters.Encode("10"), clusters.PathOf(FeatureKey.Add(0, "Quellco"), 0));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("0120\tword\t3")]
    [InlineData("0110")]
    [InlineData("\tword\t3")]
    public void ReadText_BadLine_InvalidDataNamingTheLine(string line)
    {
        var file = Path.GetTempFileName();
        try
        {
            using (var stream = File.Create(file))
            using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress))
            using (var writer = new StreamWriter(gzip))
            {
                writer.WriteLine("# comment");
                writer.WriteLine(line);
            }

            var ex = Assert.Throws<InvalidDataException>(() => WordClusters.ReadText(file));
            Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Write_Read_SameTable()
    {
        var clusters = WordClusters.FromPaths([("police", "0110"), ("Quellco", "10")]);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            clusters.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = WordClusters.Read(reader);

        Assert.Equal(2, read.Count);
        Assert.Equal(WordClusters.Encode("0110"), read.PathOf(FeatureKey.Add(0, "police"), 0));
    }
}
