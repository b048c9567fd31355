using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Entities;
using Tacitus.Text;

namespace Tacitus.Tests.Syntax.Entities;

/// <summary>The hand-made training names, name tables and case profile the trainer's and self-training's tests share.</summary>
internal static class EntityTrainingFixture
{
    public static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "entities", "train.iob2");

    public static readonly NameTables Tables = NameTables.Build([("Lisbon", NameTable.Place), ("Valera", NameTable.MajorPlace)]);

    public static CaseProfile Profile()
    {
        var document = new Document("The talks ended . Officials met the talks again . The officials met in Lisbon and Lisbon again , and Lisbon .", new DocumentMetadata()) { Language = "en" };
        new SentenceSegmenter().Process(document, CancellationToken.None);
        return CaseProfile.FromDocuments([document]);
    }

    public static EntityModel TrainWith(EntityTrainingOptions options) =>
        EntityTrainer.Train(NameExamples.FromIob2(Fixture), options with { Profile = Profile() }, Tables, KnowledgeBase.Default.Words);

    public static byte[] Bytes(EntityModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }
}
