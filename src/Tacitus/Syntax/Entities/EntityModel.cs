using System.IO.Compression;
using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// A trained entity recogniser: the feature groups it was trained with, its classes (<see cref="BilouTags"/>) and
/// an averaged perceptron. <see cref="Decode"/> tags a sentence left to right, each token's class chosen among
/// those that may follow the previous one (so the result is always a valid BILOU sequence). The file is gzip of:
/// magic "TACE", format version, feature set, the case profile and the word clusters (when the set uses them), labels, perceptron. <see cref="Shipped"/> is the embedded
/// <c>data/models/entities.model.gz</c>, loaded once on first use, from any thread.
/// </summary>
internal sealed class EntityModel
{
    public const string ResourceName = "Tacitus.Models.entities.model.gz";
    public const string FileName = "entities.model.gz";

    private const uint Magic = 0x45434154; // "TACE"
    private const int FormatVersion = 1;

    private static readonly Lazy<EntityModel> ShippedInstance = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    public EntityModel(EntityFeatures features, LabelSet labels, AveragedPerceptron perceptron)
    {
        Features = features;
        Labels = labels;
        Perceptron = perceptron;
        if (labels.Count != BilouTags.Count || perceptron.Classes != labels.Count)
        {
            throw new InvalidDataException($"an entity model needs {BilouTags.Count} classes; this one has {labels.Count} labels and {perceptron.Classes} classes");
        }
    }

    public static EntityModel Shipped => ShippedInstance.Value;

    public EntityFeatures Features { get; }

    public LabelSet Labels { get; }

    public AveragedPerceptron Perceptron { get; }

    /// <summary>Chooses the class of every token of a prepared sentence into <paramref name="tags"/>.</summary>
    public void Decode(EntitySentence sentence, Span<int> tags)
    {
        Span<ulong> features = stackalloc ulong[EntityFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[BilouTags.Count];
        Span<bool> allowed = stackalloc bool[BilouTags.Count];
        int previous = -1, previous2 = -1;
        for (var i = 0; i < sentence.Count; i++)
        {
            var n = Features.Extract(sentence, i, previous, previous2, features);
            BilouTags.Allowed(previous, i == sentence.Count - 1, allowed);
            var tag = Perceptron.Predict(features[..n], scores, allowed);
            tags[i] = tag;
            previous2 = previous;
            previous = tag;
        }
    }

    /// <summary>The names of a decoded sentence: token ranges (relative to the sentence) and type indices.</summary>
    public static IEnumerable<(int First, int Count, int Type)> Spans(ReadOnlySpan<int> tags)
    {
        var result = new List<(int, int, int)>();
        var start = -1;
        for (var i = 0; i < tags.Length; i++)
        {
            switch (BilouTags.PositionOf(tags[i]))
            {
                case 'U':
                    result.Add((i, 1, BilouTags.TypeOfTag(tags[i])));
                    start = -1;
                    break;
                case 'B':
                    start = i;
                    break;
                case 'L' when start >= 0:
                    result.Add((start, i - start + 1, BilouTags.TypeOfTag(tags[i])));
                    start = -1;
                    break;
                case 'O':
                    start = -1;
                    break;
                default:
                    break;
            }
        }

        return result;
    }

    public void Write(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((int)Features.Set);
        Features.Profile?.Write(writer);
        Features.Clusters?.Write(writer);
        Labels.Write(writer);
        Perceptron.Write(writer);
    }

    /// <summary>Reads a model; the knowledge tables it needs come from <paramref name="tables"/> and <paramref name="words"/>.</summary>
    public static EntityModel Read(Stream stream, NameTables tables, Lexicon words)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("not a Tacitus entity model (or of another format version)");
        }

        var set = (EntityFeatureSet)reader.ReadInt32();
        var profile = (set & EntityFeatureSet.Case) != 0 ? CaseProfile.Read(reader) : null;
        var clusters = (set & EntityFeatureSet.Clusters) != 0 ? WordClusters.Read(reader) : null;
        var labels = LabelSet.Read(reader);
        var perceptron = AveragedPerceptron.Read(reader);
        return new EntityModel(new EntityFeatures(set, tables, words, profile, clusters), labels, perceptron);
    }

    private static EntityModel LoadShipped()
    {
        using var stream = typeof(EntityModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"TAC630 entities: embedded model '{ResourceName}' is missing; run `tacitus train entities` and rebuild.");
        return Read(stream, NameTables.Shipped, KnowledgeBase.Default.Words);
    }
}
