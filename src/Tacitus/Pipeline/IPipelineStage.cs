using Tacitus.Documents;

namespace Tacitus.Pipeline;

/// <summary>What a stage reads from or writes to a <see cref="Document"/>.</summary>
[Flags]
public enum Annotations
{
    None = 0,
    Paragraphs = 1 << 0,
    Sentences = 1 << 1,
    Tokens = 1 << 2,
    Boilerplate = 1 << 3,
    Language = 1 << 4,
    Times = 1 << 5,
    Quantities = 1 << 6,
    Actors = 1 << 7,
    Places = 1 << 8,
    Entities = 1 << 9,
    Attributions = 1 << 10,
    Events = 1 << 11,

    /// <summary>The dependency tree of the token layer: every token's head and relation (<see cref="Document.Syntax"/>).</summary>
    Syntax = 1 << 12,

    /// <summary>Typed name spans from the entity recogniser (<see cref="Document.Names"/>).</summary>
    Names = 1 << 13,

    /// <summary>
    /// The token layer without the tree: lemma, UPOS and XPOS tags and shape of every token (<see cref="Document.Syntax"/>
    /// filled, head -1 and relation empty until the parser runs).
    /// </summary>
    Tags = 1 << 14,

    /// <summary>The rule readers' reading of every token: folded lower-case form and reading lemma (<see cref="Document.Words"/>).</summary>
    Words = 1 << 15,
}

/// <summary>
/// One step of the analysis. A stage reads what earlier stages assigned (<see cref="Requires"/>) and adds its own
/// annotations (<see cref="Assigns"/>) to the document. Stages hold no per-document state: one instance serves
/// every document, from any thread.
/// </summary>
public interface IPipelineStage
{
    string Name { get; }

    Annotations Requires { get; }

    Annotations Assigns { get; }

    /// <summary>True for stages that only make sense on English text; they are skipped for other languages.</summary>
    bool EnglishOnly => true;

    void Process(Document document, CancellationToken cancellationToken);
}
