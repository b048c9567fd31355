using System.Collections.Frozen;
using System.Globalization;
using Tacitus.Attributions;
using Tacitus.Documents;
using Tacitus.Domain;
using Tacitus.Mentions;
using Tacitus.Pipeline;
using Tacitus.Syntax.Clauses;

namespace Tacitus.Events;

/// <summary>
/// Codes event records: every clause where a pattern (data/events/patterns.tsv) reports an interaction between
/// actors becomes a record with its PLOVER type, mode, CAMEO code and score; the actor and recipient from the actor
/// mentions (subject, slot, passive by-agent, relative-clause antecedent, compound subjects); the date from the
/// clause's own time mention, else the governing attribution's, else the publication date; the location from the
/// clause's place mentions; the attribution whose content covers the trigger; and its modality. Every field's rule
/// goes into <see cref="EventRecord.Explanation"/>.
/// <para>Compound subjects ("Egypt and Kenya have called for ...") give one record per actor; for reciprocal
/// patterns ("Egypt and Kenya are friends", "X and Y met") one record first → second.</para>
/// <para>Reads <see cref="Document.Mentions"/> (people, organisations, countries, places, times), the tagger's
/// parts of speech (whether an attack noun is the subject of a killing),
/// <see cref="Document.Entities"/> and <see cref="Document.Attributions"/> when earlier stages set them.</para>
/// </summary>
internal sealed class EventCoder : IPipelineStage
{
    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(["off", "up", "down", "out", "away"], StringComparer.Ordinal);

    /// <summary>Words after a role noun that show it is not modifying a noun ("police in", "the army and").</summary>
    private static readonly FrozenSet<string> FunctionWords = FrozenSet.ToFrozenSet(
        ["in", "on", "at", "for", "with", "by", "from", "of", "to", "into", "against", "near", "and", "or", "but", "who", "which", "that", "whose",
         "the", "a", "an", "as", "than", "after", "before", "during", "over", "under", "across", "inside", "outside", "there", "here", "also", "not"],
        StringComparer.Ordinal);

    private readonly EventPatterns patterns;
    private readonly ModalityReader modality = ModalityReader.Shipped;
    private readonly DenialReading denials = DenialReading.Shipped;
    private readonly CameoPloverTable table;
    private readonly FrozenSet<string> verbLemmas;

    public EventCoder()
        : this(EventPatterns.Shipped)
    {
    }

    /// <summary>A coder with the given patterns and the shipped modality words (the words stage lemmatises to those, <see cref="Pipeline.PipelineFactory.WordReaderFor"/>).</summary>
    public EventCoder(EventPatterns patterns)
    {
        this.patterns = patterns;
        table = CameoPloverTable.Shipped;
        var cueWords = Attributions.CueLexicon.Shipped.Words;
        verbLemmas = patterns.TriggerLemmas.Concat(cueWords).ToFrozenSet(StringComparer.Ordinal);
    }

    public string Name => "events";

    public Annotations Requires => Annotations.Sentences | Annotations.Tokens | Annotations.Tags | Annotations.Words | Annotations.Boilerplate | Annotations.Actors | Annotations.Entities | Annotations.Times | Annotations.Places | Annotations.Attributions;

