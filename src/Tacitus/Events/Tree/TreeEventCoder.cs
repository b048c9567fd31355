using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Events.Tree;

/// <summary>
/// Codes events from a sentence's dependency tree with PETRARCH verb, actor and agent dictionaries, as UD-PETRARCH
/// does: each verb the verb dictionary knows is looked up (lemma, inflected form, particle verbs), its block's
/// patterns are matched over the words around it (the longest match wins; else the verb's or block's code), the
/// subject gives the source, the object, passive subject or indirect object the target (a prepositional phrase when
/// there is none), coordination gives one record per actor pair, an open clause (xcomp) takes its governor's
/// subject, a passive's <c>by</c> phrase is its source and its code is the passive one.
/// </summary>
internal sealed class TreeEventCoder
{
    private static readonly string[] ClauseBreaks = ["conj", "parataxis"];

    private readonly PetrarchVerbDictionary verbs;
    private readonly PetrarchCodebook codebook;
    private readonly IReadOnlyList<string[]> discards;
    private readonly PatternMatcher matcher;
    private readonly IReadOnlyDictionary<string, string> negations;
    private readonly ActorPhrase phrases;
    private readonly Func<string, bool>? standsAlone;
    private readonly IReadOnlySet<string> broadVerbs;
    private readonly NestedEventTransformer? transformer;
    private readonly NominalEventReader? nominals;

    /// <param name="negations">Codes a negated verb takes instead (PICO: "not disapprove" → 050); a negated verb without one keeps its code and is marked negated.</param>
    /// <param name="standsAlone">Whether an act of this CAMEO code is complete with no target ("protesters marched", "the minister resigned"): such acts are coded when the tree names no target; null (PETRARCH's own rule) codes none without a target.</param>
    /// <param name="broadVerbs">Lemmas (lower case) of verbs whose sense their object sets ("give", "take", "join"): they code only through a pattern whose words stand on content words of the sentence; none when null (PETRARCH's own rule).</param>
    /// <param name="transformer">PETRARCH transformations of nested events (<see cref="NestedEventTransformer"/>); none when null.</param>
    /// <param name="nominals">Reads nominal events ("launched air strikes on X", "held talks with Y"); none when null.</param>
    public TreeEventCoder(PetrarchVerbDictionary verbs, PetrarchCodebook codebook, IEnumerable<PetrarchDiscard> discards, IReadOnlyDictionary<string, string>? negations = null, ActorPhrase? phrases = null, Func<string, bool>? standsAlone = null, IReadOnlySet<string>? broadVerbs = null, NestedEventTransformer? transformer = null, NominalEventReader? nominals = null)
    {
        this.transformer = transformer is { Count: > 0 } ? transformer : null;
        this.nominals = nominals;
        this.standsAlone = standsAlone;
        this.broadVerbs = broadVerbs ?? new HashSet<string>();
        this.phrases = phrases ?? ActorPhrase.Shipped;
        this.negations = negations ?? new Dictionary<string, string>();
        this.verbs = verbs;
        this.codebook = codebook;
        this.discards = discards.Select(d => PetrarchCodebook.Words(d.Phrase)).Where(w => w.Length > 0).ToList();
        matcher = new PatternMatcher(verbs, codebook);
    }

    /// <summary>The events of one sentence; none when its token layer is empty or it holds a discard phrase.</summary>
    public List<TreeEvent> Code(Document document, Sentence sentence, DateOnly date)
    {
        var events = new List<TreeEvent>();
        if (document.SyntaxOf(sentence).Length == 0)
        {
            return events;
        }

        var tree = new DependencyTree(document, sentence);
        if (Discarded(tree))
        {
            return events;
        }

        for (var v = 0; v < tree.Count; v++)
        {
            if (tree.Upos[v] is not ("VERB" or "AUX") || Lookup(tree, v) is not { Count: > 0 } candidates)
            {
                continue;
            }

            CodeVerb(document, tree, v, candidates, date, events);
        }

        if (transformer is not null)
        {
            Transform(document, tree, date, events);
        }

        nominals?.Read(document, tree, events, (heads, source) => Coded(document, tree, heads, date, source), v => Subjects(tree, v, tree.IsPassive(v)));

        if (standsAlone is not null)
        {
            TargetsFromOpenClauses(tree, events);
            // an act with no target stands on its sense alone: only a pattern whose words the sentence has gives it; a
            // bare verb's code does not ("people would suffer", "the party gave up", "Clinton is struggling")
            events.RemoveAll(e => e.Target is null && !(e.Specific && standsAlone(e.Cameo)));
        }

        // the open clause of a coded verb is what that verb is about, not a second event: "threatened to impose
        // sanctions" is a threat, "agreed to withdraw" an agreement
        var coded = events.Select(e => e.Verb - tree.First).ToHashSet();
        events.RemoveAll(e => e.Verb - tree.First is var v && tree.Relations[v] == "xcomp" && tree.Heads[v] >= 0 && coded.Contains(tree.Heads[v]));
        return events;
    }

