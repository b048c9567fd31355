using Tacitus.Domain;
using Tacitus.Documents;
using Tacitus.Events;
using Tacitus.Events.Tree;
using Tacitus.Knowledge;
using Tacitus.Knowledge.Build;

namespace Tacitus.Pipeline;

/// <summary>
/// Puts the tree coder stage together from the user's PETRARCH files: verb dictionaries (<c>--verbs</c>), discard
/// lists (<c>--discards</c>), and the <c>--dictionary</c> files named like PETRARCH actor and agent dictionaries
/// (<c>*actors*</c>, <c>*agents*</c>), in front of the shipped ones compiled from UD-PETRARCH's and Phoenix's
/// dictionaries (left out with <c>--no-shipped</c>). Transformations (<c>~</c> lines) come with the verb files: the
/// user's first, then the shipped ones from PETRARCH-2's dictionary. Missing files and bad lines are setup errors; the rest loads.
/// </summary>
internal static class TreeCoding
{
    private static readonly Lazy<WordLists> EventWords = new(() => WordLists.Embedded("events", "tree-events.tsv"));

    public static TreeEventStage Create(PipelineOptions options, List<TacitusError> errors)
    {
        var verbs = new PetrarchVerbDictionary();
        var verbSources = Existing(options.VerbFiles, errors).Select(f => (Lines: File.ReadLines(f), Name: Path.GetFileName(f))).ToList();
        if (!options.NoShipped)
        {
            verbSources.Add((Shipped(PetrarchCompiler.VerbsFile, errors), PetrarchCompiler.VerbsFile));
            verbSources.Add((Shipped(PetrarchCompiler.TransformationsFile, errors), PetrarchCompiler.TransformationsFile));
        }

        foreach (var (lines, name) in verbSources)
        {
            var read = PetrarchDictionaryReader.ReadVerbs(lines, name, errors);
            foreach (var (synset, members) in read.Synsets)
            {
                verbs.Synsets.TryAdd(synset, members);
            }

            verbs.Blocks.AddRange(read.Blocks);
            verbs.Transformations.AddRange(read.Transformations);
            foreach (var (word, list) in read.Verbs)
            {
                if (!verbs.Verbs.TryGetValue(word, out var existing))
                {
                    verbs.Verbs[word] = existing = [];
                }

                existing.AddRange(list);
            }
        }

        var dictionaries = Existing(options.UserDictionaries, errors).ToList();
        var actors = dictionaries.Where(f => Path.GetFileName(f).Contains("actors", StringComparison.OrdinalIgnoreCase)).SelectMany(f => PetrarchDictionaryReader.ReadActors(f, errors)).ToList();
        var agents = dictionaries.Where(f => Path.GetFileName(f).Contains("agents", StringComparison.OrdinalIgnoreCase)).SelectMany(f => PetrarchDictionaryReader.ReadAgents(f, errors)).ToList();
        var discards = Existing(options.DiscardFiles, errors).SelectMany(f => PetrarchDictionaryReader.ReadDiscards(f, errors)).ToList();
        if (!options.NoShipped)
        {
            actors.AddRange(PetrarchDictionaryReader.ReadActors(Shipped(PetrarchCompiler.ActorsFile, errors), PetrarchCompiler.ActorsFile, errors));
            agents.AddRange(PetrarchDictionaryReader.ReadAgents(Shipped(PetrarchCompiler.AgentsFile, errors), PetrarchCompiler.AgentsFile, errors));
            discards.AddRange(PetrarchDictionaryReader.ReadDiscards(Shipped(PetrarchCompiler.DiscardsFile, errors), PetrarchCompiler.DiscardsFile, errors));
        }

        var table = CameoPloverTable.Shipped;
        var coder = new TreeEventCoder(verbs, new PetrarchCodebook(actors, agents), discards, standsAlone: code => StandsAlone(table, code), broadVerbs: EventWords.Value["broad"],
            transformer: NestedEventTransformer.Resolve(verbs, errors), nominals: Nominals(verbs));
        return new TreeEventStage(coder, table, fillGapsOnly: options.Coder == EventCoderChoice.Fill);
    }

    /// <summary>The nominal event reader: the noun rows of the shipped patterns, the verb dictionary, and the governing verbs of data/events/tree-events.tsv.</summary>
    internal static NominalEventReader Nominals(PetrarchVerbDictionary verbs) =>
        new(EventPatterns.Shipped.All, verbs, EventWords.Value["happen"], EventWords.Value["cancel"], EventWords.Value["plan"]);

    /// <summary>Whether an act of this CAMEO code is complete with no target: its PLOVER type is listed <c>alone</c> in data/events/tree-events.tsv.</summary>
    internal static bool StandsAlone(CameoPloverTable table, string code) =>
        CameoCode.Parse(code).Success && table.Map(CameoCode.From(code)) is { } mapping && EventWords.Value["alone"].Contains(mapping.Type.ToCode());

    /// <summary>The lines of a compiled dictionary embedded in the assembly (none, and a TAC304, when it is missing).</summary>
    internal static List<string> Shipped(string file, List<TacitusError> errors)
    {
        using var stream = typeof(TreeCoding).Assembly.GetManifestResourceStream($"Tacitus.Knowledge.{file}");
        if (stream is null)
        {
            errors.Add(new TacitusError("TAC304", "knowledge", "compiled table missing from the assembly (run `tacitus knowledge build`)", file));
            return [];
        }

        using Stream body = file.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(body);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static IEnumerable<string> Existing(IReadOnlyList<string> files, List<TacitusError> errors)
    {
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                yield return file;
            }
            else
            {
                errors.Add(new TacitusError("TAC305", "events", "dictionary file not found", file));
            }
        }
    }
}
