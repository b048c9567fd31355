using Tacitus.Documents;
using Tacitus.Knowledge;

namespace Tacitus.Events.Tree;

/// <summary>
/// Applies PETRARCH-2's transformations to a nested event: a coded verb that governs a clause (ccomp, xcomp) whose
/// verb itself codes an event makes <c>(a, (b, c, inner code), outer verb)</c>, and the first rule that matches
/// (rules with named verbs before rules with <c>Q</c>, then in the order read: the user's files first) gives the
/// record it becomes ("a says b attacked c" → a accuses b, 112). As in PETRARCH-2's <c>match_transform</c>: a verb
/// word stands for its dictionary code and every code under it (010 matches 012; 190 matches 193, 1823 does not);
/// a verb the dictionary lists with no code (<c>ATTEMPT [---]</c>) matches by its own word; a variable binds an actor
/// and the same variable must be the same actor; <c>.</c> is any actor, <c>_</c> none (the clause has no subject of
/// its own, "wanted to attack"). One difference: different variables must be different actors.
/// </summary>
internal sealed class NestedEventTransformer
{
    private readonly List<Rule> rules;

    private NestedEventTransformer(List<Rule> rules) => this.rules = rules;

    public int Count => rules.Count;

    /// <summary>A rule with its verb words resolved to their codes (empty: the verb has no code and matches by its word).</summary>
    private sealed record Rule(PetrarchTransformation Text, string[]? InnerCodes, string[] OuterCodes);

    /// <summary>
    /// Resolves each transformation's verb words against the (merged) verb dictionary; a rule naming a verb no
    /// dictionary lists is a TAC302 with its file and line and is left out.
    /// </summary>
    public static NestedEventTransformer Resolve(PetrarchVerbDictionary verbs, List<TacitusError> errors)
    {
        var rules = new List<Rule>();
        foreach (var t in verbs.Transformations)
        {
            var outer = Codes(verbs, t.OuterVerb);
            var inner = t.InnerVerb == PetrarchTransformation.AnyVerb ? null : Codes(verbs, t.InnerVerb);
            if (outer is null || (inner is null && t.InnerVerb != PetrarchTransformation.AnyVerb))
            {
                var missing = outer is null ? t.OuterVerb : t.InnerVerb;
                errors.Add(new TacitusError(PetrarchDictionaryReader.VerbError, "knowledge", $"a transformation naming the verb '{missing}', which no verb dictionary lists", t.File, $"line {t.Line}"));
                continue;
            }

            rules.Add(new Rule(t, inner, outer));
        }

        // named verbs before Q, as PETRARCH-2 tries a code before its wildcard; otherwise the order read
        return new NestedEventTransformer([.. rules.OrderBy(r => r.InnerCodes is null ? 1 : 0)]);
    }

    /// <summary>The codes of a verb word (its own code, else its block's), null codes left out; null when no dictionary lists the word.</summary>
    private static string[]? Codes(PetrarchVerbDictionary verbs, string word) =>
        verbs.Verbs.TryGetValue(word, out var list)
            ? [.. list.Where(v => v.Lemma == word || v.Word == word).Select(v => v.Code ?? v.Block.Code).Where(c => !c.IsNull && c.Code.Length > 0).Select(c => c.Code).Distinct()]
            : null;

    /// <summary>
    /// The record the nested event becomes under the first matching rule, or null when none matches. A rule with a
    /// code of its own makes an act of the governing clause (its verb, modality and words); a rule whose code is
    /// <c>Q</c> keeps the inner act with the actors it names.
    /// </summary>
    /// <param name="innerLemma">The inner verb's lemma (upper case), for a rule verb with no code.</param>
    /// <param name="innerHasSubject">Whether the inner clause names its own subject (an open clause, "to attack", does not).</param>
    public TreeEvent? Transform(GoverningClause outer, TreeEvent inner, string innerLemma, bool innerHasSubject)
    {
        foreach (var rule in rules)
        {
            if (!OuterVerbFits(rule, outer.Verbs) || !InnerVerbFits(rule, inner, innerLemma))
            {
                continue;
            }

            foreach (var source in outer.Sources)
            {
                var bound = new Dictionary<string, TreeActor>(StringComparer.Ordinal) { [rule.Text.OuterSource] = source };
                if (!Bind(bound, rule.Text.InnerSource, innerHasSubject ? inner.Source : null) || !Bind(bound, rule.Text.InnerTarget, inner.Target))
                {
                    continue;
                }

                var (s, t) = (bound[rule.Text.ResultSource], bound[rule.Text.ResultTarget]);
                if (s.Code == t.Code)
                {
                    continue;
                }

                var why = $"{rule.Text.Text} ({rule.Text.File} line {rule.Text.Line})";
                return rule.Text.ResultCode == PetrarchTransformation.AnyVerb
                    ? inner with { Source = s, Target = t, Transformation = why }
                    : new TreeEvent(outer.Verb, rule.Text.ResultCode, s, t, inner.Block, null, outer.Modality) { Clause = outer.Clause, Specific = true, Transformation = why };
            }
        }

        return null;
    }

    /// <summary>
    /// Whether any rule's outer verb is one of <paramref name="verbs"/> (the governing verb's dictionary entries): when
    /// none is, no nested event under that verb can be transformed, and its clause need not be read.
    /// </summary>
    public bool Governs(IReadOnlyList<PetrarchVerb> verbs) => rules.Any(r => OuterVerbFits(r, verbs));

    private static bool OuterVerbFits(Rule rule, IReadOnlyList<PetrarchVerb> verbs) =>
        verbs.Any(v => rule.OuterCodes.Length == 0
            ? v.Lemma == rule.Text.OuterVerb
            : (v.Code ?? v.Block.Code) is { IsNull: false } code && rule.OuterCodes.Any(c => Under(code.Code, c)));

    private static bool InnerVerbFits(Rule rule, TreeEvent inner, string innerLemma) =>
        rule.InnerCodes is null || (rule.InnerCodes.Length == 0 ? innerLemma == rule.Text.InnerVerb : rule.InnerCodes.Any(c => Under(inner.Cameo, c)));

    /// <summary>Binds an actor slot: <c>_</c> asks for no actor, <c>.</c> for any, a variable for the actor it has (or a new one).</summary>
    private static bool Bind(Dictionary<string, TreeActor> bound, string slot, TreeActor? actor)
    {
        if (slot == PetrarchTransformation.NoActor)
        {
            return actor is null;
        }

        if (actor is null)
        {
            return false;
        }

        if (slot == PetrarchTransformation.AnyActor)
        {
            return true;
        }

        if (bound.TryGetValue(slot, out var have))
        {
            return have.Code == actor.Code;
        }

        if (bound.Values.Any(b => b.Code == actor.Code))
        {
            return false;
        }

        bound[slot] = actor;
        return true;
    }

    /// <summary>
    /// Whether a CAMEO code falls under a rule's code: equal, or equal once its third and fourth digits are zeroed
    /// (rule 010 covers 012 and 0123; 190 covers 193; the two root digits always count).
    /// </summary>
    internal static bool Under(string code, string rule)
    {
        var (c, r) = (code.PadRight(4, '0'), rule.PadRight(4, '0'));
        return c == r || c[..3] + "0" == r || c[..2] + "00" == r;
    }
}
