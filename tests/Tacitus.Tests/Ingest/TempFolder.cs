using System.Text;

namespace Tacitus.Tests.Ingest;

/// <summary>A scratch directory for one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tacitus-ingest-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does no harm.
        }
    }
}

/// <summary>Original article text for the ingest tests (no copied news).</summary>
internal static class Articles
{
    public const string Bridge =
        "The old stone bridge over the Marle river was closed on Tuesday after the water rose above the arches, the county council said.\n\n" +
        "Engineers will inspect the structure once the level falls. \"We cannot take any risk with a bridge of this age,\" a council spokesman said.\n\n" +
        "Traffic is being diverted through the northern bypass, which adds about twenty minutes to the journey into town.";

    public const string Harbour =
        "Dock workers at the port of Calloway walked out on Monday in a dispute over night shifts, leaving three container ships waiting at anchor.\n\n" +
        "The union said the strike would last until the operator withdrew its new rota. The company said it had offered talks and regretted the action.";

    public const string Election =
        "Voters in the northern province will choose a new governor in March after the incumbent announced that she would not stand again.\n\n" +
        "Two former ministers have said they will run, and the electoral commission expects turnout to be higher than at the last vote.";
}
