namespace Tacitus.Syntax;

/// <summary>The tagger's joint label "UPOS|XPOS", built and split in one place.</summary>
internal static class PartOfSpeech
{
    public const char Separator = '|';

    public static string Joint(string upos, string xpos) => string.Concat(upos, "|", xpos);

    /// <summary>The UPOS and XPOS of a joint label (XPOS "_" when the label has none).</summary>
    public static (string Upos, string Xpos) Split(string joint)
    {
        var bar = joint.IndexOf(Separator, StringComparison.Ordinal);
        return bar < 0 ? (string.Intern(joint), "_") : (string.Intern(joint[..bar]), string.Intern(joint[(bar + 1)..]));
    }
}
