using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Syntax.Clauses;

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

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Boilerplate | Annotations.Syntax | Annotations.Words;

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
        var mentions = new MentionIndex(document);
        var setting = new EventSetting(document, mentions);
        var context = new CountryContext(document, mentions);
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Boilerplate)
            {
                continue;
            }

            var words = document.WordsOf(sentence);
            foreach (var e in coder.Code(document, sentence, date))
            {
                if (ToRecord(document, sentence, e, mentions, setting, (context, words)) is { } record)
                {
                    records.Add(record);
                    if (record.Recipient is not null)
                    {
                        coded.Add(sentence.Index);
                    }
                }
            }
        }

        Merge(document, records, coded, fillGapsOnly);
    }

    /// <summary>
    /// Merge rule: in a sentence the tree coder coded, its records replace the rule coder's (the parse knows the
    /// roles); elsewhere the rule coder's records stay (nominal events, attribution-only sentences). With
    /// <paramref name="fillGapsOnly"/> (<c>--coder fill</c>) the rules keep their sentences and the tree coder only
    /// adds records where they coded nothing. A tree record that names no target says less than one that does: it
    /// only goes into a sentence no other record codes.
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

        var taken = document.Events.Concat(records.Where(r => r.Recipient is not null)).Select(e => document.SentenceAt(e.Evidence.Start)).ToHashSet();
        records.RemoveAll(r => r.Recipient is null && taken.Contains(document.SentenceAt(r.Evidence.Start)));
        document.Events.AddRange(records);
        document.Events.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));
    }

    private EventRecord? ToRecord(Document document, Sentence sentence, TreeEvent e, MentionIndex mentions, EventSetting setting, (CountryContext Context, SentenceWords Words) around)
    {
        if (!CameoCode.Parse(e.Cameo).Success || table.Map(CameoCode.From(e.Cameo)) is not { } mapping)
        {
            return null;
        }

        var cameo = CameoCode.From(e.Cameo);
        var intent = string.Empty;
        if (e.Modality.Future && IntentConvention.Code(mapping.Type, cameo, e.Modality.Negated) is { } intended && table.Map(intended) is { } intendedMapping)
        {
            intent = IntentConvention.Explain(intendedMapping.Type, intended, e.Modality.Negated);
            (cameo, mapping) = (intended, intendedMapping);
        }

        var trigger = document.Tokens[e.Verb].Span;
        var (actor, actorRule) = Actor(document, sentence, e.Source, mentions);
        var (recipient, recipientRule) = e.Target is { } target ? Actor(document, sentence, target, mentions) : (null, "none named; the act stands alone");
        var (attribution, attributionRule) = setting.Attribution(trigger);
        (TextSpan, string)[] clause = [(e.Clause, "the verb's clause")];
        var (date, dateRule) = setting.Date(sentence.Index, clause, trigger, attribution);
        var (location, locationRule) = setting.Location(sentence.Index, clause, trigger, [.. new[] { actor.Span, recipient?.Span }.OfType<TextSpan>()]);
        (actor, actorRule) = WithContextCountry(actor, actorRule, location, around);
        if (recipient is not null)
        {
            (recipient, recipientRule) = WithContextCountry(recipient, recipientRule, location, around);
        }

        if (actor.Country is null || recipient is { Country: null })
        {
            return null; // a party neither the dictionaries, the actor mentions nor the context place ("people", "the police"): not coded
        }

        var record = new EventRecord
        {
            Event = mapping.Type,
            Mode = mapping.Mode,
            Context = mapping.Context,
            Cameo = cameo,
            Score = table.Score(mapping.Type, mapping.Mode),
            Actor = actor,
            Recipient = recipient,
            Date = date,
            Location = location,
            Attribution = attribution,
            Evidence = sentence.Span,
            Trigger = trigger,
            Modality = e.Modality with { Denied = e.Modality.Denied || setting.Denied(attribution, trigger) },
            Confidence = e.Pattern is null ? 0.6 : 0.75,
        };
        var x = record.Explanation;
        x["event"] = (e.Nominal ?? (e.Pattern is null ? $"verb block {e.Block}" : $"verb block {e.Block}, pattern '{e.Pattern}'")) + intent
            + (e.Transformation is null ? string.Empty : $"; transformation {e.Transformation}");
        x["actor"] = actorRule;
        x["recipient"] = recipientRule;
        x["date"] = dateRule;
        x["location"] = locationRule;
        x["attribution"] = attributionRule;
        return record;
    }

    /// <summary>
    /// An actor of the tree coder in Tacitus's terms: the actor mention on the word the dictionary's actor stands on
    /// (with no dictionary country, on its head word or the first inside its phrase) gives name, entity, country and
    /// sector, so both coders name the same actor alike; the dictionary code
    /// fills what the mention leaves open, and the full code keeps the dictionary's finer parts after the country
    /// Tacitus read ("---GOV" for "the foreign ministry" of a known country becomes that country's GOV).
    /// </summary>
    internal static (ActorRef Actor, string Rule) Actor(Document document, Sentence sentence, TreeActor actor, MentionIndex mentions)
    {
        var codeCountry = actor.Code.Length >= 3 && CountryCode.Parse(actor.Code[..3]) is { Success: true } cc ? cc.Value : (CountryCode?)null;
        var codeSector = actor.Code.Length >= 6 && Sector.Parse(actor.Code[3..6]) is { Success: true } cs ? cs.Value : (Sector?)null;
        // the mention on the word the dictionary's actor stands on ("Armenia" in "the president of Armenia"); only when
        // the dictionary named no country, the mention on the head or the first inside the phrase ("the ministry")
        var m = actor.ActorToken >= 0 ? mentions.ActorAt(sentence.Index, document.Tokens[actor.ActorToken].Span.Start) : -1;
        if (m < 0 && codeCountry is null or { Value: "---" })
        {
            m = mentions.ActorAt(sentence.Index, document.Tokens[actor.Head].Span.Start);
            m = m >= 0 ? m : mentions.ActorsWithin(sentence.Index, actor.Span).DefaultIfEmpty(-1).First();
        }

        if (m < 0)
        {
            return (new ActorRef
            {
                Text = document.Slice(actor.Span).ToString(),
                Span = actor.Span,
                Code = actor.Code,
                Country = codeCountry,
                Sector = codeSector,
            }, $"dictionary code {actor.Code}");
        }

        var mention = mentions[m];
        var country = mentions.CountryOf(mention) ?? codeCountry;
        var sector = mentions.SectorOf(mention) ?? codeSector;
        return (new ActorRef
        {
            Text = document.Slice(actor.Span).ToString(),
            Span = actor.Span,
            Name = mentions.NameOf(mention),
            Code = MergedCode(actor.Code, country, sector),
            Country = country,
            Sector = sector,
            Entity = mention.Entity,
            Mention = m,
        }, $"dictionary code {actor.Code}; actor mention \"{mention.Span.TextOf(document.Text)}\" ({country?.Value ?? "-"} {sector?.Value ?? "-"})");
    }

    /// <summary>An actor neither its mention nor the dictionary gives a country takes its context's (<see cref="CountryContext"/>), as the rule coder's do.</summary>
    private static (ActorRef Actor, string Rule) WithContextCountry(ActorRef actor, string rule, EventLocation? location, (CountryContext Context, SentenceWords Words) around)
    {
        if (actor.Country is not null || actor.Span is not { } span
            || around.Context.Resolve(around.Words, span, actor.Mention is null, location?.Country, EventPatterns.Shipped.TriggerLemmas) is not { } found)
        {
            return (actor, rule);
        }

        return (actor with { Country = found.Country, Code = MergedCode(actor.Code ?? string.Empty, found.Country, actor.Sector) }, rule + "; country from context: " + found.Rule);
    }

    /// <summary>
    /// The full code with Tacitus's country in front when it names a country the dictionary code lacks or writes
    /// otherwise, and Tacitus's sector after it when the dictionary gave none; a body with no country (IGO, NGO) keeps
    /// the dictionary's code.
    /// </summary>
    internal static string MergedCode(string code, CountryCode? country, Sector? sector)
    {
        if (!CountryContext.IsCountry(country) || country is not { } c)
        {
            return code;
        }

        var rest = code.Length >= 3 ? code[3..] : string.Empty;
        if (rest.Length == 0 && sector is { } s)
        {
            rest = s.Value;
        }

        return c.Value + rest;
    }
}
