using System.Globalization;
using System.Text;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>
/// The compiled table formats in data/compiled/ (tab-separated, '|' between list items), read by the loader and
/// written by the compilers, so both sides agree. Every reader reports bad rows as TAC302 and keeps going.
/// </summary>
internal static class KnowledgeTableFormat
{
    public const string CountriesFile = "countries.tsv";
    public const string ActorsFile = "actors.tsv.gz";
    public const string RolesFile = "roles.tsv";
    public const string WordsFile = "words.tsv";
    public const string CommonWordsFile = "common-words.txt.gz";

    // countries.tsv: iso3, name, aliases, adjectives, capitals
    public static List<CountryInfo> ReadCountries(TextReader reader, string file, List<TacitusError> errors)
    {
        var result = new List<CountryInfo>();
        foreach (var (line, f) in Rows(reader))
        {
            if (f.Length < 5 || !CountryCode.Parse(f[0]).Success)
            {
                errors.Add(Bad(file, line, "expected iso3, name, aliases, adjectives, capitals"));
                continue;
            }

            result.Add(new CountryInfo(CountryCode.From(f[0]), f[1], List(f[2]), List(f[3]), List(f[4])));
        }

        return result;
    }

    public static string CountryRow(CountryInfo c) =>
        string.Join('\t', c.Code.Value, c.Name, string.Join('|', c.Aliases), string.Join('|', c.Adjectives), string.Join('|', c.Capitals));

    // actors.tsv.gz: kind, name, aliases, orgkind, spells (country,sector,from,to,role;...), source, flags
    public static IEnumerable<(ActorEntry Entry, IReadOnlyList<string> Aliases)> ReadActors(TextReader reader, string file, List<TacitusError> errors)
    {
        foreach (var (line, f) in Rows(reader))
        {
            if (f.Length < 6)
            {
                errors.Add(Bad(file, line, "expected kind, name, aliases, orgkind, spells, source"));
                continue;
            }

            var kind = f[0] switch
            {
                "person" => MentionKind.Person,
                "organization" => MentionKind.Organization,
                "country" => MentionKind.Country,
                _ => (MentionKind?)null,
            };
            var spells = ParseSpells(f[4]);
            if (kind is null || !spells.Success)
            {
                errors.Add(Bad(file, line, spells.Error ?? $"unknown kind '{f[0]}'"));
                continue;
            }

            var entry = new ActorEntry
            {
                Kind = kind.Value,
                Name = f[1],
                OrgKind = f[3].Length == 0 ? null : f[3],
                Spells = spells.Value,
                Source = f[5],
                CapitalsOnly = f.Length > 6 && f[6].Contains("caps", StringComparison.Ordinal),
            };
            yield return (entry, List(f[2]));
        }
    }

    public static string ActorRow(string kind, string name, IEnumerable<string> aliases, string? orgKind, IEnumerable<ActorSpell> spells, string source, bool capitalsOnly = false) =>
        string.Join('\t', kind, Clean(name), string.Join('|', aliases.Select(Clean)), orgKind ?? string.Empty, string.Join(';', spells.Select(SpellText)), source, capitalsOnly ? "caps" : string.Empty);

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('|', ' ');

    public static string SpellText(ActorSpell s) => string.Join(',',
        s.Country?.Value ?? string.Empty,
        s.Sector?.Value ?? string.Empty,
        s.From == DateOnly.MinValue ? string.Empty : s.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        s.To == DateOnly.MaxValue ? string.Empty : s.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (s.Role ?? string.Empty).Replace(',', ' ').Replace(';', ' ').Replace('\t', ' ').Replace('|', ' '));

