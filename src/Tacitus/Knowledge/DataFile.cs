using System.Reflection;
using Tacitus.Documents;

namespace Tacitus.Knowledge;

/// <summary>One line of a hand-kept tab-separated data file: its fields and where it came from.</summary>
internal readonly record struct DataLine(string[] Fields, int LineNumber, string Origin);

/// <summary>
/// Reads the small tab-separated tables under data/attribution and data/events, which ship inside the assembly,
/// or a user's file in the same format. Comment lines start with '#'; blank lines are skipped.
/// </summary>
internal static class DataFile
{
    public static IEnumerable<DataLine> Embedded(string logicalName)
    {
        var stream = typeof(DataFile).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The data file '{logicalName}' is not embedded in {typeof(DataFile).Assembly.GetName().Name}; rebuild the project.");
        using var reader = new StreamReader(stream);
        foreach (var line in Read(reader, logicalName))
        {
            yield return line;
        }
    }

    public static IEnumerable<DataLine> Read(TextReader reader, string origin)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return new DataLine(line.Split('\t'), number, origin);
        }
    }

    public static TacitusError Error(string code, string stage, DataLine line, string message) =>
        new(code, stage, message, line.Origin, $"line {line.LineNumber}");

    /// <summary>The resource name of an embedded data file: <c>Tacitus.Data.events.patterns.tsv</c>.</summary>
    public static string ResourceName(string folder, string file) => $"Tacitus.Data.{folder}.{file}";

    internal static Assembly Assembly => typeof(DataFile).Assembly;
}
