using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Pipeline;

namespace Tacitus.Events.Tree;

/// <summary>
/// The tree coder as a pipeline stage: runs when the token layer (<see cref="Document.Syntax"/>) is filled and codes
/// each analysed sentence with the PETRARCH dictionaries, writing records with PLOVER type, mode and context (through
/// the CAMEO→PLOVER table), the CAMEO code as the dictionary gave it, full actor codes, the verb as trigger and the
/// modality the tree shows. Its records replace the rule coder's for sentences it codes (see <see cref="Merge"/>).
/// </summary>
internal sealed class TreeEventStage(TreeEventCoder coder, CameoPloverTable table, bool fillGapsOnly = false) : IPipelineStage
{
    public string Name => "tree-events";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Boilerplate | Annotations.Syntax;

    public Annotations Assigns => Annotations.Events;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        if (document.Syntax.Count != document.Tokens.Count)
        {
            return; // no token layer yet: the rule coder's records stand
        }

        var date = document.Metadata.Published ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var records = new List<EventRecord>();
        var coded = new HashSet<int>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Boilerplate)
            {
                continue;
            }

            foreach (var e in coder.Code(document, sentence, date))
            {
                if (ToRecord(document, sentence, e) is { } record)
                {
                    records.Add(record);
                    coded.Add(sentence.Index);
                }
            }
        }

        Merge(document, records, coded, fillGapsOnly);
    }

    /// <summary>
    /// Merge rule: in a sentence the tree coder coded, its records replace the rule coder's (the parse knows the
    /// roles); elsewhere the rule coder's records stay (nominal events, attribution-only sentences). With
    /// <paramref name="fillGapsOnly"/> (<c>--coder fill</c>) the rules keep their sentences and the tree coder only
    /// adds records where they coded nothing.
    /// </summary>
    internal static void Merge(Document document, List<EventRecord> records, HashSet<int> codedSentences, bool fillGapsOnly = false)
    {
        if (fillGapsOnly)
        {
            var ruled = document.Events.Select(e => document.SentenceAt(e.Evidence.Start)).ToHashSet();
            records.RemoveAll(r => ruled.Contains(document.SentenceAt(r.Evidence.Start)));
        }
        else
        {
            document.Events.RemoveAll(e => codedSentences.Contains(document.SentenceAt(e.Evidence.Start)));
        }

        document.Events.AddRange(records);
        document.Events.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));
    }

    private EventRecord? ToRecord(Document document, Sentence sentence, TreeEvent e)
    {
        if (!CameoCode.Parse(e.Cameo).Success || table.Map(CameoCode.From(e.Cameo)) is not { } mapping)
        {
            return null;
        }

        var record = new EventRecord
        {
            Event = mapping.Type,
            Mode = mapping.Mode,
            Context = mapping.Context,
            Cameo = CameoCode.From(e.Cameo),
            Score = table.Score(mapping.Type, mapping.Mode),
            Actor = Actor(document, e.Source),
            Recipient = Actor(document, e.Target),
            Evidence = sentence.Span,
            Trigger = document.Tokens[e.Verb].Span,
            Modality = e.Modality,
            Confidence = e.Pattern is null ? 0.6 : 0.75,
        };
        record.Explanation["event"] = e.Pattern is null ? $"verb block {e.Block}" : $"verb block {e.Block}, pattern '{e.Pattern}'";
        return record;
    }

    private static ActorRef Actor(Document document, TreeActor actor) => new()
    {
        Text = document.Slice(actor.Span).ToString(),
        Span = actor.Span,
        Code = actor.Code,
        Country = actor.Code.Length >= 3 && CountryCode.Parse(actor.Code[..3]) is { Success: true } country ? country.Value : null,
        Sector = actor.Code.Length >= 6 && Sector.Parse(actor.Code[3..6]) is { Success: true } sector ? sector.Value : null,
    };
}
