using System.IO.Compression;
using Tacitus.Documents;
using Tacitus.Knowledge;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// A trained entity recogniser: the feature groups it was trained with, its classes (<see cref="BilouTags"/>) and
/// an averaged perceptron; with <see cref="EntityFeatureSet.Document"/>, a second one for the first of two passes
/// (<see cref="FirstPass"/>). <see cref="Decode(EntitySentence, Span{int})"/> tags a sentence left to right, each token's class chosen among
/// those that may follow the previous one (so the result is always a valid BILOU sequence). The file is gzip of:
/// magic "TACE", format version, feature set, beam width (version 3), the case profile, the word clusters and the organisation cues (when the set uses them), labels,
/// the first pass's perceptron (two-pass models), the corpus votes (when the set reads them), the perceptron. <see cref="Shipped"/> is the embedded
/// <c>data/models/entities.model.gz</c>, loaded once on first use, from any thread.
/// </summary>
internal sealed class EntityModel
{
    public const string ResourceName = "Tacitus.Models.entities.model.gz";
    public const string FileName = "entities.model.gz";

    private const uint Magic = 0x45434154; // "TACE"
    private const int FormatVersion = 3; // 2: a first-pass perceptron when the set has Document; 3: the beam width

    // every bit of EntityFeatureSet; a file with any other bit was written by a build whose features this one cannot read
    private static readonly EntityFeatureSet KnownFeatures = Enum.GetValues<EntityFeatureSet>().Aggregate(EntityFeatureSet.Core, (all, bit) => all | bit);

    private static readonly Lazy<EntityModel> ShippedInstance = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    public EntityModel(EntityFeatures features, LabelSet labels, AveragedPerceptron perceptron, AveragedPerceptron? firstPass = null, CorpusVotes? corpus = null, int beam = 1)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (beam is < 1 or > MaxBeam)
        {
            throw new InvalidDataException($"an entity model's beam width is 1 to {MaxBeam}; this one has {beam}");
        }

        Beam = beam;
        Features = features;
        Labels = labels;
        Perceptron = perceptron;
        FirstPass = firstPass;
        Corpus = corpus;
        joint = firstPass is null ? null : new(() => AveragedPerceptron.Join(firstPass, perceptron), LazyThreadSafetyMode.ExecutionAndPublication);
        if (labels.Count != BilouTags.Count || perceptron.Classes != labels.Count || (firstPass is not null && firstPass.Classes != labels.Count))
        {
            throw new InvalidDataException($"an entity model needs {BilouTags.Count} classes; this one has {labels.Count} labels and {perceptron.Classes} classes");
        }

        if (features.TwoPass != firstPass is not null)
        {
            throw new InvalidDataException("a two-pass entity model needs a first-pass perceptron, and only it has one");
        }

