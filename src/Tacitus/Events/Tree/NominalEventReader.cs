using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Events.Tree;

/// <summary>
/// Nominal events read from the tree: a noun that names an act ("the strikes", "talks", "sanctions", "the bombing")
/// coded from its head and modifiers. The event nouns are the nominal rows of data/events/patterns.tsv (the rules
/// coder's own, matched on the head and its modifiers: "air strikes", "a suicide bombing", "a visit to X") and the
/// verbs of the PETRARCH dictionaries used as nouns ("an attack", "clashes", "talks", "aid"), with their block's
/// code. The lists of governing verbs are data/events/tree-events.tsv (<c>happen</c>, <c>cancel</c>, <c>plan</c>).
/// </summary>
/// <remarks>
/// The linguist's rule: a deverbal or event noun denotes an act in the story only when the clause asserts that the
/// act took place, that is when it is the object (or passive subject) of a verb of occurrence or performance ("held
/// talks", "launched strikes", "sanctions were imposed"), or the subject of an intransitive verb of occurrence or
/// effect ("the talks began", "clashes erupted"). As the modifier of another noun ("the
/// sanctions debate") or the object of a verb of saying or thinking ("discussed sanctions") it names a topic and
/// codes nothing. Its roles come from inside the noun phrase first, as in the verb's clause: the possessor, an
/// adjective or compound naming a country or group ("Iran's attack", "US sanctions", "Israeli air strikes") or a
/// "by"/"from" phrase is the agent; an "on"/"against"/"with"/"between"/"of"/"to" phrase the one acted on ("sanctions on
/// Iran", "talks with Seoul"); a "between X and Y" phrase makes the members act on one another. With no agent in the
/// phrase, the performing verb's subject is the agent ("Iran launched strikes"), and with no target in the phrase,
/// the verb's own "with"/"on"/"against"/"to" phrase is ("held talks with Seoul"). Modality is the governing verb's
/// (negation, modal, future, condition), negated under a verb of cancelling ("called off the talks") and future under
/// a verb or noun of planning ("planned strikes", "plans for talks").
/// </remarks>
internal sealed class NominalEventReader
{
    private static readonly string[] TargetCases = ["ON", "AGAINST", "WITH", "BETWEEN", "OF", "TO", "TOWARD", "TOWARDS", "UPON"];
    private static readonly string[] VerbTargetCases = ["ON", "AGAINST", "WITH", "BETWEEN", "TO", "TOWARD", "TOWARDS", "UPON"];
    private static readonly string[] AgentCases = ["BY", "FROM"];

    private readonly List<NounRow> nounRows;
    private readonly PetrarchVerbDictionary verbs;
    private readonly IReadOnlySet<string> happen;
    private readonly IReadOnlySet<string> cancel;
    private readonly IReadOnlySet<string> plan;

    /// <param name="patterns">The project's patterns; those flagged <c>noun</c> give event nouns.</param>
    /// <param name="verbs">The PETRARCH verb dictionary: a verb used as a noun ("an attack") takes its block's code.</param>
    /// <param name="happen">Verbs (lemma, or lemma and particle) that report an act taking place.</param>
    /// <param name="cancel">Verbs that report it did not take place.</param>
    /// <param name="plan">Verbs and nouns that report it as intended.</param>
    public NominalEventReader(IEnumerable<EventPattern> patterns, PetrarchVerbDictionary verbs, IReadOnlySet<string> happen, IReadOnlySet<string> cancel, IReadOnlySet<string> plan)
    {
        nounRows = patterns.Where(p => p.Has(PatternFlags.Noun) && p.Cameo is not null && p.Elements[p.TriggerElement] is { Kind: ElementKind.Word, Words: not null })
            .Select(p => new NounRow(p, CaseBlind(p.Elements[p.TriggerElement].Words!), [.. p.Elements.Where(e => e.Kind == ElementKind.Word && e.Words is not null).Select(e => CaseBlind(e.Words!))]))
            .ToList();
        this.verbs = verbs;
        this.happen = happen;
        this.cancel = cancel;
        this.plan = plan;
    }

    /// <summary>A nominal row with its word elements read once: the trigger's words and each word element's, compared without case (the tree's words are upper case).</summary>
    private sealed record NounRow(EventPattern Pattern, FrozenSet<string> Trigger, FrozenSet<string>[] Words);

