using System.Text.RegularExpressions;
using Tacitus.Documents;

namespace Tacitus.Knowledge;

/// <summary>Transformation lines of a verb dictionary (PETRARCH-2 <c>read_verb_dictionary</c>, the <c>~</c> lines).</summary>
internal static partial class PetrarchDictionaryReader
{
    /// <summary>
    /// Reads <c>~ a (b c VERB) VERB = x y CODE</c>: the outer clause's source, the inner clause's source, target and
    /// verb, the outer verb, and the record it becomes (two variables of the left side and a CAMEO code or <c>Q</c>).
    /// A line of another shape is a TAC302 with file and line; a rule nested deeper than one clause is one too (it is
    /// not applied). Verb words are checked against the dictionaries when the coder is built
    /// (<see cref="Events.Tree.NestedEventTransformer"/>).
    /// </summary>
    internal static PetrarchTransformation? ReadTransformation(string line, string file, int lineNo, List<TacitusError> errors)
    {
        PetrarchTransformation? Fail(string message)
        {
            errors.Add(VerbProblem(file, lineNo, message));
            return null;
        }

        var sides = line[1..].Split('=');
        if (sides.Length != 2)
        {
            return Fail("a transformation without one '=' ('~ a (b . VERB) VERB = a b code')");
        }

        var left = TransformationTokens().Matches(sides[0]).Select(m => m.Value).ToList();
        var right = sides[1].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (left.Count(t => t == "(") > 1)
        {
            return Fail("a transformation nested deeper than one clause (not supported)");
        }

        if (left is not [var outer, "(", var innerSource, var innerTarget, var innerVerb, ")", var outerVerb] || right.Length != 3)
        {
            return Fail("a transformation not of the form '~ a (b . VERB) VERB = a b code'");
        }

        if (!PetrarchTransformation.IsVariable(outer))
        {
            return Fail($"a transformation whose outer source '{outer}' is not a variable (lower-case letters)");
        }

        foreach (var slot in (string[])[innerSource, innerTarget])
        {
            if (!PetrarchTransformation.IsVariable(slot) && slot is not (PetrarchTransformation.AnyActor or PetrarchTransformation.NoActor))
            {
                return Fail($"a transformation actor slot '{slot}' that is neither a variable, '.' nor '_'");
            }
        }

        foreach (var verb in (string[])[innerVerb, outerVerb])
        {
            if (!TransformationVerb().IsMatch(verb))
            {
                return Fail($"a transformation verb '{verb}' that is not an upper-case verb word or Q");
            }

            if (verb.Contains('_', StringComparison.Ordinal))
            {
                return Fail($"a transformation verb '{verb}' joined from several verbs (not supported)");
            }
        }

        if (outerVerb == PetrarchTransformation.AnyVerb)
        {
            return Fail("a transformation whose outer verb is Q (only the inner verb may be any verb)");
        }

        var bound = new[] { outer, innerSource, innerTarget }.Where(PetrarchTransformation.IsVariable).ToHashSet(StringComparer.Ordinal);
        if (!bound.Contains(right[0]) || !bound.Contains(right[1]))
        {
            return Fail($"a transformation result '{right[0]} {right[1]}' naming a variable the left side does not bind");
        }

        var code = right[2];
        if (code == PetrarchTransformation.AnyVerb ? innerVerb != PetrarchTransformation.AnyVerb : !Domain.CameoCode.Parse(code).Success)
        {
            return Fail($"a transformation result code '{code}' that is neither a CAMEO code nor Q with an inner verb Q");
        }

        return new PetrarchTransformation(line, file, lineNo, outer, innerSource, innerTarget, innerVerb, outerVerb, right[0], right[1], code);
    }

    [GeneratedRegex(@"[()]|[^\s()]+", RegexOptions.CultureInvariant)]
    private static partial Regex TransformationTokens();

    [GeneratedRegex(@"^[A-Z][A-Z_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TransformationVerb();
}
