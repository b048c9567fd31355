using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>
/// The compiled gazetteer (embedded resource <c>Tacitus.Knowledge.places.tsv.gz</c>, built by
/// <see cref="Build.PlaceTableCompiler"/>): names → candidate places, countries by name, code and adjective,
/// and capitals. Loaded once, on first use, from any thread; read-only afterwards.
/// </summary>
internal sealed class Gazetteer
{
    public const string ResourceName = "Tacitus.Knowledge.places.tsv.gz";
    public const string AmbiguousWordsResourceName = "Tacitus.Knowledge.places-ambiguous.txt";

    private static readonly Lazy<Gazetteer> Shared = new(
        () => Load(OpenResource(ResourceName), OpenResource(AmbiguousWordsResourceName)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    // A plain Dictionary: freezing 130,000 keys costs more at start-up than it saves on lookups.
    private readonly Dictionary<string, GazetteerMatch[]>.AlternateLookup<ReadOnlySpan<char>> byNameSpan;
    private readonly KeyFilter nameFilter; // most names asked for are not places: "no" from 256 KB instead of the table's misses
    private readonly FrozenDictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> countryByAdjective;
    private readonly FrozenDictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> areaByAdjective;
    private readonly FrozenDictionary<string, GazetteerEntry[]>.AlternateLookup<ReadOnlySpan<char>> regionByAbbreviation;
    private readonly FrozenDictionary<string, GazetteerEntry> countryByCode;
    private readonly FrozenDictionary<long, GazetteerEntry> byId;
    private readonly FrozenDictionary<(string Country, string Admin1), GazetteerEntry> regionByAdmin1;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ambiguousWords;

    private Gazetteer(
        List<GazetteerEntry> entries,
        Dictionary<string, List<GazetteerMatch>> names,
        Dictionary<string, GazetteerEntry> adjectives,
        Dictionary<string, GazetteerEntry> areaAdjectives,
        Dictionary<string, List<GazetteerEntry>> abbreviations,
        IEnumerable<string> ambiguous)
    {
        ambiguousWords = ambiguous.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Entries = entries;
        var byName = new Dictionary<string, GazetteerMatch[]>(names.Count, StringComparer.Ordinal);
        foreach (var (key, matches) in names)
        {
            byName[key] = Order(matches);
        }

        byNameSpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        nameFilter = new KeyFilter(byName.Keys);
        countryByAdjective = adjectives.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        areaByAdjective = areaAdjectives.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        regionByAbbreviation = abbreviations.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        countryByCode = entries.Where(e => e.Kind == PlaceKind.Country).ToFrozenDictionary(e => e.Country!.Value.Value, StringComparer.Ordinal);
        byId = entries.Where(e => e.GeoNameId != 0).GroupBy(e => e.GeoNameId).ToFrozenDictionary(g => g.Key, g => g.First());
        regionByAdmin1 = entries.Where(e => e.Kind == PlaceKind.Region)
            .GroupBy(e => (e.Country!.Value.Value, e.Admin1)).ToFrozenDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The shipped gazetteer, loaded on first use.</summary>
    public static Gazetteer Default => Shared.Value;

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>Every place called <paramref name="name"/> (case, diacritics, full stops and hyphens ignored): main-name matches
    /// first, then by population.</summary>
    public bool TryGetCandidates(ReadOnlySpan<char> name, out ReadOnlySpan<GazetteerMatch> candidates)
    {
        Span<char> key = stackalloc char[PlaceNameKey.MaxLength];
        var length = PlaceNameKey.Fold(name, key);
        if (length > 0 && nameFilter.MayHold(KeyFilter.Hash(key[..length])) && byNameSpan.TryGetValue(key[..length], out var found))
        {
            candidates = found;
            return true;
        }

        candidates = default;
        return false;
    }

    /// <summary>The candidates for <paramref name="name"/> as the stored array (no copy), or null.</summary>
    internal GazetteerMatch[]? Find(ReadOnlySpan<char> name)
    {
        Span<char> key = stackalloc char[PlaceNameKey.MaxLength];
        var length = PlaceNameKey.Fold(name, key);
        return length > 0 && nameFilter.MayHold(KeyFilter.Hash(key[..length])) && byNameSpan.TryGetValue(key[..length], out var found) ? found : null;
    }

    /// <summary>Every folded name (<see cref="PlaceNameKey"/>) with its candidates, for indexes built over the gazetteer.</summary>
    internal IEnumerable<KeyValuePair<string, GazetteerMatch[]>> Names => byNameSpan.Dictionary;

    /// <summary>How many names <see cref="Names"/> holds.</summary>
    internal int NameCount => byNameSpan.Dictionary.Count;

    /// <summary>True for a place name that is far more often a common word or a person's name ("Reading", "May", "Obama").</summary>
    public bool IsAmbiguousWord(ReadOnlySpan<char> word)
    {
        Span<char> key = stackalloc char[PlaceNameKey.MaxLength];
        var length = PlaceNameKey.Fold(word, key);
        return length > 0 && ambiguousWords.Contains(key[..length]);
    }

    /// <summary>The country named <paramref name="name"/> ("China", "North Korea", "U.S."), if the name is a country's.</summary>
    public GazetteerEntry? FindCountryByName(ReadOnlySpan<char> name)
    {
        if (TryGetCandidates(name, out var candidates))
        {
            foreach (var match in candidates)
            {
                if (match.Entry.Kind == PlaceKind.Country)
                {
                    return match.Entry;
                }
            }
        }

        return null;
    }

    /// <summary>The country an adjective or demonym refers to ("Chinese" → China, "North Korean" → North Korea).</summary>
    public GazetteerEntry? FindCountryByAdjective(ReadOnlySpan<char> adjective)
    {
        Span<char> key = stackalloc char[PlaceNameKey.MaxLength];
        var length = PlaceNameKey.Fold(adjective, key);
        return length > 0 && countryByAdjective.TryGetValue(key[..length], out var country) ? country : null;
    }

    /// <summary>The country, else the continent or world region, an adjective refers to ("Chinese" → China, "European" → Europe).</summary>
    public GazetteerEntry? FindPlaceByAdjective(ReadOnlySpan<char> adjective)
    {
        Span<char> key = stackalloc char[PlaceNameKey.MaxLength];
        var length = PlaceNameKey.Fold(adjective, key);
        return length <= 0 ? null
            : countryByAdjective.TryGetValue(key[..length], out var country) ? country
            : areaByAdjective.TryGetValue(key[..length], out var area) ? area : null;
    }

    /// <summary>The country with ISO 3166-1 alpha-3 code <paramref name="country"/>.</summary>
    public GazetteerEntry? FindCountry(CountryCode country) =>
        country.Value is not null && countryByCode.TryGetValue(country.Value, out var entry) ? entry : null;

    /// <summary>The capital city of <paramref name="country"/>, if the gazetteer knows it.</summary>
    public GazetteerEntry? FindCapital(CountryCode country) =>
        FindCountry(country) is { CapitalId: > 0 } entry && byId.TryGetValue(entry.CapitalId, out var capital) ? capital : null;

    public GazetteerEntry? FindById(long geoNameId) => byId.TryGetValue(geoNameId, out var entry) ? entry : null;

    /// <summary>The first-level region (state, province) a place lies in, if it is one the gazetteer names.</summary>
    public GazetteerEntry? FindRegionOf(GazetteerEntry place) =>
        place.Admin1.Length > 0 && place.Country is { } country && regionByAdmin1.TryGetValue((country.Value, place.Admin1), out var region) ? region : null;

    /// <summary>Regions written with an abbreviation after a town ("Ill.", "TX", "B.C.").</summary>
    public bool TryGetRegionsByAbbreviation(ReadOnlySpan<char> abbreviation, out ReadOnlySpan<GazetteerEntry> regions)
    {
        Span<char> key = stackalloc char[PlaceNameKey.MaxLength];
        var length = PlaceNameKey.Fold(abbreviation, key);
        if (length > 0 && regionByAbbreviation.TryGetValue(key[..length], out var found))
        {
            regions = found;
            return true;
        }

        regions = default;
        return false;
    }

    private static GazetteerMatch[] Order(List<GazetteerMatch> matches)
    {
        var array = matches.ToArray();
        if (array.Length > 1)
        {
            Array.Sort(array, static (a, b) =>
                a.ByAlternateName != b.ByAlternateName ? a.ByAlternateName.CompareTo(b.ByAlternateName)
                : (a.Entry.Kind == PlaceKind.Country) != (b.Entry.Kind == PlaceKind.Country) ? (b.Entry.Kind == PlaceKind.Country).CompareTo(a.Entry.Kind == PlaceKind.Country)
                : b.Entry.Population.CompareTo(a.Entry.Population));
        }

        return array;
    }

    private static Stream OpenResource(string name) =>
        typeof(Gazetteer).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"TAC301 knowledge: embedded resource '{name}' is missing; run `tacitus knowledge build --only places` and rebuild.");

    /// <summary>Reads a compiled places table (gzip TSV, see <see cref="Build.PlaceTableCompiler"/>) and its ambiguous-word list.</summary>
    internal static Gazetteer Load(Stream compressed, Stream ambiguousWords)
    {
        var ambiguous = new List<string>();
        using (var words = new StreamReader(ambiguousWords, Encoding.UTF8))
        {
            while (words.ReadLine() is { } word)
            {
                if (word.Length > 0)
                {
                    ambiguous.Add(word);
                }
            }
        }

        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var entries = new List<GazetteerEntry>(34_000);
        var names = new Dictionary<string, List<GazetteerMatch>>(140_000, StringComparer.Ordinal);
        var adjectives = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        var areaAdjectives = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        var abbreviations = new Dictionary<string, List<GazetteerEntry>>(StringComparer.Ordinal);
        var lineNumber = 0;
        Span<Range> fields = stackalloc Range[12];
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var span = line.AsSpan();
            if (span.Split(fields, '\t') < 11)
            {
                throw new InvalidDataException($"{ResourceName}:{lineNumber}: TAC301 expected 11 tab-separated columns");
            }

            var feature = span[fields[5]].ToString();
            var kind = feature switch
            {
                "PCLI" => PlaceKind.Country,
                "ADM1" => PlaceKind.Region,
                "CONT" or "RGN" => PlaceKind.Area,
                _ => PlaceKind.City,
            };
            var entry = new GazetteerEntry
            {
                GeoNameId = long.Parse(span[fields[0]], CultureInfo.InvariantCulture),
                Name = span[fields[1]].ToString(),
                Lat = double.Parse(span[fields[3]], CultureInfo.InvariantCulture),
                Lon = double.Parse(span[fields[4]], CultureInfo.InvariantCulture),
                FeatureCode = string.IsInterned(feature) ?? string.Intern(feature),
                Country = span[fields[6]].IsEmpty ? null : CountryCode.From(span[fields[6]].ToString()),
                Admin1 = span[fields[7]].ToString(),
                Population = long.Parse(span[fields[8]], CultureInfo.InvariantCulture),
                Kind = kind,
                CapitalId = span[fields[10]].IsEmpty ? 0 : long.Parse(span[fields[10]], CultureInfo.InvariantCulture),
            };
            entries.Add(entry);
            AddName(names, entry.Name, new GazetteerMatch(entry, false));
            foreach (var alternate in span[fields[2]].Split('|'))
            {
                if (!span[fields[2]][alternate].IsEmpty)
                {
                    AddName(names, span[fields[2]][alternate].ToString(), new GazetteerMatch(entry, true));
                }
            }

            foreach (var part in span[fields[9]].Split('|'))
            {
                var text = span[fields[9]][part];
                if (text.IsEmpty)
                {
                    continue;
                }

                var key = PlaceNameKey.Fold(text.ToString());
                if (kind == PlaceKind.Country)
                {
                    if (!adjectives.TryGetValue(key, out var existing) || existing.Population < entry.Population)
                    {
                        adjectives[key] = entry;
                    }
                }
                else if (kind == PlaceKind.Area)
                {
                    areaAdjectives.TryAdd(key, entry);
                }
                else if (kind == PlaceKind.Region)
                {
                    if (!abbreviations.TryGetValue(key, out var list))
                    {
                        abbreviations[key] = list = [];
                    }

                    list.Add(entry);
                }
            }
        }

        return new Gazetteer(entries, names, adjectives, areaAdjectives, abbreviations, ambiguous);
    }

    private static void AddName(Dictionary<string, List<GazetteerMatch>> names, string name, GazetteerMatch match)
    {
        var key = PlaceNameKey.Fold(name);
        if (key.Length == 0 || key.Length > PlaceNameKey.MaxLength)
        {
            return;
        }

        if (!names.TryGetValue(key, out var list))
        {
            names[key] = list = [];
        }
        else if (list.Exists(m => ReferenceEquals(m.Entry, match.Entry)))
        {
            return;
        }

        list.Add(match);
    }
}
