using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Tacitus.Ingest;

/// <summary>One file to read, or an error for an input that names nothing readable.</summary>
internal readonly record struct InputPath(string? Path, IngestItem? Error);

/// <summary>
/// Expands one command-line input into files: a file is itself; a directory is every file below it, recursively,
/// in ordinal path order; a pattern with <c>*</c>, <c>?</c> or <c>[</c> is a glob (<c>data/**/*.txt</c>). Hidden
/// files and directories (a leading dot, which covers macOS <c>._*</c> and <c>.DS_Store</c>) and OS junk
/// (<c>Thumbs.db</c>, <c>desktop.ini</c>) are skipped when listing, never when named explicitly. FIFOs, devices and
/// sockets met when listing are skipped with a note (TAC111), never opened: a FIFO with no writer would wait forever.
/// Files that are not articles (READMEs, licences, images: <see cref="NotArticles"/>) are skipped with a note (TAC112).
/// A name that is not valid UTF-8 cannot be opened through .NET and is reported (TAC101), not passed over.
/// </summary>
internal static class InputPaths
{
    private static readonly HashSet<string> Junk = new(StringComparer.OrdinalIgnoreCase) { "Thumbs.db", "desktop.ini", "ehthumbs.db", "Icon\r" };

    public static IEnumerable<InputPath> Expand(string input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return [new InputPath(null, IngestErrors.Fail(IngestErrors.Unreadable, "empty path", input ?? string.Empty))];
        }

        if (File.Exists(input))
        {
            return [new InputPath(input, null)];
        }

        if (Directory.Exists(input))
        {
            return ListDirectory(input);
        }

        return IsGlob(input) ? ListGlob(input) : [new InputPath(null, IngestErrors.Fail(IngestErrors.Unreadable, "no such file or directory", input))];
    }

    public static bool IsSkipped(string fileName) => fileName.StartsWith('.') || Junk.Contains(fileName);

    private static bool IsGlob(string input) => input.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    private static IEnumerable<InputPath> ListDirectory(string directory)
    {
        var files = new List<string>();
        var failures = new List<(string Directory, string Message)>();
        Walk(directory, files, failures);
        files.Sort(StringComparer.Ordinal);
        foreach (var file in files)
        {
            yield return Listed(file);
        }

        foreach (var (failed, message) in failures)
        {
            yield return new InputPath(null, IngestErrors.Fail(IngestErrors.Unreadable, $"cannot list directory: {message}", failed));
        }
    }

    /// <summary>Collects the files below <paramref name="directory"/>; a directory that cannot be listed is noted and skipped.</summary>
    private static void Walk(string directory, List<string> files, List<(string Directory, string Message)> failures)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).GetFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 });
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or System.Security.SecurityException)
        {
            failures.Add((directory, e.Message));
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal) && !entry.Exists)
            {
                // A name that is not valid UTF-8 comes back with U+FFFD in it and names nothing .NET can open (its
                // attributes read as "all set", hidden included): keep it, so that it is reported, not lost.
                files.Add(Path.Join(directory, entry.Name));
                continue;
            }

            if (IsSkipped(entry.Name) || entry.Attributes.HasFlag(FileAttributes.Hidden))
            {
                continue;
            }

            var path = Path.Join(directory, entry.Name);
            if (entry is not DirectoryInfo)
            {
                files.Add(path);
            }
            else if (!entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                Walk(path, files, failures);
            }
        }
    }

    private static IEnumerable<InputPath> ListGlob(string pattern)
    {
        var (root, relative) = SplitGlob(pattern);
        if (!Directory.Exists(root))
        {
            return [new InputPath(null, IngestErrors.Fail(IngestErrors.Unreadable, $"no such directory '{root}' for the pattern", pattern))];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(relative);
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
        var files = result.Files
            .Select(m => m.Path)
            .Where(p => !p.Split('/').Any(IsSkipped))
            .Select(p => Path.Join(root == "." && !pattern.StartsWith("./", StringComparison.Ordinal) ? null : root, p))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count == 0
            ? [new InputPath(null, IngestErrors.Fail(IngestErrors.Unreadable, "no file matches the pattern", pattern))]
            : files.Select(Listed);
    }

    /// <summary>A file found by listing: read it, unless it is a special file or its name cannot be used to open it.</summary>
    private static InputPath Listed(string file)
    {
        if (file.Contains('\uFFFD', StringComparison.Ordinal) && !File.Exists(file))
        {
            return new InputPath(null, IngestErrors.Fail(IngestErrors.Unreadable, "the file name is not valid UTF-8 and cannot be opened; rename the file to read it", file));
        }

        if (SpecialFile.Describe(file) is { } kind)
        {
            return new InputPath(null, IngestErrors.Fail(IngestErrors.NotRegular, $"skipped: {kind}, not a regular file", file));
        }

        return NotArticles.Reason(file) is { } what
            ? new InputPath(null, IngestErrors.Fail(IngestErrors.NotArticle, $"skipped: {what}, not an article (name the file to read it anyway)", file))
            : new InputPath(file, null);
    }

    /// <summary>Splits <c>data/bbc/**/*.txt</c> into the directory before the first wildcard and the pattern below it.</summary>
    private static (string Root, string Relative) SplitGlob(string pattern)
    {
        var normalised = pattern.Replace('\\', '/');
        var segments = normalised.Split('/');
        var firstWild = Array.FindIndex(segments, s => IsGlob(s));
        var rootSegments = segments[..firstWild];
        var root = rootSegments.Length == 0 ? "." : string.Join('/', rootSegments);
        if (root.Length == 0)
        {
            root = "/";
        }

        return (root, string.Join('/', segments[firstWild..]));
    }
}
