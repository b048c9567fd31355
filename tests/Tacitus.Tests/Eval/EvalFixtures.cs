using Tacitus.Documents;

namespace Tacitus.Tests.Eval;

/// <summary>Paths to the small eval fixtures the project wrote, and hand-built documents for the scorer tests.</summary>
internal static class EvalFixtures
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", "eval", .. parts]);

    public static Document Doc(string text) => new(text, new DocumentMetadata { Published = new DateOnly(2020, 5, 6) }) { Language = "en" };

    /// <summary>The span of the <paramref name="occurrence"/>-th occurrence (0-based) of <paramref name="words"/> in the text.</summary>
    public static TextSpan Find(string text, string words, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(words, at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new ArgumentException($"'{words}' occurs fewer than {occurrence + 1} times");
            }
        }

        return new TextSpan(at, at + words.Length);
    }

    /// <summary>A temporary file with the given content, deleted on dispose.</summary>
    public sealed class TempFile : IDisposable
    {
        public TempFile(string content, string extension = ".txt")
        {
            FilePath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tacitus-eval-{Guid.NewGuid():N}{extension}");
            File.WriteAllText(FilePath, content);
        }

        public string FilePath { get; }

        public void Dispose() => File.Delete(FilePath);
    }

    /// <summary>A temporary folder, deleted with its content on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            FolderPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tacitus-eval-{Guid.NewGuid():N}");
            Directory.CreateDirectory(FolderPath);
        }

        public string FolderPath { get; }

        public string Write(string name, string content)
        {
            var path = System.IO.Path.Combine(FolderPath, name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        public void Dispose() => Directory.Delete(FolderPath, recursive: true);
    }
}