        if (((features.Set & EntityFeatureSet.Corpus) != 0) != corpus is not null || (corpus is not null && !features.TwoPass))
        {
            throw new InvalidDataException("corpus votes go with a two-pass model whose feature set reads them");
        }
    }

    private readonly Lazy<AveragedPerceptron>? joint;

    /// <summary>The widest beam a model may ask for.</summary>
    public const int MaxBeam = 64;

    public static EntityModel Shipped => ShippedInstance.Value;

    /// <summary>How many class sequences decoding keeps (<see cref="EntityBeam"/>); 1 decodes greedily, left to right.</summary>
    public int Beam { get; }

    public EntityFeatures Features { get; }

    public LabelSet Labels { get; }

    /// <summary>The (second, when there are two passes) pass's perceptron.</summary>
    public AveragedPerceptron Perceptron { get; }

    /// <summary>The first pass's perceptron of a two-pass model (<see cref="EntityFeatureSet.Document"/>), or null.</summary>
    public AveragedPerceptron? FirstPass { get; }

    /// <summary>How the first pass typed words across the training corpus (<see cref="EntityFeatureSet.Corpus"/>), or null.</summary>
    public CorpusVotes? Corpus { get; }

    /// <summary>
    /// Chooses the class of every token of a prepared sentence into <paramref name="tags"/>: with the first pass's
    /// perceptron when the model has two and the sentence has no document view yet, else with <see cref="Perceptron"/>.
    /// </summary>
    public void Decode(EntitySentence sentence, Span<int> tags)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        Decode(sentence.HasDocument ? Perceptron : FirstPass ?? Perceptron, Features, sentence, tags, Beam);
    }

    /// <summary>
    /// True when the two passes of this model can share the static keys' scores (<see cref="DecodeFirstPass"/>,
    /// <see cref="DecodeSecondPass"/>): a two-pass model that decodes with a beam. A greedy model decodes each pass
    /// with <see cref="Decode(EntitySentence, Span{int})"/> on a prepared sentence.
    /// </summary>
    public bool SharesStaticScores => joint is not null && Beam > 1;

    /// <summary>
    /// The first pass over a prepared sentence (<see cref="SharesStaticScores"/>): the same classes as
    /// <see cref="Decode(EntitySentence, Span{int})"/> gives, and, per token, the second perceptron's sums of its static
    /// keys into <paramref name="kept"/> (<see cref="BilouTags.Count"/> per token), read with one row lookup per key
    /// for both perceptrons (<see cref="AveragedPerceptron.Join"/>, built on first use).
    /// </summary>
    public void DecodeFirstPass(EntitySentence sentence, Span<int> tags, Span<float> kept)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (!SharesStaticScores)
        {
            throw new InvalidOperationException("only a two-pass model with a beam keeps its first pass's scores");
        }

        EntityBeam.ForThread(Beam).DecodeKeeping(FirstPass!, joint!.Value, Features, sentence, tags, kept);
    }

    /// <summary>
    /// The second pass over a sentence with the document's view (<see cref="DocumentVotes.Fill"/>; it need not be
    /// prepared again, <see cref="EntitySentence.Restore"/>), from the sums <see cref="DecodeFirstPass"/> kept: the
    /// same classes as <see cref="Decode(EntitySentence, Span{int})"/> gives on the prepared sentence.
    /// </summary>
    public void DecodeSecondPass(EntitySentence sentence, ReadOnlySpan<float> kept, Span<int> tags)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (!SharesStaticScores || !sentence.HasDocument)
        {
            throw new InvalidOperationException("the second pass reads a two-pass model with a beam and a sentence with the document's view");
        }

        EntityBeam.ForThread(Beam).DecodeFromKept(Perceptron, Features, sentence, kept, tags);
    }

    /// <summary>Chooses the class of every token of a prepared sentence with one perceptron, greedily or with a beam of <paramref name="beam"/> sequences.</summary>
    internal static void Decode(AveragedPerceptron perceptron, EntityFeatures features, EntitySentence sentence, Span<int> tags, int beam = 1)
    {
        if (beam > 1)
        {
            EntityBeam.ForThread(beam).Decode(perceptron, features, sentence, tags);
            return;
        }

        Span<ulong> keys = stackalloc ulong[EntityFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[BilouTags.Count];
        Span<bool> allowed = stackalloc bool[BilouTags.Count];
        int previous = -1, previous2 = -1;
        for (var i = 0; i < sentence.Count; i++)
        {
            var n = features.Extract(sentence, i, previous, previous2, keys);
            BilouTags.Allowed(previous, i == sentence.Count - 1, allowed);
            var tag = perceptron.Predict(keys[..n], scores, allowed);
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
        writer.Write(Beam);
        Features.Profile?.Write(writer);
        Features.Clusters?.Write(writer);
        Features.Cues?.Write(writer);
        Labels.Write(writer);
        FirstPass?.Write(writer);
        Corpus?.Write(writer);
        Perceptron.Write(writer);
    }

    /// <summary>Reads a model; the knowledge tables it needs come from <paramref name="tables"/> and <paramref name="words"/>.</summary>
    public static EntityModel Read(Stream stream, NameTables tables, Lexicon words)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16), System.Text.Encoding.UTF8); // as the tagger's: small reads from a buffer, not from the decompressor
        var version = reader.ReadUInt32() == Magic ? reader.ReadInt32() : -1;
        if (version is not (1 or 2 or FormatVersion))
        {
            throw new InvalidDataException("not a Tacitus entity model (or of another format version)");
        }

        var set = (EntityFeatureSet)reader.ReadInt32();
        var unknown = set & ~KnownFeatures;
        if (unknown != 0)
        {
            throw new InvalidDataException($"the entity model's feature set has bits this build does not know (0x{(int)unknown:X}; known 0x{(int)KnownFeatures:X}): a model of a newer Tacitus, or a damaged file");
        }

        var beam = version >= 3 ? reader.ReadInt32() : 1;
        var profile = (set & EntityFeatureSet.Case) != 0 ? CaseProfile.Read(reader) : null;
        var clusters = (set & EntityFeatureSet.Clusters) != 0 ? WordClusters.Read(reader) : null;
        var cues = (set & EntityFeatureSet.Cues) != 0 ? EntityCues.Read(reader) : null;
        var labels = LabelSet.Read(reader);
        var firstPass = (set & EntityFeatureSet.Document) != 0 ? AveragedPerceptron.Read(reader) : null;
        var corpus = (set & EntityFeatureSet.Corpus) != 0 ? CorpusVotes.Read(reader) : null;
        var perceptron = AveragedPerceptron.Read(reader);
        return new EntityModel(new EntityFeatures(set, tables, words, profile, clusters, cues), labels, perceptron, firstPass, corpus, beam);
    }

    private static EntityModel LoadShipped()
    {
        using var stream = typeof(EntityModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"TAC630 entities: embedded model '{ResourceName}' is missing; run `tacitus train entities` and rebuild.");
        return Read(stream, NameTables.Shipped, KnowledgeBase.Default.Words);
    }
}
