using Tacitus.Documents;

namespace Tacitus.Events.Tree;

/// <summary>
/// An actor of a tree-coded event: the head token (document index), its noun phrase's span, its full code, and the
/// token the dictionary's actor (not agent) phrase starts on (-1 when only agents coded it).
/// </summary>
internal sealed record TreeActor(int Head, TextSpan Span, string Code)
{
    public int ActorToken { get; init; } = -1;
}

/// <summary>
/// One event the tree coder read: the verb token (document index), the CAMEO code as the dictionary gave it (voice
/// chosen), source and target with full PETRARCH codes (no target for an act that stands alone), the block and pattern that coded it, and the modality the
/// tree shows, and the clause's words (the verb's subtree without the clauses coordinated with it), where its time
/// and place are looked for.
/// </summary>
internal sealed record TreeEvent(int Verb, string Cameo, TreeActor Source, TreeActor? Target, string Block, string? Pattern, Modality Modality)
{
    public TextSpan Clause { get; init; }

    /// <summary>A pattern coded it whose words stand on content words of the sentence, not the verb's or block's bare code.</summary>
    public bool Specific { get; init; }

    /// <summary>The transformation that made it from a nested event (its line, file and line number), or null.</summary>
    public string? Transformation { get; init; }

    /// <summary>For a nominal event (<see cref="NominalEventReader"/>), how it was read: the noun, its governing verb and its code's origin; null for a verb's event.</summary>
    public string? Nominal { get; init; }
}
