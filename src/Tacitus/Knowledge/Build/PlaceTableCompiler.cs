using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tacitus.Knowledge.Build;

/// <summary>
/// Compiles data/compiled/places.tsv.gz: the GeoNames cities with population ≥ 15,000 (geonames/cities15000.txt),
/// the countries (geonames/countryInfo.tsv for ids, capitals and population; countries/countries.json for names,
/// demonyms and coordinates; data/places/country-aliases.tsv for the forms news uses), and the first-level regions
/// hand-kept in data/places/regions.tsv (placed from the cities table, see that file), the continents and world regions
/// of data/places/features.tsv (with their adjectives: "European" → Europe); and data/compiled/places-ambiguous.txt from data/places/ambiguous-words.txt.
/// </summary>
/// <remarks>
/// One row per place, tab-separated: geonameid, name, alternate names (|), lat, lon, feature code, ISO3 country,
/// admin1 code, population, adjectives (countries: demonyms; regions: abbreviations), capital geonameid (countries).
/// Only alternate names plausible in English news are kept: Latin script, capitalised words, no digits, no codes.
/// </remarks>
internal sealed class PlaceTableCompiler : IKnowledgeCompiler
{
    private static readonly HashSet<string> LowerCaseJoiners = new(StringComparer.Ordinal)
    {
        "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "al", "an", "am", "im",
        "of", "on", "upon", "the", "and", "y", "e", "i", "en", "sur", "sous", "bei", "der", "den", "van", "von", "aan", "op", "ob",
        "d'", "l'",
    };

    public string Name => "places";

    public IReadOnlyList<string> Reads => [];

