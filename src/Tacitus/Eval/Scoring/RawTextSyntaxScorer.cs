using Tacitus.Documents;

namespace Tacitus.Eval.Scoring;

/// <summary>
/// Scores a token layer that found its own sentences and tokens in raw text, as the CoNLL 2018 shared task's evaluation
/// script does: system and gold tokens and sentences match when their character spans are the same; words align when
/// their tokens do, and inside a gold multiword token ("it's" = it + 's) by the longest common subsequence of their
/// lower-case forms. Every figure is an F1 over gold and system counts: tokens, sentences and words over all of them,
/// UPOS, XPOS, lemma, UAS and LAS over aligned words that are also right (a head is right when it is the root in both, or
/// the system head aligns to the gold head; LAS compares relations without subtypes).
/// </summary>
internal sealed class RawTextSyntaxScorer
{
    private readonly Dictionary<string, Counts> byTreebank = new(StringComparer.Ordinal);

    /// <summary>Adds one document: the gold placed in its raw text and the system's analysis of that same text.</summary>
    public void Add(string treebank, RawTextGold gold, Document system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        if (!byTreebank.TryGetValue(treebank, out var c))
        {
            byTreebank[treebank] = c = new Counts();
        }

        var tokenAt = new Dictionary<TextSpan, int>(system.Tokens.Count);
        for (var i = 0; i < system.Tokens.Count; i++)
        {
            tokenAt[system.Tokens[i].Span] = i;
        }

        c.GoldTokens += gold.Tokens.Count;
        c.SystemTokens += system.Tokens.Count;
        foreach (var span in gold.Tokens)
        {
            c.Tokens += tokenAt.ContainsKey(span) ? 1 : 0;
        }

        var systemSentences = new HashSet<TextSpan>();
        foreach (var s in system.Sentences)
        {
            if (s.TokenCount > 0)
            {
                systemSentences.Add(new TextSpan(system.Tokens[s.FirstToken].Span.Start, system.Tokens[s.FirstToken + s.TokenCount - 1].Span.End));
            }
        }

        c.GoldSentences += gold.Sentences.Count;
        c.SystemSentences += systemSentences.Count;
        foreach (var span in gold.Sentences)
        {
            c.Sentences += systemSentences.Contains(span) ? 1 : 0;
        }

        var aligned = Align(gold, system, tokenAt);
        var systemOf = new int[gold.Words.Count];
        Array.Fill(systemOf, -1);
        foreach (var (g, s) in aligned)
        {
            systemOf[g] = s;
        }

        c.GoldWords += gold.Words.Count;
        c.SystemWords += system.Tokens.Count;
        c.Words += aligned.Count;
        var layer = system.Syntax;
        foreach (var (g, s) in aligned)
        {
            if (s >= layer.Count)
            {
                continue;
            }

            var word = gold.Words[g];
            var output = layer[s];
            c.Upos += word.Word.Upos == output.Upos ? 1 : 0;
            c.Xpos += word.Word.Xpos == output.Xpos ? 1 : 0;
            c.Lemma += word.Word.Lemma == output.Lemma ? 1 : 0;
            var headRight = word.Head < 0 ? output.Head < 0 : output.Head >= 0 && systemOf[word.Head] == output.Head;
            if (headRight)
            {
                c.Uas++;
                c.Las += SyntaxScorer.Universal(word.Word.Relation).SequenceEqual(SyntaxScorer.Universal(output.Relation)) ? 1 : 0;
            }
        }
    }

    /// <summary>Pairs of (gold word, system token) that align.</summary>
    internal static List<(int Gold, int System)> Align(RawTextGold gold, Document system, Dictionary<TextSpan, int> tokenAt)
    {
        var pairs = new List<(int, int)>();
        var g = 0;
        var text = system.Text;
        while (g < gold.Words.Count)
        {
            var word = gold.Words[g];
            if (!word.InMultiword)
            {
                if (tokenAt.TryGetValue(word.Span, out var s))
                {
                    pairs.Add((g, s));
                }

                g++;
                continue;
            }

            // a multiword token: its words against the system tokens inside its span, by their forms
            var end = g;
            while (end < gold.Words.Count && gold.Words[end].Token == word.Token)
            {
                end++;
            }

            var inside = new List<int>();
            var first = FirstTokenFrom(system, word.Span.Start);
            for (var s = first; s < system.Tokens.Count && system.Tokens[s].Span.Start < word.Span.End; s++)
            {
                if (system.Tokens[s].Span.End > word.Span.Start)
                {
                    inside.Add(s);
                }
            }

            var goldForms = new string[end - g];
            for (var k = 0; k < goldForms.Length; k++)
            {
                goldForms[k] = gold.Words[g + k].Word.Form.ToLowerInvariant();
            }

            var systemForms = inside.Select(s => system.Tokens[s].Span.Of(text).ToString().ToLowerInvariant()).ToArray();
            foreach (var (a, b) in CommonSubsequence(goldForms, systemForms))
            {
                pairs.Add((g + a, inside[b]));
            }

            g = end;
        }

        return pairs;
    }

    private static int FirstTokenFrom(Document system, int position)
    {
        var lo = 0;
        var hi = system.Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (system.Tokens[mid].Span.End <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index pairs of a longest common subsequence of two form sequences.</summary>
    private static List<(int, int)> CommonSubsequence(string[] a, string[] b)
    {
        var length = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                length[i, j] = a[i] == b[j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j])
            {
                pairs.Add((i++, j++));
            }
            else if (length[i + 1, j] >= length[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return pairs;
    }

    public void Report(EvalReport report)
    {
        var table = new EvalTable("Token layer from raw text (CoNLL 2018 alignment; F1)", ["treebank", "tokens", "sentences", "words", "UPOS", "XPOS", "lemma", "UAS", "LAS"]);
        foreach (var (treebank, c) in byTreebank.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var figures = new (string Name, double Value)[]
            {
                ("tokens", F1(c.Tokens, c.GoldTokens, c.SystemTokens)),
                ("sentences", F1(c.Sentences, c.GoldSentences, c.SystemSentences)),
                ("words", F1(c.Words, c.GoldWords, c.SystemWords)),
                ("upos", F1(c.Upos, c.GoldWords, c.SystemWords)),
                ("xpos", F1(c.Xpos, c.GoldWords, c.SystemWords)),
                ("lemma", F1(c.Lemma, c.GoldWords, c.SystemWords)),
                ("uas", F1(c.Uas, c.GoldWords, c.SystemWords)),
                ("las", F1(c.Las, c.GoldWords, c.SystemWords)),
            };
            table.Row([treebank, .. figures.Select(f => EvalReport.Pct(f.Value))]);
            var key = treebank.Replace('-', '_');
            foreach (var (name, value) in figures)
            {
                report.Figures[$"{key}_raw_{name}"] = value;
            }
        }

        report.Tables.Add(table);
    }

    /// <summary>F1 of <paramref name="correct"/> over <paramref name="gold"/> and <paramref name="system"/> counts.</summary>
    internal static double F1(int correct, int gold, int system) => gold + system == 0 ? 0 : 2.0 * correct / (gold + system);

    private sealed class Counts
    {
        public int Tokens;
        public int GoldTokens;
        public int SystemTokens;
        public int Sentences;
        public int GoldSentences;
        public int SystemSentences;
        public int Words;
        public int GoldWords;
        public int SystemWords;
        public int Upos;
        public int Xpos;
        public int Lemma;
        public int Uas;
        public int Las;
    }
}
