using Tacitus.Documents;
using Tacitus.Syntax.Conllu;
using Tacitus.Syntax.Entities;

namespace Tacitus.Tests.Syntax.Entities;

public sealed class NameExamplesTests
{
    // GUM-style entity brackets: every mention is bracketed; only proper names become training names.
    private const string Sentence =
        "# text = The researchers met the University of Portsmouth and Dana Ortiz 's team in Paris.\n" +
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-nnnnn-cf1-2-sgl\n" +
        "2\tresearchers\tresearcher\tNOUN\tNNS\t_\t3\tnsubj\t_\tEntity=1)\n" +
        "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-organization-new-nnnnn-cf2-2-sgl-University_of_Portsmouth\n" +
        "5\tUniversity\tUniversity\tPROPN\tNNP\t_\t3\tobj\t_\t_\n" +
        "6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n" +
        "7\tPortsmouth\tPortsmouth\tPROPN\tNNP\t_\t5\tnmod\t_\tEntity=(3-place-new-nnnnn-cf3-1-sgl-Portsmouth)2)\n" +
        "8\tand\tand\tCCONJ\tCC\t_\t12\tcc\t_\t_\n" +
        "9\tDana\tDana\tPROPN\tNNP\t_\t12\tnmod:poss\t_\tEntity=(4-abstract-new-nnnnn-cf4-3-sgl(5-person-new-nnnnn-cf5-1-sgl\n" +
        "10\tOrtiz\tOrtiz\tPROPN\tNNP\t_\t9\tflat\t_\t_\n" +
        "11\t's\t's\tPART\tPOS\t_\t9\tcase\t_\tEntity=5)\n" +
        "12\tteam\tteam\tNOUN\tNN\t_\t5\tconj\t_\tEntity=4)\n" +
        "13\tin\tin\tADP\tIN\t_\t14\tcase\t_\t_\n" +
        "14\tParis\tParis\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(6-place-new-nnnnn-cf6-1-sgl-Paris)|SpaceAfter=No\n" +
        "15\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    [Fact]
    public void Names_GumMentions_KeepsOutermostProperNamesTrimmed()
    {
        var problems = new List<TacitusError>();
        var sentence = Assert.Single(ConlluReader.Read(new StringReader(Sentence), "gum.conllu", problems));

        var names = NameExamples.Names(sentence);

        Assert.Equal([(4, 6, 1), (8, 9, 0), (13, 13, 2)], names);
        Assert.Empty(problems);
    }

