using System.Text;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Knowledge.Build;

/// <summary>
/// actors.tsv.gz: people with dated spells and organisations with country, kind and sector. From the hand-kept
/// data/knowledge/people-updates.tsv and organizations.tsv (which win), the REIGN leader list (COW codes mapped to
/// ISO through CountryInfo), and the Phoenix Countries, International and MilNonState actor dictionaries.
/// Open-ended Phoenix spells ("&gt;20080401": in office at the 2014 update) are closed at <see cref="PhoenixHorizon"/>.
/// </summary>
internal sealed class ActorCompiler : IKnowledgeCompiler
{
    /// <summary>The Phoenix dictionaries were last updated in 2014; an open spell there is not evidence of office later.</summary>
    private static readonly DateOnly PhoenixHorizon = new(2016, 12, 31);

    public string Name => "actors";

    public IReadOnlyList<string> Reads => ["countries"];

    public string Compile(string sourceDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        var countryFile = Path.Combine(dataDirectory, "compiled", KnowledgeTableFormat.CountriesFile);
        var errors = new List<TacitusError>();
        List<CountryInfo> countries;
        using (var reader = new StreamReader(countryFile))
        {
            countries = KnowledgeTableFormat.ReadCountries(reader, countryFile, errors);
        }

        var codes = countries.Select(c => c.Code.Value).ToHashSet(StringComparer.Ordinal);
        var countryWords = countries.SelectMany(c => c.Aliases.Prepend(c.Name).Concat(c.Adjectives))
            .Select(PhraseKey.Normalize).Where(k => k.Length > 2).ToHashSet(StringComparer.Ordinal);
        var lexicon = new Lexicon(ReadHandWords(dataDirectory));
        bool NamesABody(string phrase) => KnowledgeBase.NamesABody(lexicon, phrase);

        var people = new Dictionary<string, PersonBuilder>(StringComparer.Ordinal);
        var orgs = new Dictionary<string, OrgBuilder>(StringComparer.Ordinal);
        var handPeople = new HashSet<string>(StringComparer.Ordinal);

        // 1. Hand-kept people.
        foreach (var (line, f) in CompiledTableWriter.HandRows(dataDirectory, "people-updates.tsv"))
        {
            if (f.Length < 6)
            {
                continue;
            }

            var spells = KnowledgeTableFormat.ParseSpells($"{f[2]},{f[3]},{f[4]},{f[5]},{(f.Length > 6 ? f[6] : string.Empty)}");
            if (!spells.Success)
            {
                throw new InvalidDataException($"people-updates.tsv line {line}: {spells.Error}");
            }

            var p = Person(people, f[0], "people-updates");
            handPeople.Add(PhraseKey.Normalize(f[0]));
            p.Aliases.UnionWith(KnowledgeTableFormat.List(f[1]));
            p.Spells.AddRange(spells.Value);
        }

        // 2. Hand-kept organisations.
        foreach (var (line, f) in CompiledTableWriter.HandRows(dataDirectory, "organizations.tsv"))
        {
            if (f.Length < 4)
            {
                continue;
            }

            var spell = KnowledgeTableFormat.ParseSpells($"{f[2]},{(f.Length > 4 ? f[4] : string.Empty)},,");
            if (!spell.Success)
            {
                throw new InvalidDataException($"organizations.tsv line {line}: {spell.Error}");
            }

            var o = new OrgBuilder(f[0], f[3], "organizations", spell.Value[0]);
            o.Aliases.UnionWith(KnowledgeTableFormat.List(f[1]));
            orgs[PhraseKey.Normalize(f[0])] = o;
        }

        var handOrgKeys = orgs.Values.SelectMany(o => o.Aliases.Prepend(o.Name)).Select(PhraseKey.Normalize).ToHashSet(StringComparer.Ordinal);

        // 3. REIGN leaders (names of two words or more; single surnames are too ambiguous to match alone).
        var cow = CountryInfoFile.Read(Path.Combine(sourceDirectory, "countryinfo", "CountryInfo.120116.txt"))
            .Where(b => b.CowNumeric != "000" && codes.Contains(b.Code) && int.TryParse(b.CowNumeric, out _))
            .GroupBy(b => int.Parse(b.CowNumeric, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.First().Code);
        foreach (var row in ReignRows(Path.Combine(sourceDirectory, "leaders", "leaderlist_3_21.csv")))
        {
            if (!cow.TryGetValue(row.Cow, out var iso) || !row.Leader.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var key = PhraseKey.Normalize(row.Leader);
            if (handPeople.Contains(key))
            {
                continue;
            }

            Person(people, row.Leader, "reign").Spells.Add(new ActorSpell(CountryCode.From(iso), Sector.Government, row.From, row.To, "leader"));
        }

        // 4. Phoenix dictionaries.
        var phoenix = Path.Combine(sourceDirectory, "phoenix");
        foreach (var (file, allowOrgs) in new[] { ("Phoenix.Countries.actors.txt", true), ("Phoenix.International.actors.txt", true), ("Phoenix.MilNonState.actors.txt", true) })
        {
            var international = !file.Contains("Countries", StringComparison.Ordinal);
            foreach (var actor in PetrarchDictionaryReader.ReadActors(Path.Combine(phoenix, file), errors))
            {
                var converted = PetrarchActorConverter.Convert(actor, $"phoenix:{file}", codes.Contains, NamesABody, allowCountries: false);
                if (converted is null)
                {
                    continue;
                }

                var entry = converted.Entry;
                var key = PhraseKey.Normalize(entry.Name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (entry.Kind == MentionKind.Person)
                {
                    if (!key.Contains(' ', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var p = Person(people, entry.Name, "phoenix");
                    var firstHand = handPeople.Contains(key) ? p.Spells.Where(s => s.From > DateOnly.MinValue).Select(s => s.From).DefaultIfEmpty(DateOnly.MaxValue).Min() : DateOnly.MaxValue;
                    p.Aliases.UnionWith(converted.Aliases.Where(a => PhraseKey.Normalize(a).Contains(' ', StringComparison.Ordinal) && !NamesABody(a)));
                    foreach (var s in entry.Spells)
                    {
                        var spell = s.To == DateOnly.MaxValue && s.From != DateOnly.MinValue ? s with { To = PhoenixHorizon } : s;
                        if (spell.To < firstHand || spell.From == DateOnly.MinValue)
                        {
                            p.Spells.Add(spell);
                        }
                    }

                    continue;
                }

                if (!allowOrgs || handOrgKeys.Contains(key) || orgs.ContainsKey(key))
                {
                    continue;
                }

                // From the country file keep bodies whose name says whose they are ("US Congress") or acronyms;
                // bare generic names there ("SENATE_") are one country's reading of a common noun.
                if (!international && !MentionsCountry(key, countryWords))
                {
                    continue;
                }

                var o = new OrgBuilder(entry.Name, entry.OrgKind ?? "organization", $"phoenix:{file}:{actor.Line}", entry.Spells[^1] with { From = DateOnly.MinValue, To = DateOnly.MaxValue });
                o.Aliases.UnionWith(converted.Aliases.Where(a => !handOrgKeys.Contains(PhraseKey.Normalize(a))));
                orgs[key] = o;
            }
        }

        var rows = new List<string>();
        foreach (var (key, p) in people.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var spells = p.Spells.Distinct().OrderBy(s => s.From).ThenBy(s => s.To).ToList();
            if (spells.Count == 0)
            {
                continue;
            }

            var aliases = p.Aliases.Where(a => PhraseKey.Normalize(a) != key).OrderBy(a => a, StringComparer.Ordinal);
            rows.Add(KnowledgeTableFormat.ActorRow("person", p.Name, aliases, null, spells, p.Source));
        }

        foreach (var (key, o) in orgs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var aliases = o.Aliases.Where(a => PhraseKey.Normalize(a) != key).OrderBy(a => a, StringComparer.Ordinal).ToList();
            rows.Add(KnowledgeTableFormat.ActorRow("organization", o.Name, aliases.Where(a => !IsAcronym(a)), o.Kind, [o.Spell], o.Source));

            // Acronyms ("AP", "RAND") must be written in capitals: a separate row flagged so.
            var acronyms = aliases.Where(IsAcronym).Concat(IsAcronym(o.Name) ? [o.Name] : []).ToList();
            if (acronyms.Count > 0)
            {
                rows.Add(KnowledgeTableFormat.ActorRow("organization", o.Name, acronyms, o.Kind, [o.Spell], o.Source, capitalsOnly: true));
            }
        }

        CompiledTableWriter.Write(dataDirectory, KnowledgeTableFormat.ActorsFile, "# kind\tname\taliases\torgkind\tspells (country,sector,from,to,role;...)\tsource\tflags (built by `tacitus knowledge build`; see data/NOTICE.md)", rows);
        return $"{people.Count} people, {orgs.Count} organisations → data/compiled/{KnowledgeTableFormat.ActorsFile} ({errors.Count} source lines skipped)";
    }

    private static bool IsAcronym(string s)
    {
        var letters = s.Where(char.IsLetter).ToArray();
        return !s.Contains(' ', StringComparison.Ordinal) && letters.Length is > 0 and <= 5 && letters.All(char.IsUpper);
    }

    private static bool MentionsCountry(string key, HashSet<string> countryWords)
    {
        var words = key.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var sb = new StringBuilder();
            for (var j = i; j < Math.Min(words.Length, i + 4); j++)
            {
                if (j > i)
                {
                    sb.Append(' ');
                }

                sb.Append(words[j]);
                if (countryWords.Contains(sb.ToString()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    internal static IEnumerable<(string Word, WordClass Class, string? Value)> ReadHandWords(string dataDirectory)
    {
        var errors = new List<TacitusError>();
        var path = Path.Combine(dataDirectory, "knowledge", "words.tsv");
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        return KnowledgeTableFormat.ReadWords(reader, path, errors).ToList();
    }

    private static PersonBuilder Person(Dictionary<string, PersonBuilder> people, string name, string source)
    {
        var key = PhraseKey.Normalize(name);
        if (!people.TryGetValue(key, out var p))
        {
            people[key] = p = new PersonBuilder(name, source);
        }

        return p;
    }

    private sealed record ReignRow(int Cow, string Leader, DateOnly From, DateOnly To);

    private static IEnumerable<ReignRow> ReignRows(string path)
    {
        var first = true;
        foreach (var line in File.ReadLines(path, Encoding.Latin1))
        {
            if (first)
            {
                first = false;
                continue;
            }

            var f = SplitCsv(line);
            if (f.Count < 9 || !int.TryParse(f[1], out var cow) || !int.TryParse(f[6], out var sy) || !int.TryParse(f[5], out var sm) || !int.TryParse(f[4], out var sd))
            {
                continue;
            }

            if (sy < 1 || sm is < 1 or > 12)
            {
                continue;
            }

            var from = new DateOnly(sy, sm, Math.Clamp(sd, 1, DateTime.DaysInMonth(sy, sm)));
            var to = DateOnly.MaxValue;
            if (int.TryParse(f[8], out var ey) && int.TryParse(f[7], out var em) && em is >= 1 and <= 12)
            {
                to = new DateOnly(ey, em, DateTime.DaysInMonth(ey, em));
            }

            yield return new ReignRow(cow, f[3].Trim(), from, to);
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }

    private sealed class PersonBuilder(string name, string source)
    {
        public string Name { get; } = name;

        public string Source { get; } = source;

        public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);

        public List<ActorSpell> Spells { get; } = [];
    }

    private sealed class OrgBuilder(string name, string kind, string source, ActorSpell spell)
    {
        public string Name { get; } = name;

        public string Kind { get; } = kind;

        public string Source { get; } = source;

        public ActorSpell Spell { get; } = spell;

        public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);
    }
}
