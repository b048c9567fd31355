namespace Tacitus.Documents;

/// <summary>How a word is written, read once from its characters.</summary>
public enum WordShape : byte
{
    /// <summary>Punctuation, symbols and anything not below.</summary>
    Other,

    /// <summary>All lower-case letters ("talks").</summary>
    Lower,

    /// <summary>A capital then lower-case letters ("Lagos").</summary>
    Title,

    /// <summary>All capitals, two or more letters ("NATO").</summary>
    Upper,

    /// <summary>Letters in another mix of cases ("iPhone", "McDonald").</summary>
    Mixed,

    /// <summary>Digits, possibly with separators ("2019", "3.5").</summary>
    Digits,
}

/// <summary>
/// What the token layer knows of one token, parallel to <see cref="Document.Tokens"/> (same index): its tags,
/// lemma and place in the sentence's Universal Dependencies tree. Strings are interned label or lexicon strings,
/// shared between documents, not copies of the text.
/// </summary>
/// <param name="Lemma">Dictionary form ("visit" for "visited"), lower case except for proper nouns.</param>
/// <param name="Upos">Universal part of speech ("VERB", "PROPN").</param>
/// <param name="Xpos">Penn Treebank tag ("VBD", "NNP").</param>
/// <param name="Head">Document-level index of the head token, or -1 for the sentence's root.</param>
/// <param name="Relation">Universal Dependencies relation to the head ("nsubj", "obl:tmod", "root").</param>
/// <param name="Shape">How the token is written.</param>
public readonly record struct TokenSyntax(string Lemma, string Upos, string Xpos, int Head, string Relation, WordShape Shape);

/// <summary>The kind of a name the entity recogniser found.</summary>
public enum NameKind : byte
{
    Person,
    Organisation,
    Place,

    /// <summary>A nationality, religious or political group adjective or noun ("Chinese", "Sunni", "Republicans").</summary>
    Group,

    /// <summary>Another proper name (an event, a law, a product).</summary>
    Other,
}

/// <summary>A name the entity recogniser found: tokens <c>[FirstToken, FirstToken + TokenCount)</c> of the document.</summary>
public readonly record struct NameSpan(int FirstToken, int TokenCount, TextSpan Span, NameKind Kind);