    // a pronoun of a linked person carries the person's link but is no name
    private const string Pronoun =
        "# newdoc id = gum-a\n" +
        "# text = He met Dana Ortiz.\n" +
        "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-nnnnn-cf1-1-ana-Sam_Lee)\n" +
        "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "3\tDana\tDana\tPROPN\tNNP\t_\t2\tobj\t_\tEntity=(2-person-new-nnnnn-cf2-1-sgl\n" +
        "4\tOrtiz\tOrtiz\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=2)|SpaceAfter=No\n" +
        "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n" +
        "# text = Ortiz left.\n" +
        "1\tOrtiz\tOrtiz\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(2-person-giv-nnnnn-cf2-1-coref)|SpaceAfter=No\n" +
        "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n" +
        "# newdoc id = gum-b\n" +
        "# text = Paris slept.\n" +
        "1\tParis\tParis\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(3-place-new-nnnnn-cf3-1-sgl-Paris)\n" +
        "2\tslept\tsleep\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    [Fact]
    public void Names_LinkedPronoun_NotAName()
    {
        var problems = new List<TacitusError>();
        var sentence = ConlluReader.Read(new StringReader(Pronoun), "gum.conllu", problems).First();

        Assert.Equal([(2, 3, 0)], NameExamples.Names(sentence));
    }

    // person mentions: a title (nmod:desc) is no part of the name, nor is a coordinated person; a plural group is no name
    private const string People =
        "# text = Professor Ada Lind and Sam Reyes met Kenyans .\n" +
        "1\tProfessor\tProfessor\tPROPN\tNNP\t_\t2\tnmod:desc\t_\tEntity=(1-person-new-nnnnn-cf1-2-sgl\n" +
        "2\tAda\tAda\tPROPN\tNNP\t_\t7\tnsubj\t_\tEntity=(2-person-new-nnnnn-cf2-2-sgl\n" +
        "3\tLind\tLind\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=2)\n" +
        "4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n" +
        "5\tSam\tSam\tPROPN\tNNP\t_\t2\tconj\t_\tEntity=(3-person-new-nnnnn-cf3-2-sgl\n" +
        "6\tReyes\tReyes\tPROPN\tNNP\t_\t5\tflat\t_\tEntity=3)1)\n" +
        "7\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "8\tKenyans\tKenyan\tPROPN\tNNPS\t_\t7\tobj\t_\tEntity=(4-person-new-nnnnn-cf4-1-sgl)\n" +
        "9\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n\n";

    // a given name joined to the surname as a compound is part of the name; a hyphen inside a flat name is too
    private const string Compound =
        "# text = George Hale met Ana Soto - Ruiz .\n" +
        "1\tGeorge\tGeorge\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-nnnnn-cf1-2-sgl\n" +
        "2\tHale\tHale\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=1)\n" +
        "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "4\tAna\tAna\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-person-new-nnnnn-cf2-1-sgl\n" +
        "5\tSoto\tSoto\tPROPN\tNNP\t_\t4\tflat\t_\t_\n" +
        "6\t-\t-\tPUNCT\tHYPH\t_\t7\tpunct\t_\t_\n" +
        "7\tRuiz\tRuiz\tPROPN\tNNP\t_\t4\tflat\t_\tEntity=2)\n" +
        "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    // a role with a capital is no name
    private const string Role =
        "# text = She is Professor of Music .\n" +
        "1\tShe\tshe\tPRON\tPRP\t_\t3\tnsubj\t_\tEntity=(1-person-giv-nnnnn-cf1-1-ana)\n" +
        "2\tis\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n" +
        "3\tProfessor\tProfessor\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-giv-nnnnn-cf1-1-pred\n" +
        "4\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_\n" +
        "5\tMusic\tMusic\tPROPN\tNNP\t_\t3\tnmod\t_\tEntity=1)\n" +
        "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    [Theory]
    [InlineData(Role, new int[0])]
    [InlineData(People, new[] { 1, 2, 4, 5 })]
    [InlineData(Compound, new[] { 0, 1, 3, 6 })]
    public void Names_PersonMentions_ProperNounHeadWithItsNameWordsOnly(string conllu, int[] edges)
    {
        var problems = new List<TacitusError>();
        var sentence = Assert.Single(ConlluReader.Read(new StringReader(conllu), "gum.conllu", problems));

        var names = NameExamples.Names(sentence);

        Assert.Equal(edges, names.SelectMany(n => new[] { n.First, n.Last }).ToArray());
        Assert.All(names, n => Assert.Equal(0, n.Type));
        Assert.Empty(problems);
    }

    [Fact]
    public void FromConllu_TwoDocuments_SentencesShareTheirDocumentsText()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tacitus-gum-{Guid.NewGuid():N}.conllu");
        File.WriteAllText(file, Pronoun);
        try
        {
            var problems = new List<TacitusError>();

            var examples = NameExamples.FromConllu(file, problems);

            Assert.Equal(3, examples.Count);
            Assert.Same(examples[0].Text, examples[1].Text);
            Assert.NotSame(examples[1].Text, examples[2].Text);
            Assert.Equal("Ortiz left.", examples[1].Text[examples[1].Sentence.Start..examples[1].Sentence.End]);
            var (type, span) = Assert.Single(examples[1].Names);
            Assert.Equal((0, "Ortiz"), (type, examples[1].Text[span.Start..span.End]));
            Assert.Equal(2, EntityTrainer.Documents(examples).Count);
            Assert.Empty(problems);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