    public string Compile(string sourceDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        var citiesPath = Path.Combine(sourceDirectory, "geonames", "cities15000.txt");
        var countryInfoPath = Path.Combine(sourceDirectory, "geonames", "countryInfo.tsv");
        var countriesJsonPath = Path.Combine(sourceDirectory, "countries", "countries.json");
        var regionsPath = Path.Combine(dataDirectory, "places", "regions.tsv");
        var aliasesPath = Path.Combine(dataDirectory, "places", "country-aliases.tsv");
        var featuresPath = Path.Combine(dataDirectory, "places", "features.tsv");
        var ambiguousPath = Path.Combine(dataDirectory, "places", "ambiguous-words.txt");

        var cities = ReadCities(citiesPath, cancellationToken);
        var countries = ReadCountryInfo(countryInfoPath);
        AddCountryNames(countries, countriesJsonPath);
        AddCountryAliases(countries, aliasesPath);
        var iso3ByIso2 = countries.Values.ToDictionary(c => c.Iso2, c => c.Iso3, StringComparer.Ordinal);
        var regions = ReadRegions(regionsPath, cities, iso3ByIso2, out var unplaced);

        var rows = new List<string>(countries.Count + regions.Count + cities.Count + 16);
        foreach (var country in countries.Values.OrderBy(c => c.Iso3, StringComparer.Ordinal))
        {
            var capital = FindCapital(cities, country);
            rows.Add(Row(country.GeoNameId, country.Name, country.Names, country.Lat, country.Lon, "PCLI", country.Iso3, string.Empty, country.Population, country.Adjectives, capital?.GeoNameId ?? 0));
        }

        foreach (var line in File.ReadLines(featuresPath, Encoding.UTF8).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var f = line.Split('\t');
            if (f.Length < 6)
            {
                throw new InvalidDataException($"{featuresPath}: TAC302 expected 6 tab-separated columns in '{line}'");
            }

            rows.Add(Row(long.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2].Split('|', StringSplitOptions.RemoveEmptyEntries),
                double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture), f[5], string.Empty, string.Empty, 0,
                f.Length > 6 ? f[6].Split('|', StringSplitOptions.RemoveEmptyEntries) : [], 0));
        }

        foreach (var region in regions)
        {
            rows.Add(Row(0, region.Name, region.Alternates, region.Lat, region.Lon, "ADM1", region.Iso3, region.Admin1, 0, region.Abbreviations, 0));
        }

        foreach (var city in cities)
        {
            if (iso3ByIso2.TryGetValue(city.Iso2, out var iso3))
            {
                rows.Add(Row(city.GeoNameId, city.Name, city.Alternates, city.Lat, city.Lon, city.Feature, iso3, city.Admin1, city.Population, [], 0));
            }
        }

        var output = Path.Combine(dataDirectory, "compiled", "places.tsv.gz");
        CompiledTableWriter.Write(dataDirectory, "places.tsv.gz",
            "# Tacitus places table, compiled by `tacitus knowledge build` (see data/NOTICE.md). GeoNames CC BY 4.0; countries.json ODbL 1.0.\n"
            + "# geonameid\tname\talternates\tlat\tlon\tfeature\tcountry\tadmin1\tpopulation\tadjectives\tcapital",
            rows);

        // Words that are place names but far more often common English words ("Reading", "Mobile", "May").
        var ambiguous = File.ReadLines(ambiguousPath, Encoding.UTF8)
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => PlaceNameKey.Fold(l.Trim()))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        CompiledTableWriter.Write(dataDirectory, "places-ambiguous.txt", null, ambiguous);

        var size = new FileInfo(output).Length;
        var unplacedNote = unplaced.Count == 0 ? string.Empty : $"; regions not placed (city not found): {string.Join(", ", unplaced)}";
        return $"{output}: {countries.Count} countries, {regions.Count} regions, {cities.Count} cities, {size / 1024} KB{unplacedNote}";
    }

    private static string Row(long id, string name, IEnumerable<string> alternates, double lat, double lon, string feature, string iso3, string admin1, long population, IEnumerable<string> adjectives, long capital)
    {
        var nameKey = PlaceNameKey.Fold(name);
        var seen = new HashSet<string>(StringComparer.Ordinal) { nameKey };
        var alts = alternates.Where(a => seen.Add(PlaceNameKey.Fold(a)));
        var row = new StringBuilder(128);
        row.Append(id.ToString(CultureInfo.InvariantCulture));
        row.Append('\t');
        row.Append(name);
        row.Append('\t');
        row.Append(string.Join('|', alts));
        row.Append('\t');
        row.Append(lat.ToString("0.#####", CultureInfo.InvariantCulture));
        row.Append('\t');
        row.Append(lon.ToString("0.#####", CultureInfo.InvariantCulture));
        row.Append('\t');
        row.Append(feature);
        row.Append('\t');
        row.Append(iso3);
        row.Append('\t');
        row.Append(admin1);
        row.Append('\t');
        row.Append(population.ToString(CultureInfo.InvariantCulture));
        row.Append('\t');
        row.Append(string.Join('|', adjectives.Distinct(StringComparer.Ordinal)));
        row.Append('\t');
        row.Append(capital == 0 ? string.Empty : capital.ToString(CultureInfo.InvariantCulture));
        return row.ToString();
    }

    private static List<CityRow> ReadCities(string path, CancellationToken cancellationToken)
    {
        var cities = new List<CityRow>(33_000);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (lineNumber % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var f = line.Split('\t');
            if (f.Length < 15)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: TAC301 expected 19 tab-separated columns, found {f.Length}");
            }

            var name = f[1];
            var alternates = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(a => IsPlausibleEnglishName(a, name))
                .Append(f[2]) // the ASCII name
                .ToList();
            cities.Add(new CityRow(
                long.Parse(f[0], CultureInfo.InvariantCulture),
                name,
                alternates,
                double.Parse(f[4], CultureInfo.InvariantCulture),
                double.Parse(f[5], CultureInfo.InvariantCulture),
                f[7],
                f[8],
                f[10],
                long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population) ? population : 0));
        }

        return cities;
    }

    /// <summary>Latin script, every word capitalised (or a joiner like "de", "upon"), no digits, not a code like "NYC".</summary>
    internal static bool IsPlausibleEnglishName(string alternate, string name)
    {
        if (alternate.Length < 3 || alternate.Length > PlaceNameKey.MaxLength || alternate == name)
        {
            return false;
        }

        var letters = 0;
        var upper = 0;
        foreach (var c in alternate)
        {
            if (char.IsDigit(c) || c > '\u024F' && c is not ('\u2019' or '\u2018'))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
            else if (c is not (' ' or '-' or '\'' or '.' or '\u2019' or '\u2018'))
            {
                return false;
            }
        }

        if (letters < 3 || upper == letters)
        {
            return false; // codes: "NYC", "ALV"
        }

        foreach (var word in alternate.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!char.IsUpper(word[0]) && !LowerCaseJoiners.Contains(word) && !word.StartsWith("d'", StringComparison.Ordinal) && !word.StartsWith("l'", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return char.IsUpper(alternate[0]);
    }

    private static Dictionary<string, CountryRow> ReadCountryInfo(string path)
    {
        var countries = new Dictionary<string, CountryRow>(StringComparer.Ordinal);
        using var reader = new StreamReader(path, Encoding.UTF8);
        foreach (var (f, lineNumber, _) in DataFile.Read(reader, path))
        {
            if (f.Length < 17)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: TAC301 expected 19 tab-separated columns, found {f.Length}");
            }

            var country = new CountryRow(f[0], f[1], f[4], f[5], long.Parse(f[16], CultureInfo.InvariantCulture),
                long.TryParse(f[7], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population) ? population : 0);
            countries[country.Iso3] = country;
        }

        return countries;
    }

    private static void AddCountryNames(Dictionary<string, CountryRow> countries, string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        foreach (var item in json.RootElement.EnumerateArray())
        {
            var iso3 = item.GetProperty("cca3").GetString() ?? string.Empty;
            if (!countries.TryGetValue(iso3, out var country))
            {
                continue;
            }

            var name = item.GetProperty("name");
            Add(country.Names, name.GetProperty("common").GetString());
            Add(country.Names, name.GetProperty("official").GetString());
            foreach (var spelling in item.GetProperty("altSpellings").EnumerateArray())
            {
                var s = spelling.GetString();
                if (s is not null && s.Length > 2 && !s.Contains(',', StringComparison.Ordinal) && s.All(c => c <= '\u024F'))
                {
                    Add(country.Names, s);
                }
            }

            if (item.TryGetProperty("latlng", out var latlng) && latlng.GetArrayLength() == 2)
            {
                country.Lat = latlng[0].GetDouble();
                country.Lon = latlng[1].GetDouble();
            }

            if (item.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var eng))
            {
                Add(country.Adjectives, eng.GetProperty("m").GetString());
                Add(country.Adjectives, eng.GetProperty("f").GetString());
            }
        }

        static void Add(List<string> list, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && !list.Contains(value))
            {
                list.Add(value);
            }
        }
    }

    private static void AddCountryAliases(Dictionary<string, CountryRow> countries, string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        foreach (var (f, lineNumber, _) in DataFile.Read(reader, path))
        {
            if (f.Length < 3 || !countries.TryGetValue(f[0], out var country))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: TAC302 expected 'ISO3<TAB>name|adjective|point<TAB>text' with a known country");
            }

            if (f[1] == "point")
            {
                // "lat,lon": a published reference point that replaces the countries.json one.
                var parts = f[2].Split(',');
                if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                    || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: TAC302 a point is 'lat,lon' in decimal degrees");
                }

                country.Lat = lat;
                country.Lon = lon;
                continue;
            }

            (f[1] == "adjective" ? country.Adjectives : country.Names).Add(f[2]);
        }
    }

    private static List<RegionRow> ReadRegions(string path, List<CityRow> cities, Dictionary<string, string> iso3ByIso2, out List<string> unplaced)
    {
        var regions = new List<RegionRow>();
        unplaced = [];
        using var reader = new StreamReader(path, Encoding.UTF8);
        foreach (var (f, lineNumber, _) in DataFile.Read(reader, path))
        {
            if (f.Length < 6 || !iso3ByIso2.TryGetValue(f[0], out var iso3))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: TAC302 expected 6 tab-separated columns with a known ISO2 country");
            }

            var iso2 = f[0];
            var admin1 = f[1];
            if (admin1.Length == 0)
            {
                var city = cities
                    .Where(c => c.Iso2 == iso2 && (c.Name == f[5] || c.Alternates.Contains(f[5])))
                    .OrderBy(c => c.Feature switch { "PPLC" => 0, "PPLA" => 1, "PPLA2" => 2, _ => 3 })
                    .ThenByDescending(c => c.Population)
                    .FirstOrDefault();
                if (city is null)
                {
                    unplaced.Add(f[2]);
                    continue;
                }

                admin1 = city.Admin1;
            }

            var inRegion = cities.Where(c => c.Iso2 == iso2 && c.Admin1 == admin1).ToList();
            if (inRegion.Count == 0)
            {
                unplaced.Add(f[2]);
                continue;
            }

            var lat = (inRegion.Min(c => c.Lat) + inRegion.Max(c => c.Lat)) / 2;
            var lon = (inRegion.Min(c => c.Lon) + inRegion.Max(c => c.Lon)) / 2;
            regions.Add(new RegionRow(f[2], Split(f[3]), Split(f[4]), lat, lon, iso3, admin1));
        }

        return regions;

        static string[] Split(string s) => s.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static CityRow? FindCapital(List<CityRow> cities, CountryRow country)
    {
        if (country.Capital.Length == 0)
        {
            return null;
        }

        return cities
            .Where(c => c.Iso2 == country.Iso2 && (c.Name == country.Capital || c.Alternates.Contains(country.Capital)))
            .OrderBy(c => c.Feature == "PPLC" ? 0 : 1)
            .ThenByDescending(c => c.Population)
            .FirstOrDefault()
            ?? cities.Where(c => c.Iso2 == country.Iso2 && c.Feature == "PPLC").MaxBy(c => c.Population);
    }

    private sealed record CityRow(long GeoNameId, string Name, List<string> Alternates, double Lat, double Lon, string Feature, string Iso2, string Admin1, long Population);

    private sealed record RegionRow(string Name, string[] Alternates, string[] Abbreviations, double Lat, double Lon, string Iso3, string Admin1);

    private sealed class CountryRow(string iso2, string iso3, string name, string capital, long geoNameId, long population)
    {
        public string Iso2 { get; } = iso2;

        public string Iso3 { get; } = iso3;

        public string Name { get; } = name;

        public string Capital { get; } = capital;

        public long GeoNameId { get; } = geoNameId;

        public long Population { get; } = population;

        public List<string> Names { get; } = [];

        public List<string> Adjectives { get; } = [];

        public double Lat { get; set; }

        public double Lon { get; set; }
    }
}
