using System.IO.Compression;
using Tacitus.Knowledge.Build;
using Tacitus.Tests.Ingest;

namespace Tacitus.Tests.Knowledge.Build;

/// <summary>A fact that runs only when the public knowledge sources are next to the repository (../shared/data/knowledge).</summary>
internal sealed class SharedKnowledgeFactAttribute : FactAttribute
{
    public SharedKnowledgeFactAttribute()
    {
        if (KnowledgeBuildTests.SharedSources is null)
        {
            Skip = "the knowledge sources (../shared/data/knowledge next to the repository) are not here; CI with the sources runs this";
        }
    }
}

public sealed class KnowledgeBuildTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "knowledge");

    internal static string? Repository { get; } = FindRepository();

    internal static string? SharedSources { get; } =
        Repository is { } root && Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "knowledge")) is var dir && Directory.Exists(dir) ? dir : null;

    [Fact]
    public void Compile_SameSourcesTwice_ByteIdenticalTables()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var sources = Path.Combine(Fixtures, "sources");

        BuildAll(sources, CopyData(Path.Combine(Fixtures, "data"), first.Path));
        BuildAll(sources, CopyData(Path.Combine(Fixtures, "data"), second.Path));

        var a = Compiled(first.Path);
        var b = Compiled(second.Path);
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(13, a.Count); // 7 tables of actors, places and words, 4 of the tree coder's dictionaries, the issue phrases, the transformations
        var rules = System.Text.Encoding.UTF8.GetString(a["petrarch-transformations.txt"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'));
        Assert.Equal(["~ a (a b Q) VISIT = a b Q", "~ a (b . MEET) VISIT = a b 043"], rules); // the malformed rule and the commented one left out
        foreach (var (file, bytes) in a)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(b[file]), $"{file} differs between two builds from the same sources");
        }
    }

    [Fact]
    public void Compile_GzipTables_NoTimestampNoOperatingSystem()
    {
        using var folder = new TempFolder();
        BuildAll(Path.Combine(Fixtures, "sources"), CopyData(Path.Combine(Fixtures, "data"), folder.Path));

        foreach (var (file, bytes) in Compiled(folder.Path).Where(kv => kv.Key.EndsWith(".gz", StringComparison.Ordinal)))
        {
            Assert.Equal([0x1f, 0x8b], bytes[..2]);
            Assert.Equal([0, 0, 0, 0], bytes[4..8]);
            Assert.Equal(255, bytes[9]);
            Assert.NotEmpty(Gunzip(bytes));
        }
    }

    [Fact]
    public void Compile_StaleCompiledTablesLeftBehind_SameOutputAsFreshBuild()
    {
        using var fresh = new TempFolder();
        using var stale = new TempFolder();
        var sources = Path.Combine(Fixtures, "sources");
        BuildAll(sources, CopyData(Path.Combine(Fixtures, "data"), fresh.Path));
        var staleData = CopyData(Path.Combine(Fixtures, "data"), stale.Path);
        BuildAll(sources, staleData);
        File.WriteAllText(Path.Combine(staleData, "compiled", "countries.tsv"), "# a table left by an old build\nKEN\tKenya\t\t\t\n");

        foreach (var compiler in KnowledgeCompilers.Plan(["actors"], out _))
        {
            compiler.Compile(sources, staleData, CancellationToken.None);
        }

        var expected = Compiled(fresh.Path);
        foreach (var (file, bytes) in Compiled(stale.Path))
        {
            Assert.True(bytes.AsSpan().SequenceEqual(expected[file]), $"{file} depends on what an earlier build left in data/compiled/");
        }
    }

    [Theory]
    [InlineData("places", "places")]
    [InlineData("countries", "countries,actors,roles,words")]
    [InlineData("actors", "countries,actors,roles,words")]
    [InlineData("roles", "countries,actors,roles,words")]
    [InlineData("words", "countries,actors,roles,words")]
    [InlineData("", "places,countries,actors,roles,words,petrarch")]
    [InlineData("petrarch", "petrarch")]
    public void Plan_Only_AddsWhatTheTableReadsAndWhatReadsIt(string only, string expected)
    {
        var plan = KnowledgeCompilers.Plan(only.Length == 0 ? [] : only.Split(','), out var unknown);

        Assert.Empty(unknown);
        Assert.Equal(expected, string.Join(',', plan.Select(c => c.Name)));
    }

    [Fact]
    public void Plan_UnknownTable_Reported()
    {
        KnowledgeCompilers.Plan(["actors", "gazetteer"], out var unknown);

        Assert.Equal(["gazetteer"], unknown);
    }

    [SharedKnowledgeFact]
    public void Compile_SharedSources_ReproducesTheCommittedTables()
    {
        using var folder = new TempFolder();
        var data = CopyData(Path.Combine(Repository!, "data"), folder.Path, skip: "compiled");
        BuildAll(SharedSources!, data);

        var committed = Compiled(Path.Combine(Repository!, "data", ".."));
        var rebuilt = Compiled(folder.Path);
        Assert.Equal(committed.Keys.Order(StringComparer.Ordinal), rebuilt.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in committed)
        {
            var (was, now) = file.EndsWith(".gz", StringComparison.Ordinal) ? (Gunzip(bytes), Gunzip(rebuilt[file])) : (bytes, rebuilt[file]);
            Assert.True(was.AsSpan().SequenceEqual(now), $"data/compiled/{file} is not what `tacitus knowledge build` makes from the sources: rebuild and commit it");
        }
    }

    private static void BuildAll(string sources, string data)
    {
        foreach (var compiler in KnowledgeCompilers.All)
        {
            compiler.Compile(sources, data, CancellationToken.None);
        }
    }

    /// <summary>Copies a data/ folder into <paramref name="root"/>/data; returns the copy's path.</summary>
    private static string CopyData(string from, string root, string? skip = null)
    {
        var to = Path.Combine(root, "data");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip is not null && relative.StartsWith(skip + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }

        Directory.CreateDirectory(Path.Combine(to, "compiled"));
        return to;
    }

    private static Dictionary<string, byte[]> Compiled(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "data", "compiled")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static string? FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tacitus.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
