using Tacitus.Knowledge;

namespace Tacitus.Events.Tree;

/// <summary>One actor or agent phrase of the codebook, as upper-case words.</summary>
internal sealed record CodebookEntry(string[] Words, IReadOnlyList<PetrarchCode> Codes, bool Agent, bool Prefix);

/// <summary>An actor or agent found in a run of words: where it starts, how many words, and its code.</summary>
internal readonly record struct CodebookMatch(int Start, int Length, string Code, bool Agent, bool Prefix);

/// <summary>
/// The actor and agent dictionaries as one lookup over words: the longest phrase starting at a word, its code for a
/// date (PETRARCH's dated codes), and how actor and agent codes combine into a full code (<c>GON</c> + <c>~GOV</c> →
/// <c>GONGOV</c>; <c>NGO~</c> + <c>ARN</c> → <c>NGOARN</c>; an agent alone → <c>---GOV</c>).
/// </summary>
internal sealed class PetrarchCodebook
{
    private readonly Dictionary<string, List<CodebookEntry>> byFirstWord = new(StringComparer.Ordinal);

    public PetrarchCodebook(IEnumerable<PetrarchActor> actors, IEnumerable<PetrarchAgent> agents)
    {
        foreach (var actor in actors)
        {
            foreach (var phrase in (IEnumerable<string>)[actor.Phrase, .. actor.Synonyms])
            {
                // codes as written may be in lower case ("[pse]"): PETRARCH codes are upper case
                Add(phrase, [.. actor.Codes.Select(c => c with { Code = c.Code.ToUpperInvariant() })], agent: false, prefix: false);
            }
        }

        foreach (var agent in agents)
        {
            var code = new PetrarchCode(agent.Code, DateOnly.MinValue, DateOnly.MaxValue, false);
            Add(agent.Phrase, [code], agent: true, agent.Prefix);
            if (!string.IsNullOrEmpty(agent.Plural))
            {
                Add(agent.Plural, [code], agent: true, agent.Prefix);
            }
        }
    }

    public int Count => byFirstWord.Values.Sum(l => l.Count);

    private void Add(string phrase, IReadOnlyList<PetrarchCode> codes, bool agent, bool prefix)
    {
        var words = Words(phrase);
        if (words.Length == 0 || codes.Count == 0)
        {
            return;
        }

        if (!byFirstWord.TryGetValue(words[0], out var list))
        {
            list = [];
            byFirstWord[words[0]] = list;
        }

        list.Add(new CodebookEntry(words, codes, agent, prefix));
    }

    /// <summary>A dictionary phrase as words: '_' and spaces separate words; case is ignored.</summary>
    internal static string[] Words(string phrase) =>
        phrase.ToUpperInvariant().Split((char[])[' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The longest actor or agent phrase starting at <paramref name="start"/> of <paramref name="words"/>, or null.</summary>
    public CodebookMatch? Match(IReadOnlyList<string> words, int start, DateOnly date)
    {
        if (start >= words.Count)
        {
            return null;
        }

        CodebookMatch? best = null;
        foreach (var candidate in Candidates(words[start]))
        {
            if (!byFirstWord.TryGetValue(candidate, out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Words.Length > words.Count - start || (best is { } b && b.Length >= entry.Words.Length))
                {
                    continue;
                }

                var ok = true;
                for (var i = 1; i < entry.Words.Length && ok; i++)
                {
                    ok = Same(entry.Words[i], words[start + i], last: i == entry.Words.Length - 1);
                }

                if (ok && CodeOn(entry.Codes, date) is { } code)
                {
                    best = new CodebookMatch(start, entry.Words.Length, code, entry.Agent, entry.Prefix);
                }
            }
        }

        return best;
    }

    /// <summary>The dictionary words a text word may stand for: itself, its singular, without a possessive.</summary>
    private static IEnumerable<string> Candidates(string word)
    {
        yield return word;
        var bare = word.EndsWith("'S", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'');
        if (bare != word)
        {
            yield return bare;
        }

        if (bare.Length > 3 && bare.EndsWith('S'))
        {
            yield return bare[..^1];
            if (bare.EndsWith("ES", StringComparison.Ordinal))
            {
                yield return bare[..^2];
            }
        }
    }

    private static bool Same(string dictionaryWord, string textWord, bool last) =>
        dictionaryWord == textWord || (last && Candidates(textWord).Contains(dictionaryWord));

    /// <summary>The code in force on <paramref name="date"/>: a dated code whose range holds it, else the first undated one.</summary>
    public static string? CodeOn(IReadOnlyList<PetrarchCode> codes, DateOnly date)
    {
        string? undated = null;
        foreach (var code in codes)
        {
            if (!code.Dated)
            {
                undated ??= code.Code;
            }
            else if (date >= code.From && date <= code.To)
            {
                return code.Code;
            }
        }

        return undated;
    }

    /// <summary>
    /// Combines the actors and agents found in one noun phrase into full codes (PETRARCH's <c>mix_codes</c>): each
    /// actor code takes each agent's code once; with no actor, the agent stands after <c>---</c>.
    /// </summary>
    public static IReadOnlyList<string> Combine(IReadOnlyList<CodebookMatch> matches)
    {
        var actors = matches.Where(m => !m.Agent).Select(m => m.Code).Distinct().ToList();
        var agents = matches.Where(m => m.Agent).ToList();
        if (actors.Count == 0 && agents.Count == 0)
        {
            return [];
        }

        var bases = actors.Count > 0 ? actors : ["---"];
        var result = new List<string>();
        foreach (var actor in bases)
        {
            var code = actor;
            foreach (var agent in agents)
            {
                if (agent.Code == "PPL" && agents.Count > 1)
                {
                    continue;
                }

                if (code.Contains(agent.Code, StringComparison.Ordinal))
                {
                    continue;
                }

                code = agent.Prefix ? (code == "---" ? agent.Code : agent.Code + code) : code + agent.Code;
            }

            if (code is not ("---" or ""))
            {
                result.Add(code);
            }
        }

        return result.Distinct().ToList();
    }
}
