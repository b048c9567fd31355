using System.Collections.Frozen;
using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Events.Tree;

/// <summary>
/// What the rest of the analysis knows about one sentence's words, per sentence-local token: inside an actor mention
/// or a person, organisation or group name (<see cref="Actor"/>); inside a place that is not a country
/// (<see cref="Place"/>). Empty (all false) for a document the mention stages did not run on (the PETRARCH suite).
/// </summary>
internal sealed class SentenceFacts
{
    private SentenceFacts(int count)
    {
        Actor = new bool[count];
        Place = new bool[count];
    }

    public bool[] Actor { get; }

    public bool[] Place { get; }

    public static SentenceFacts Of(Document document, Sentence sentence)
    {
        var facts = new SentenceFacts(sentence.TokenCount);
        var first = sentence.FirstToken;
        var country = new bool[sentence.TokenCount];
        void Mark(bool[] marks, TextSpan span)
        {
            for (var i = 0; i < marks.Length; i++)
            {
                var t = document.Tokens[first + i].Span;
                if (t.Start < span.End && span.Start < t.End)
                {
                    marks[i] = true;
                }
            }
        }

        foreach (var m in document.Mentions)
        {
            if (!sentence.Span.Contains(m.Span))
            {
                continue;
            }

            switch (m.Kind)
            {
                case MentionKind.Person or MentionKind.Organization:
                    Mark(facts.Actor, m.Span);
                    break;
                case MentionKind.Country:
                    Mark(facts.Actor, m.Span);
                    Mark(country, m.Span);
                    break;
                case MentionKind.Place:
                    Mark(facts.Place, m.Span);
                    break;
            }
        }

        foreach (var n in document.Names)
        {
            if (sentence.Span.Contains(n.Span))
            {
                Mark(n.Kind == NameKind.Place ? facts.Place : n.Kind is NameKind.Person or NameKind.Organisation or NameKind.Group ? facts.Actor : Array.Empty<bool>(), n.Span);
            }
        }

        for (var i = 0; i < country.Length; i++)
        {
            facts.Place[i] &= !country[i];
        }

        return facts;
    }

    /// <summary>No knowledge of the words (a parse read alone).</summary>
    public static SentenceFacts None(int count) => new(count);
}

/// <summary>
/// Reads a noun phrase of the tree as an actor, the way a linguist cuts it: the head with its determiners,
/// adjectives, compounds, possessors, flat names and participles ("roads leading into X"); its prepositional phrases
/// except a circumstance ("during", "despite") and, right under a thing or an act, a place ("a curfew in X": where,
/// not whose; under people, "rebels in X", the place says who they are); never its relative clauses, appositions,
/// coordination or punctuation. The prepositions and counting nouns are data
/// (data/events/tree-phrases.tsv).
/// </summary>
internal sealed class ActorPhrase
{
    private static readonly string[] Breaks = ["conj", "cc", "advcl", "parataxis", "appos", "punct", "ccomp", "xcomp", "dep", "mark", "discourse", "vocative", "reparandum", "orphan", "list"];

    private readonly FrozenSet<string> affiliation;
    private readonly FrozenSet<string> locative;
    private readonly FrozenSet<string> quantity;
    private readonly FrozenSet<string> notTarget;
    private readonly FrozenSet<string> placeCase;
    private readonly FrozenSet<string> notEvent;

    private ActorPhrase(WordLists lists)
    {
        // The tree reads words upper-cased, as the PETRARCH dictionaries write them.
        FrozenSet<string> Of(string kind) => lists[kind].Select(w => w.ToUpperInvariant()).ToFrozenSet(StringComparer.Ordinal);
        affiliation = Of("affiliation");
        locative = Of("locative");
        quantity = Of("quantity");
        notTarget = Of("not-target");
        placeCase = Of("place-case");
        notEvent = Of("not-event");
    }

    public static ActorPhrase Shipped { get; } = new(WordLists.Embedded("events", "tree-phrases.tsv"));

    /// <summary>Whether a prepositional phrase with this case word is never the one acted on ("during", "despite").</summary>
    public bool Circumstance(string? caseWord) => caseWord is not null && notTarget.Contains(caseWord);

    /// <summary>Whether a verb (by its upper-case lemma) thinks, feels or wants rather than acts ("think", "hope", "want").</summary>
    public bool StateOfMind(string lemma) => notEvent.Contains(lemma);

    /// <summary>Whether a place after this case word is where something happened ("in", "to", "at").</summary>
    public bool PlaceCase(string? caseWord) => caseWord is not null && placeCase.Contains(caseWord);

    /// <summary>
    /// The word that stands for the people a phrase names: the head, or for a counting noun its "of" phrase ("tens of
    /// thousands of students" → students).
    /// </summary>
    public int PeopleHead(DependencyTree tree, int head)
    {
        var n = head;
        for (var guard = 0; guard < 4 && (quantity.Contains(tree.Words[n]) || tree.Upos[n] == "NUM"); guard++)
        {
            var of = tree.Children(n).FirstOrDefault(c => tree.Relations[c] == "nmod" && tree.CaseOf(c) == "OF", -1);
            if (of < 0)
            {
                break;
            }

            n = of;
        }

        return n;
    }

    /// <summary>
    /// The tokens of the actor phrase headed by <paramref name="head"/>, in order; <paramref name="personLike"/> says
    /// whether a word names a person or group (whose "in"/"from" phrases then say who they are).
    /// </summary>
    public List<int> Tokens(DependencyTree tree, int head, Func<int, bool> personLike)
    {
        var result = new List<int>();
        var stack = new Stack<int>();
        stack.Push(head);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            result.Add(n);
            foreach (var c in tree.Children(n))
            {
                if (Keeps(tree, head, n, c, personLike))
                {
                    stack.Push(c);
                }
            }
        }

        result.Sort();
        return result;
    }

    private bool Keeps(DependencyTree tree, int head, int parent, int child, Func<int, bool> personLike)
    {
        var relation = tree.Relations[child];
        if (Breaks.Contains(relation) || tree.Subtypes[child] == "acl:relcl" || (relation is "case" or "advmod" && parent == head))
        {
            return false;
        }

        if (relation is not ("nmod" or "obl") || tree.Subtypes[child] is "nmod:poss")
        {
            return !(tree.Subtypes[child] is "nmod:tmod" or "nmod:npmod" or "obl:tmod" or "obl:npmod");
        }

        // a circumstance is never part of who acts ("talks during the ceasefire"); a place right under a thing or an
        // act says where it is, not whose ("a curfew in the capital"), while under people it says who they are
        // ("rebels in the north")
        var caseWord = tree.CaseOf(child);
        if (caseWord is null)
        {
            return true;
        }

        if (notTarget.Contains(caseWord) && !affiliation.Contains(caseWord))
        {
            return false;
        }

        var people = quantity.Contains(tree.Words[parent]) || tree.Upos[parent] == "NUM" || personLike(parent);
        return people || parent != head || !locative.Contains(caseWord);
    }
}
