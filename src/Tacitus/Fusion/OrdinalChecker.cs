using System.Globalization;

namespace Tacitus.Fusion;

/// <summary>
/// Checks the counts reports state ("his fourth visit to China since March") against the fused events in the store:
/// events of the same type family, by the same actor, to the same other country (the place's or the recipient's, when
/// it is not the actor's own), in the period, up to this event. A mismatch becomes an "ordinal" conflict naming both
/// sides: what the report says and which events the store holds.
/// </summary>
internal sealed class OrdinalChecker(PreparedStatements sql, FusionLexicon lexicon)
{
    private const int Listed = 12;

    public IEnumerable<FusionConflict> Check(FusedEvent fused)
    {
        ArgumentNullException.ThrowIfNull(fused);
        for (var i = 0; i < fused.Reports.Count; i++)
        {
            foreach (var claim in fused.Reports[i].Claims)
            {
                var counted = Count(fused, claim);
                if (counted.Count != claim.Ordinal)
                {
                    var list = string.Join(", ", counted.Take(Listed).Select(c => $"#{c.Id} {c.Date ?? "undated"}"));
                    yield return new FusionConflict("ordinal", string.Create(CultureInfo.InvariantCulture,
                        $"the report says \"{claim.Text}\" ({claim.Ordinal}); the store holds {counted.Count} such event{(counted.Count == 1 ? string.Empty : "s")}{(counted.Count == 0 ? string.Empty : ": " + list)}"),
                        [i]);
                }
            }
        }
    }

    private List<(long Id, string? Date)> Count(FusedEvent fused, OrdinalClaim claim)
    {
        var actor = fused.Actor;
        var other = fused.Location?.Country is { } place && place != actor.Country ? place
            : fused.Recipient?.Country is { } recipient && recipient != actor.Country ? recipient : null;
        var found = new List<(long, string?)>();
        using var r = sql.Get("""
            SELECT id, date_value FROM fused_events
            WHERE family = $p0
              AND (($p1 IS NOT NULL AND actor_name = $p1) OR ($p1 IS NULL AND actor_country = $p2 AND ($p3 IS NULL OR actor_sector = $p3)))
              AND ($p4 IS NULL OR location_country = $p4 OR recipient_country = $p4)
              AND ($p5 IS NULL OR date_latest >= $p5)
              AND ($p6 IS NULL OR date_earliest <= $p6 OR id = $p7)
            ORDER BY date_earliest, id LIMIT 1000
            """,
            lexicon.Family(claim.Type), actor.Name, actor.Country, actor.Sector, other,
            claim.Since is { } since ? DateRange.Day(since) : null, fused.Latest is { } latest ? DateRange.Day(latest) : null, fused.Id).ExecuteReader();
        while (r.Read())
        {
            found.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1)));
        }

        return found;
    }
}
