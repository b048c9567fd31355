using Tacitus.Documents;

namespace Tacitus.Mentions;

/// <summary>
/// Which actor mentions are names and which are descriptions, read from the form the recogniser gave them
/// (<see cref="Mention.Form"/>): a group ("police"), a description ("the North Korean leader") or a nationality with a
/// role noun ("Chinese officials") stands for an actor without naming it, whether or not coreference resolved it.
/// </summary>
internal static class MentionForms
{
    /// <summary>True for a mention that describes an actor instead of naming it.</summary>
    public static bool IsDescription(Mention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention.Form is MentionForm.Description or MentionForm.Group;
    }

    /// <summary>
    /// True for a nationality or area adjective read as its place ("Russian" → Russia):
    /// geoparsing counts it as a toponym, named-entity conventions (CoNLL, UNER) do not count it as a location name.
    /// </summary>
    public static bool IsAdjective(Mention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention.Form == MentionForm.Adjective;
    }

    /// <summary>
    /// True for a place read inside a longer name ("Chicago" in "Chicago Symphony Orchestra"): a
    /// toponym to geoparsing, but nested in another name, which flat named-entity annotation (CoNLL, UNER IOB2) cannot mark.
    /// </summary>
    public static bool IsInName(Mention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return mention.Form == MentionForm.InName;
    }
}
