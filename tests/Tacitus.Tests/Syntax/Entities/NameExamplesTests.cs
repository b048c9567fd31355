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
}
