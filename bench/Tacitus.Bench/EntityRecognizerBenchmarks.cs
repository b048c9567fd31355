using BenchmarkDotNet.Attributes;
using Tacitus.Documents;
using Tacitus.Syntax.Entities;
using Tacitus.Text;

namespace Tacitus.Bench;

/// <summary>
/// The trained entity recogniser alone on the bench article, segmented once: tokens per second is the article's
/// token count (<see cref="Tokens"/>) divided by the mean time.
/// </summary>
[MemoryDiagnoser]
public class EntityRecognizerBenchmarks
{
    private readonly EntityRecognizer recognizer = new();
    private Document document = null!;

    public int Tokens => document.Tokens.Count;

    [GlobalSetup]
    public void Setup()
    {
        document = new Document(BenchArticle.Text, new DocumentMetadata { Published = BenchArticle.Published }) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        recognizer.Process(document, CancellationToken.None); // loads the model and the knowledge tables
    }

    [Benchmark(Description = "entities (segmented article)")]
    public int Recognise()
    {
        document.Names.Clear();
        recognizer.Process(document, CancellationToken.None);
        return document.Names.Count;
    }
}
