using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Eval.Readers;

namespace Tacitus.Eval.Scoring;

/// <summary>
/// Scores event coding against PLOVER gold records, one sentence each. Of the events coded from a record, the one
/// agreeing best with the gold (type, then actor country, then recipient country) is compared with it:
/// event-type accuracy; actor country accuracy (the actor's country is one of the gold source countries); recipient
/// country accuracy on records whose gold names a target; fully right when type, actor and recipient all match (a
/// record with no gold target wants no recipient, or for a reciprocal SRC/TAR record one of the source countries).
/// Missed: records with no event coded. Spurious: records with an event coded whose type is not the gold type.
/// <para>The gold writes the United Nations and its bodies as <c>IGO</c> (the CAMEO actor code is <c>IGOUNO</c>: the
/// UN is an intergovernmental organisation), Tacitus as the finer <c>UNO</c>; an output <c>UNO</c> therefore matches
/// a gold <c>IGO</c>. Nothing else is widened: a gold <c>UNO</c> wants <c>UNO</c>, and <c>IGO</c> never matches a
/// gold <c>UNO</c>.</para>
/// </summary>
internal sealed class EventScorer
{
    private readonly Dictionary<PloverType, (Accuracy Type, Accuracy Full, int Coded)> byType = [];

    public Accuracy TypeAccuracy { get; private set; }

    public Accuracy ActorAccuracy { get; private set; }

    public Accuracy RecipientAccuracy { get; private set; }

    public Accuracy FullyRight { get; private set; }

    public int Records { get; private set; }

    public int Missed { get; private set; }

    public int Spurious { get; private set; }

    public int EventsCoded { get; private set; }

    public List<EvalMiss> Misses { get; } = [];

    public void Add(PloverGoldRecord gold, Document document)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(document);
        Records++;
        EventsCoded += document.Events.Count;
        var sources = gold.Sources.Select(a => a.Country).ToHashSet();
        var targets = gold.Targets.Select(a => a.Country).ToHashSet();

        bool ActorOk(EventRecord e) => e.Actor.Country is { } c && In(c, sources);
        bool RecipientOk(EventRecord e) =>
            targets.Count > 0 ? e.Recipient?.Country is { } c && In(c, targets)
            : e.Recipient?.Country is not { } r || (gold.Reciprocal && In(r, sources));

        EventRecord? best = null;
        var bestScore = -1;
        foreach (var e in document.Events)
        {
            var score = (e.Event == gold.Event ? 4 : 0) + (ActorOk(e) ? 2 : 0) + (RecipientOk(e) ? 1 : 0);
            if (score > bestScore)
            {
                best = e;
                bestScore = score;
            }
        }

        var typeOk = best is not null && best.Event == gold.Event;
        var actorOk = best is not null && ActorOk(best);
        var recipientOk = best is not null && RecipientOk(best);
        var full = typeOk && actorOk && recipientOk;
        TypeAccuracy = TypeAccuracy.Count(typeOk);
        ActorAccuracy = ActorAccuracy.Count(actorOk);
        if (targets.Count > 0)
        {
            RecipientAccuracy = RecipientAccuracy.Count(recipientOk);
        }

        FullyRight = FullyRight.Count(full);
        if (document.Events.Count == 0)
        {
            Missed++;
        }

        if (document.Events.Any(e => e.Event != gold.Event))
        {
            Spurious++;
        }

        var t = byType.GetValueOrDefault(gold.Event);
        byType[gold.Event] = (t.Type.Count(typeOk), t.Full.Count(full), t.Coded + (document.Events.Count > 0 ? 1 : 0));

        if (!full)
        {
            var kind = best is null ? "missed" : !typeOk ? "wrong-type" : !actorOk ? "wrong-actor" : "wrong-recipient";
            var goldText = $"{gold.Id}: {gold.Event.ToCode()} {Codes(gold.Sources)} -> {(gold.Targets.Count == 0 ? (gold.Reciprocal ? "(reciprocal)" : "-") : Codes(gold.Targets))}";
            var output = document.Events.Count == 0 ? "(no event)" : string.Join("; ", document.Events.Select(Describe));
            Misses.Add(new EvalMiss(gold.Id, kind, goldText, output, gold.Text));
        }
    }

    public void Report(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = new EvalTable("Event coding (PLOVER gold records)", ["measure", "value", "n"]);
        summary.Row("event type accuracy", EvalReport.Pct(TypeAccuracy.Value), EvalReport.Int(TypeAccuracy.Total))
            .Row("actor country accuracy", EvalReport.Pct(ActorAccuracy.Value), EvalReport.Int(ActorAccuracy.Total))
            .Row("recipient country accuracy (records with a target)", EvalReport.Pct(RecipientAccuracy.Value), EvalReport.Int(RecipientAccuracy.Total))
            .Row("fully right (type + actor + recipient)", EvalReport.Pct(FullyRight.Value), EvalReport.Int(FullyRight.Total))
            .Row("missed (no event coded)", EvalReport.Pct(Records == 0 ? 0 : (double)Missed / Records), EvalReport.Int(Records))
            .Row("spurious (a record with an event of another type)", EvalReport.Pct(Records == 0 ? 0 : (double)Spurious / Records), EvalReport.Int(Records))
            .Row("events coded", EvalReport.Int(EventsCoded), EvalReport.Int(Records));
        report.Tables.Add(summary);

        var perType = new EvalTable("By gold event type", ["type", "records", "coded", "type accuracy", "fully right"]);
        foreach (var (type, v) in byType.OrderBy(kv => kv.Key.ToCode(), StringComparer.Ordinal))
        {
            perType.Row(type.ToCode(), EvalReport.Int(v.Type.Total), EvalReport.Int(v.Coded), EvalReport.Pct(v.Type.Value), EvalReport.Pct(v.Full.Value));
        }

        report.Tables.Add(perType);
        report.Figures["type_accuracy"] = TypeAccuracy.Value;
        report.Figures["actor_accuracy"] = ActorAccuracy.Value;
        report.Figures["recipient_accuracy"] = RecipientAccuracy.Value;
        report.Figures["fully_right"] = FullyRight.Value;
        report.Figures["missed"] = Records == 0 ? 0 : (double)Missed / Records;
        report.Figures["spurious"] = Records == 0 ? 0 : (double)Spurious / Records;
        report.Misses.AddRange(Misses);
    }

    /// <summary>The output code is one of the gold codes; an output UNO also matches a gold IGO (see the class summary).</summary>
    internal static bool In(CountryCode output, IReadOnlySet<CountryCode> gold) =>
        gold.Contains(output) || (output == CountryCode.Uno && gold.Contains(CountryCode.Igo));

    private static string Codes(IEnumerable<GoldActor> actors) => string.Join("+", actors.Select(a => a.RawCode == a.Country.Value ? a.Country.Value : $"{a.Country.Value}({a.RawCode})"));

    private static string Describe(EventRecord e) =>
        $"{e.Event.ToCode()} {e.Actor.Country?.Value ?? "---"}({e.Actor.Text}) -> {(e.Recipient is null ? "-" : $"{e.Recipient.Country?.Value ?? "---"}({e.Recipient.Text})")}";
}
