using Tacitus.Documents;
using Tacitus.Syntax;
using Tacitus.Syntax.Lemmas;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Tagging;
using Tacitus.Syntax.Training;

namespace Tacitus.Tests.Syntax;

/// <summary>The project-written CoNLL-U sentences of Fixtures/syntax/news.conllu and small models trained on them.</summary>
internal static class SyntaxFixture
{
    private static readonly Lazy<SyntaxModels> TrainedModels = new(() => Train(new SyntaxTraining { TaggerIterations = 6, ParserIterations = 8, JackknifeFolds = 1 }));

    public static string File => Path.Combine(AppContext.BaseDirectory, "Fixtures", "syntax", "news.conllu");

    public static List<TreebankSentence> Sentences()
    {
        var problems = new List<TacitusError>();
        var sentences = TreebankSentence.ReadAll([File], problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        return sentences;
    }

    /// <summary>Tagger, lemmas and parser trained once on the fixture (shared by the tests that only use them).</summary>
    public static SyntaxModels Models => TrainedModels.Value;

    public static SyntaxModels Train(SyntaxTraining training)
    {
        var sentences = Sentences();
        var (tagger, lemmas) = training.TrainTagger(sentences);
        var parser = training.TrainParser(sentences, tagger);
        return new SyntaxModels(tagger, lemmas, parser);
    }

    public static byte[] TaggerBytes(PartOfSpeechTagger tagger, LemmaTable lemmas)
    {
        using var stream = new MemoryStream();
        SyntaxModels.WriteTagger(stream, tagger, lemmas);
        return stream.ToArray();
    }

    public static byte[] ParserBytes(DependencyParser parser)
    {
        using var stream = new MemoryStream();
        SyntaxModels.WriteParser(stream, parser);
        return stream.ToArray();
    }
}
