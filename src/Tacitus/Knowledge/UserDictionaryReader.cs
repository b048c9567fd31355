using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>What one or more user dictionaries add to (or override in) the shipped knowledge.</summary>
internal sealed class UserDictionary
{
    public List<(string Key, ActorEntry Entry)> Actors { get; } = [];

    public List<(string Key, RoleInfo Role)> Roles { get; } = [];

    public List<(string Key, CountryCode Country)> Adjectives { get; } = [];

    public List<(string Key, CountryCode Country)> CountryAliases { get; } = [];

    public List<(string Word, WordClass Class, string? Value)> Words { get; } = [];
}

/// <summary>
/// Reads user dictionaries: Tacitus TSV (one entry a line, first column the kind) and PETRARCH/Phoenix .actors and
/// .agents files. The TSV columns are:
/// <code>
/// person|organization|country  name  aliases(|)  country  sector  from  to  role-or-orgkind
/// role        phrase  sector  title|member|group  s|p
/// adjective   phrase  ISO3          (a nationality adjective: "Kampuchean")
/// alias       phrase  ISO3          (another name of a country)
/// word        word    class  value  (a cue word, see words.tsv)
/// </code>
/// Entries override shipped entries with the same phrase. Bad lines become TAC303 errors naming file and line.
/// </summary>
internal static class UserDictionaryReader
{
    public static void Read(string path, UserDictionary into, Func<string, bool> isCountry, Func<string, bool> namesABody, List<TacitusError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new TacitusError("TAC300", "knowledge", "dictionary file not found", path));
            return;
        }

        var name = Path.GetFileName(path);
        var lower = name.ToLowerInvariant();
        if (lower.Contains("agents", StringComparison.Ordinal))
        {
            foreach (var agent in PetrarchDictionaryReader.ReadAgents(path, errors))
            {
                AddAgent(agent, $"user:{name}:{agent.Line}", into);
            }

            return;
        }

        if (lower.Contains("actors", StringComparison.Ordinal))
        {
            foreach (var actor in PetrarchDictionaryReader.ReadActors(path, errors))
            {
                var converted = PetrarchActorConverter.Convert(actor, $"user:{name}", isCountry, namesABody, allowCountries: true);
                if (converted is null)
                {
                    continue;
                }

                foreach (var phrase in converted.Aliases.Prepend(converted.Entry.Name))
                {
                    into.Actors.Add((PhraseKey.Normalize(phrase), converted.Entry));
                }
            }

            return;
        }

        using var reader = new StreamReader(path);
        ReadTsv(reader, name, into, errors);
    }

    public static void ReadTsv(TextReader reader, string file, UserDictionary into, List<TacitusError> errors)
    {
        foreach (var (line, f) in KnowledgeTableFormat.Rows(reader))
        {
            var error = ReadRow(f, $"user:{file}:{line}", into);
            if (error is not null)
            {
                errors.Add(new TacitusError("TAC303", "knowledge", error, file, $"line {line}"));
            }
        }
    }

    private static string? ReadRow(string[] f, string source, UserDictionary into)
    {
        string Field(int i) => i < f.Length ? f[i] : string.Empty;
        switch (f[0].ToLowerInvariant())
        {
            case "person" or "organization" or "country":
            {
                if (Field(1).Length == 0)
                {
                    return "a name is required in the second column";
                }

                var spell = KnowledgeTableFormat.ParseSpells($"{Field(3)},{Field(4)},{Field(5)},{Field(6)},{(f[0] == "person" ? Field(7) : string.Empty)}");
                if (!spell.Success)
                {
                    return spell.Error;
                }

                var kind = f[0].ToLowerInvariant() switch
                {
                    "person" => MentionKind.Person,
                    "country" => MentionKind.Country,
                    _ => MentionKind.Organization,
                };
                var entry = new ActorEntry
                {
                    Name = Field(1),
                    Kind = kind,
                    OrgKind = kind == MentionKind.Organization
                        ? (Field(7).Length > 0 ? Field(7) : PetrarchActorConverter.OrgKindFor(spell.Value[0].Country, spell.Value[0].Sector))
                        : null,
                    Spells = spell.Value,
                    Source = source,
                };
                foreach (var phrase in KnowledgeTableFormat.List(Field(2)).Prepend(Field(1)))
                {
                    into.Actors.Add((PhraseKey.Normalize(phrase), entry));
                }

                return null;
            }

            case "role":
            {
                if (!KnowledgeTableFormat.TryRoleType(Field(3).Length == 0 ? "title" : Field(3), out var type))
                {
                    return $"'{Field(3)}' is not a role type (title, member, group)";
                }

                Sector? sector = null;
                if (Field(2).Length > 0)
                {
                    var s = Sector.Parse(Field(2));
                    if (!s.Success)
                    {
                        return s.Error;
                    }

                    sector = s.Value;
                }

                into.Roles.Add((PhraseKey.Normalize(Field(1)), new RoleInfo(Field(1).ToLowerInvariant(), sector, type, Field(4) == "p", source)));
                return null;
            }

            case "adjective" or "alias":
            {
                var code = CountryCode.Parse(Field(2));
                if (!code.Success)
                {
                    return code.Error;
                }

                (f[0].Equals("alias", StringComparison.OrdinalIgnoreCase) ? into.CountryAliases : into.Adjectives).Add((PhraseKey.Normalize(Field(1)), code.Value));
                return null;
            }

            case "word":
            {
                var cls = Lexicon.ParseClass(Field(2));
                if (cls == WordClass.None)
                {
                    return $"'{Field(2)}' is not a word class";
                }

                into.Words.Add((Field(1), cls, Field(3).Length > 0 ? Field(3) : null));
                return null;
            }

            default:
                return $"unknown entry kind '{f[0]}' (person, organization, country, role, adjective, alias, word)";
        }
    }

    /// <summary>A PETRARCH agent ("POLICE_OFFICER [~COP]") as a role; nouns ending in a group word are groups.</summary>
    public static void AddAgent(PetrarchAgent agent, string source, UserDictionary into) =>
        into.Roles.AddRange(AgentRoles(agent, source));

    public static IEnumerable<(string Key, RoleInfo Role)> AgentRoles(PetrarchAgent agent, string source)
    {
        var code = PetrarchActorConverter.PloverSector(agent.Code.Length >= 3 ? agent.Code[..3] : agent.Code);
        Sector? sector = Sector.Parse(code) is { Success: true } s ? s.Value : null;
        var singular = PhraseKey.Normalize(agent.Phrase);
        if (singular.Length == 0)
        {
            yield break;
        }

        var noun = singular;
        yield return (singular, new RoleInfo(noun, sector, RoleType.Title, false, source));
        var plural = agent.Plural is null ? Pluralize(singular) : agent.Plural.Length == 0 ? null : PhraseKey.Normalize(agent.Plural);
        if (plural is not null && plural != singular)
        {
            yield return (plural, new RoleInfo(noun, sector, RoleType.Group, true, source));
        }
    }

    /// <summary>English plural of the last word, as PETRARCH forms it (y → ies, s/x/ch/sh → es, man → men).</summary>
    public static string Pluralize(string phrase)
    {
        if (phrase.EndsWith("man", StringComparison.Ordinal))
        {
            return phrase[..^3] + "men";
        }

        if (phrase.EndsWith('y') && phrase.Length > 1 && !"aeiou".Contains(phrase[^2], StringComparison.Ordinal))
        {
            return phrase[..^1] + "ies";
        }

        if (phrase.EndsWith('s') || phrase.EndsWith('x') || phrase.EndsWith("ch", StringComparison.Ordinal) || phrase.EndsWith("sh", StringComparison.Ordinal))
        {
            return phrase + "es";
        }

        return phrase + "s";
    }
}
