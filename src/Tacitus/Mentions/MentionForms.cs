using Tacitus.Documents;

namespace Tacitus.Mentions;

/// <summary>
/// Which actor mentions are names and which are descriptions, read from the rule that made them
/// (<see cref="Mention.Rule"/>): a group ("police", rule <c>group:…</c>), a description ("the North Korean leader",
/// <c>description:…</c>) or a nationality with a role noun ("Chinese officials", <c>adjective+role:…</c>) stands for an
/// actor without naming it, whether or not coreference resolved it.
/// </summary>
internal static class MentionForms
{
    /// <summary>True for a mention that describes an actor instead of naming it.</summary>
    public static bool IsDescription(Mention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var rule = mention.Rule;
        return rule is not null
            && (rule.StartsWith("description", StringComparison.Ordinal) || rule.StartsWith("group:", StringComparison.Ordinal) || rule.Contains("+role:", StringComparison.Ordinal));
    }

    /// <summary>
    /// True for a nationality or area adjective read as its place ("Russian" → Russia, rule <c>place:demonym</c>):
    /// geoparsing counts it as a toponym, named-entity conventions (CoNLL, UNER) do not count it as a location name.
    /// </summary>
    public static bool IsAdjective(Mention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention.Rule is { } rule && rule.StartsWith("place:demonym", StringComparison.Ordinal);
    }

    /// <summary>
    /// True for a place read inside a longer name ("Chicago" in "Chicago Symphony Orchestra", rule <c>place:in-name</c>): a
    /// toponym to geoparsing, but nested in another name, which flat named-entity annotation (CoNLL, UNER IOB2) cannot mark.
    /// </summary>
    public static bool IsInName(Mention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention.Rule is "place:in-name";
    }
}
