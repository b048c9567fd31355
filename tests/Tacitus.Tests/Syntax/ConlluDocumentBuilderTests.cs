using Tacitus.Documents;
using Tacitus.Pipeline;
using Tacitus.Syntax.Conllu;

namespace Tacitus.Tests.Syntax;

public sealed class ConlluDocumentBuilderTests
{
    private const string LagosSentence =
        "1\tNIGERIA\tNigeria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "3\tLagos\tLagos\tPROPN\tNNP\t_\t2\tobj\t_\t_\n4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n5\t2019\t2019\tNUM\tCD\t_\t2\tobl\t_\t_\n\n";

    private static Document Build()
    {
        var problems = new List<TacitusError>();
        var sentence = ConlluReader.Read(new StringReader(LagosSentence), "test.conllu", problems).Single();
        Assert.Empty(problems);
        return ConlluDocumentBuilder.Build(sentence, null);
    }

    [Fact]
    public void Build_ParsedSentence_MarkedAsTaggedAndParsed()
    {
        var document = Build();

        Assert.True(document.Annotated.HasFlag(Annotations.Tags));
        Assert.True(document.Annotated.HasFlag(Annotations.Syntax));
    }

    [Fact]
    public void Build_ParsedSentence_ShapesReadByTheLayersShapeReader()
    {
        var document = Build();

        Assert.Equal([WordShape.Upper, WordShape.Lower, WordShape.Title, WordShape.Lower, WordShape.Digits], document.Syntax.Select(t => t.Shape));
    }
}
