namespace Tacitus.Documents;

/// <summary>
/// What made a recogniser read a name no dictionary knows as an actor: the cue beside a person's name, or an
/// organisation's acronym. Behaviour reads this; <see cref="Mention.Rule"/> only explains (it says the same in words,
/// "name:speech", "acronym"). <see cref="None"/> for a mention a dictionary, the gazetteer or a description gave.
/// </summary>
public enum MentionEvidence : byte
{
    /// <summary>Known from a table, or not a name read from a cue.</summary>
    None,

    /// <summary>A person's name after a title or role ("Minister Ana Ruiz").</summary>
    Title,

    /// <summary>A person's name after an honorific ("Mr. Osei").</summary>
    Honorific,

    /// <summary>A person's name before an apposition that describes a person ("Ida Marsh, a pollster, ...").</summary>
    Apposition,

    /// <summary>A name beside a speech verb ("said Halvorsen"): a weak cue.</summary>
    Speech,

    /// <summary>A name that starts with a given name ("Ruth Okafor").</summary>
    GivenName,

    /// <summary>A lone word known as a surname: a weak cue.</summary>
    KnownSurname,

    /// <summary>An organisation read from an all-capital acronym ("QPS").</summary>
    Acronym,
}
