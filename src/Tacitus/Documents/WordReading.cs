namespace Tacitus.Documents;

/// <summary>
/// How the rule readers (clauses, attribution, events) read one token, parallel to <see cref="Document.Tokens"/>
/// (same index), filled once right after tagging (<see cref="Syntax.Clauses.WordReader"/>). Strings are pooled,
/// shared between documents, not copies of the text.
/// </summary>
/// <param name="Lower">The token lower-cased, curly apostrophes and quotes folded to straight ones ("\"" for any
/// double quote, "'" for any single one, "—" for a dash).</param>
/// <param name="Lemma">The lemma the readers match on: the token layer's lemma kept to the words the cue, pattern and
/// modality tables list (see <see cref="Syntax.Clauses.WordReader"/>); <paramref name="Lower"/> for anything else.</param>
public readonly record struct WordReading(string Lower, string Lemma);
