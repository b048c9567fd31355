using System.Collections.Frozen;
using Tacitus.Knowledge;
using Tacitus.Documents;

namespace Tacitus.Attributions;

/// <summary>How a cue relates source and content.</summary>
internal enum CueFrame
{
    /// <summary>"X said ...", "..., X said", "..., said X".</summary>
    Verb,

    /// <summary>"according to X".</summary>
    Preposition,

    /// <summary>"citing X", "quoting X": the source cites another.</summary>
    Chain,
}

/// <summary>One cue of data/attribution/cues.tsv.</summary>
internal sealed record Cue(string[] Words, string Kind, CueFrame Frame, IReadOnlySet<string>? Forms = null)
{
    public string Text => string.Join(' ', Words);
}

/// <summary>A cue found in a sentence: tokens [Start, End).</summary>
internal readonly record struct CueMatch(Cue Cue, int Start, int End);

/// <summary>
/// The attribution cues (data/attribution/cues.tsv): verbs and phrases that report speech, reports, denials,
/// requests, accusations and beliefs. The first word is matched by lemma, the rest as written; longer cues win.
/// </summary>
internal sealed class CueLexicon
{
    private readonly FrozenDictionary<string, Cue[]> byFirstWord;
    private readonly FrozenDictionary<string, Cue[]> byForm;

    public CueLexicon(IEnumerable<Cue> cues)
    {
        var all = cues.ToList();
        byFirstWord = all.GroupBy(c => c.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(c => c.Words.Length).ToArray(), StringComparer.Ordinal);
        // the listed forms find their cue even when the lemmatiser reads them otherwise ("noting" → "not")
        byForm = all.Where(c => c.Forms is not null).SelectMany(c => c.Forms!.Select(f => (Form: f, Cue: c)))
            .GroupBy(x => x.Form, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Cue).OrderByDescending(c => c.Words.Length).ToArray(), StringComparer.Ordinal);
        Words = all.SelectMany(c => c.Words).ToFrozenSet(StringComparer.Ordinal);
    }

    public static CueLexicon Shipped { get; } = new(
        DataFile.Embedded(DataFile.ResourceName("attribution", "cues.tsv"))
            .Where(l => l.Fields.Length >= 3)
            .Select(l => new Cue(
                l.Fields[0].Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries),
                l.Fields[1].Trim(),
                l.Fields[2].Trim() switch { "prep" => CueFrame.Preposition, "chain" => CueFrame.Chain, _ => CueFrame.Verb },
                l.Fields.Length > 3 && l.Fields[3].Trim().Length > 0 ? l.Fields[3].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal) : null)));

    public FrozenSet<string> Words { get; }

    /// <summary>The longest cue starting at token <paramref name="i"/>, if any.</summary>
    public CueMatch? At(SentenceWords words, int i)
    {
        // a cue listed in this very form ("citing", "according") before the cues of its lemma ("cite")
        if (!byFirstWord.TryGetValue(words.Lower(i), out var cues) && !byFirstWord.TryGetValue(words.Lemma(i), out cues) && !byForm.TryGetValue(words.Lower(i), out cues))
        {
            return null;
        }

        return Longest(words, i, cues) ?? (byForm.TryGetValue(words.Lower(i), out var byItsForm) && byItsForm != cues ? Longest(words, i, byItsForm) : null);
    }

    private static CueMatch? Longest(SentenceWords words, int i, Cue[] cues)
    {
        foreach (var cue in cues)
        {
            var ok = cue.Forms is null || cue.Forms.Contains(words.Lower(i));
            for (var k = 1; k < cue.Words.Length && ok; k++)
            {
                ok = i + k < words.Count && words.Lower(i + k) == cue.Words[k];
            }

            if (ok)
            {
                return new CueMatch(cue, i, i + cue.Words.Length);
            }
        }

        return null;
    }
}
