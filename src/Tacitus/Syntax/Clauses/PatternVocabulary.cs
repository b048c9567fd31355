using System.Collections.Frozen;

namespace Tacitus.Syntax.Clauses;

/// <summary>
/// What the event patterns in use know about words, for every stage that reads clauses with them: the trigger lemmas
/// (verbs and nouns that report events: a clause holding one is a verb phrase, not a name) and every word the patterns
/// use (for the lemmatiser). Built from the shipped patterns with the user's (<c>--patterns</c>) in front, so a
/// user's pattern reaches attribution as well as the event coder.
/// </summary>
internal sealed record PatternVocabulary(FrozenSet<string> TriggerLemmas, FrozenSet<string> Words);
