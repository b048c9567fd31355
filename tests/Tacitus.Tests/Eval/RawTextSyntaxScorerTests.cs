using Tacitus.Documents;
using Tacitus.Eval;
using Tacitus.Eval.Scoring;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Tests.Eval;

public class RawTextSyntaxScorerTests
{
    /// <summary>A gold word: form, UPOS, head (1-based in its sentence, 0 the root), relation.</summary>
    private static ConlluWord Word(int id, string form, string upos, int head, string relation) =>
        new(id, form, form.ToLowerInvariant(), upos, "_", "_", head, relation, "_", "_");

    private static ConlluSentence Sentence(string text, bool newParagraph, params ConlluWord[] words)
    {
        var sentence = new ConlluSentence { Line = 1 };
        if (newParagraph)
        {
            sentence.Comments.Add("# newpar");
        }

        sentence.Comments.Add($"# text = {text}");
        sentence.Words.AddRange(words);
        return sentence;
    }

    /// <summary>"It's red." with "It's" a multiword token of two words.</summary>
    private static ConlluSentence ItIsRed()
    {
        var sentence = Sentence("It's red.", false, Word(1, "It", "PRON", 3, "nsubj"), Word(2, "'s", "AUX", 3, "cop"), Word(3, "red", "ADJ", 0, "root"), Word(4, ".", "PUNCT", 3, "punct"));
        sentence.Ranges.Add(new ConlluRange(1, 2, "It's", "_"));
        return sentence;
    }

    private static RawTextGold Gold(params ConlluSentence[] sentences)
    {
        var problems = new List<TacitusError>();
        var documents = RawTextGold.Documents(sentences, "gold.conllu", problems).ToList();
        Assert.Empty(problems);
        return Assert.Single(documents);
    }

    /// <summary>A system analysis of <paramref name="text"/>: tokens as (start, end, UPOS, head token or -1, relation), sentences as token counts.</summary>
    private static Document System(string text, (int Start, int End, string Upos, int Head, string Relation)[] tokens, params int[] sentenceSizes)
    {
        var document = new Document(text, new DocumentMetadata());
        foreach (var t in tokens)
        {
            document.Tokens.Add(new Token(new TextSpan(t.Start, t.End), TokenKind.Word));
            document.Syntax.Add(new TokenSyntax(text[t.Start..t.End].ToLowerInvariant(), t.Upos, "_", t.Head, t.Relation, WordShape.Lower));
        }

        var first = 0;
        foreach (var size in sentenceSizes)
        {
            document.Sentences.Add(new Sentence
            {
                Index = document.Sentences.Count,
                Span = new TextSpan(tokens[first].Start, tokens[first + size - 1].End),
                FirstToken = first,
                TokenCount = size,
            });
            first += size;
        }

        return document;
    }

    private static Dictionary<string, double> Score(RawTextGold gold, Document system)
    {
        var scorer = new RawTextSyntaxScorer();
        scorer.Add("tb", gold, system);
        var report = new EvalReport("syntax", "gold");
        scorer.Report(report);
        return report.Figures.Where(f => f.Key.StartsWith("tb_raw_", StringComparison.Ordinal)).ToDictionary(f => f.Key["tb_raw_".Length..], f => f.Value);
    }

    [Fact]
    public void Documents_SentencesAndParagraphs_PlacesTokensInTheJoinedText()
    {
        var gold = Gold(ItIsRed(), Sentence("Rain fell.", false, Word(1, "Rain", "NOUN", 2, "nsubj"), Word(2, "fell", "VERB", 0, "root"), Word(3, ".", "PUNCT", 2, "punct")),
            Sentence("Go.", true, Word(1, "Go", "VERB", 0, "root"), Word(2, ".", "PUNCT", 1, "punct")));

        Assert.Equal("It's red. Rain fell.\n\nGo.", gold.Text);
        Assert.Equal(["It's", "red", ".", "Rain", "fell", ".", "Go", "."], gold.Tokens.Select(s => gold.Text[s.Start..s.End]));
        Assert.Equal(["It's red.", "Rain fell.", "Go."], gold.Sentences.Select(s => gold.Text[s.Start..s.End]));
        Assert.Equal(9, gold.Words.Count);
        Assert.Equal(gold.Words[0].Span, gold.Words[1].Span);
        Assert.Equal(5, gold.Words[6].Head); // "." of the second sentence hangs on "fell", the document's sixth word
        Assert.Equal(-1, gold.Words[5].Head);
    }

