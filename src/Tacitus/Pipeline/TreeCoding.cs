using Tacitus.Documents;
using Tacitus.Events;
using Tacitus.Events.Tree;
using Tacitus.Knowledge;

namespace Tacitus.Pipeline;

/// <summary>
/// Puts the tree coder stage together from the user's PETRARCH files: verb dictionaries (<c>--verbs</c>), discard
/// lists (<c>--discards</c>), and the <c>--dictionary</c> files named like PETRARCH actor and agent dictionaries
/// (<c>*actors*</c>, <c>*agents*</c>). Missing files and bad lines are setup errors; the rest loads.
/// </summary>
internal static class TreeCoding
{
    public static TreeEventStage Create(PipelineOptions options, List<TacitusError> errors)
    {
        var verbs = new PetrarchVerbDictionary();
        foreach (var file in Existing(options.VerbFiles, errors))
        {
            var read = PetrarchDictionaryReader.ReadVerbs(file, errors);
            foreach (var (name, members) in read.Synsets)
            {
                verbs.Synsets.TryAdd(name, members);
            }

            verbs.Blocks.AddRange(read.Blocks);
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
        return new TreeEventStage(new TreeEventCoder(verbs, new PetrarchCodebook(actors, agents), discards), CameoPloverTable.Shipped);
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
