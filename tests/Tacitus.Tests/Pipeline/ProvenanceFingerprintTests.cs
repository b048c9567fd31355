using Tacitus.Pipeline;

namespace Tacitus.Tests.Pipeline;

public sealed class ProvenanceFingerprintTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tacitus-provenance-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Knowledge_ReadFromTheAssemblyFile_SameAsReadFromTheLoadedImage()
    {
        var assembly = typeof(ProvenanceFingerprint).Assembly;

        Assert.Equal(ProvenanceFingerprint.Knowledge(assembly, fromFile: false), ProvenanceFingerprint.Knowledge(assembly, fromFile: true));
    }

    [Fact]
    public void For_NoCodingFiles_PatternsAreNone()
    {
        Assert.Equal("-", ProvenanceFingerprint.For(new PipelineOptions()).Patterns);
    }

    [Fact]
    public void For_PatternFilesAlone_SameFingerprintWhateverTheOtherGroupsCouldBe()
    {
        var patterns = Write("patterns.tsv", "x");
        var alone = ProvenanceFingerprint.For(new PipelineOptions { EventPatternFiles = [patterns] }).Patterns;

        Assert.NotEqual("-", alone);
        Assert.Equal(alone, ProvenanceFingerprint.For(new PipelineOptions { EventPatternFiles = [patterns], VerbFiles = [], IssueFiles = [] }).Patterns);
    }

    public static TheoryData<string> Groups => ["verbs", "discards", "issues"];

    [Theory]
    [MemberData(nameof(Groups))]
    public void For_CodingFileChanges_PatternsFingerprintChanges(string group)
    {
        var file = Write(group + ".txt", "first");
        string Fingerprint() => ProvenanceFingerprint.For(With(group, file)).Patterns;

        var before = Fingerprint();
        File.WriteAllText(file, "second");

        Assert.NotEqual("-", before);
        Assert.NotEqual(before, Fingerprint());
    }

    [Fact]
    public void For_SameFileUnderAnotherOption_DifferentFingerprint()
    {
        var file = Write("dictionary.txt", "same");

        Assert.NotEqual(ProvenanceFingerprint.For(With("verbs", file)).Patterns, ProvenanceFingerprint.For(With("issues", file)).Patterns);
    }

    [Fact]
    public void For_NoShipped_DiffersFromShipped()
    {
        Assert.NotEqual(ProvenanceFingerprint.For(new PipelineOptions()).Patterns, ProvenanceFingerprint.For(new PipelineOptions { NoShipped = true }).Patterns);
    }

    private static PipelineOptions With(string group, string file) => group switch
    {
        "verbs" => new PipelineOptions { VerbFiles = [file] },
        "discards" => new PipelineOptions { DiscardFiles = [file] },
        _ => new PipelineOptions { IssueFiles = [file] },
    };
}
