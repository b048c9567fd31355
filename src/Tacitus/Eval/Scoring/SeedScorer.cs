using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Eval.Readers;

namespace Tacitus.Eval.Scoring;

/// <summary>
/// Matches one story's analysis against its human reading, exactly as the seed GOLD.md describes: text compared after
/// folding curly quotes and collapsing white space; a gold event is found by an output event whose evidence contains
/// the gold evidence, whose type is one the gold accepts, whose actor country (and recipient country, where the gold
/// names one) the gold accepts; each output event finds at most one gold event. Field accuracy (date prefix, location
/// name, attribution source, anonymity) is read on found events. Spurious: output events matching no gold event.
/// Events or attributions read from no-event sentences or boilerplate are errors. Denied statements must give events
/// marked denied or negated. Attributions are found by evidence, source name (either contains the other) and anonymity.
/// </summary>
internal sealed class SeedScorer
{
    private readonly SeedGold gold;
    private readonly EvalTable table = new("Reference story", ["measure", "right", "of", "share"]);
    private readonly Dictionary<string, double> figures = [];

    public SeedScorer(SeedGold gold) => this.gold = gold ?? throw new ArgumentNullException(nameof(gold));

    public List<EvalMiss> Misses { get; } = [];

    /// <summary>Measure name → (right, of), in the order they are reported.</summary>
    public Dictionary<string, (int Right, int Of)> Measures { get; } = [];

    public void Score(Document document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var events = document.Events;
        var evidence = events.Select(e => EvalText.Fold(e.Evidence.TextOf(text))).ToList();

        bool Matches(SeedEvent g, int i)
        {
            var e = events[i];
            return evidence[i].Contains(EvalText.Fold(g.Evidence), StringComparison.Ordinal)
                && g.Types.Contains(e.Event.ToCode(), StringComparer.OrdinalIgnoreCase)
                && g.Actor.Accepts(e.Actor.Country?.Value)
                && (g.Recipient is null || g.Recipient.Accepts(e.Recipient?.Country?.Value));
        }

        // Found: one-to-one, required events first.
        var used = new bool[events.Count];
        var found = new Dictionary<SeedEvent, int>();
        foreach (var g in gold.Events.OrderBy(g => g.Required ? 0 : 1))
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (!used[i] && Matches(g, i))
                {
                    used[i] = true;
                    found[g] = i;
                    break;
                }
            }

