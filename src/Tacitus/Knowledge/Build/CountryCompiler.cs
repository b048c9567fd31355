using System.Text.Json;
using Tacitus.Domain;

namespace Tacitus.Knowledge.Build;

/// <summary>
/// countries.tsv: ISO alpha-3, name, aliases, nationality adjectives, capitals. From countries.json (mledoze,
/// ODbL), CountryInfo (names, nationality adjectives, capitals; CC BY-SA 3.0) and data/knowledge/country-aliases.tsv.
/// </summary>
internal sealed class CountryCompiler : IKnowledgeCompiler
{
    public string Name => "countries";

    public IReadOnlyList<string> Reads => [];

    public string Compile(string sourceDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        var countries = new SortedDictionary<string, Builder>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(Path.Combine(sourceDirectory, "countries", "countries.json")))
        using (var json = JsonDocument.Parse(stream))
        {
            foreach (var c in json.RootElement.EnumerateArray())
            {
                var code = c.GetProperty("cca3").GetString()!;
                var cca2 = c.GetProperty("cca2").GetString();
                var b = Get(countries, code, c.GetProperty("name").GetProperty("common").GetString()!);
                b.AddAlias(c.GetProperty("name").GetProperty("official").GetString()!);
                foreach (var alt in c.GetProperty("altSpellings").EnumerateArray())
                {
                    var s = alt.GetString()!;
                    if (s != cca2 && IsLatin(s) && !s.Contains(',', StringComparison.Ordinal))
                    {
                        b.AddAlias(s);
                    }
                }

                foreach (var cap in c.GetProperty("capital").EnumerateArray())
                {
                    b.Capitals.Add(cap.GetString()!);
                }

                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                {
                    b.AddAdjective(eng.GetProperty("m").GetString()!);
                    b.AddAdjective(eng.GetProperty("f").GetString()!);
                }
            }
        }

        foreach (var block in CountryInfoFile.Read(Path.Combine(sourceDirectory, "countryinfo", "CountryInfo.120116.txt")))
        {
            if (!countries.TryGetValue(block.Code, out var b))
            {
                continue;
            }

            b.AddAlias(PetrarchActorConverter.Display(block.Name));
            foreach (var n in block.Nationality.Where(LooksLikeAdjective))
            {
                b.AddAdjective(PetrarchActorConverter.Display(n));
            }

            foreach (var cap in block.Capitals)
            {
                b.Capitals.Add(PetrarchActorConverter.Display(cap));
            }
        }

        // Hand-kept aliases come first so they win where a phrase is shared ("Korean").
        var hand = new List<(string Code, string Type, string Phrase)>();
        foreach (var (_, f) in CompiledTableWriter.HandRows(dataDirectory, "country-aliases.tsv"))
        {
            if (f.Length >= 3 && countries.ContainsKey(f[0]))
            {
                hand.Add((f[0], f[1], f[2]));
            }
        }

        foreach (var (code, type, phrase) in hand)
        {
            var key = PhraseKey.Normalize(phrase);
            foreach (var other in countries.Values)
            {
                other.Adjectives.RemoveAll(a => type == "adjective" && PhraseKey.Normalize(a) == key);
                other.Aliases.RemoveAll(a => type == "alias" && PhraseKey.Normalize(a) == key);
            }
        }

        foreach (var (code, type, phrase) in hand)
        {
            var b = countries[code];
            var list = type switch { "adjective" => b.Adjectives, "capital" => b.Capitals, "name" => null, _ => b.Aliases };
            if (type == "name")
            {
                b.Name = phrase;
            }
            else
            {
                list!.Insert(0, phrase);
            }
        }

        var rows = countries.Values.Select(b => KnowledgeTableFormat.CountryRow(b.ToInfo())).ToList();
        CompiledTableWriter.Write(dataDirectory, KnowledgeTableFormat.CountriesFile, "# iso3\tname\taliases\tadjectives\tcapitals (built by `tacitus knowledge build`; see data/NOTICE.md)", rows);
        return $"{rows.Count} countries → data/compiled/{KnowledgeTableFormat.CountriesFile}";
    }

    private static Builder Get(SortedDictionary<string, Builder> all, string code, string name)
    {
        if (!all.TryGetValue(code, out var b))
        {
            all[code] = b = new Builder(code, name);
        }

        return b;
    }

    private static bool IsLatin(string s) => s.All(c => c < 0x250);

    /// <summary>CountryInfo lists native and historical names among the adjectives; keep English-looking adjectives.</summary>
    private static bool LooksLikeAdjective(string n)
    {
        var w = n.Trim('_').ToUpperInvariant();
        if (w.Contains('_', StringComparison.Ordinal) || w.Length < 4)
        {
            return false;
        }

        string[] endings = ["AN", "ESE", "ISH", "I", "IC", "CH", "OT", "ER"];
        return endings.Any(e => w.EndsWith(e, StringComparison.Ordinal));
    }

    private sealed class Builder(string code, string name)
    {
        public string Name { get; set; } = name;

        public List<string> Aliases { get; } = [];

        public List<string> Adjectives { get; } = [];

        public List<string> Capitals { get; } = [];

        public void AddAlias(string a) => Aliases.Add(a);

        public void AddAdjective(string a)
        {
            if (a.Length > 0)
            {
                Adjectives.Add(a);
            }
        }

        public CountryInfo ToInfo() => new(
            CountryCode.From(code),
            Name,
            Dedupe(Aliases.Where(a => !string.Equals(a, Name, StringComparison.OrdinalIgnoreCase))),
            Dedupe(Adjectives),
            Dedupe(Capitals));

        private static List<string> Dedupe(IEnumerable<string> items)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<string>();
            foreach (var item in items)
            {
                var key = PhraseKey.Normalize(item);
                if (key.Length > 0 && seen.Add(key + "|" + (KnowledgeBase.IsCapitalsAlias(item) ? "C" : string.Empty)))
                {
                    result.Add(item);
                }
            }

            return result;
        }
    }
}
