using System.Collections.Frozen;
using System.Globalization;
using Tacitus.Domain;
using Tacitus.Knowledge;

namespace Tacitus.Fusion;

/// <summary>What a figure word says: the kind of count and the event types such a count belongs to.</summary>
internal sealed record FigureKind(string Kind, IReadOnlySet<PloverType> Types);

/// <summary>
/// The word lists and tables of story clustering and event fusion, read once from data/fusion (shipped inside the
/// assembly): stop words, figure words and qualifiers, ordinals and what they count, period phrases, type families.
/// </summary>
internal sealed class FusionLexicon
{
    private static readonly Lazy<FusionLexicon> Shipped = new(Load);

    private FusionLexicon(
        FrozenSet<string> stopWords,
        FrozenDictionary<string, FigureKind> figureWords,
        IReadOnlyList<(string[] Words, string Qualifier)> qualifiers,
        FrozenDictionary<string, int> ordinals,
        FrozenDictionary<string, PloverType> ordinalNouns,
        IReadOnlyList<(string[] Words, int Days)> periods,
        FrozenDictionary<PloverType, string> families,
        FrozenSet<PloverType> placeAnchored,
        IReadOnlyList<string[]> figurativeAttack,
        FrozenSet<PloverType>? paired = null)
    {
        this.placeAnchored = placeAnchored;
        this.paired = paired ?? FrozenSet<PloverType>.Empty;
        FigurativeAttack = figurativeAttack;
        StopWords = stopWords;
        FigureWords = figureWords;
        Qualifiers = qualifiers;
        Ordinals = ordinals;
        OrdinalNouns = ordinalNouns;
        Periods = periods;
        this.families = families;
    }

    private readonly FrozenDictionary<PloverType, string> families;
    private readonly FrozenSet<PloverType> placeAnchored;
    private readonly FrozenSet<PloverType> paired;

    public static FusionLexicon Default => Shipped.Value;

    public FrozenSet<string> StopWords { get; }

    /// <summary>Phrases (lower-case words) that show an attack report is not about physical violence (data/fusion/figurative-attack-words.txt).</summary>
    public IReadOnlyList<string[]> FigurativeAttack { get; }

    public FrozenDictionary<string, FigureKind> FigureWords { get; }

    /// <summary>Qualifier phrases (lower-case words), longest first.</summary>
    public IReadOnlyList<(string[] Words, string Qualifier)> Qualifiers { get; }

    public FrozenDictionary<string, int> Ordinals { get; }

    public FrozenDictionary<string, PloverType> OrdinalNouns { get; }

    /// <summary>Period phrases ("this week") and the days back from publication they reach, longest first.</summary>
    public IReadOnlyList<(string[] Words, int Days)> Periods { get; }

    /// <summary>The family of a PLOVER type: types in one family may describe the same event.</summary>
    public string Family(PloverType type) => families.TryGetValue(type, out var family) ? family : type.ToCode().ToLowerInvariant();

    /// <summary>True for types whose events are known by where they happened (data/fusion/type-families.tsv, third column "place").</summary>
    public bool PlaceAnchored(PloverType type) => placeAnchored.Contains(type);

    /// <summary>True for types whose events are known by their two parties in either order (data/fusion/type-families.tsv, third column "pair": meetings).</summary>
    public bool Paired(PloverType type) => paired.Contains(type);

    private static FusionLexicon Load()
    {
        var stop = DataFile.Embedded(Resource("stopwords.txt")).Select(l => l.Fields[0].Trim().ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        var figures = new Dictionary<string, FigureKind>(StringComparer.Ordinal);
        foreach (var line in DataFile.Embedded(Resource("figure-kinds.tsv")))
        {
            var types = line.Fields[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(t => PloverTypes.Parse(t)).Where(p => p.Success).Select(p => p.Value).ToFrozenSet();
            figures[line.Fields[0].Trim()] = new FigureKind(line.Fields[1].Trim(), types);
        }

        var qualifiers = DataFile.Embedded(Resource("figure-qualifiers.tsv"))
            .Select(l => (Words: l.Fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), Qualifier: l.Fields[1].Trim()))
            .OrderByDescending(q => q.Words.Length).ToList();
        var ordinals = DataFile.Embedded(Resource("ordinals.tsv"))
            .ToFrozenDictionary(l => l.Fields[0].Trim(), l => int.Parse(l.Fields[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var nouns = DataFile.Embedded(Resource("ordinal-nouns.tsv"))
            .ToFrozenDictionary(l => l.Fields[0].Trim(), l => PloverTypes.Parse(l.Fields[1]).Value, StringComparer.Ordinal);
        var periods = DataFile.Embedded(Resource("periods.tsv"))
            .Select(l => (Words: l.Fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), Days: int.Parse(l.Fields[1], CultureInfo.InvariantCulture)))
            .OrderByDescending(p => p.Words.Length).ToList();
        var familyRows = DataFile.Embedded(Resource("type-families.tsv")).ToList();
        var families = familyRows.ToFrozenDictionary(l => PloverTypes.Parse(l.Fields[0]).Value, l => l.Fields[1].Trim());
        var anchored = Marked(familyRows, "place");
        var paired = Marked(familyRows, "pair");
        var figurative = DataFile.Embedded(Resource("figurative-attack-words.txt"))
            .Select(l => l.Fields[0].Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return new FusionLexicon(stop, figures.ToFrozenDictionary(StringComparer.Ordinal), qualifiers, ordinals, nouns, periods, families, anchored, figurative, paired);
    }

    /// <summary>The types of the family table whose third column is <paramref name="mark"/>.</summary>
    private static FrozenSet<PloverType> Marked(List<DataLine> rows, string mark) =>
        rows.Where(l => l.Fields.Length > 2 && l.Fields[2].Trim() == mark).Select(l => PloverTypes.Parse(l.Fields[0]).Value).ToFrozenSet();

    private static string Resource(string file) => DataFile.ResourceName("fusion", file);
}