            if (!found.ContainsKey(g))
            {
                var near = Enumerable.Range(0, events.Count).Where(i => evidence[i].Contains(EvalText.Fold(g.Evidence), StringComparison.Ordinal)).Select(i => Describe(document, events[i]));
                Misses.Add(new EvalMiss(name, g.Required ? "missed-required-event" : "missed-optional-event", Describe(g), string.Join("; ", near), g.Evidence));
            }
        }

        var required = gold.Events.Where(g => g.Required).ToList();
        Add("required events found", required.Count(found.ContainsKey), required.Count);
        Add("optional events found", gold.Events.Count(g => !g.Required && found.ContainsKey(g)), gold.Events.Count(g => !g.Required));

        var spurious = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (!gold.Events.Any(g => Matches(g, i)))
            {
                spurious++;
                Misses.Add(new EvalMiss(name, "spurious-event", string.Empty, Describe(document, events[i]), evidence[i]));
            }
        }

        Add("output events matching a gold event (precision)", events.Count - spurious, events.Count);

        var forbidden = gold.NoEventSentences.Concat(gold.Boilerplate).Select(EvalText.Fold).ToList();
        var boilerplate = gold.Boilerplate.Select(EvalText.Fold).ToList();
        var inForbidden = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (forbidden.Any(f => LiesIn(evidence[i], f)))
            {
                inForbidden++;
                Misses.Add(new EvalMiss(name, "event-in-no-event-sentence", string.Empty, Describe(document, events[i]), evidence[i]));
            }
        }

        var attributionsInBoilerplate = 0;
        foreach (var a in document.Attributions)
        {
            var ev = EvalText.Fold(a.Evidence.TextOf(text));
            if (boilerplate.Any(b => LiesIn(ev, b)))
            {
                attributionsInBoilerplate++;
                Misses.Add(new EvalMiss(name, "attribution-in-boilerplate", string.Empty, Source(a), ev));
            }
        }

        Add("events not from no-event sentences or boilerplate", events.Count - inForbidden, events.Count);
        Add("attributions not from boilerplate", document.Attributions.Count - attributionsInBoilerplate, document.Attributions.Count);
        var marked = gold.Boilerplate.Count(b => document.Sentences.Any(s => s.Boilerplate && LiesIn(EvalText.Fold(s.Span.TextOf(text)), EvalText.Fold(b))));
        Add("boilerplate sentences marked", marked, gold.Boilerplate.Count);

        ScoreFields(document, name, found);
        ScoreDenials(document, name, evidence);
        ScoreAttributions(document, name);
        ScoreMentions(document, name);
        ScoreQuantities(document, name);
    }

    public void Report(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (measure, (right, of)) in Measures)
        {
            table.Row(measure, EvalReport.Int(right), EvalReport.Int(of), of == 0 ? "–" : EvalReport.Pct((double)right / of));
        }

        report.Tables.Add(table);
        foreach (var (k, v) in figures)
        {
            report.Figures[k] = v;
        }

        report.Misses.AddRange(Misses);
    }

    private void ScoreFields(Document document, string name, Dictionary<SeedEvent, int> found)
    {
        (int Right, int Of) date = default, location = default, source = default, anonymous = default;
        foreach (var (g, i) in found)
        {
            var e = document.Events[i];
            var attribution = e.Attribution is int a && a >= 0 && a < document.Attributions.Count ? document.Attributions[a] : null;
            if (g.Dates.Count > 0)
            {
                var ok = e.Date?.Value is { } v && g.Dates.Any(d => v.StartsWith(d, StringComparison.Ordinal));
                date = Count(date, ok, name, "wrong-date", g, string.Join(" or ", g.Dates), e.Date?.Value);
            }

            if (g.Location is not null)
            {
                var ok = string.Equals(e.Location?.Name, g.Location, StringComparison.OrdinalIgnoreCase);
                location = Count(location, ok, name, "wrong-location", g, g.Location, e.Location?.Name ?? e.Location?.Text);
            }

            if (g.Attribution is { } expected)
            {
                var ok = attribution is not null && Names(attribution.Source, expected.Source);
                source = Count(source, ok, name, "wrong-attribution-source", g, expected.Source, attribution is null ? null : Source(attribution));
                if (expected.Anonymous is bool anon)
                {
                    var anonOk = attribution is not null && attribution.Anonymous == anon;
                    anonymous = Count(anonymous, anonOk, name, "wrong-anonymity", g, anon ? "anonymous" : "named", attribution is null ? null : attribution.Anonymous ? "anonymous" : "named");
                }
            }
        }

        Add("found events: date right", date.Right, date.Of);
        Add("found events: location right", location.Right, location.Of);
        Add("found events: attribution source right", source.Right, source.Of);
        Add("found events: anonymity right", anonymous.Right, anonymous.Of);
        var all = (date.Right + location.Right + source.Right + anonymous.Right, date.Of + location.Of + source.Of + anonymous.Of);
        figures["field_accuracy"] = all.Item2 == 0 ? 0 : (double)all.Item1 / all.Item2;
    }

    private (int, int) Count((int Right, int Of) c, bool ok, string name, string kind, SeedEvent g, string expected, string? got)
    {
        if (!ok)
        {
            Misses.Add(new EvalMiss(name, kind, $"{g.Id}: {expected}", got ?? "(none)", g.Evidence));
        }

        return (c.Right + (ok ? 1 : 0), c.Of + 1);
    }

    private void ScoreDenials(Document document, string name, List<string> evidence)
    {
        int carried = 0, coded = 0;
        foreach (var g in gold.Events.Where(g => g.Denied))
        {
            var statement = EvalText.Fold(g.Evidence);
            for (var i = 0; i < document.Events.Count; i++)
            {
                if (!evidence[i].Contains(statement, StringComparison.Ordinal))
                {
                    continue;
                }

                coded++;
                var m = document.Events[i].Modality;
                if (m.Denied || m.Negated)
                {
                    carried++;
                }
                else
                {
                    Misses.Add(new EvalMiss(name, "denial-not-carried", $"{g.Id}: denied", Describe(document, document.Events[i]), g.Evidence));
                }
            }
        }

        Add("events from denied statements carrying the denial", carried, coded);
    }

    private void ScoreAttributions(Document document, string name)
    {
        int withAnonymity = 0, sourceOnly = 0;
        var texts = document.Attributions.Select(a => EvalText.Fold(a.Evidence.TextOf(document.Text))).ToList();
        foreach (var g in gold.Attributions)
        {
            var ev = EvalText.Fold(g.Evidence);
            var candidates = Enumerable.Range(0, texts.Count).Where(i => texts[i].Contains(ev, StringComparison.Ordinal) && Names(document.Attributions[i].Source, g.Source)).ToList();
            if (candidates.Any(i => document.Attributions[i].Anonymous == g.Anonymous))
            {
                withAnonymity++;
                sourceOnly++;
            }
            else if (candidates.Count > 0)
            {
                sourceOnly++;
                Misses.Add(new EvalMiss(name, "attribution-wrong-anonymity", $"{g.Id}: {g.Source} {(g.Anonymous ? "anonymous" : "named")}", string.Join("; ", candidates.Select(i => Source(document.Attributions[i]))), g.Evidence));
            }
            else
            {
                var near = Enumerable.Range(0, texts.Count).Where(i => texts[i].Contains(ev, StringComparison.Ordinal)).Select(i => Source(document.Attributions[i]));
                Misses.Add(new EvalMiss(name, "attribution-missed", $"{g.Id}: {g.Source}", string.Join("; ", near), g.Evidence));
            }
        }

        Add("attributions found (source and anonymity right)", withAnonymity, gold.Attributions.Count);
        Add("attributions found (source right)", sourceOnly, gold.Attributions.Count);
        figures["attributions_found"] = gold.Attributions.Count == 0 ? 0 : (double)withAnonymity / gold.Attributions.Count;
    }

    private void ScoreMentions(Document document, string name)
    {
        int named = 0, forms = 0, resolved = 0;
        foreach (var g in gold.Mentions)
        {
            // Found when the mention's canonical name or its words name the gold actor ("RAND Corp." resolved to "RAND Corporation").
            var ok = document.Mentions.Any(m => !m.IsReference && (SameName(NameOf(document, m), g.Name) || SameName(m.Span.TextOf(document.Text), g.Name)) && (g.Country is null || CountryOf(document, m) == g.Country))
                || document.Entities.Any(e => SameName(e.Name, g.Name) && (g.Country is null || e.Country?.Value == g.Country));
            if (ok)
            {
                named++;
            }
            else
            {
                Misses.Add(new EvalMiss(name, $"mention-missed-{g.Category}", $"{g.Name} {g.Country ?? string.Empty}".Trim(), string.Join("; ", document.Mentions.Where(m => SameName(m.Span.TextOf(document.Text), g.Name)).Select(m => $"{NameOf(document, m)} {CountryOf(document, m) ?? "(no country)"}")), g.Name));
            }

            foreach (var form in g.AlsoAs)
            {
                forms++;
                if (document.Mentions.Any(m => SameName(m.Span.TextOf(document.Text), form) && SameName(NameOf(document, m), g.Name)))
                {
                    resolved++;
                }
                else
                {
                    Misses.Add(new EvalMiss(name, "reference-unresolved", $"'{form}' → {g.Name}", string.Join("; ", document.Mentions.Where(m => SameName(m.Span.TextOf(document.Text), form)).Select(m => NameOf(document, m)).Distinct()), form));
                }
            }
        }

        Add("people, organisations, places named with their country", named, gold.Mentions.Count);
        Add("other forms resolved to the named actor or place", resolved, forms);
    }

    private void ScoreQuantities(Document document, string name)
    {
        int found = 0, consistent = 0, pairs = 0;
        var quantities = document.Mentions.Select((m, i) => (m, i)).Where(x => x.m.Kind == MentionKind.Quantity && x.m.Quantity is not null).ToList();
        foreach (var g in gold.Quantities)
        {
            var text = EvalText.Fold(g.Text);
            var match = quantities.FirstOrDefault(x => EvalText.Fold(x.m.Span.TextOf(document.Text)).Contains(text, StringComparison.OrdinalIgnoreCase)
                && string.Equals(x.m.Quantity!.Unit, g.Unit, StringComparison.OrdinalIgnoreCase)
                && Same(x.m.Quantity.Value, g.Value) && Same(x.m.Quantity.Low, g.Low) && Same(x.m.Quantity.High, g.High));
            if (match.m is not null)
            {
                found++;
            }
            else
            {
                Misses.Add(new EvalMiss(name, "quantity-missed", $"{g.Text} ({g.Unit})", string.Join("; ", quantities.Take(8).Select(x => $"{EvalText.Cut(document.Text, x.m.Span)} {x.m.Quantity!.Unit}")), g.Text));
            }

            if (g.ConsistentWith is { } other)
            {
                pairs++;
                var ok = match.m?.Quantity?.SameAs is int j && j >= 0 && j < document.Mentions.Count
                    && EvalText.Fold(document.Mentions[j].Span.TextOf(document.Text)).Contains(EvalText.Fold(other), StringComparison.OrdinalIgnoreCase)
                    && match.m.Quantity.Consistent == true;
                if (ok)
                {
                    consistent++;
                }
                else
                {
                    Misses.Add(new EvalMiss(name, "quantity-pair-missed", $"{g.Text} = {other}", match.m is null ? "(quantity not found)" : "(not linked as the same amount)", g.Text));
                }
            }
        }

        Add("quantities found with unit and value", found, gold.Quantities.Count);
        Add("two-unit quantities recognised as the same amount", consistent, pairs);
    }

    private void Add(string measure, int right, int of)
    {
        Measures[measure] = (right, of);
        var key = measure switch
        {
            "required events found" => "required_found",
            "output events matching a gold event (precision)" => "event_precision",
            "events from denied statements carrying the denial" => "denials_carried",
            _ => null,
        };
        if (key is not null)
        {
            figures[key] = of == 0 ? 0 : (double)right / of;
        }

        if (measure == "output events matching a gold event (precision)")
        {
            figures["spurious_events"] = of - right;
        }
    }

    /// <summary>Output evidence lies in a gold sentence when either contains the other.</summary>
    private static bool LiesIn(string outputEvidence, string goldSentence) =>
        outputEvidence.Length > 0 && (outputEvidence.Contains(goldSentence, StringComparison.Ordinal) || goldSentence.Contains(outputEvidence, StringComparison.Ordinal));

    /// <summary>The source names the expected one when either name (or the source's words) contains the other, ignoring case.</summary>
    private static bool Names(SourceRef source, string expected)
    {
        foreach (var said in new[] { source.Name, source.Text })
        {
            if (said is { Length: > 0 } s && (s.Contains(expected, StringComparison.OrdinalIgnoreCase) || expected.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameName(string? a, string? b) => a is not null && b is not null && string.Equals(EvalText.Fold(a), EvalText.Fold(b), StringComparison.OrdinalIgnoreCase);

    private static bool Same(double? output, double? expected) => expected is not double e || (output is double o && Math.Abs(o - e) < 1e-9);

    private static string? NameOf(Document d, Mention m) =>
        m.Entity is int e && e >= 0 && e < d.Entities.Count ? d.Entities[e].Name : m.Name ?? m.Span.TextOf(d.Text);

    private static string? CountryOf(Document d, Mention m) =>
        m.Country?.Value ?? (m.Entity is int e && e >= 0 && e < d.Entities.Count ? d.Entities[e].Country?.Value : null);

    private static string Source(Attribution a) => $"{a.Source.Name ?? a.Source.Text}{(a.Anonymous ? " [anonymous]" : string.Empty)}";

    private static string Describe(SeedEvent g) =>
        $"{g.Id}: {string.Join("/", g.Types)} {g.Actor.Country ?? "-"} -> {(g.Recipient is null ? "any" : g.Recipient.Country ?? "-")}";

    private static string Describe(Document d, EventRecord e) =>
        $"{e.Event.ToCode()} {e.Actor.Country?.Value ?? "---"}({e.Actor.Name ?? e.Actor.Text}) -> {(e.Recipient is null ? "-" : $"{e.Recipient.Country?.Value ?? "---"}({e.Recipient.Name ?? e.Recipient.Text})")}{(e.Date is null ? string.Empty : $" {e.Date.Value}")}";
}
