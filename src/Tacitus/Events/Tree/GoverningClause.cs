using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Events.Tree;

/// <summary>
/// The clause that governs a coded clause: its verb (document token index), the dictionary verbs the word can be,
/// the actors of its subject, its modality and its words.
/// </summary>
internal sealed record GoverningClause(int Verb, IReadOnlyList<PetrarchVerb> Verbs, IReadOnlyList<TreeActor> Sources, Modality Modality, TextSpan Clause);