    public Annotations Assigns => Annotations.Events;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        StageRequirements.Enter(this, document);
        var mentions = new MentionIndex(document);
        var context = new CountryContext(document, mentions);
        var setting = new EventSetting(document, mentions);
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sentence.Boilerplate || sentence.TokenCount == 0)
            {
                continue;
            }

            var w = document.WordsOf(sentence);
            var matches = patterns.Matches(w);
            if (matches.Count == 0)
            {
                continue;
            }

            var clauses = new ClauseReader(w, mentions, verbLemmas, ContentStarts(document, w));
            var reader = new ClauseCoder(this, document, w, clauses, mentions, context, setting);
            foreach (var (match, folded) in reader.Select(matches))
            {
                reader.Code(match, folded, document.Events);
            }
        }
    }

    private static List<int> ContentStarts(Document document, SentenceWords w)
    {
        var starts = new List<int>();
        foreach (var a in document.Attributions)
        {
            if (a.Content.Start > w.Sentence.Span.Start && a.Content.Start < w.Sentence.Span.End)
            {
                starts.Add(w.TokenAtOrAfter(a.Content.Start));
            }
        }

        return starts;
    }

    /// <summary>An actor or recipient before it becomes an <see cref="ActorRef"/>.</summary>
    private readonly record struct Party(int Mention, TextSpan? Words, bool FromPlace, string Rule, bool Nationality = false)
    {
        public static readonly Party None = new(-1, null, false, "none");

        public bool Found => Mention >= 0 || Words is not null;
    }

    /// <summary>Codes the matches of one sentence.</summary>
    private sealed class ClauseCoder(EventCoder owner, Document document, SentenceWords w, ClauseReader clauses, MentionIndex mentions, CountryContext context, EventSetting setting)
    {
        /// <summary>Every match of the sentence, kept or not (set by <see cref="Select"/>).</summary>
        private List<PatternMatch> all = [];

        /// <summary>Drops nominal references and overlaps, and folds matches inside another's complement into it.</summary>
        public List<(PatternMatch Match, List<EventPattern> Folded)> Select(List<PatternMatch> matches)
        {
            all = matches;
            var kept = new List<(PatternMatch Match, List<EventPattern> Folded, int ComplementEnd)>();
            foreach (var m in matches)
            {
                var t = m.Trigger;
                if (m.Pattern.Has(PatternFlags.Noun) && t > 0 && ClauseReader.Determiners.Contains(w.Lower(t - 1)) && w.Lower(t - 1) is not ("a" or "an"))
                {
                    continue; // "the meeting with Kim": a reference to an event already told
                }

                var skip = false;
                foreach (var k in kept)
                {
                    if (m.Start < k.Match.End && k.Match.Start < m.End)
                    {
                        skip = true;
                        break;
                    }

                    if (k.Match.Pattern.Has(PatternFlags.Complement) && t >= k.Match.End && t < k.ComplementEnd)
                    {
                        k.Folded.Add(m.Pattern);
                        skip = true;
                        break;
                    }
                }

                if (!skip)
                {
                    kept.Add((m, [], m.Pattern.Has(PatternFlags.Complement) ? ComplementEnd(m) : m.End));
                }
            }

            return [.. kept.Select(k => (k.Match, k.Folded))];
        }

        public void Code(PatternMatch match, List<EventPattern> folded, List<EventRecord> output)
        {
            var p = match.Pattern;
            var t = match.Trigger;
            var explanation = new Dictionary<string, string>(StringComparer.Ordinal);
            var (attribution, attributionRule) = setting.Attribution(w.Span(t));
            var subject = clauses.Subject(t);
            var actors = new List<Party>();
            var recipient = Party.None;

            var actorSlot = match.Slot(ElementKind.Actor);
            var recipientSlot = match.Slot(ElementKind.Recipient);
            if (actorSlot is { } a)
            {
                actors.Add(SlotParty(a, "actor slot (by-agent)"));
                recipient = SubjectParty(subject, attribution).FirstOrDefault(Party.None);
            }
            else if (p.Has(PatternFlags.Speaker))
            {
                if (attribution is null || SpeakerParty(document.Attributions[attribution.Value]) is not { } speaker)
                {
                    return;
                }

                actors.Add(speaker);
                recipient = SubjectParty(subject, null).FirstOrDefault(Party.None);
            }
            else if (OtherSense(t))
            {
                return; // "met expectations", "was met with jeers": the verb in another sense (data/events/other-senses.tsv)
            }
            else if (IsPassive(t))
            {
                var by = t + 1;
                while (by < w.Count && Particles.Contains(w.Lower(by)))
                {
                    by++;
                }

                var segEnd = clauses.Segments[clauses.SegmentOf(t)].End;
                if (by < w.Count && w.Lower(by) == "by")
                {
                    actors.Add(SlotParty(new SlotFill(ElementKind.Actor, by + 1, segEnd, false), "passive: by-agent"));
                }
                else
                {
                    var place = clauses.FirstPlace(t + 1, segEnd); // "was arrested in Lebanon"
                    place = place >= 0 ? place : clauses.FirstPlace(clauses.Segments[clauses.SegmentOf(t)].Start, segEnd);
                    actors.Add(place >= 0 && mentions.CountryOf(mentions[place]) is not null
                        ? new Party(place, null, true, "agentless passive: the authorities of the place")
                        : new Party(-1, new TextSpan(w.Span(t).Start, w.Span(t).Start), false, "agentless passive: no actor named"));
                }

                recipient = SubjectParty(subject, attribution).FirstOrDefault(Party.None);
            }
            else
            {
                actors.AddRange(SubjectParty(subject, attribution));
                if (actors.Count == 0 && p.Has(PatternFlags.Noun) && attribution is int said && Announces(document.Attributions[said]) && SpeakerParty(document.Attributions[said]) is { } speaker)
                {
                    actors.Add(speaker with { Rule = "a nominal event the speaker announces (\"X announced a suspension of ...\"): the speaker" });
                }

                if (actors.Count == 0 && p.Type == PloverType.Assault && KillsInClause(match))
                {
                    actors.Add(UnnamedAttacker(t));
                }
                if (recipientSlot is { } r)
                {
                    recipient = SlotParty(r, "recipient slot");
                    if (!recipient.Found && r.End - r.Start <= 1 && clauses.Segments[subject.Segment].Kind == BoundaryKind.Relative)
                    {
                        var antecedent = clauses.Antecedent(clauses.Segments[subject.Segment].Start);
                        recipient = antecedent >= 0 ? new Party(antecedent, null, false, "relative clause: the antecedent is the object") : recipient;
                    }
                }
                else
                {
                    var from = p.Has(PatternFlags.Complement) ? match.End : t + 1;
                    var to = p.Has(PatternFlags.Complement) ? ComplementEnd(match) : clauses.Segments[clauses.SegmentOf(t)].End;
                    recipient = FirstOther(from, to, actors, p.Has(PatternFlags.Complement) ? "first actor named in the complement" : "first actor after the trigger");
                }
            }

            if (actors.Count == 0 || !actors[0].Found)
            {
                return; // nobody to code as the actor (an unresolved pronoun, or no subject)
            }

            if (actors.Count > 1 && p.Has(PatternFlags.Reciprocal) && !recipient.Found)
            {
                recipient = actors[1] with { Rule = "reciprocal: second of the compound subject" };
                actors = [actors[0] with { Rule = actors[0].Rule + "; reciprocal: first of the compound subject" }];
            }

            if (p.Has(PatternFlags.RequiresRecipient) && !recipient.Found)
            {
                return;
            }

            var reading = Modality(match, subject);
            var (type, mode, cameo, conversion) = Convert(p, reading);
            var settingClauses = SettingClauses(t, subject);
            var date = DateOf(t, settingClauses, attribution, out var dateRule);
            var location = LocationOf(t, settingClauses, recipient, actors, out var locationRule);
            var verdict = p.Has(PatternFlags.Denial) ? owner.denials.Read(w, t) : (DenialVerdict?)null;
            var contentDenied = setting.Denied(attribution, w.Span(t));
            var denied = verdict is { Denies: true } || contentDenied;
            var modalityRecord = new Modality
            {
                Negated = reading.Negated,
                Denied = denied,
                Hedged = reading.Hedged,
                Future = reading.Future || p.Has(PatternFlags.Future),
                Conditional = reading.Conditional,
            };

            foreach (var actor in actors)
            {
                var actorRef = Ref(actor);
                var recipientRef = recipient.Found ? Ref(recipient) : null;
                if (recipientRef is not null && Same(actorRef, recipientRef))
                {
                    recipientRef = null;
                }

                (actorRef, var actorCountryRule) = WithContextCountry(actorRef, location);
                var recipientCountryRule = string.Empty;
                if (recipientRef is not null)
                {
                    (recipientRef, recipientCountryRule) = WithContextCountry(recipientRef, location);
                }

                string? domesticRule = null;
                if (!recipient.Found && (p.Has(PatternFlags.Domestic) || folded.Any(f => f.Has(PatternFlags.Domestic))) && DomesticRecipient(location, actorRef) is { } domestic)
                {
                    (recipientRef, domesticRule) = domestic;
                }

                var record = new EventRecord
                {
                    Event = type,
                    Mode = mode,
                    Context = p.Context,
                    Cameo = cameo,
                    Score = owner.table.Score(type, mode) ?? p.Score,
                    Actor = actorRef,
                    Recipient = recipientRef,
                    Date = date,
                    Location = location,
                    Attribution = attribution,
                    Modality = modalityRecord,
                    Evidence = w.Sentence.Span,
                    Trigger = w.SpanOf(t, Math.Max(t, TriggerEnd(match))),
                };
                record.Confidence = Math.Round(Confidence(p, actor, recipientRef, modalityRecord, attribution), 3);
                var e = record.Explanation;
                e["event"] = $"pattern {p.Id} \"{p.Text}\" ({p.Source}) → {p.Type.ToCode()}{(p.Mode is null ? string.Empty : "/" + p.Mode)}, CAMEO {p.Cameo?.Value ?? "-"}" + conversion;
                e["actor"] = actor.Rule + actorCountryRule;
                e["recipient"] = domesticRule ?? (recipientRef is null ? (recipient.Found ? recipient.Rule + "; the same as the actor, dropped" : "none named") : recipient.Rule + recipientCountryRule);
                e["date"] = dateRule;
                e["location"] = locationRule;
                e["attribution"] = attributionRule;
                e["modality"] = reading.Rule + (verdict is { } v ? "; " + v.Rule : string.Empty) + (contentDenied ? "; denied (inside a denial's content)" : string.Empty)
                    + (p.Has(PatternFlags.Future) ? "; future (the pattern expresses intent)" : string.Empty);
                if (folded.Count > 0)
                {
                    e["folded"] = "inside the complement, not coded on their own: " + string.Join(", ", folded.Select(f => f.Id));
                }

                output.Add(record);
            }
        }

        private int TriggerEnd(PatternMatch match)
        {
            var end = match.Trigger;
            while (end + 1 < match.End && w.Kind(end + 1) == TokenKind.Word && (Particles.Contains(w.Lower(end + 1)) || w.Lower(end + 1) is "for" or "with" or "fire" or "strike" or "up"))
            {
                end++;
            }

            return end;
        }

        private ModalityReading Modality(PatternMatch match, SubjectResult subject)
        {
            var t = match.Trigger;
            var seg = clauses.Segments[clauses.SegmentOf(t)];
            int from;
            if (match.Pattern.Has(PatternFlags.Noun))
            {
                from = Math.Max(seg.Start, t - 3);
            }
            else if (subject.Mentions.Count > 0 && subject.Segment == clauses.SegmentOf(t))
            {
                from = Math.Min(t, w.TokenEndingBy(mentions[subject.Mentions[^1]].Span.End) + 1);
            }
            else
            {
                from = seg.Start;
            }

            from = Math.Min(from, match.Start);
            var conditional = seg.Kind == BoundaryKind.Subordinator && w.Lower(seg.Start) is "if" or "unless";
            for (var i = match.Start; i < match.End && !conditional; i++)
            {
                conditional = w.Lower(i) is "if" or "unless";
            }

            return owner.modality.Read(w, from, t + 1, conditional);
        }

        /// <summary>Intent: a future cooperative act is AGREE (CAMEO 03x), a future material conflict act is THREATEN
        /// (13x), a refused future cooperative act is REJECT (12x) — the CAMEO convention for "will"/"plans to".</summary>
        private (PloverType Type, string? Mode, CameoCode? Cameo, string Note) Convert(EventPattern p, ModalityReading reading)
        {
            if (!reading.Future || p.Has(PatternFlags.NoIntent) || p.Cameo is not { } cameo)
            {
                return (p.Type, p.Mode, p.Cameo, string.Empty);
            }

            if (IntentConvention.Code(p.Type, cameo, reading.Negated) is not { } converted)
            {
                return (p.Type, p.Mode, p.Cameo, string.Empty);
            }

            var mapping = owner.table.Map(converted);
            var type = mapping?.Type ?? p.Type;
            return (type, mapping?.Mode, converted, IntentConvention.Explain(type, converted, reading.Negated));
        }

        private List<Party> SubjectParty(SubjectResult subject, int? attribution)
        {
            if (subject.Mentions.Count > 0)
            {
                return [.. subject.Mentions.Select(m => new Party(m, null, false, subject.Mentions.Count > 1 ? subject.Rule + " (compound subject)" : subject.Rule))];
            }

            if (subject.Pronoun && attribution is int a && SpeakerParty(document.Attributions[a]) is { } speaker)
            {
                return [speaker with { Rule = "pronoun subject of reported speech: the speaker" }];
            }

            if (subject.Words is { } words && !subject.Pronoun)
            {
                return [new Party(-1, words, false, subject.Rule)];
            }

            return [];
        }

        /// <summary>The cue is an act of deciding or announcing ("announced", "ordered"), not of reporting ("said"):
        /// the speaker does what the content names.</summary>
        private bool Announces(Documents.Attribution a)
        {
            var k = w.TokenAtOrAfter(a.Cue.Start);
            return k < w.Count && w.Span(k).Start < a.Cue.End && w.Lemma(k) is "announce" or "declare" or "unveil" or "order" or "decide" or "approve" or "propose" or "offer" or "pledge" or "promise";
        }

        /// <summary>The attack <paramref name="match"/> names is the subject of a verb of attack later in its clause
        /// ("a roadside bombing near X killed two soldiers", "suicide bombers killed 130 people"): a pattern of the
        /// same family whose trigger the tagger reads as the clause's verb starts after it in the same clause segment.</summary>
        private bool KillsInClause(PatternMatch match)
        {
            var seg = clauses.SegmentOf(match.Trigger);
            var tags = document.SyntaxOf(w.Sentence);
            foreach (var m in all)
            {
                if (m.Start >= match.End && clauses.SegmentOf(m.Trigger) == seg && m.Pattern.Type == PloverType.Assault
                    && !m.Pattern.Has(PatternFlags.Noun) && m.Trigger < tags.Length && Predicates(tags, m.Trigger))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The tagger reads the word as the clause's own verb: finite ("killed", "kills"), or a participle
        /// clause after a comma ("..., killing 80 people"); not a gerund or noun ("the mass shooting").</summary>
        private bool Predicates(ReadOnlySpan<TokenSyntax> tags, int k) =>
            tags[k].Xpos is "VBD" or "VBZ" or "VBP" || (tags[k].Xpos == "VBG" && k > 0 && w.Lower(k - 1) == ",");

        /// <summary>"A roadside bombing near X killed ...": an attack named by its noun, the subject of the killing,
        /// with no attacker named. As for an agentless passive, the actor is the place where it happened (its
        /// country), else nobody named (the context country).</summary>
        private Party UnnamedAttacker(int t)
        {
            var seg = clauses.Segments[clauses.SegmentOf(t)];
            var range = new TextSpan(w.Span(seg.Start).Start, w.Span(seg.End - 1).End);
            var place = -1;
            foreach (var m in mentions.PlacesIn(w.Sentence.Index))
            {
                var span = mentions[m].Span;
                if (range.Contains(span) && !mentions.ActorsIn(w.Sentence.Index).Any(a => mentions[a].Span.Overlaps(span)))
                {
                    place = m; // not a place inside the victims' name ("a U.S. soldier")
                    break;
                }
            }

            return place >= 0 && mentions.CountryOf(mentions[place]) is not null
                ? new Party(place, null, true, "an attack named by its noun, no attacker named: the place where it happened")
                : new Party(-1, new TextSpan(w.Span(t).Start, w.Span(t).Start), false, "an attack named by its noun: no attacker named");
        }

        private Party? SpeakerParty(Documents.Attribution a)
        {
            if (a.Source.Span is not { } span)
            {
                return null;
            }

            var sentence = document.SentenceAt(span.Start);
            foreach (var m in mentions.ActorsWithin(sentence, span))
            {
                return new Party(m, null, false, "the speaker of the governing attribution");
            }

            return a.Source.Kind == "anonymous" ? null : new Party(-1, span, false, "the speaker of the governing attribution (words)");
        }

        /// <summary>The verb at <paramref name="t"/> is used in a sense its patterns do not code: its object, or the
        /// object of the preposition right after it ("met with jeers", active or passive), has a head the
        /// other-senses table lists for it.</summary>
        private bool OtherSense(int t)
        {
            var senses = OtherSenses.Shipped;
            var verb = w.Lemma(t);
            var before = t; // the object starts after this token
            if (t + 1 < w.Count && senses.ListsWithPreposition(verb) && senses.Lists(verb + " " + w.Lower(t + 1)))
            {
                verb += " " + w.Lower(t + 1);
                before = t + 1;
            }
            else if (!senses.Lists(verb))
            {
                return false;
            }

            if (ObjectHead(before) is not int head)
            {
                return false;
            }

            // A quantity or collective head says nothing of the sense; the noun after its "of" does ("a lot of scepticism").
            var layer = document.SyntaxOf(w.Sentence);
            return senses.Changes(verb, layer[head].Lemma.ToLowerInvariant())
                || (head + 1 < w.Count && w.Lower(head + 1) == "of" && ObjectHead(head + 1) is int inner && senses.Changes(verb, layer[inner].Lemma.ToLowerInvariant()));
        }

        /// <summary>
        /// The head of the noun phrase right after the verb at <paramref name="verb"/>, or null: determiners, possessives,
        /// numbers and adjectives are passed over, a possessor ("analysts' forecasts") gives way to its possessed noun, and
        /// the last noun of a run of nouns is the head.
        /// </summary>
        private int? ObjectHead(int verb)
        {
            var layer = document.SyntaxOf(w.Sentence);
            var end = Math.Min(clauses.Segments[clauses.SegmentOf(verb)].End, Math.Min(w.Count, layer.Length));
            var i = verb + 1;
            while (i < end && (layer[i].Upos is "DET" or "ADJ" or "NUM" || layer[i].Xpos is "PRP$" || Attributive(layer, i, verb + 1, end)))
            {
                i++;
            }

            if (i >= end || layer[i].Upos != "NOUN")
            {
                return null;
            }

            while (i + 1 < end && (layer[i + 1].Upos == "NOUN" || (layer[i + 1].Xpos == "POS" && i + 2 < end && layer[i + 2].Upos is "NOUN" or "ADJ")))
            {
                i += layer[i + 1].Xpos == "POS" ? 2 : 1;
                while (i < end && layer[i].Upos == "ADJ")
                {
                    i++;
                }
            }

            return i < end && layer[i].Upos == "NOUN" ? i : null;
        }

        /// <summary>A participle opening the noun phrase or after its determiner modifies the noun ("scathing reviews",
        /// "a deafening chorus", "the leading candidate").</summary>
        private static bool Attributive(ReadOnlySpan<TokenSyntax> layer, int i, int start, int end) =>
            layer[i].Xpos is "VBG" or "VBN" && (i == start || layer[i - 1].Upos == "DET") && i + 1 < end && layer[i + 1].Upos is "NOUN" or "ADJ";

        private Party SlotParty(SlotFill slot, string rule)
        {
            var seg = clauses.Segments[clauses.SegmentOf(slot.Start < w.Count ? slot.Start : w.Count - 1)];
            var end = Math.Min(slot.End == slot.Start ? slot.Start : slot.End, w.Count);
            var actor = clauses.FirstActor(slot.Start, end);
            var place = slot.AllowsPlace ? clauses.FirstPlace(slot.Start, end) : -1;
            if (actor >= 0 && (place < 0 || mentions[actor].Span.Start <= mentions[place].Span.Start))
            {
                return new Party(actor, null, false, rule + ": actor mention");
            }

            if (place >= 0)
            {
                return new Party(place, null, true, rule + ": place mention (recipient is its country)");
            }

            // no mention: the slot's words, when they look like a name
            var first = slot.Start;
            while (first < end && (ClauseReader.Determiners.Contains(w.Lower(first)) || w.IsPunctuation(first) || w.Lower(first) is "to" or "with" or "in" or "on"))
            {
                first++;
            }

            while (first < end && !w.IsCapitalized(first))
            {
                first++;
            }

            var last = first;
            while (last + 1 < end && (w.IsCapitalized(last + 1) || (w.Lower(last + 1) is "of" or "and" or "." && last + 2 < end && w.IsCapitalized(last + 2))))
            {
                last++;
            }

            _ = seg;
            return first < end ? new Party(-1, w.SpanOf(first, last), false, rule + ": words (no actor mention)") : Party.None;
        }

        private Party FirstOther(int from, int to, List<Party> actors, string rule)
        {
            var nationality = ObjectNationality(from, to);
            var start = from;
            while (start < to)
            {
                var m = clauses.FirstActor(start, to);
                if (nationality >= 0 && (m < 0 || mentions[nationality].Span.Start < mentions[m].Span.Start))
                {
                    return new Party(nationality, null, true, "the nationality of the object (its government)", Nationality: true);
                }

                if (m < 0)
                {
                    return Party.None;
                }

                if (!actors.Any(a => a.Mention >= 0 && SameEntity(a.Mention, m)) && !IsModifier(m) && !IsOwnPeople(m))
                {
                    return new Party(m, null, false, rule);
                }

                start = w.TokenAtOrAfter(mentions[m].Span.End);
            }

            return Party.None;
        }

        /// <summary>"rejected an Australian ultimatum", "a blockade on Palestinian lorries": a nationality adjective in
        /// the object noun phrase right after the trigger (at most four plain words before it) stands for that
        /// country's government or people. -1 when none.</summary>
        private int ObjectNationality(int from, int to)
        {
            var limit = Math.Min(to, from + 5);
            foreach (var p in mentions.PlacesIn(w.Sentence.Index))
            {
                var mention = mentions[p];
                var k = w.TokenAtOrAfter(mention.Span.Start);
                if (k < from)
                {
                    continue;
                }

                if (k >= limit || mention.Place?.FeatureType != "country" || !CountryContext.IsCountry(mention.Country)
                    || Knowledge.Gazetteer.Default.FindCountryByAdjective(mention.Span.TextOf(document.Text)) is null)
                {
                    return -1;
                }

                for (var i = from; i < k; i++)
                {
                    if (w.Kind(i) != TokenKind.Word || ClauseReader.Auxiliaries.Contains(w.Lemma(i)) || owner.verbLemmas.Contains(w.Lemma(i))
                        || w.Lower(i) is "and" or "or" or "but" or "that" or "who" or "which" or "in" or "at" or "near" or "of" or "by")
                    {
                        return -1;
                    }
                }

                return p;
            }

            return -1;
        }

        /// <summary>"military aid", "a government offensive": a bare role noun (no name, no country) before another
        /// noun modifies it and names nobody.</summary>
        private bool IsModifier(int m)
        {
            var mention = mentions[m];
            if (mention.Name is not null || mentions.CountryOf(mention) is not null)
            {
                return false;
            }

            var next = w.TokenAtOrAfter(mention.Span.End);
            return next < w.Count && w.Kind(next) == TokenKind.Word && !w.IsCapitalized(next) && !FunctionWords.Contains(w.Lower(next))
                && !ClauseReader.Auxiliaries.Contains(w.Lemma(next)) && !owner.verbLemmas.Contains(w.Lemma(next))
                && !w.Lower(next).EndsWith("ed", StringComparison.Ordinal) && !w.Lower(next).EndsWith("ing", StringComparison.Ordinal);
        }

        /// <summary>"withdraw its troops", "their forces": a bare role noun after a possessive is the actor's own people, not a recipient.</summary>
        private bool IsOwnPeople(int m)
        {
            var mention = mentions[m];
            var first = w.TokenAtOrAfter(mention.Span.Start);
            return mention.Name is null && mentions.CountryOf(mention) is null && first > 0 && w.Lower(first - 1) is "its" or "their" or "his" or "her" or "our";
        }

        private bool SameEntity(int a, int b) =>
            a == b || (mentions[a].Entity is int ea && ea == mentions[b].Entity) || (mentions.NameOf(mentions[a]) is { } na && na == mentions.NameOf(mentions[b]));

        private bool IsPassive(int t)
        {
            var lower = w.Lower(t);
            if (!(lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("en", StringComparison.Ordinal) || (w.Lemma(t) != lower && !lower.EndsWith('s') && !lower.EndsWith("ing", StringComparison.Ordinal))))
            {
                return false;
            }

            var j = t - 1;
            while (j >= 0 && (w.Lower(j).EndsWith("ly", StringComparison.Ordinal) || w.Lower(j) is "also" or "not" or "reportedly"))
            {
                j--;
            }

            if (j >= 0 && w.Lemma(j) == "be" && w.Lower(j) != "'s")
            {
                return true;
            }

            // a reduced passive: a participle opening a comma clause with its by-agent ("X, backed by Y, ...", "X, banned
            // by the league, ..."); without "by" the participle may be active ("X, alleging ...") and is left so
            var by = t + 1;
            while (by < w.Count && Particles.Contains(w.Lower(by)))
            {
                by++;
            }

            return j >= 0 && w.Lower(j) == "," && by < w.Count && w.Lower(by) == "by";
        }

        private int ComplementEnd(PatternMatch m)
        {
            var own = clauses.Segments[clauses.SegmentOf(m.Trigger)];
            if (own.Kind == BoundaryKind.Relative)
            {
                return own.End; // a relative clause ends at its comma
            }

            var end = w.Count;
            for (var s = clauses.SegmentOf(m.Trigger) + 1; s < clauses.Segments.Count; s++)
            {
                if (clauses.Segments[s].Kind is BoundaryKind.Semicolon or BoundaryKind.Coordinator && clauses.Segments[s].Start >= m.End)
                {
                    end = clauses.Segments[s].Start;
                    break;
                }
            }

            var position = w.Span(m.Trigger).Start;
            foreach (var a in document.Attributions)
            {
                if (a.Content.Contains(position) && a.Content.End < w.Sentence.Span.End)
                {
                    end = Math.Min(end, w.TokenAtOrAfter(a.Content.End));
                }
            }

            return end;
        }

        /// <summary>The clause of the trigger, then the subject's (where a time or place may be said), as <see cref="EventSetting"/> reads them.</summary>
        private (TextSpan Span, string Name)[] SettingClauses(int t, SubjectResult subject) =>
            [(SegmentSpan(clauses.SegmentOf(t)), "the clause"), (SegmentSpan(subject.Segment), "the clause of the subject")];

        private TextSpan SegmentSpan(int segment) =>
            new(w.Span(clauses.Segments[segment].Start).Start, w.Span(clauses.Segments[segment].End - 1).End);

        private EventDate? DateOf(int t, (TextSpan Span, string Name)[] settingClauses, int? attribution, out string rule)
        {
            (var date, rule) = setting.Date(w.Sentence.Index, settingClauses, w.Span(t), attribution);
            return date;
        }

        private EventLocation? LocationOf(int t, (TextSpan Span, string Name)[] settingClauses, Party recipient, List<Party> actors, out string rule)
        {
            if (recipient.FromPlace && !recipient.Nationality && recipient.Mention >= 0)
            {
                rule = "the place the pattern names as the recipient";
                return Location(recipient.Mention);
            }

            // a place that names an actor, or the recipient (unless the pattern took the recipient from a place), is who, not where
            var parties = actors.Where(a => a.Mention >= 0 && !a.FromPlace).Select(a => mentions[a.Mention].Span).ToList();
            if (recipient.Mention >= 0 && (!recipient.FromPlace || recipient.Nationality))
            {
                parties.Add(mentions[recipient.Mention].Span);
            }

            (var location, rule) = setting.Location(w.Sentence.Index, settingClauses, w.Span(t), parties);
            return location;
        }

        private EventLocation Location(int m) => mentions.LocationOf(m);

        private ActorRef Ref(Party party)
        {
            if (party.Mention >= 0)
            {
                var m = mentions[party.Mention];
                return new ActorRef
                {
                    Text = m.Span.TextOf(document.Text),
                    Span = m.Span,
                    Name = party.FromPlace ? null : mentions.NameOf(m),
                    Country = mentions.CountryOf(m),
                    Sector = party.FromPlace ? null : mentions.SectorOf(m),
                    Entity = party.FromPlace ? null : m.Entity,
                    Mention = party.Mention,
                };
            }

            var span = party.Words ?? default;
            return new ActorRef { Text = span.TextOf(document.Text), Span = span.IsEmpty ? null : span };
        }

        /// <summary>A domestic act with no recipient named (a curfew, a protest) targets the country where it happened,
        /// else the actor's own country (<see cref="PatternFlags.Domestic"/>).</summary>
        private static (ActorRef Ref, string Rule)? DomesticRecipient(EventLocation? location, ActorRef actor)
        {
            var (country, rule) = location?.Country is { } l && CountryContext.IsCountry(l) ? (l, "the country where it happened")
                : actor.Country is { } a && CountryContext.IsCountry(a) ? (a, "the actor's own country")
                : (default(CountryCode?), string.Empty);
            if (country is not { } c)
            {
                return null;
            }

            var name = Knowledge.Gazetteer.Default.FindCountry(c)?.Name ?? c.Value;
            return (new ActorRef { Text = name, Name = name, Country = c }, $"none named; a domestic act targets {rule} ({c.Value})");
        }

        /// <summary>An actor its mention leaves without a country takes the country of its context (<see cref="CountryContext"/>).</summary>
        private (ActorRef Ref, string Rule) WithContextCountry(ActorRef actor, EventLocation? location)
        {
            if (actor.Country is not null || actor.Span is not { } span)
            {
                return (actor, string.Empty);
            }

            return context.Resolve(w, span, actor.Mention is null, location?.Country, owner.verbLemmas) is { } found
                ? (actor with { Country = found.Country }, "; country from context: " + found.Rule)
                : (actor, string.Empty);
        }

        private static bool Same(ActorRef a, ActorRef b) =>
            (a.Mention is not null && a.Mention == b.Mention) || (a.Entity is not null && a.Entity == b.Entity) || (a.Name is not null && a.Name == b.Name)
            || (a.Mention is null && b.Mention is null && a.Text.Length > 0 && a.Text == b.Text);

        private double Confidence(EventPattern p, Party actor, ActorRef? recipient, Modality m, int? attribution)
        {
            var c = p.Strength;
            c *= actor.Mention >= 0 ? (mentions.CountryOf(mentions[actor.Mention]) is not null ? 1.0 : 0.8) : 0.5;
            c *= recipient is null ? 0.9 : 1.0;
            c *= m.Hedged ? 0.8 : 1.0;
            c *= m.Conditional ? 0.85 : 1.0;
            c *= m.Future ? 0.9 : 1.0;
            c *= attribution is int a && document.Attributions[a].Anonymous ? 0.9 : 1.0;
            return c;
        }
    }
}