    [Fact]
    public void Documents_FormsNotInTheText_ReportsAndLeavesTheSentenceOut()
    {
        var problems = new List<TacitusError>();
        var bad = Sentence("Rain fell.", false, Word(1, "Snow", "NOUN", 2, "nsubj"), Word(2, "fell", "VERB", 0, "root"), Word(3, ".", "PUNCT", 2, "punct"));

        var documents = RawTextGold.Documents([ItIsRed(), bad], "gold.conllu", problems).ToList();

        Assert.Single(problems);
        Assert.Equal("It's red.", Assert.Single(documents).Text);
    }

    [Fact]
    public void Add_SplitMultiwordToken_WordsAlignButTheTokenDoesNot()
    {
        var gold = Gold(ItIsRed());
        var system = System(gold.Text, [(0, 2, "PRON", 2, "nsubj"), (2, 4, "AUX", 2, "cop"), (5, 8, "ADJ", -1, "root"), (8, 9, "PUNCT", 2, "punct")], 4);

        var f = Score(gold, system);

        Assert.Equal(2.0 * 2 / (3 + 4), f["tokens"], 6); // "red" and "." match; "It's" is two system tokens
        Assert.Equal(1.0, f["words"], 6);
        Assert.Equal(1.0, f["sentences"], 6);
        Assert.Equal(1.0, f["upos"], 6);
        Assert.Equal(1.0, f["uas"], 6);
        Assert.Equal(1.0, f["las"], 6);
    }

    [Theory]
    [InlineData(3, "nsubj", 0.75, 0.75)] // "Rain" hangs on "."
    [InlineData(-1, "root", 0.75, 0.75)] // "Rain" as a second root
    [InlineData(1, "obj", 1.0, 0.75)] // right head, wrong relation
    public void Add_OneHead_ScoresUasAndLasOverAlignedWords(int rainHead, string rainRelation, double uas, double las)
    {
        var gold = Gold(Sentence("Rain fell hard.", false, Word(1, "Rain", "NOUN", 2, "nsubj"), Word(2, "fell", "VERB", 0, "root"), Word(3, "hard", "ADV", 2, "advmod"), Word(4, ".", "PUNCT", 2, "punct")));
        var system = System(gold.Text, [(0, 4, "NOUN", rainHead, rainRelation), (5, 9, "VERB", -1, "root"), (10, 14, "ADV", 1, "advmod"), (14, 15, "PUNCT", 1, "punct")], 4);

        var f = Score(gold, system);

        Assert.Equal(uas, f["uas"], 6);
        Assert.Equal(las, f["las"], 6);
    }

    [Fact]
    public void Add_TwoSentencesReadAsOne_SentencesScoreZeroTokensStayRight()
    {
        var gold = Gold(Sentence("Rain fell.", false, Word(1, "Rain", "NOUN", 2, "nsubj"), Word(2, "fell", "VERB", 0, "root"), Word(3, ".", "PUNCT", 2, "punct")),
            Sentence("Go.", false, Word(1, "Go", "VERB", 0, "root"), Word(2, ".", "PUNCT", 1, "punct")));
        var system = System(gold.Text, [(0, 4, "NOUN", 1, "nsubj"), (5, 9, "VERB", -1, "root"), (9, 10, "PUNCT", 1, "punct"), (11, 13, "VERB", 1, "parataxis"), (13, 14, "PUNCT", 3, "punct")], 5);

        var f = Score(gold, system);

        Assert.Equal(0.0, f["sentences"], 6);
        Assert.Equal(1.0, f["tokens"], 6);
        Assert.Equal(0.8, f["uas"], 6); // "Go" is no root here
    }
}
