using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>
/// An attitude reported inside someone else's statement ("Lee says she <i>wants</i> to run", "he said the survey
/// <i>showed</i> ...") is part of that statement, not a second attribution: beliefs, intentions, requests and
/// reports whose cue and content lie in the content of another attribution are dropped (a trailing "..., X reported" frames
/// the statement before it and stays). Speech, denials and accusations
/// nested in a statement stay (a statement about a statement is one more link of the chain).
/// </summary>
internal static class NestedAttitudes
{
    /// <summary>True for the cue kinds that are attitudes rather than acts of speech.</summary>
    public static bool IsAttitude(string kind) => kind is "belief" or "intention" or "request" or "report";

    /// <summary>Removes the attitudes nested in another attribution's content.</summary>
    public static void Drop(List<Documents.Attribution> attributions, HashSet<Documents.Attribution> attitudes)
    {
        if (attitudes.Count == 0)
        {
            return;
        }

        var nested = attitudes.Where(a => attributions.Any(b => !ReferenceEquals(a, b) && b.Content.Contains(a.Cue) && b.Content.Contains(a.Content))).ToHashSet();
        attributions.RemoveAll(nested.Contains);
    }
}