    /// <summary>
    /// Adds the nominal events of a sentence to <paramref name="events"/>, unless the verb that governs the noun
    /// already coded one with a target (its dictionary pattern read the noun: "launched talks with X").
    /// </summary>
    /// <param name="coded">Codes noun phrase heads as actors (source: the phrase acts).</param>
    /// <param name="subjects">The subject heads of a verb (with the passive's "by" phrase).</param>
    public void Read(Document document, DependencyTree tree, List<TreeEvent> events, Func<List<int>, bool, List<TreeActor>> coded, Func<int, List<int>> subjects)
    {
        // a verb event with no target is dropped later (unless its act stands alone, and then a record with a target
        // in the same sentence goes first): it has not read the noun's roles, so the noun is read here
        var verbEvents = events.Where(e => e.Target is not null).Select(e => e.Verb - tree.First).ToHashSet();
        for (var n = 0; n < tree.Count; n++)
        {
            if (tree.Upos[n] != "NOUN" || tree.Relations[n] is "compound" or "amod" or "flat")
            {
                continue;
            }

            if (Governor(tree, n) is not { } at || verbEvents.Contains(at.Verb) || (tree.Relations[at.Verb] == "xcomp" && verbEvents.Contains(tree.Heads[at.Verb])) || EventCode(tree, n) is not { } found)
            {
                continue;
            }

            Add(document, tree, n, found, at, events, coded, subjects);
        }
    }

    private static void Add(Document document, DependencyTree tree, int n, (string Code, string? Reverse, bool Specific, bool NeedsTarget, string Source) found, (int Verb, int Anchor, bool Negated, bool Future) at, List<TreeEvent> events, Func<List<int>, bool, List<TreeActor>> coded, Func<int, List<int>> subjects)
    {
        var g = at.Verb;
        var agents = tree.Children(n).Where(c => !tree.Facts.Place[c]).Where(c => tree.Subtypes[c] == "nmod:poss" || tree.Relations[c] is "amod" or "compound" || (tree.Relations[c] is "nmod" or "obl" && AgentCases.Contains(tree.CaseOf(c)))).ToList();
        var sources = coded(agents, true);
        if (sources.Count == 0 && tree.Role(at.Anchor) is "obj" or "nsubj:pass")
        {
            // the performer of the act is the performing verb's subject ("Iran launched strikes"), a passive's "by" phrase
            sources = coded(subjects(g), true);
        }

        var between = false;
        var targets = new List<TreeActor>();
        foreach (var phrase in tree.Children(n).Where(c => tree.Relations[c] == "nmod" && tree.Subtypes[c] != "nmod:poss" && TargetCases.Contains(tree.CaseOf(c))))
        {
            targets = coded(WithConjuncts(tree, phrase), false);
            if (targets.Count > 0)
            {
                between = tree.CaseOf(phrase) == "BETWEEN";
                break;
            }
        }

        if (targets.Count == 0 && tree.Role(at.Anchor) is "obj" or "nsubj:pass")
        {
            foreach (var phrase in tree.Children(g).Where(c => tree.Relations[c] == "obl" && VerbTargetCases.Contains(tree.CaseOf(c))))
            {
                targets = coded(WithConjuncts(tree, phrase), false);
                if (targets.Count > 0)
                {
                    between = tree.CaseOf(phrase) == "BETWEEN";
                    break;
                }
            }
        }

        var modality = TreeEventCoder.ModalityOf(tree, g);
        modality = modality with { Negated = modality.Negated || at.Negated, Future = modality.Future || at.Future };
        var clause = TreeEventCoder.ClauseOf(document, tree, g); // the anchor is a noun, never a clause break
        var pairs = new List<(TreeActor S, TreeActor? T)>();
        if (between && targets.Count > 1)
        {
            // "talks between X and Y": the members act on one another, whoever brought them together
            foreach (var a in targets)
            {
                pairs.AddRange(targets.Where(b => b.Code != a.Code).Select(b => (a, (TreeActor?)b)));
            }
        }
        else if (targets.Count == 0)
        {
            if (found.NeedsTarget)
            {
                return;
            }

            pairs.AddRange(sources.Select(s => (s, (TreeActor?)null)));
        }
        else
        {
            foreach (var s in sources)
            {
                pairs.AddRange(targets.Where(t => t.Code != s.Code).Select(t => (s, (TreeActor?)t)));
            }
        }

        var reading = $"nominal event '{tree.Words[n].ToLowerInvariant()}' under '{tree.Words[g].ToLowerInvariant()}': " + (found.Specific ? $"noun row {found.Source} of the patterns" : $"the noun of a verb of block {found.Source}");
        foreach (var (s, t) in pairs)
        {
            var pattern = found.Specific ? found.Source : null;
            events.Add(new TreeEvent(tree.First + n, found.Code, s, t, found.Source, pattern, modality) { Clause = clause, Specific = found.Specific, Nominal = reading });
            if (t is not null && !between && found.Reverse is { } reverse && reverse != PetrarchEventCode.Null)
            {
                events.Add(new TreeEvent(tree.First + n, reverse, t, s, found.Source, pattern, modality) { Clause = clause, Specific = found.Specific, Nominal = reading });
            }
        }
    }