    /// <summary>
    /// Each event of a clause (ccomp, xcomp) governed by a dictionary verb is offered to the transformations with the
    /// governing clause's subject, verb and modality; a match replaces it, and the governing verb's own records of
    /// the same source, by the record the rule makes (PETRARCH-2 rewrites the whole nested event).
    /// </summary>
    private void Transform(Document document, DependencyTree tree, DateOnly date, List<TreeEvent> events)
    {
        var consumed = new HashSet<(int Verb, string Source)>();
        for (var i = 0; i < events.Count; i++)
        {
            var c = events[i].Verb - tree.First;
            var g = tree.Heads[c];
            if (g < 0 || tree.Relations[c] is not ("ccomp" or "xcomp") || Lookup(tree, g) is not { Count: > 0 } governing || !transformer!.Governs(governing))
            {
                continue;
            }

            var sources = Coded(document, tree, Subjects(tree, g, tree.IsPassive(g)), date, source: true);
            var outer = new GoverningClause(tree.First + g, governing, sources, ModalityOf(tree, g), ClauseOf(document, tree, g));
            var ownSubject = tree.Relations[c] != "xcomp" || tree.ChildrenWith(c, "nsubj", "nsubj:pass").Any();
            if (transformer!.Transform(outer, events[i], tree.Lemmas[c], ownSubject) is { } made)
            {
                events[i] = made;
                consumed.Add((tree.First + g, made.Source.Code));
            }
        }

        // the nested event is one act: the governing verb's own record of the same source goes ("hoped to shell X" is a threat, not also a hope toward X)
        events.RemoveAll(e => e.Transformation is null && consumed.Contains((e.Verb, e.Source.Code)));
    }

    /// <summary>A verb's clause: its subtree without the clauses coordinated with it.</summary>
    internal static TextSpan ClauseOf(Document document, DependencyTree tree, int v)
    {
        var tokens = tree.Subtree(v, c => ClauseBreaks.Contains(tree.Relations[c]) && tree.Upos[c] is "VERB" or "AUX");
        return new TextSpan(document.Tokens[tree.First + tokens[0]].Span.Start, document.Tokens[tree.First + tokens[^1]].Span.End);
    }

    /// <summary>
    /// A verb with no target of its own takes the target of the open clause it governs, which says what the act is
    /// about ("threatened to launch an offensive against X", "agreed to withdraw from X": the threat and the
    /// agreement are toward X).
    /// </summary>
    private static void TargetsFromOpenClauses(DependencyTree tree, List<TreeEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Target is not null)
            {
                continue;
            }

