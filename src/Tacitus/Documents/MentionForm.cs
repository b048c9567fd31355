namespace Tacitus.Documents;

/// <summary>
/// How an actor or place mention is written, as the recogniser that made it read it. Behaviour reads this;
/// <see cref="Mention.Rule"/> only explains.
/// </summary>
public enum MentionForm : byte
{
    /// <summary>A name ("Emmanuel Macron", "NATO", "Paris"), or a mention no recogniser gave a form (times, quantities).</summary>
    Name,

    /// <summary>A later bare surname of a person named earlier ("Macron" after "Emmanuel Macron").</summary>
    NamePart,

    /// <summary>A description standing for an actor without naming it ("the North Korean leader", "Chinese officials").</summary>
    Description,

    /// <summary>A group noun with no country ("police", "protesters").</summary>
    Group,

    /// <summary>A nationality or area adjective read as its place ("Russian" → Russia).</summary>
    Adjective,

    /// <summary>A place inside a longer name ("Chicago" in "Chicago Symphony Orchestra").</summary>
    InName,
}
