using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tacitus.Syntax.Learning;

namespace Tacitus.Syntax.Entities;

/// <summary>
/// Word clusters learned from unlabelled news (<see cref="ClusterTrainer"/>): each word, as written, has a path in a
/// binary tree of clusters ("0110…"), so that words used alike share long prefixes. The entity recogniser reads
/// prefixes of the path as features, as Brown-cluster features are read (Miller et al. 2004; Ratinov and Roth 2009).
/// The text form (<c>data/models/clusters.tsv.gz</c>) has Brown's layout, one word a line: path, word, count. In a
/// model the table is kept as hashes of the words (<see cref="FeatureKey.Add(ulong, ReadOnlySpan{char})"/>), so a
/// token is looked up without building a string. Read-only once built.
/// </summary>
internal sealed class WordClusters
{
    /// <summary>The longest path kept (bits).</summary>
    public const int MaxDepth = 24;

    private readonly Dictionary<ulong, uint> paths;

    private WordClusters(Dictionary<ulong, uint> paths) => this.paths = paths;

    public static WordClusters Empty { get; } = new([]);

    public int Count => paths.Count;

    /// <summary>Builds the table from words and their paths (strings of 0 and 1).</summary>
    public static WordClusters FromPaths(IEnumerable<(string Word, string Path)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var paths = new Dictionary<ulong, uint>();
        foreach (var (word, path) in entries)
        {
            paths[FeatureKey.Add(0, word)] = Encode(path);
        }

        return new WordClusters(paths);
    }

    /// <summary>
    /// The path of a word by its hash (<c>FeatureKey.Add(0, word)</c>), else of its lower-case form
    /// (<c>FeatureKey.AddLower(0, word)</c>), encoded as <see cref="Encode"/> does; 0 when neither is known.
    /// </summary>
    public uint PathOf(ulong wordHash, ulong lowerHash) =>
        paths.TryGetValue(wordHash, out var path) ? path : paths.TryGetValue(lowerHash, out path) ? path : 0;

    /// <summary>A path as one number: a leading 1 bit, then the path's bits (so "01" and "001" differ); 0 is no path.</summary>
    public static uint Encode(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length > MaxDepth)
        {
            path = path[..MaxDepth];
        }

        uint code = 1;
        foreach (var c in path)
        {
            code = (code << 1) | (c == '1' ? 1u : 0u);
        }

        return code;
    }

    /// <summary>The first <paramref name="bits"/> bits of an encoded path (the whole path when shorter), still encoded.</summary>
    public static uint Prefix(uint code, int bits)
    {
        var length = Length(code);
        return length <= bits ? code : code >> (length - bits);
    }

    /// <summary>How many bits an encoded path has.</summary>
    public static int Length(uint code) => code == 0 ? 0 : 31 - System.Numerics.BitOperations.LeadingZeroCount(code);

    /// <summary>Writes the table into a model file, ordered by key (the same table gives the same bytes).</summary>
    public void Write(BinaryWriter writer) => HashedTable.Write(writer, paths, (w, v) => w.Write(v));

    public static WordClusters Read(BinaryReader reader) => new(HashedTable.Read(reader, r => r.ReadUInt32(), "word cluster table"));

    /// <summary>Reads the text form (gzip, lines of path, word, count separated by tabs).</summary>
    public static WordClusters ReadText(string file)
    {
        using var stream = File.OpenRead(file);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var entries = new List<(string, string)>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var fields = text.Split('\t');
            if (fields.Length < 2 || fields[0].Length == 0 || fields[0].AsSpan().ContainsAnyExcept("01") || fields[1].Length == 0)
            {
                throw new InvalidDataException($"{file}, line {line}: a cluster line is: path (0s and 1s), word, count, separated by tabs");
            }

            entries.Add((fields[1], fields[0]));
        }

        return FromPaths(entries);
    }

    /// <summary>Writes the text form: a comment line, then one word a line (path, word, count), as given.</summary>
    public static void WriteText(Stream stream, string comment, IEnumerable<(string Path, string Word, int Count)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine($"# {comment}");
        foreach (var (path, word, count) in rows)
        {
            writer.Write(path);
            writer.Write('\t');
            writer.Write(word);
            writer.Write('\t');
            writer.WriteLine(count.ToString(CultureInfo.InvariantCulture));
        }
    }
}
