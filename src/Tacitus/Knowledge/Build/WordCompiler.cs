using Tacitus.Documents;

namespace Tacitus.Knowledge.Build;

/// <summary>
/// words.tsv: cue words (data/knowledge/words.tsv) plus given names: data/knowledge/given-names.txt and the first words of the person names
/// in the compiled actors table that start two or more names and are not cue, country or role words. Also common-words.txt.gz,
/// the common lower-case English words of data/knowledge/common-words.txt. Runs after the actors and roles compilers.
/// </summary>
internal sealed class WordCompiler : IKnowledgeCompiler
{
    public string Name => "words";

    public IReadOnlyList<string> Reads => ["countries", "roles", "actors"];

    public string Compile(string sourceDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        var hand = ActorCompiler.ReadHandWords(dataDirectory).ToList();
        var handKeys = hand.Select(h => PhraseKey.Normalize(h.Word)).ToHashSet(StringComparer.Ordinal);
        var errors = new List<TacitusError>();
        var compiled = Path.Combine(dataDirectory, "compiled");
        var excluded = new HashSet<string>(handKeys, StringComparer.Ordinal);
        using (var reader = new StreamReader(Path.Combine(compiled, KnowledgeTableFormat.CountriesFile)))
        {
            foreach (var c in KnowledgeTableFormat.ReadCountries(reader, "countries", errors))
            {
                excluded.UnionWith(c.Aliases.Prepend(c.Name).Concat(c.Adjectives).Concat(c.Capitals).Select(PhraseKey.Normalize));
            }
        }

        using (var reader = new StreamReader(Path.Combine(compiled, KnowledgeTableFormat.RolesFile)))
        {
            excluded.UnionWith(KnowledgeTableFormat.ReadRoles(reader, "roles", errors).Select(r => PhraseKey.Normalize(r.Phrase)));
        }

        var counts = new Dictionary<string, (int Count, string Display)>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(Path.Combine(compiled, KnowledgeTableFormat.ActorsFile)))
        using (var gz = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            foreach (var (entry, _) in KnowledgeTableFormat.ReadActors(reader, "actors", errors))
            {
                if (entry.Kind != MentionKind.Person)
                {
                    continue;
                }

                var first = entry.Name.Split(' ')[0];
                var key = PhraseKey.Normalize(first);
                if (key.Length < 3 || !key.All(char.IsAsciiLetterLower) || excluded.Contains(key))
                {
                    continue;
                }

                counts[key] = (counts.GetValueOrDefault(key).Count + 1, first);
            }
        }

        // The hand-kept list of common English given names (Moby Word II, see data/NOTICE.md), then names seen in the people tables.
        var listed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var givenFile = Path.Combine(dataDirectory, "knowledge", "given-names.txt");
        if (File.Exists(givenFile))
        {
            foreach (var line in File.ReadLines(givenFile))
            {
                var name = line.Trim();
                var key = PhraseKey.Normalize(name);
                if (name.Length > 0 && name[0] != '#' && !handKeys.Contains(key))
                {
                    listed.TryAdd(key, name);
                }
            }
        }

        foreach (var (key, value) in counts.Where(kv => kv.Value.Count >= 2))
        {
            listed.TryAdd(key, value.Display);
        }

        var given = listed.Values.Select(n => $"{n}\tgiven").ToList();
        var rows = hand.Select(h => h.Value is null ? $"{h.Word}\t{ClassName(h.Class)}" : $"{h.Word}\t{ClassName(h.Class)}\t{h.Value}").Concat(given);
        CompiledTableWriter.Write(dataDirectory, KnowledgeTableFormat.WordsFile, "# word\tclass\tvalue (built by `tacitus knowledge build`; see data/NOTICE.md)", rows);

        // Common lower-case English words (Debian wamerican, see data/NOTICE.md), as listed by scripts/build-common-words.sh.
        var common = CompiledTableWriter.HandRows(dataDirectory, "common-words.txt").Select(r => r.Fields[0].ToLowerInvariant()).Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        CompiledTableWriter.Write(dataDirectory, KnowledgeTableFormat.CommonWordsFile, "# common lower-case English words (built by `tacitus knowledge build`; see data/NOTICE.md)", common);
        return $"{hand.Count} cue words, {given.Count} given names → data/compiled/{KnowledgeTableFormat.WordsFile}; {common.Count} common words → data/compiled/{KnowledgeTableFormat.CommonWordsFile}";
    }

    private static string ClassName(WordClass c) => c switch
    {
        WordClass.Function => "function",
        WordClass.GivenName => "given",
        WordClass.Honorific => "honorific",
        WordClass.SpeechVerb => "speech",
        WordClass.PlacePreposition => "placeprep",
        WordClass.ActorVerb => "actorverb",
        WordClass.OrgHead => "orghead",
        WordClass.NameConnector => "connector",
        WordClass.Pronoun => "pronoun",
        WordClass.PlaceHead => "placehead",
        WordClass.NotName => "notname",
        WordClass.Common => "common",
        WordClass.OrgNoun => "orgnoun",
        _ => "function",
    };
}
