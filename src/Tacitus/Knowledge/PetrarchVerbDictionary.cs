namespace Tacitus.Knowledge;

/// <summary>What one element of a PETRARCH verb pattern asks of the sentence.</summary>
internal enum PetrarchElementKind : byte
{
    /// <summary>A word or a run of words that must stand together (<c>TO_SEND</c>, <c>{PEACE PLAN}</c>).</summary>
    Words,

    /// <summary>Any member of a synonym set (<c>&amp;CURRENCY</c>).</summary>
    Synset,

    /// <summary><c>$</c>: the source actor stands here.</summary>
    Source,

    /// <summary><c>+</c>: the target actor stands here.</summary>
    Target,

    /// <summary><c>%</c>: a compound actor stands here; the event runs both ways between its members.</summary>
    Compound,

    /// <summary><c>^</c>: a noun phrase here is skipped (it is not an actor of the event).</summary>
    Skip,

    /// <summary><c>(PREP …)</c>: a prepositional phrase headed by <see cref="PetrarchElement.Words"/>[0].</summary>
    Preposition,
}

/// <summary>
/// One element of a pattern: for <see cref="PetrarchElementKind.Words"/> the words in order (upper case; a trailing
/// <c>_</c> asks for the exact word, otherwise the word may be a stem: <c>COOPERAT</c>), for a synset its name, for
/// a prepositional phrase the preposition and then its inner elements.
/// </summary>
internal sealed record PetrarchElement(PetrarchElementKind Kind, IReadOnlyList<string> Words, IReadOnlyList<PetrarchElement> Inner)
{
    public static PetrarchElement Marker(PetrarchElementKind kind) => new(kind, [], []);
}

/// <summary>
/// A CAMEO code as a verb dictionary writes it: <c>050</c>; <c>042:043</c>, a paired code (the source does the
/// first to the target, and the target the second to the source: arriving in a place is a visit by the arriver and
/// a hosting by the place); or <c>---</c> (the verb or pattern codes no event).
/// </summary>
internal readonly record struct PetrarchEventCode(string Code, string? Reverse)
{
    public const string Null = "---";

    public bool IsNull => Code == Null;

    public override string ToString() => Reverse is null ? Code : Code + ":" + Reverse;
}

/// <summary>
/// A pattern line of a verb block: words before the verb (<see cref="Before"/>, in text order), words after it
/// (<see cref="After"/>), the code, and where it was read.
/// </summary>
internal sealed record PetrarchPattern(IReadOnlyList<PetrarchElement> Before, IReadOnlyList<PetrarchElement> After, PetrarchEventCode Code, string Text, int Line);

/// <summary>A meaning block <c>--- NAME [code] ---</c>: its code, its verbs and its patterns.</summary>
internal sealed class PetrarchVerbBlock(string name, PetrarchEventCode code, int line)
{
    public string Name { get; } = name;

    public PetrarchEventCode Code { get; } = code;

    public int Line { get; } = line;

    public List<PetrarchPattern> Patterns { get; } = [];
}

/// <summary>
/// A verb form of a block: the verb word (upper case, as written or an inflected form), the words that must stand
/// before it (<c>WIRE_+TAP</c>) and after it (<c>+CORDON_OFF</c>: a particle), and the verb's own code when the verb
/// line gives one (<c>REPORT [---]</c>).
/// </summary>
internal sealed record PetrarchVerb(string Word, string Lemma, IReadOnlyList<string> Before, IReadOnlyList<string> After, PetrarchVerbBlock Block, PetrarchEventCode? Code, int Line);

/// <summary>
/// A transformation rule (PETRARCH-2's <c>~</c> lines), read into its parts:
/// <c>~ a (b . ATTACK) SAY = a b 112</c> says "when a clause whose verb codes like ATTACK, with source b and any
/// target, is said (a SAY verb) by a, code a → b 112 instead". An actor slot is a variable (lower-case letters: the
/// same variable is the same actor, different ones different actors), <c>.</c> (any actor, not bound) or <c>_</c> (no
/// actor: the clause names no subject of its own, "wants to attack"). A verb is a verb word of the dictionary (it
/// stands for that verb's code and the codes under it) or <c>Q</c> (any coded verb; a result code <c>Q</c> is that
/// verb's code).
/// </summary>
internal sealed record PetrarchTransformation(
    string Text,
    string File,
    int Line,
    string OuterSource,
    string InnerSource,
    string InnerTarget,
    string InnerVerb,
    string OuterVerb,
    string ResultSource,
    string ResultTarget,
    string ResultCode)
{
    /// <summary>The verb slot that stands for any coded verb.</summary>
    public const string AnyVerb = "Q";

    /// <summary>An actor slot that matches any actor without binding it.</summary>
    public const string AnyActor = ".";

    /// <summary>An actor slot that matches only a clause with no actor there.</summary>
    public const string NoActor = "_";

    public static bool IsVariable(string slot) => slot.Length > 0 && slot.All(char.IsAsciiLetterLower);
}

/// <summary>
/// A PETRARCH verb dictionary (PETRARCH-2's <c>CAMEO.2.0.txt</c> and UD-PETRARCH's <c>CAMEO.verbpatterns</c>
/// dialects): synonym sets, meaning blocks with their verbs and patterns, and transformations.
/// </summary>
internal sealed class PetrarchVerbDictionary
{
    /// <summary>Synonym sets by name (without <c>&amp;</c>): each member a phrase of upper-case words.</summary>
    public Dictionary<string, List<string[]>> Synsets { get; } = new(StringComparer.Ordinal);

    public List<PetrarchVerbBlock> Blocks { get; } = [];

    /// <summary>Verb forms by their verb word (upper case): "AGREE", "AGREED", "AGREES", "AGREEING".</summary>
    public Dictionary<string, List<PetrarchVerb>> Verbs { get; } = new(StringComparer.Ordinal);

    public List<PetrarchTransformation> Transformations { get; } = [];

    public int PatternCount => Blocks.Sum(b => b.Patterns.Count);

    /// <summary>The members of a synset with nested sets expanded (<c>+&amp;TIETYPES</c> inside another set).</summary>
    public IEnumerable<string[]> Members(string synset) => Members(synset, 0);

    private IEnumerable<string[]> Members(string synset, int depth)
    {
        if (depth > 8 || !Synsets.TryGetValue(synset, out var members))
        {
            yield break;
        }

        foreach (var member in members)
        {
            if (member.Length == 1 && member[0].StartsWith('&'))
            {
                foreach (var nested in Members(member[0][1..].TrimEnd('_'), depth + 1))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return member;
            }
        }
    }
}
