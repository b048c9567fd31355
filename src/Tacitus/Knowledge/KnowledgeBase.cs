using System.IO.Compression;
using System.Reflection;
using Tacitus.Documents;
using Tacitus.Domain;

namespace Tacitus.Knowledge;

/// <summary>
/// Everything the actor rules know: countries (names, adjectives, capitals), named actors with dated spells, role
/// nouns with sectors, and cue words. <see cref="Default"/> loads the compiled tables embedded in the assembly once;
/// <see cref="Load"/> adds user dictionaries over them. Read-only once built: one instance serves every thread.
/// </summary>
public sealed class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> DefaultInstance = new(() => Build(RawTables.Embedded(), null), LazyThreadSafetyMode.ExecutionAndPublication);

    private KnowledgeBase(CountryTable countries, ActorDictionary actors, RoleTable roles, Lexicon words, IReadOnlyList<TacitusError> errors)
    {
        Countries = countries;
        Actors = actors;
        Roles = roles;
        Words = words;
        Errors = errors;
    }

    /// <summary>The shipped knowledge (lazy, thread-safe).</summary>
    public static KnowledgeBase Default => DefaultInstance.Value;

    public CountryTable Countries { get; }

    public ActorDictionary Actors { get; }

    public RoleTable Roles { get; }

    public Lexicon Words { get; }

    /// <summary>Problems met while loading (bad rows, missing files). Loading never throws on bad data.</summary>
    public IReadOnlyList<TacitusError> Errors { get; }

    /// <summary>The shipped knowledge plus user dictionaries (Tacitus TSV, PETRARCH .actors/.agents), later files winning.</summary>
    public static KnowledgeBase Load(IReadOnlyList<string> userDictionaries)
    {
        if (userDictionaries is null || userDictionaries.Count == 0)
        {
            return Default;
        }

        var raw = RawTables.Embedded();
        var errors = new List<TacitusError>(raw.Errors);
        var user = new UserDictionary();
        var codes = raw.Countries.Select(c => c.Code.Value).ToHashSet(StringComparer.Ordinal);
        var probe = new Lexicon(raw.Words);
        foreach (var path in userDictionaries)
        {
            UserDictionaryReader.Read(path, user, codes.Contains, p => NamesABody(probe, p), errors);
        }

        return Build(raw with { Errors = errors }, user);
    }

    /// <summary>A country by ISO alpha-3 code, name, alias or nationality adjective ("DPRK", "North Korean").</summary>
    public bool TryGetCountry(ReadOnlySpan<char> text, out CountryInfo country) => Countries.TryGet(text, out country);

    /// <summary>The country whose capital this is ("Pyongyang" → North Korea).</summary>
    public bool TryGetCountryByCapital(ReadOnlySpan<char> text, out CountryInfo country) => Countries.TryGetByCapital(text, out country);

    /// <summary>The named actors a phrase names, each resolved on <paramref name="date"/> (the document's publication date).</summary>
    public IReadOnlyList<(ActorEntry Entry, ActorSpell Spell)> LookupActor(ReadOnlySpan<char> phrase, DateOnly? date) =>
        [.. Actors.Lookup(phrase).Select(e => (e, e.Resolve(date)))];

    /// <summary>True when a phrase's last word heads an organisation name ("..._MINISTRY_", "... Party").</summary>
    internal static bool NamesABody(Lexicon words, string phrase)
    {
        var key = PhraseKey.Normalize(phrase);
        var last = key.LastIndexOf(' ');
        return words.Is(last < 0 ? key : key[(last + 1)..], WordClass.OrgHead);
    }

    private static KnowledgeBase Build(RawTables raw, UserDictionary? user)
    {
        var errors = new List<TacitusError>(raw.Errors);
        var countries = raw.Countries.ToList();
        var byCode = countries.ToDictionary(c => c.Code.Value, StringComparer.Ordinal);
        var extraAdjectives = new List<(string, CountryInfo)>();
        var countryAliasItems = new List<(string, CountryInfo)>();
        if (user is not null)
        {
            foreach (var (key, code) in user.Adjectives)
            {
                if (byCode.TryGetValue(code.Value, out var c))
                {
                    extraAdjectives.Add((key, c));
                }
            }

            foreach (var (key, code) in user.CountryAliases)
            {
                if (byCode.TryGetValue(code.Value, out var c))
                {
                    countryAliasItems.Add((key, c));
                }
            }
        }

        var table = new CountryTable(countries, extraAdjectives);

        // Actors: countries by name and alias, then the compiled actors, then user entries (which replace shipped entries with the same phrase).
        var items = new List<(string Key, ActorEntry Entry)>();
        foreach (var c in countries)
        {
            var entry = CountryEntry(c, capitalsOnly: false, "countries");
            var caps = CountryEntry(c, capitalsOnly: true, "countries");
            foreach (var alias in c.Aliases.Prepend(c.Name))
            {
                items.Add((PhraseKey.Normalize(alias), IsCapitalsAlias(alias) ? caps : entry));
            }
        }

        foreach (var (key, c) in countryAliasItems)
        {
            items.Add((key, CountryEntry(c, capitalsOnly: false, "user")));
        }

        items.AddRange(raw.Actors);
        var roles = raw.Roles.ToList();
        var words = raw.Words.ToList();
        if (user is not null)
        {
            var overridden = user.Actors.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
            items.RemoveAll(i => overridden.Contains(i.Key));
            items.AddRange(user.Actors);
            var roleKeys = user.Roles.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            roles.RemoveAll(r => roleKeys.Contains(r.Key));
            roles.AddRange(user.Roles);
            words.AddRange(user.Words);
        }

        return new KnowledgeBase(table, new ActorDictionary(PhraseIndex<ActorEntry>.Build(items)), new RoleTable(PhraseIndex<RoleInfo>.Build(roles)), new Lexicon(words), errors);
    }

    private static ActorEntry CountryEntry(CountryInfo c, bool capitalsOnly, string source) => new()
    {
        Name = c.Name,
        Kind = MentionKind.Country,
        Spells = [new ActorSpell(c.Code, null, DateOnly.MinValue, DateOnly.MaxValue, null)],
        Source = $"{source}:{c.Code.Value}",
        CapitalsOnly = capitalsOnly,
    };

    /// <summary>"US", "U.S.", "DPRK": short capital aliases that must be written in capitals ("us" is a pronoun).</summary>
    internal static bool IsCapitalsAlias(string alias)
    {
        var letters = alias.Where(char.IsLetter).ToArray();
        return letters.Length is > 0 and <= 5 && letters.All(char.IsUpper);
    }

    /// <summary>The compiled tables as read, before indexing.</summary>
    private sealed record RawTables(
        IReadOnlyList<CountryInfo> Countries,
        IReadOnlyList<(string Key, ActorEntry Entry)> Actors,
        IReadOnlyList<(string Key, RoleInfo Role)> Roles,
        IReadOnlyList<(string Word, WordClass Class, string? Value)> Words,
        IReadOnlyList<TacitusError> Errors)
    {
        private static readonly Lazy<RawTables> Cached = new(Read, LazyThreadSafetyMode.ExecutionAndPublication);

        public static RawTables Embedded() => Cached.Value;

        private static RawTables Read()
        {
            var errors = new List<TacitusError>();
            var countries = ReadResource(KnowledgeTableFormat.CountriesFile, errors, (r, f) => KnowledgeTableFormat.ReadCountries(r, f, errors)) ?? [];
            var actors = ReadResource(KnowledgeTableFormat.ActorsFile, errors, (r, f) =>
                KnowledgeTableFormat.ReadActors(r, f, errors)
                    .SelectMany(a => a.Aliases.Prepend(a.Entry.Name).Select(p => (PhraseKey.Normalize(p), a.Entry)))
                    .ToList()) ?? [];
            var roles = ReadResource(KnowledgeTableFormat.RolesFile, errors, (r, f) =>
                KnowledgeTableFormat.ReadRoles(r, f, errors).Select(x => (PhraseKey.Normalize(x.Phrase), x.Role)).ToList()) ?? [];
            var words = ReadResource(KnowledgeTableFormat.WordsFile, errors, (r, f) => KnowledgeTableFormat.ReadWords(r, f, errors).ToList()) ?? [];
            words.AddRange(ReadResource(KnowledgeTableFormat.CommonWordsFile, errors, (r, _) => KnowledgeTableFormat.ReadCommonWords(r).ToList()) ?? []);
            return new RawTables(countries, actors, roles, words, errors);
        }

        private static T? ReadResource<T>(string file, List<TacitusError> errors, Func<TextReader, string, T> read)
            where T : class
        {
            var assembly = typeof(KnowledgeBase).Assembly;
            using var stream = assembly.GetManifestResourceStream($"Tacitus.Knowledge.{file}");
            if (stream is null)
            {
                errors.Add(new TacitusError("TAC304", "knowledge", "compiled table missing from the assembly (run `tacitus knowledge build`)", file));
                return null;
            }

            using Stream body = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var reader = new StreamReader(body, KnowledgeTableFormat.Utf8);
            return read(reader, file);
        }
    }
}
