namespace Tacitus.Fusion;

/// <summary>
/// Discourse continuity of place within one document, as fusion reads it: a report of a type known by where it
/// happened (the <c>place</c> column of data/fusion/type-families.tsv: attacks, fighting) that names no place below
/// country level ("the attackers killed 89 people", "an attack in France") is about the place of the document's own
/// report of that family that does name one ("gunmen opened fire in a concert hall in Velmar"), when the country
/// agrees and the dates do not conflict. Only what a reader would accept joins: neither report's sentence shows a
/// figurative attack (data/fusion/figurative-attack-words.txt: "attacked the plan in a speech", "a heart attack") unless
/// it counts dead or injured, and their actors agree, and their targets, where both name one. It takes the nearest such report before it in the text: a place carries
/// forward in a text, not back (read over BBC and PolNeAR articles, a report taking the town named after it, even a
/// sentence or two on, was mostly wrong: a politician's verbal attack before the shooting the article then places).
/// The stored event record is never changed: the report fusion compares carries the place with
/// <see cref="FusedReport.PlaceFrom"/> naming the report it came from, and the fused event's explanation says so.
/// </summary>
internal static class PlaceContinuity
{
    /// <summary>The document's reports (in record order), each report without a town that continues a placed one given that one's place.</summary>
    public static IReadOnlyList<FusedReport> Apply(IReadOnlyList<FusedReport> reports, FusionLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(lexicon);
        if (!reports.Any(r => lexicon.PlaceAnchored(r.Type) && Placed(r)))
        {
            return reports;
        }

        var read = new FusedReport[reports.Count];
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            read[i] = lexicon.PlaceAnchored(report.Type) && !Placed(report) && Antecedent(report, reports, lexicon) is { } from
                ? report.WithPlace(from.Location!, new PlaceSource(from.Event, from.Sentence, from.Location!.Name))
                : report;
        }

        return read;
    }

    /// <summary>The report's own place is below country level.</summary>
    public static bool Placed(FusedReport report) => report.Location is { CountryLevel: false };

    /// <summary>
    /// The placed report of the same family in the same document whose place <paramref name="report"/> continues:
    /// the nearest before it (by sentence, then record); null when none before it agrees.
    /// </summary>
    public static FusedReport? Antecedent(FusedReport report, IReadOnlyList<FusedReport> reports, FusionLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(lexicon);
        var family = lexicon.Family(report.Type);
        if (!Physical(report, lexicon))
        {
            return null;
        }

        FusedReport? before = null;
        foreach (var other in reports)
        {
            if (ReferenceEquals(other, report) || !Placed(other) || lexicon.Family(other.Type) != family || !Agrees(report, other))
            {
                continue;
            }

            // the sentence test last: it reads the whole sentence, and only a report before this one can give it a place
            if (Precedes(other, report) && (before is null || Precedes(before, other)) && Physical(other, lexicon))
            {
                before = other;
            }
        }

        return before;
    }

    /// <summary>
    /// The report can be about physical violence: it counts dead or injured, or its sentence holds no phrase of
    /// <see cref="FusionLexicon.FigurativeAttack"/> ("a heart attack", "attacked the plan in a speech").
    /// </summary>
    public static bool Physical(FusedReport report, FusionLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(lexicon);
        if (report.Figures.Any(f => f.Kind is "killed" or "injured"))
        {
            return true;
        }

        var words = report.Evidence.ToLowerInvariant().Split((char[])[' ', ',', '.', ';', ':', '"', '\'', '(', ')', '!', '?', '\u2019', '\u201c', '\u201d'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var phrase in lexicon.FigurativeAttack)
        {
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The country of the report's place (when it has one) is the placed report's, and their dates overlap at their precision.</summary>
    private static bool Agrees(FusedReport report, FusedReport placed)
    {
        if (report.Location?.Country is { } country && placed.Location!.Country is { } other && country != other)
        {
            return false;
        }

        return report.Date is not { } a || placed.Date is not { } b || a.Overlaps(b);
    }

    /// <summary>What fusion read into report <paramref name="index"/> of a fused event, in words; null when it is read as stored.</summary>
    public static string? Explain(FusedReport report, int index)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.PlaceFrom is { } from
            ? $"report {index} names no town; fusion reads it at {from.Name ?? "the place"} from record {from.Event} (sentence {from.Sentence}) of the same document: " +
              "an attack or fight reported without a town continues the document's own placed report of it (the stored record is unchanged)"
            : null;
    }

    private static bool Precedes(FusedReport a, FusedReport b) => a.Sentence < b.Sentence || (a.Sentence == b.Sentence && a.Event < b.Event);
}
