using System.Collections.Frozen;
using System.IO.Compression;
using Tacitus.Syntax.Lemmas;
using Tacitus.Syntax.Parsing;
using Tacitus.Syntax.Tagging;

namespace Tacitus.Syntax;

/// <summary>
/// The trained models of the token layer: the tagger with its lemma table (<c>tagger.bin.gz</c>) and the parser
/// (<c>parser.bin.gz</c>), as written by <c>tacitus train</c> into <c>data/models/</c> and embedded in the
/// assembly. <see cref="Shipped"/> reads the embedded ones once, on first use, from any thread.
/// </summary>
internal sealed class SyntaxModels
{
    public const string TaggerFile = "tagger.bin.gz";
    public const string ParserFile = "parser.bin.gz";

    /// <summary>A model file that is missing or cannot be read.</summary>
    public const string BadModel = "TAC621";

    private static readonly Lazy<SyntaxModels> ShippedModels = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<(PartOfSpeechTagger Tagger, LemmaTable Lemmas)> ShippedTaggerModel = new(LoadEmbeddedTagger, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<FrozenDictionary<(string Upos, string Xpos), int>> tagIndex;

    public SyntaxModels(PartOfSpeechTagger tagger, LemmaTable lemmas, DependencyParser parser)
    {
        Tagger = tagger;
        Lemmas = lemmas;
        Parser = parser;
        tagIndex = new(() => TagIndex(tagger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PartOfSpeechTagger Tagger { get; }

    public LemmaTable Lemmas { get; }

    public DependencyParser Parser { get; }

    /// <summary>
    /// The same models with the parser searching a beam of <paramref name="width"/> (1: greedy), narrowed by
    /// <paramref name="margin"/> (<see cref="DependencyParser.WithBeam"/>).
    /// </summary>
    public SyntaxModels WithParserBeam(int width, float margin = float.PositiveInfinity) => new(Tagger, Lemmas, Parser.WithBeam(width, margin));

    /// <summary>The models embedded in the assembly (from data/models at build time).</summary>
    public static SyntaxModels Shipped => ShippedModels.Value;

    /// <summary>The shipped tagger and lemma table alone (the parser not read), loaded once; <see cref="Shipped"/> shares them.</summary>
    public static (PartOfSpeechTagger Tagger, LemmaTable Lemmas) ShippedTagger => ShippedTaggerModel.Value;

    /// <summary>The tagger's label index of a token's UPOS and XPOS as the layer holds them, or -1 when the tagger has no such label.</summary>
    public int TagOf(string upos, string xpos) => tagIndex.Value.TryGetValue((upos, xpos), out var tag) ? tag : -1;

    /// <summary>Reads the models from a folder (after <c>tacitus train</c>, before a rebuild embeds them).</summary>
    public static SyntaxModels Load(string directory)
    {
        using var tagger = OpenFile(Path.Combine(directory, TaggerFile));
        using var parser = OpenFile(Path.Combine(directory, ParserFile));
        return Read(tagger, parser, directory);
    }

    public static void WriteTagger(Stream stream, PartOfSpeechTagger tagger, LemmaTable lemmas)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        tagger.Write(writer);
        lemmas.Write(writer);
    }

    public static void WriteParser(Stream stream, DependencyParser parser)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        parser.Write(writer);
    }

    public static (PartOfSpeechTagger Tagger, LemmaTable Lemmas) ReadTagger(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        var tagger = PartOfSpeechTagger.Read(reader);
        return (tagger, LemmaTable.Read(reader));
    }

    public static DependencyParser ReadParser(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        return DependencyParser.Read(reader);
    }

    private static SyntaxModels LoadEmbedded()
    {
        var (tagger, lemmas) = ShippedTagger;
        using var parser = typeof(SyntaxModels).Assembly.GetManifestResourceStream("Tacitus.Models." + ParserFile)
            ?? throw new FileNotFoundException($"{BadModel} syntax: {ParserFile} is not embedded; run 'tacitus train parser' and rebuild.");
        try
        {
            return new SyntaxModels(tagger, lemmas, ReadParser(parser));
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{BadModel} syntax: cannot read the models (embedded models): {ex.Message}", ex);
        }
    }

    private static (PartOfSpeechTagger Tagger, LemmaTable Lemmas) LoadEmbeddedTagger()
    {
        using var tagger = typeof(SyntaxModels).Assembly.GetManifestResourceStream("Tacitus.Models." + TaggerFile)
            ?? throw new FileNotFoundException($"{BadModel} syntax: {TaggerFile} is not embedded; run 'tacitus train tagger' and rebuild.");
        try
        {
            return ReadTagger(tagger);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{BadModel} syntax: cannot read the tagger (embedded models): {ex.Message}", ex);
        }
    }

    private static FrozenDictionary<(string Upos, string Xpos), int> TagIndex(PartOfSpeechTagger tagger)
    {
        var index = new Dictionary<(string Upos, string Xpos), int>();
        for (var i = 0; i < tagger.Upos.Length; i++)
        {
            index.TryAdd((tagger.Upos[i], tagger.Xpos[i]), i);
        }

        return index.ToFrozenDictionary();
    }

    private static SyntaxModels Read(Stream tagger, Stream parser, string origin)
    {
        try
        {
            var (t, lemmas) = ReadTagger(tagger);
            var p = ReadParser(parser);
            return new SyntaxModels(t, lemmas, p);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{BadModel} syntax: cannot read the models ({origin}): {ex.Message}", ex);
        }
    }

    private static FileStream OpenFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{BadModel} syntax: model file not found; run 'tacitus train' first", path);
        }

        return File.OpenRead(path);
    }
}
