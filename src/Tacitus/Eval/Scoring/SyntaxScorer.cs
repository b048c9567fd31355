using Tacitus.Documents;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Eval.Scoring;

/// <summary>
/// Scores the token layer against a treebank the way the CoNLL 2018 shared task does on gold tokens: every
/// syntactic word counts (punctuation included); UAS needs the right head, LAS the right head and relation, where
/// relations are compared without their subtype ("obl:tmod" = "obl"). Lemmas are compared as written.
/// </summary>
internal sealed class SyntaxScorer
{
    private readonly Dictionary<string, Counts> byTreebank = new(StringComparer.Ordinal);

    public void Add(string treebank, ConlluWord gold, TokenSyntax output, int outputHead)
    {
        if (!byTreebank.TryGetValue(treebank, out var counts))
        {
            byTreebank[treebank] = counts = new Counts();
        }

        counts.Words++;
        counts.Upos += gold.Upos == output.Upos ? 1 : 0;
        counts.Xpos += gold.Xpos == output.Xpos ? 1 : 0;
        counts.Lemma += gold.Lemma == output.Lemma ? 1 : 0;
        if (gold.Head == outputHead)
        {
            counts.Uas++;
            counts.Las += Universal(gold.Relation).SequenceEqual(Universal(output.Relation)) ? 1 : 0;
        }
    }

    /// <summary>Relation without its subtype.</summary>
    public static ReadOnlySpan<char> Universal(string relation)
    {
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation.AsSpan(0, colon);
    }

    public void Report(EvalReport report)
    {
        var table = new EvalTable("Token layer on gold tokens (CoNLL 2018 counting)", ["treebank", "words", "UPOS", "XPOS", "lemma", "UAS", "LAS"]);
        foreach (var (treebank, c) in byTreebank.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            table.Row(treebank, EvalReport.Int(c.Words), EvalReport.Pct(c.Rate(c.Upos)), EvalReport.Pct(c.Rate(c.Xpos)),
                EvalReport.Pct(c.Rate(c.Lemma)), EvalReport.Pct(c.Rate(c.Uas)), EvalReport.Pct(c.Rate(c.Las)));
            var key = treebank.Replace('-', '_');
            report.Figures[$"{key}_upos"] = c.Rate(c.Upos);
            report.Figures[$"{key}_xpos"] = c.Rate(c.Xpos);
            report.Figures[$"{key}_lemma"] = c.Rate(c.Lemma);
            report.Figures[$"{key}_uas"] = c.Rate(c.Uas);
            report.Figures[$"{key}_las"] = c.Rate(c.Las);
        }

        report.Tables.Add(table);
    }

    private sealed class Counts
    {
        public int Words;
        public int Upos;
        public int Xpos;
        public int Lemma;
        public int Uas;
        public int Las;

        public double Rate(int correct) => Words == 0 ? 0 : (double)correct / Words;
    }
}
