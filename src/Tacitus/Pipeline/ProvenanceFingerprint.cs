using System.Reflection;
using System.Security.Cryptography;
using Tacitus.Documents;

namespace Tacitus.Pipeline;

/// <summary>
/// The provenance of a pipeline: the program's version and build (the module version id, which a deterministic build
/// derives from the code), the mode (full or text-only), and SHA-256 fingerprints (first 12 hex digits) of the
/// knowledge embedded in the program, of what the event coder reads beside it (pattern files; verb, discard and issue
/// dictionaries; --no-shipped) and of the user's actor dictionaries, in the order given.
/// </summary>
internal static class ProvenanceFingerprint
{
    private const int Digits = 12;

    private static readonly Lazy<string> ShippedKnowledge = new(() => Knowledge(typeof(ProvenanceFingerprint).Assembly, fromFile: true));

    /// <summary>
    /// The fingerprint of <paramref name="assembly"/>'s embedded resources, names in ordinal order. With
    /// <paramref name="fromFile"/> the bytes are read from the assembly's file rather than from the image the runtime
    /// mapped: reading every resource through the mapping left all of them resident for the rest of the run (34 MB of
    /// the peak, most of it the parser model, which the rules coder never reads; docs/PERFORMANCE.md, s15-mem), where a
    /// file read goes through the page cache. The bytes, and so the fingerprint, are the same either way.
    /// </summary>
    internal static string Knowledge(Assembly assembly, bool fromFile)
    {
        var names = assembly.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        using var file = fromFile ? AssemblyResourceFile.TryOpen(assembly) : null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var name in names)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            if (file is not null && file.TryAppend(name, hash, buffer))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..Digits];
    }

    public static AnalysisProvenance For(PipelineOptions options) => new(
        Program(options.TextOnly) + (options.TextOnly || options.Coder == EventCoderChoice.Rules ? string.Empty : "/" + options.Coder.ToString().ToLowerInvariant())
            + (options.TextOnly || options.Dates == DateReaderChoice.Rules ? string.Empty : "/dates-recognizer"),
        options.TextOnly ? "-" : ShippedKnowledge.Value,
        options.TextOnly ? "-" : Coding(options),
        options.TextOnly ? "-" : Files(options.UserDictionaries));

    /// <summary>What the event coder reads beside the shipped knowledge: the pattern files, then (each group marked, so a
    /// file moved from one option to another counts) verb, discard and issue dictionaries and whether the shipped ones
    /// are left out. With pattern files alone it is their fingerprint as before.</summary>
    private static string Coding(PipelineOptions options)
    {
        if (options.VerbFiles.Count == 0 && options.DiscardFiles.Count == 0 && options.IssueFiles.Count == 0 && !options.NoShipped)
        {
            return Files(options.EventPatternFiles);
        }

        var parts = $"{Files(options.EventPatternFiles)}|verbs {Files(options.VerbFiles)}|discards {Files(options.DiscardFiles)}|issues {Files(options.IssueFiles)}|{(options.NoShipped ? "no-shipped" : "shipped")}";
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(parts)))[..Digits];
    }

    private static string Program(bool textOnly)
    {
        var assembly = typeof(ProvenanceFingerprint).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var build = assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
        return $"{(plus < 0 ? version : version[..plus])}+{build}/{(textOnly ? "text-only" : "full")}";
    }

    /// <summary>The fingerprint of the files' contents in order; "-" when there are none; a missing file counts by its name.</summary>
    private static string Files(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return "-";
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            if (File.Exists(file))
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..Digits];
    }
}