    /// <summary>
    /// The verb that says whether the act took place, the noun (or the planning noun above it) that stands in that
    /// verb's clause, and what it says: happened, did not (cancel), is intended (plan). None when the noun is no act
    /// in the story.
    /// </summary>
    private (int Verb, int Anchor, bool Negated, bool Future)? Governor(DependencyTree tree, int n)
    {
        var anchor = n;
        var future = false;
        var head = tree.Heads[n];
        if (head >= 0 && tree.Relations[n] == "nmod" && tree.Upos[head] == "NOUN" && plan.Contains(tree.Lemmas[head].ToLowerInvariant()))
        {
            anchor = head; // "plans for talks", "a proposal for a summit": the intended act
            future = true;
            head = tree.Heads[head];
        }

        if (head < 0 || tree.Upos[head] != "VERB")
        {
            return null;
        }

        var role = tree.Role(anchor);
        var lemma = tree.Lemmas[head].ToLowerInvariant();

        // an object that makes a listed entry with the verb is part of the verb, no object ("the talks took place")
        bool Entry(int c) => lemma + " " + tree.Lemmas[c].ToLowerInvariant() is var entry && (happen.Contains(entry) || cancel.Contains(entry) || plan.Contains(entry));
        var performs = role is "obj" or "nsubj:pass" || (role == "nsubj" && !tree.ChildrenWith(head, "obj").Any(c => c != anchor && !Entry(c)));
        if (!performs)
        {
            return null;
        }

        var particles = tree.Children(head).Where(c => tree.Relations[c] is "compound" or "advmod" or "obj" or "prt" && c != anchor).Select(c => lemma + " " + tree.Lemmas[c].ToLowerInvariant()).ToList();
        bool Listed(IReadOnlySet<string> list) => list.Contains(lemma) || particles.Any(list.Contains);
        if (Listed(cancel))
        {
            return (head, anchor, true, future);
        }

        if (Listed(plan))
        {
            return (head, anchor, false, true); // "planned strikes", "announced talks", "unveiled plans for talks"
        }

        if (!Listed(happen))
        {
            return null;
        }

        // "plans to hold talks", "prepared to launch strikes": the performing verb is itself intended
        var governing = tree.Heads[head];
        future |= governing >= 0 && tree.Relations[head] == "xcomp" && plan.Contains(tree.Lemmas[governing].ToLowerInvariant());
        return (head, anchor, false, future);
    }

    /// <summary>
    /// The code a noun names: a nominal row of the project's patterns whose words stand on the noun and its modifiers
    /// (the most words wins), else the code of the dictionary verb the noun's lemma is (not a statement, CAMEO 01).
    /// </summary>
    private (string Code, string? Reverse, bool Specific, bool NeedsTarget, string Source)? EventCode(DependencyTree tree, int n)
    {
        List<int>? phrase = null; // built for the first row that stands on the head
        EventPattern? best = null;
        var bestWords = 0;
        foreach (var row in nounRows)
        {
            var words = row.Words;
            if (words.Length <= bestWords || !(Matches(tree, n, row.Trigger) || tree.Children(n).Any(c => tree.Relations[c] is "compound" or "amod" && Matches(tree, c, row.Trigger))) || !words.Any(w => Matches(tree, n, w)))
            {
                continue;
            }

            phrase ??= tree.Subtree(n, c => tree.Relations[c] is "acl" or "relcl" or "conj" or "parataxis" or "appos");
            if (!words.All(w => phrase.Any(t => Matches(tree, t, w))))
            {
                continue;
            }

            best = row.Pattern;
            bestWords = words.Length;
        }

        if (best is not null)
        {
            return (best.Cameo!.Value.ToString(), null, true, best.Has(PatternFlags.RequiresRecipient), best.Id);
        }

        if (!verbs.Verbs.TryGetValue(tree.Lemmas[n], out var list) || list.FirstOrDefault(v => v.Before.Count == 0 && v.After.Count == 0) is not { } verb)
        {
            return null;
        }

        var code = verb.Code ?? verb.Block.Code;
        if (code.IsNull || code.Code.Length == 0 || code.Code.StartsWith("01", StringComparison.Ordinal))
        {
            return null;
        }

        return (code.Code, code.Reverse, false, true, verb.Block.Name);
    }

    private static bool Matches(DependencyTree tree, int token, FrozenSet<string> words) =>
        words.Contains(tree.Lemmas[token]) || words.Contains(tree.Words[token]);

    private static FrozenSet<string> CaseBlind(FrozenSet<string> words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static List<int> WithConjuncts(DependencyTree tree, int head) =>
        [head, .. tree.ChildrenWith(head, "conj").Where(c => tree.Upos[c] is not ("VERB" or "AUX"))];
}
