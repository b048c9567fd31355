using System.Collections.Frozen;

namespace Tacitus.Syntax.Clauses;

/// <summary>
/// What the event patterns in use know about words, for the other stages that read clauses with them (attribution):
/// the trigger lemmas (verbs and nouns that report events: a clause holding one is a verb phrase, not a name). Built
/// from the shipped patterns with the user's (<c>--patterns</c>) in front, so a user's pattern reaches attribution as
/// well as the event coder.
/// </summary>
internal sealed record PatternVocabulary(FrozenSet<string> TriggerLemmas);