            var governor = e.Verb - tree.First;
            var inner = events.FirstOrDefault(o => o.Target is { } t && t.Code != e.Source.Code && o.Verb - tree.First is var v && tree.Relations[v] == "xcomp" && tree.Heads[v] == governor);
            if (inner is not null)
            {
                events[i] = e with { Target = inner.Target };
            }
        }
    }

    private bool Discarded(DependencyTree tree)
    {
        foreach (var phrase in discards)
        {
            for (var i = 0; i + phrase.Length <= tree.Count; i++)
            {
                var ok = true;
                for (var j = 0; j < phrase.Length && ok; j++)
                {
                    ok = tree.Words[i + j] == phrase[j];
                }

                if (ok)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The dictionary verbs this token can be: by its form when the dictionary lists that form ("LEFT"), else by
    /// lemma; particle verbs ("break down") only when their particle is there, and then before the bare verb.
    /// </summary>
    private List<PetrarchVerb>? Lookup(DependencyTree tree, int v)
    {
        foreach (var key in (string[])[tree.Words[v], tree.Lemmas[v]])
        {
            if (!verbs.Verbs.TryGetValue(key, out var list))
            {
                continue;
            }

            var found = list.Where(p => Fits(tree, v, p)).ToList();
            if (found.Count > 0)
            {
                var longest = found.Max(p => p.Before.Count + p.After.Count);
                return found.Where(p => p.Before.Count + p.After.Count == longest).ToList();
            }
        }

        return null;
    }

    private static bool Fits(DependencyTree tree, int v, PetrarchVerb verb)
    {
        for (var i = 0; i < verb.After.Count; i++)
        {
            var word = verb.After[i];
            var particle = tree.Children(v).Any(c => tree.Words[c] == word && tree.Relations[c] is "compound" or "advmod" or "prt")
                || (v + 1 + i < tree.Count && tree.Words[v + 1 + i] == word);
            if (!particle)
            {
                return false;
            }
        }

        for (var i = 0; i < verb.Before.Count; i++)
        {
            var at = v - verb.Before.Count + i;
            if (at < 0 || tree.Words[at] != verb.Before[i])
            {
                return false;
            }
        }

        return true;
    }

    private void CodeVerb(Document document, DependencyTree tree, int v, List<PetrarchVerb> candidates, DateOnly date, List<TreeEvent> events)
    {
        var passive = tree.IsPassive(v);
        var subjects = Subjects(tree, v, passive);
        var objects = Objects(tree, v, passive);
        // words before the verb are read in its subject (as UD-PETRARCH matches them), words after it in its clause
        var before = subjects.SelectMany(h => tree.Subtree(h)).Where(i => i < v).Distinct().Order().ToList();
        var after = tree.Subtree(v, c => ClauseBreaks.Contains(tree.Relations[c]) && tree.Upos[c] is "VERB" or "AUX").Where(i => i > v).ToList();

        bool Compound(int side) => (side == 0 ? subjects : objects).Count > 1 || Coded(document, tree, side == 0 ? subjects : objects, date).Count > 1;

        PatternMatch? best = null;
        foreach (var block in candidates.Select(c => c.Block).Distinct())
        {
            foreach (var pattern in block.Patterns)
            {
                var m = matcher.Match(pattern, tree, v, before, after, Compound, date);
                if (m is not null && (best is null || m.Score > best.Score))
                {
                    best = m;
                }
            }
        }

        var verb = candidates[0];
        var specific = best is { Content: true };
        if (!specific && broadVerbs.Contains(tree.Lemmas[v].ToLowerInvariant()))
        {
            return; // "gave evidence", "joined a rally": a broad verb's bare sense is no act between actors
        }

        var code = best?.Pattern.Code ?? verb.Code ?? verb.Block.Code;
        if (code.IsNull || code.Code.Length == 0 || (phrases.StateOfMind(tree.Lemmas[v]) && !code.Code.StartsWith("01", StringComparison.Ordinal)))
        {
            return; // a state of mind ("thinks", "wants") is at most a comment (CAMEO 01), never an act between actors
        }

        // a pattern's $ and + must stand in the verb's own clause or its subject, not in another clause of the sentence:
        // the pattern says which word of a phrase the verb governs is the actor
        bool InClause(int token) => PatternMatcher.Under(tree, token, v) || subjects.Any(h => PatternMatcher.Under(tree, token, h));
        var patternSource = best is { Source: >= 0 } && InClause(best.Source) ? NounHead(tree, best.Source) : -1;
        var patternTarget = best is { Target: >= 0 } && InClause(best.Target) ? NounHead(tree, best.Target) : -1;
        var sourceActors = patternSource >= 0 ? Coded(document, tree, [patternSource], date, source: true) : Coded(document, tree, subjects, date, source: true);
        var targetActors = patternTarget >= 0 ? Coded(document, tree, [patternTarget], date) : Targets(document, tree, v, objects, passive, date);

        var modality = ModalityOf(tree, v);
        if (modality.Negated && negations.TryGetValue(code.Code, out var negatedCode))
        {
            code = new PetrarchEventCode(negatedCode, null);
            modality = modality with { Negated = false };
        }

        var pairs = new List<(TreeActor S, TreeActor T)>();
        if (best is { CompoundBefore: true } && sourceActors.Count > 1)
        {
            foreach (var a in sourceActors)
            {
                pairs.AddRange(sourceActors.Where(b => b.Code != a.Code).Select(b => (a, b)));
            }
        }
        else if (best is { CompoundAfter: true } && targetActors.Count > 1)
        {
            foreach (var a in targetActors)
            {
                pairs.AddRange(targetActors.Where(b => b.Code != a.Code).Select(b => (a, b)));
            }
        }
        else
        {
            foreach (var s in sourceActors)
            {
                pairs.AddRange(targetActors.Where(t => t.Code != s.Code).Select(t => (s, t)));
            }
        }

        var clause = ClauseOf(document, tree, v);
        if (pairs.Count == 0 && targetActors.Count == 0 && standsAlone is not null && best is not { CompoundBefore: true } and not { CompoundAfter: true })
        {
            // no target named: kept for now; Code keeps it when its open clause names one or the act stands alone
            events.AddRange(sourceActors.Select(s => new TreeEvent(tree.First + v, code.Code, s, null, verb.Block.Name, best?.Pattern.Text, modality) { Clause = clause, Specific = specific }));
            return;
        }

        foreach (var (s, t) in pairs)
        {
            events.Add(new TreeEvent(tree.First + v, code.Code, s, t, verb.Block.Name, best?.Pattern.Text, modality) { Clause = clause });
            if (code.Reverse is { } reverse && reverse != PetrarchEventCode.Null)
            {
                events.Add(new TreeEvent(tree.First + v, reverse, t, s, verb.Block.Name, best?.Pattern.Text, modality) { Clause = clause });
            }
        }
    }

    /// <summary>
    /// The target when no pattern placed one: the objects (a passive's subject); else the objects of a "to" clause
    /// the verb governs ("signed an accord to supply Gondor"); else the first prepositional phrase that names an
    /// actor (with its conjuncts); else the subject of a clausal complement ("believes Dagolath can cope").
    /// </summary>
    private List<TreeActor> Targets(Document document, DependencyTree tree, int v, List<int> objects, bool passive, DateOnly date)
    {
        var found = Coded(document, tree, objects, date);
        if (found.Count > 0)
        {
            return found;
        }

        var infinitives = tree.Children(v).Concat(objects.SelectMany(tree.Children))
            .Where(c => tree.Relations[c] is "advcl" or "xcomp" or "acl" && tree.Upos[c] == "VERB" && tree.Children(c).Any(m => tree.Relations[m] == "mark" && tree.Words[m] == "TO"));
        foreach (var clause in infinitives)
        {
            found = Coded(document, tree, WithConjuncts(tree, tree.ChildrenWith(clause, "obj", "iobj").ToList()), date);
            if (found.Count > 0)
            {
                return found;
            }
        }

        foreach (var oblique in Obliques(tree, v, passive))
        {
            if (phrases.Circumstance(tree.CaseOf(oblique)))
            {
                continue; // "during the talks", "despite the protests": a circumstance, not the one acted on
            }

            found = Coded(document, tree, WithConjuncts(tree, [oblique]), date);
            if (found.Count > 0)
            {
                return found;
            }
        }

        // the subject of a clause the verb reports ("said Gondor had lied") is what was said, not who was acted on
        var cue = document.Tokens[tree.First + v].Span;
        if (document.Attributions.Any(a => a.Cue.Overlaps(cue)))
        {
            return found;
        }

        foreach (var clause in tree.ChildrenWith(v, "ccomp"))
        {
            found = Coded(document, tree, WithConjuncts(tree, tree.ChildrenWith(clause, "nsubj").ToList()), date);
            if (found.Count > 0)
            {
                return found;
            }
        }

        return found;
    }

    /// <summary>Subject noun phrases: nsubj (a passive's "by" phrase), else the governor's for open clauses and conjoined verbs.</summary>
    private static List<int> Subjects(DependencyTree tree, int v, bool passive)
    {
        var heads = passive
            ? tree.Children(v).Where(c => tree.Subtypes[c] == "obl:agent" || (tree.Relations[c] is "obl" or "nmod" && tree.CaseOf(c) == "BY")).ToList()
            : tree.ChildrenWith(v, "nsubj").ToList();
        if (heads.Count == 0 && !passive)
        {
            var governor = tree.Heads[v];
            if (governor >= 0 && tree.Relations[v] is "xcomp")
            {
                var govObjects = tree.ChildrenWith(governor, "obj").ToList();
                heads = govObjects.Count > 0 ? govObjects : tree.ChildrenWith(governor, "nsubj").ToList();
            }
            else if (governor >= 0 && tree.Relations[v] is "conj" or "advcl")
            {
                heads = tree.ChildrenWith(governor, "nsubj").ToList();
            }
        }

        // a pronoun subject of a subordinate clause is the governing clause's subject ("Ethiopia indicated it would act")
        if (heads.Count == 1 && tree.Upos[heads[0]] == "PRON" && tree.Heads[v] >= 0 && tree.Relations[v] is "ccomp" or "xcomp" or "advcl" or "conj")
        {
            var governing = Subjects(tree, tree.Heads[v], tree.IsPassive(tree.Heads[v]));
            if (governing.Count > 0)
            {
                return governing;
            }
        }

        return WithConjuncts(tree, heads);
    }

    /// <summary>Target noun phrases: objects and indirect objects, a passive's subject.</summary>
    private static List<int> Objects(DependencyTree tree, int v, bool passive)
    {
        var heads = tree.ChildrenWith(v, "obj", "iobj").ToList();
        if (passive)
        {
            heads.AddRange(tree.ChildrenWith(v, "nsubj:pass"));
        }

        return WithConjuncts(tree, heads);
    }

    /// <summary>Prepositional phrases of the verb (obl, nmod), in order, leaving out time phrases and a passive's "by" phrase.</summary>
    private static List<int> Obliques(DependencyTree tree, int v, bool passive) =>
        tree.Children(v).Where(c => tree.Relations[c] is "obl" or "nmod" && tree.Subtypes[c] is not ("obl:tmod" or "nmod:tmod" or "obl:npmod" or "nmod:npmod" or "nmod:poss") && !(passive && tree.CaseOf(c) == "BY")).ToList();

    private static List<int> WithConjuncts(DependencyTree tree, List<int> heads)
    {
        var result = new List<int>();
        foreach (var head in heads)
        {
            result.Add(head);
            result.AddRange(tree.ChildrenWith(head, "conj").Where(c => tree.Upos[c] is not ("VERB" or "AUX")));
        }

        return result;
    }

    /// <summary>The head of the noun phrase a word stands in ("Gondor" in "anti- Gondor parade" stays "Gondor").</summary>
    private static int NounHead(DependencyTree tree, int token)
    {
        var n = token;
        while (tree.Heads[n] >= 0 && tree.Relations[n] is "compound" or "flat" or "amod" or "det" or "case" or "nummod" or "goeswith")
        {
            n = tree.Heads[n];
        }

        return n;
    }

    /// <summary>
    /// Codes each noun phrase with the actor and agent dictionaries (the first actor of a phrase is its actor: "the
    /// parliament of Gondor in Eriador" → Gondor); an actor coordinated inside the phrase gives one actor per member,
    /// each with the phrase's agents ("the ambassadors of Arnor, Osgiliath and Gondor"); a member with an agent and
    /// no actor takes the first member's actor ("Danish media and government"). Phrases with no code are left out.
    /// </summary>
    /// <param name="source">The phrases are the verb's subject: only people, groups and bodies act, never a thing they own.</param>
    private List<TreeActor> Coded(Document document, DependencyTree tree, List<int> heads, DateOnly date, bool source = false)
    {
        var result = new List<TreeActor>();
        List<CodebookMatch>? firstActors = null;
        foreach (var head in heads)
        {
            if (tree.Facts.Place[head] && phrases.PlaceCase(tree.CaseOf(head)))
            {
                continue; // "returned to Geneva", "met in the capital": where it happened, not who
            }

            var (matches, actorToken, tokens) = Scan(tree, head, date);
            if (matches.Count == 0 || !Names(tree, head, matches, tokens, date, source))
            {
                continue;
            }

            var agents = matches.Where(m => m.Agent).ToList();
            if (!matches.Any(m => !m.Agent) && firstActors is not null)
            {
                matches = [.. firstActors.Where(m => !m.Agent), .. firstActors.Where(m => m.Agent).SkipLast(1), .. agents];
            }
            else if (firstActors is null && matches.Any(m => !m.Agent))
            {
                firstActors = matches;
            }

            Add(document, tree, result, head, matches, actorToken, date);
            if (actorToken >= 0 && NounHead(tree, actorToken) is var actorHead && actorHead != head)
            {
                foreach (var member in tree.ChildrenWith(actorHead, "conj").Where(c => tree.Upos[c] is not ("VERB" or "AUX")))
                {
                    var (own, ownActor, _) = Scan(tree, member, date);
                    if (own.Any(m => !m.Agent))
                    {
                        Add(document, tree, result, member, own.Any(m => m.Agent) ? own : [.. own, .. agents], ownActor, date);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Whether a phrase names an actor: its head (or the people a counting noun counts) is a person, group,
    /// organisation or place name, or a word the codebook knows ("the army", "rebels"); a phrase headed by a thing or
    /// an act names one only through its owner, an actor of the codebook ("an Ankh-Morpork ultimatum"), never
    /// through an agent word alone ("a military offensive"), a city ("the Paris agreement") or a place it happened
    /// in ("a curfew in the capital"); as the one who acts (a subject) only through a possessor, adjective or
    /// compound ("X's largest party launched"), not a prepositional phrase ("the poll by X showed").
    /// </summary>
    private bool Names(DependencyTree tree, int head, List<CodebookMatch> matches, List<int> tokens, DateOnly date, bool source) =>
        PersonLike(tree, phrases.PeopleHead(tree, head), date)
        || matches.Any(m => !m.Agent && !tree.Facts.Place[tokens[m.Start]] && (!source || Attached(tree, tokens[m.Start], head)));

    /// <summary>Whether a word modifies the head directly (possessor, adjective, compound), not through a prepositional phrase.</summary>
    private static bool Attached(DependencyTree tree, int token, int head)
    {
        for (var n = token; n != head && n >= 0; n = tree.Heads[n])
        {
            if (tree.Relations[n] is "nmod" or "obl" or "acl" && tree.Subtypes[n] != "nmod:poss")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word that names people or a body: inside an actor mention or name, a proper noun, or a word of the actor or agent dictionaries.</summary>
    private bool PersonLike(DependencyTree tree, int token, DateOnly date) =>
        tree.Facts.Actor[token] || tree.Upos[token] == "PROPN" || (tree.Upos[token] is "NOUN" or "PRON" or "ADJ" && codebook.Match([tree.Words[token]], 0, date) is not null);

    private void Add(Document document, DependencyTree tree, List<TreeActor> result, int head, List<CodebookMatch> matches, int actorToken, DateOnly date)
    {
        var codes = PetrarchCodebook.Combine(matches);
        if (codes.Count == 0 || result.Any(r => r.Code == codes[0]))
        {
            return;
        }

        var tokens = PhraseTokens(tree, head, date);
        var span = new TextSpan(document.Tokens[tree.First + tokens[0]].Span.Start, document.Tokens[tree.First + tokens[^1]].Span.End);
        result.Add(new TreeActor(tree.First + head, span, codes[0]) { ActorToken = actorToken < 0 ? -1 : tree.First + actorToken });
    }

    /// <summary>The words of an actor phrase, cut as <see cref="ActorPhrase"/> says.</summary>
    private List<int> PhraseTokens(DependencyTree tree, int head, DateOnly date) =>
        phrases.Tokens(tree, head, t => PersonLike(tree, t, date));

    /// <summary>The actor and agent matches of a phrase (one actor at most) and the token its actor starts on (-1 for none).</summary>
    private (List<CodebookMatch> Matches, int ActorToken, List<int> Tokens) Scan(DependencyTree tree, int head, DateOnly date)
    {
        var tokens = PhraseTokens(tree, head, date);
        var words = tokens.Select(t => tree.Words[t]).ToList();
        var matches = new List<CodebookMatch>();
        var actorToken = -1;
        for (var i = 0; i < words.Count;)
        {
            // a pronoun is never a dictionary word ("us" is not the US)
            if (tree.Upos[tokens[i]] != "PRON" && codebook.Match(words, i, date) is { } m)
            {
                if (!m.Agent)
                {
                    if (actorToken >= 0)
                    {
                        i += m.Length;
                        continue;
                    }

                    actorToken = tokens[i];
                }

                matches.Add(m);
                i += m.Length;
            }
            else
            {
                i++;
            }
        }

        return (matches, actorToken, tokens);
    }

    /// <summary>
    /// Modality read from the verb's own children, with the words of data/events/modality.tsv: a negating adverb
    /// ("not", "never"), a modal or future auxiliary ("could", "will"), a conditional marker ("if", "unless").
    /// </summary>
    internal static Modality ModalityOf(DependencyTree tree, int v)
    {
        bool negated = false, future = false, hedged = false, conditional = false;
        foreach (var c in tree.Children(v))
        {
            if (tree.Relations[c] is not ("advmod" or "aux" or "mark"))
            {
                continue;
            }

            var kind = ModalityReader.Shipped.KindOf(tree.Lemmas[c].ToLowerInvariant()) ?? ModalityReader.Shipped.KindOf(tree.Words[c].ToLowerInvariant());
            negated |= kind == "negation" && tree.Relations[c] == "advmod";
            hedged |= kind == "hedge";
            future |= kind == "future" && tree.Relations[c] == "aux";
            conditional |= kind == "conditional" && tree.Relations[c] == "mark";
        }

        return new Modality { Negated = negated, Future = future, Hedged = hedged, Conditional = conditional };
    }
}