    public static ParseResult<IReadOnlyList<ActorSpell>> ParseSpells(string text)
    {
        var spells = new List<ActorSpell>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = part.Split(',');
            if (f.Length < 4)
            {
                return ParseResult<IReadOnlyList<ActorSpell>>.Fail($"spell '{part}' needs country,sector,from,to[,role]");
            }

            CountryCode? country = null;
            if (f[0].Length > 0)
            {
                var c = CountryCode.Parse(f[0]);
                if (!c.Success)
                {
                    return ParseResult<IReadOnlyList<ActorSpell>>.Fail(c.Error!);
                }

                country = c.Value;
            }

            Sector? sector = null;
            if (f[1].Length > 0)
            {
                var s = Sector.Parse(f[1]);
                if (!s.Success)
                {
                    return ParseResult<IReadOnlyList<ActorSpell>>.Fail(s.Error!);
                }

                sector = s.Value;
            }

            var from = ParseDate(f[2], DateOnly.MinValue);
            var to = ParseDate(f[3], DateOnly.MaxValue);
            if (from is null || to is null)
            {
                return ParseResult<IReadOnlyList<ActorSpell>>.Fail($"spell '{part}': dates must be YYYY-MM-DD");
            }

            spells.Add(new ActorSpell(country, sector, from.Value, to.Value, f.Length > 4 && f[4].Length > 0 ? f[4] : null));
        }

        return ParseResult<IReadOnlyList<ActorSpell>>.Ok(spells);
    }

    /// <summary>YYYY-MM-DD, YYYY-MM (first day) or YYYY; empty gives the fallback.</summary>
    public static DateOnly? ParseDate(string text, DateOnly empty)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return empty;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    // roles.tsv: phrase, sector, type (title|member|group), number (s|p), source
    public static IEnumerable<(string Phrase, RoleInfo Role)> ReadRoles(TextReader reader, string file, List<TacitusError> errors)
    {
        foreach (var (line, f) in Rows(reader))
        {
            if (f.Length < 4 || !TryRoleType(f[2], out var type))
            {
                errors.Add(Bad(file, line, "expected phrase, sector, type (title|member|group), number (s|p)"));
                continue;
            }

            Sector? sector = f[1].Length == 0 ? null : Sector.Parse(f[1]) is { Success: true } s ? s.Value : null;
            var noun = f.Length > 5 && f[5].Length > 0 ? f[5] : f[0];
            yield return (f[0], new RoleInfo(noun, sector, type, f[3] == "p", f.Length > 4 ? f[4] : file));
        }
    }

    public static bool TryRoleType(string text, out RoleType type) => Enum.TryParse(text, ignoreCase: true, out type);

    // words.tsv: word, class, value
    public static IEnumerable<(string Word, WordClass Class, string? Value)> ReadWords(TextReader reader, string file, List<TacitusError> errors)
    {
        foreach (var (line, f) in Rows(reader))
        {
            var cls = f.Length >= 2 ? Lexicon.ParseClass(f[1]) : WordClass.None;
            if (cls == WordClass.None)
            {
                errors.Add(Bad(file, line, "expected word, class (function, given, honorific, speech, placeprep, actorverb, orghead, connector, pronoun, placehead, notname, orgnoun)"));
                continue;
            }

            yield return (f[0], cls, f.Length > 2 && f[2].Length > 0 ? f[2] : null);
        }
    }

    // common-words.txt.gz: one lower-case word a line
    public static IEnumerable<(string Word, WordClass Class, string? Value)> ReadCommonWords(TextReader reader)
    {
        foreach (var (_, f) in Rows(reader))
        {
            yield return (f[0], WordClass.Common, null);
        }
    }

    /// <summary>Non-blank, non-comment rows split on tabs, with their line numbers.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Rows(TextReader reader)
    {
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (line.Length == 0 || line[0] == '#' || line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i].Trim();
            }

            yield return (n, fields);
        }
    }

    public static string[] List(string text) =>
        text.Length == 0 ? [] : text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static TacitusError Bad(string file, int line, string message) => new("TAC302", "knowledge", message, file, $"line {line}");

    /// <summary>UTF-8 without BOM, '\n' line ends: the compiled files are byte-for-byte reproducible.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(false);
}
